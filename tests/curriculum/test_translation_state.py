"""Translation state: a publication that changes one language flags the other until a trainer confirms it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission

from curriculum.models import LessonPage
from curriculum.translation_state import StaleTranslation, changed_languages, confirm_translation
from tests.factories import ProvincialCoordinatorFactory, TrainerFactory, UserFactory, text_block
from tests.factories.quizzes import ChoiceFactory, QuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/translations/stale/"


def publish(page, user=None, **changes):
    page = LessonPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=user)
    revision.publish()  # by review: the revision keeps its author
    return LessonPage.objects.get(pk=page.pk)


@pytest.fixture
def lesson(site_tree):
    """A lesson published once already, so later publications have a live revision to compare with."""
    return publish(site_tree.lessons[0])


def stale_languages(page) -> set[str]:
    content_type = ContentType.objects.get_for_model(LessonPage)
    rows = StaleTranslation.objects.filter(content_type=content_type, object_id=page.pk, confirmed_at=None)
    return set(rows.values_list("language", flat=True))


def test_a_khmer_change_flags_the_english(lesson):
    trainer = TrainerFactory()
    publish(lesson, user=trainer, body_km=[text_block("<p>អត្ថបទថ្មី ស្ត្រី</p>")])
    assert stale_languages(lesson) == {"en"}
    state = StaleTranslation.objects.get()
    assert (state.changed_language, state.changed_by) == ("km", trainer)


def test_an_english_title_change_flags_the_khmer(lesson):
    publish(lesson, title_en="A new English title")
    assert stale_languages(lesson) == {"km"}


def test_changing_both_languages_flags_nothing(lesson):
    publish(lesson, summary_km="សង្ខេបថ្មី", summary_en="New summary")
    assert stale_languages(lesson) == set()


def test_a_publication_without_text_changes_flags_nothing(lesson):
    publish(lesson)  # same texts (StreamField blocks get the same content, whatever their ids)
    publish(lesson, change_note_km="កែអក្ខរាវិរុទ្ធ")  # the note about a change is not the content
    assert stale_languages(lesson) == set()


def test_the_first_publication_flags_nothing(site_tree):
    page = site_tree.module.add_child(
        instance=LessonPage(title="ថ្មី", title_km="ថ្មី", title_en="New", slug="brand-new", live=False)
    )
    page.save_revision().publish()
    assert stale_languages(page) == set()


def test_a_change_scheduled_for_later_flags_nothing_until_it_goes_live(site_tree):
    page = site_tree.module.add_child(
        instance=LessonPage(title="ថ្មី", title_km="ថ្មី", title_en="New", slug="scheduled", live=False)
    )
    page.save_revision().publish()
    page = LessonPage.objects.get(pk=page.pk)
    page.unpublish()
    page = LessonPage.objects.get(pk=page.pk)
    page.title_km = "ថ្មីជាងមុន"
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision().publish()
    assert not LessonPage.objects.get(pk=page.pk).live
    assert stale_languages(page) == set()


def test_a_first_publication_after_drafts_flags_nothing(site_tree):
    page = site_tree.module.add_child(
        instance=LessonPage(title="ថ្មី", title_km="ថ្មី", title_en="New", slug="drafted", live=False)
    )
    page.save_revision()
    page.title_km = "ថ្មីជាងមុន"
    page.save_revision().publish()
    assert stale_languages(page) == set()


def test_pages_published_without_a_log_entry_compare_with_the_revision_before(site_tree):
    """As the demo loader publishes (log_action=False): the next change still flags the other language."""
    page = LessonPage.objects.get(pk=site_tree.lessons[1].pk)
    page.save_revision(log_action=False).publish(log_action=False)
    publish(page, summary_en="Changed in English only")
    assert stale_languages(page) == {"km"}


def test_a_language_with_no_text_is_not_behind(site_tree):
    page = site_tree.module.add_child(instance=LessonPage(title="ថ្មី", title_km="ថ្មី", slug="km-only", live=False))
    page.save_revision().publish()
    publish(page, body_km=[text_block("<p>អត្ថបទ</p>")])
    assert stale_languages(page) == set()  # English readers get the "not translated yet" notice instead


def test_a_new_change_after_confirmation_flags_again(lesson):
    trainer = TrainerFactory()
    publish(lesson, summary_km="ទីមួយ")
    assert confirm_translation(obj=lesson, user=trainer) == 1
    assert stale_languages(lesson) == set()
    publish(lesson, summary_km="ទីពីរ")
    assert stale_languages(lesson) == {"en"}
    assert StaleTranslation.objects.count() == 1  # one row per page and language, reused


# Readers


def test_readers_of_the_stale_language_see_a_notice_in_their_language(client, lesson):
    publish(lesson, body_km=[text_block("<p>អត្ថបទថ្មី</p>")])
    english = client.get("/en/first-module/lesson-1/").content.decode()
    assert "This English text may be behind the Khmer version, updated on" in english
    khmer = client.get("/km/first-module/lesson-1/").content.decode()
    assert "may be behind" not in khmer
    with translation.override("km"):
        assert "notice--stale" not in khmer


def test_the_notice_goes_once_confirmed(client, lesson):
    publish(lesson, title_en="Changed in English only")
    khmer = client.get("/km/first-module/lesson-1/").content.decode()
    assert "notice--stale" in khmer
    confirm_translation(obj=lesson, user=TrainerFactory())
    assert "notice--stale" not in client.get("/km/first-module/lesson-1/").content.decode()


def test_the_module_page_shows_the_notice_too(client, site_tree):
    module = site_tree.module
    module.save_revision().publish()
    module.refresh_from_db()
    module.summary_km = "សេចក្ដីសង្ខេបថ្មី"
    module.save_revision().publish()
    assert "notice--stale" in client.get("/en/first-module/").content.decode()


# Admin: report, confirmation, editor warning


def test_the_report_lists_stale_pages_for_trainers(client, lesson):
    publish(lesson, summary_km="ថ្មី")
    trainer = TrainerFactory()
    client.force_login(trainer)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert lesson.title_km in response.content.decode() or lesson.title_en in response.content.decode()
    assert [row.object_id for row in response.context["object_list"]] == [lesson.pk]


def test_the_report_is_scoped_to_pages_the_user_may_edit(client, site_tree, lesson):
    publish(lesson, summary_km="ថ្មី")
    group = Group.objects.create(name="Second module authors")
    GroupPagePermission.objects.create(
        group=group, page=site_tree.empty_module, permission=Permission.objects.get(codename="change_page")
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    author = UserFactory()
    author.groups.add(group)
    client.force_login(author)
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    confirm = f"/admin/translations/confirm/{ContentType.objects.get_for_model(LessonPage).pk}/{lesson.pk}/"
    assert client.post(confirm).status_code in (302, 403)  # Wagtail's admin sends the refused back to its home
    assert stale_languages(lesson) == {"en"}


def test_coordinators_do_not_get_the_report(client):
    client.force_login(ProvincialCoordinatorFactory())
    assert client.get(REPORT_URL).status_code in (302, 403)


def test_a_trainer_confirms_from_the_report(client, lesson):
    publish(lesson, summary_km="ថ្មី")
    trainer = TrainerFactory()
    client.force_login(trainer)
    url = f"/admin/translations/confirm/{ContentType.objects.get_for_model(LessonPage).pk}/{lesson.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "csrfmiddlewaretoken" in page.content.decode()
    response = client.post(url, {"next": REPORT_URL})
    assert response.status_code == 302 and response["Location"] == REPORT_URL
    state = StaleTranslation.objects.get()
    assert state.confirmed_by == trainer and state.confirmed_at is not None
    assert list(client.get(REPORT_URL).context["object_list"]) == []


def test_confirming_refuses_an_outside_next_url(client, lesson):
    publish(lesson, summary_km="ថ្មី")
    client.force_login(TrainerFactory())
    url = f"/admin/translations/confirm/{ContentType.objects.get_for_model(LessonPage).pk}/{lesson.pk}/"
    response = client.post(url, {"next": "https://example.org/"})
    assert response["Location"] == REPORT_URL


def test_confirming_something_untracked_is_a_404(client, lesson):
    client.force_login(TrainerFactory())
    group_type = ContentType.objects.get_for_model(Group)
    assert client.post(f"/admin/translations/confirm/{group_type.pk}/1/").status_code == 404
    assert client.post(f"/admin/translations/confirm/99999/{lesson.pk}/").status_code == 404


def test_the_editor_says_which_language_is_behind(client, lesson):
    publish(lesson, summary_en="Only English changed")
    client.force_login(TrainerFactory())
    response = client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "/admin/translations/confirm/" in content


def test_the_report_is_in_the_reports_menu_for_trainers_only(client, lesson):
    client.force_login(TrainerFactory())
    assert REPORT_URL in client.get("/admin/").content.decode()


# Quizzes: their questions and choices count as the quiz's text


def snapshot(quiz):
    """The quiz with its questions and choices as a revision holds them (in memory, not read again)."""
    model = type(quiz)
    return model.from_serializable_data(model.objects.get(pk=quiz.pk).serializable_data())


def test_a_quiz_choice_changed_in_one_language_changes_that_language_only(site_tree):
    quiz = QuizFactory(module=site_tree.module)
    choice = ChoiceFactory(question=QuestionFactory(quiz=quiz), text_km="ក", text_en="A", feedback_en="")
    before = snapshot(quiz)
    assert changed_languages(before, snapshot(quiz)) == set()
    choice.text_km = "ខ"
    choice.save()
    assert changed_languages(before, snapshot(quiz)) == {"km"}
    choice.feedback_en = "Because..."
    choice.save()
    assert changed_languages(before, snapshot(quiz)) == {"km", "en"}


def test_a_quiz_published_with_a_khmer_change_flags_its_english(client, site_tree):
    from quizzes.models import Quiz

    quiz = QuizFactory(module=site_tree.module)
    ChoiceFactory(question=QuestionFactory(quiz=quiz))
    quiz.save_revision().publish(skip_permission_checks=True)
    quiz = Quiz.objects.get(pk=quiz.pk)
    quiz.title_km = "តេស្តថ្មី"
    quiz.save_revision().publish(skip_permission_checks=True)
    content_type = ContentType.objects.get_for_model(Quiz)
    state = StaleTranslation.objects.get(content_type=content_type, object_id=quiz.pk)
    assert (state.language, state.changed_language, state.confirmed_at) == ("en", "km", None)

    trainer = TrainerFactory()
    client.force_login(trainer)
    assert [row.object_id for row in client.get(REPORT_URL).context["object_list"]] == [quiz.pk]
    editor = client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").content.decode()
    confirm = f"/admin/translations/confirm/{content_type.pk}/{quiz.pk}/"
    assert confirm in editor
    client.post(confirm)
    state.refresh_from_db()
    assert state.confirmed_by == trainer
