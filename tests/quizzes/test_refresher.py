"""When the manual changes: completions and certificates record the version they were earned on; a significant
change marks earlier completions for a refresher (set-based), which the learner completes by reading the changed
lessons and passing the quiz again; /verify/ says current, outdated or expired."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import page_cache
from curriculum.changes import CHANGE_NOTE_REQUIRED, ManualChange
from learners.models import LearnerProfile
from quizzes.attempts import NO_ATTEMPTS_LEFT, QuizError, QuizRetryLater, attempt_start, attempt_submit
from quizzes.completion import certificate_issue_if_complete, lesson_view_record
from quizzes.models import Certificate, ModuleCompletion
from quizzes.refresher import (
    CertificateStatus,
    certificate_status,
    completions_mark,
    lesson_changes,
    refresher_state,
    significant_change_apply,
)
from quizzes.selectors import quiz_state
from quizzes.versions import manual_version
from tests.factories import LearnerProfileFactory, LessonPageFactory
from tests.quizzes.conftest import correct_answers, make_user
from tests.quizzes.test_offline_sync import entry, right_answers, sent

pytestmark = pytest.mark.django_db

NOTE = {"km": "ច្បាប់ថ្មីស្តីពីយុត្តិធម៌អនីតិជន", "en": "The new juvenile justice law"}


def complete(tree, quiz, user):
    for lesson in tree.lessons:
        lesson_view_record(learner=user, lesson_id=lesson.pk, module_id=tree.module.pk)
    pass_quiz(quiz, user)


def pass_quiz(quiz, user):
    attempt = attempt_start(learner=user, quiz=quiz)
    attempt_submit(attempt=attempt, learner=user, answers=correct_answers(attempt))


def publish(page, *, significant: bool, note: dict | None = None):
    page = page.specific
    page.change_significant = significant
    if note:
        page.change_note_km, page.change_note_en = note["km"], note["en"]
    page.save_revision().publish()
    return page


@pytest.fixture
def trained(setup):
    """A confirmed learner holding the certificate (the second module withdrawn: it has nothing to complete)."""
    setup.tree.empty_module.unpublish()
    LearnerProfileFactory(user=setup.learner, province__code="07")
    complete(setup.tree, setup.quiz, setup.learner)
    assert Certificate.objects.filter(learner=setup.learner).exists()
    return setup


def test_a_completion_and_certificate_record_the_content_they_were_earned_on(trained):
    completion = ModuleCompletion.objects.get(learner=trained.learner)
    module = trained.module
    module.refresh_from_db()
    assert completion.manual_version == 1
    assert completion.content_version["module"] == module.live_revision_id
    lessons = {str(lesson.pk): lesson.live_revision_id for lesson in trained.tree.lessons}
    assert completion.content_version["lessons"] == lessons
    assert completion.content_version["quiz"]  # the quiz's revision, or when it was last saved
    certificate = Certificate.objects.get(learner=trained.learner)
    assert certificate.manual_version == 1
    assert certificate.expires_on is None  # certificates do not expire unless the setting says so
    assert certificate.modules[0]["id"] == module.pk
    assert certificate.modules[0]["revision"] == module.live_revision_id


def test_a_change_that_is_not_significant_leaves_completions_current(trained):
    publish(trained.tree.lessons[0], significant=False)
    assert not ManualChange.objects.exists()
    assert manual_version(manual_id=trained.tree.manual.pk) == 1
    assert not ModuleCompletion.objects.filter(refresher_since__isnull=False).exists()
    assert certificate_status(certificate=Certificate.objects.get()) == CertificateStatus.CURRENT


def test_a_significant_change_needs_a_note_in_both_languages(trained):
    lesson = trained.tree.lessons[1].specific
    lesson.change_significant = True
    lesson.change_note_km = NOTE["km"]
    with pytest.raises(ValidationError) as raised:
        lesson.full_clean()
    assert raised.value.message_dict["change_note_en"] == [str(CHANGE_NOTE_REQUIRED)]
    assert "change_note_km" not in raised.value.message_dict


def test_a_significant_change_marks_earlier_completions_and_the_refresher_makes_them_current(trained):
    learner, tree, quiz = trained.learner, trained.tree, trained.quiz
    changed = publish(tree.lessons[1], significant=True, note=NOTE)
    change = ManualChange.objects.get()
    assert (change.version, change.note, change.lesson_ids, change.completions_marked) == (2, NOTE, [changed.pk], 1)
    assert manual_version(manual_id=tree.manual.pk) == 2
    # The next edit starts from "not significant".
    changed.refresh_from_db()
    assert changed.change_significant is False and changed.change_note_en == ""

    completion = ModuleCompletion.objects.get(learner=learner)
    assert completion.needs_refresher
    assert pending_flag(learner) is True  # the profile's copy, which the coverage report counts
    certificate = Certificate.objects.get(learner=learner)
    assert certificate_status(certificate=certificate) == CertificateStatus.OUTDATED
    state = refresher_state(completion=completion, learner=learner, quiz_id=quiz.pk)
    assert [lesson.pk for lesson in state.lessons] == [changed.pk]

    # Reading an unchanged lesson again does nothing for it; the changed one counts; the quiz passed again ends it.
    lesson_view_record(learner=learner, lesson_id=tree.lessons[0].pk, module_id=tree.module.pk)
    lesson_view_record(learner=learner, lesson_id=changed.pk, module_id=tree.module.pk)
    completion.refresh_from_db()
    assert completion.needs_refresher and completion.refresher_read == [changed.pk]
    pass_quiz(quiz, learner)
    completion.refresh_from_db()
    assert not completion.needs_refresher
    assert pending_flag(learner) is False
    assert completion.manual_version == 2 and completion.refreshed_at is not None
    assert completion.content_version["lessons"][str(changed.pk)] == changed.live_revision_id
    assert ModuleCompletion.objects.filter(learner=learner).count() == 1  # still one completion, made current
    certificate.refresh_from_db()
    assert certificate.manual_version == 2
    assert certificate_status(certificate=certificate) == CertificateStatus.CURRENT


def test_the_quiz_alone_does_not_end_a_refresher_and_a_new_lesson_must_be_read(trained):
    learner, tree = trained.learner, trained.tree
    new = LessonPageFactory(parent=trained.module, slug="new-law", title_en="The new law")
    publish(new, significant=True, note=NOTE)
    pass_quiz(trained.quiz, learner)
    assert ModuleCompletion.objects.get(learner=learner).needs_refresher
    lesson_view_record(learner=learner, lesson_id=new.pk, module_id=tree.module.pk)  # in either order
    assert not ModuleCompletion.objects.get(learner=learner).needs_refresher


def test_a_completion_after_the_change_is_current(trained):
    publish(trained.tree.lessons[0], significant=True, note=NOTE)
    newcomer = make_user("newcomer")
    complete(trained.tree, trained.quiz, newcomer)
    completion = ModuleCompletion.objects.get(learner=newcomer)
    assert not completion.needs_refresher and completion.manual_version == 2


def test_a_revision_is_recorded_once(trained):
    lesson = publish(trained.tree.lessons[0], significant=True, note=NOTE)
    lesson.refresh_from_db()
    lesson.change_significant = True
    assert significant_change_apply(page=lesson, revision=lesson.live_revision) is None
    assert ManualChange.objects.count() == 1


def pending_flag(user) -> bool:
    return LearnerProfile.objects.values_list("refresher_pending", flat=True).get(user=user)


def test_the_profiles_flag_stays_while_another_module_still_needs_a_refresher(trained):
    learner = trained.learner
    other = ModuleCompletion.objects.get(learner=learner)
    publish(trained.tree.lessons[1], significant=True, note=NOTE)
    # A second completion that needs a refresher (another module's, as a second change would leave it).
    second = ModuleCompletion.objects.create(
        learner=learner, module=trained.tree.empty_module, completed_at=timezone.now(), refresher_since=timezone.now()
    )
    assert pending_flag(learner) is True
    for lesson in trained.tree.lessons:
        lesson_view_record(learner=learner, lesson_id=lesson.pk, module_id=trained.module.pk)
    pass_quiz(trained.quiz, learner)
    other.refresh_from_db()
    assert not other.needs_refresher
    assert pending_flag(learner) is True  # the second module still needs one
    second.delete()


def test_marking_costs_the_same_queries_for_one_learner_and_for_many(trained):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            completions_mark(module_id=trained.module.pk, now=timezone.now())
        return len(captured)

    few = queries()
    ModuleCompletion.objects.update(refresher_since=None)
    for index in range(30):
        user = make_user(f"many{index}")
        ModuleCompletion.objects.create(learner=user, module=trained.module, completed_at=timezone.now())
    assert queries() == few == 2  # one UPDATE of the completions, one of their learners' profiles
    assert ModuleCompletion.objects.filter(refresher_since__isnull=False).count() == 31


@override_settings(CERTIFICATE_VALID_DAYS=365)
def test_a_certificate_expires_when_the_setting_says_so_and_a_refresher_renews_it(trained):
    Certificate.objects.all().delete()
    LearnerProfile.objects.filter(user=trained.learner).update(course_completed_at=None)
    certificate = certificate_issue_if_complete(learner=trained.learner, manual=trained.tree.manual)
    today = timezone.localdate()
    assert certificate.expires_on == today + timedelta(days=365)
    assert certificate_status(certificate=certificate, today=today) == CertificateStatus.CURRENT
    later = today + timedelta(days=366)
    assert certificate_status(certificate=certificate, today=later) == CertificateStatus.EXPIRED


# What learners, and anyone checking a certificate, see


def test_my_training_and_the_home_page_show_the_refresher_in_the_readers_language(client, trained):
    learner, tree = trained.learner, trained.tree
    changed = publish(tree.lessons[1], significant=True, note=NOTE)
    new = LessonPageFactory(parent=trained.module, slug="added-later", title_en="Added later")
    client.force_login(learner)
    page = client.get("/en/training/").content.decode()
    assert NOTE["en"] in page and "Module 1 has changed: a refresher for you" in page
    assert "Changed</span>" in page and changed.title_en in page
    assert "quiz again</a>" in page
    assert "New lessons in modules you completed" not in page  # the new lesson belongs to the refresher's module
    khmer = client.get("/km/training/").content.decode()
    assert NOTE["km"] in khmer
    home = client.get("/en/").content.decode()
    assert NOTE["en"] in home and "See what to read again in My training" in home
    # Once refreshed, only the lesson added without a significant change is left to tell.
    lesson_view_record(learner=learner, lesson_id=changed.pk, module_id=trained.module.pk)
    lesson_view_record(learner=learner, lesson_id=new.pk, module_id=trained.module.pk)
    pass_quiz(trained.quiz, learner)
    assert "a refresher for you" not in client.get("/en/training/").content.decode()


def test_new_lessons_after_completion_are_listed_on_the_home_page(client, trained):
    LessonPageFactory(parent=trained.module, slug="added-later", title_en="Added later")
    client.force_login(trained.learner)
    home = client.get("/en/").content.decode()
    assert "New lessons in modules you completed" in home and "Added later" in home


@pytest.mark.parametrize(
    ("days", "shift", "status"), [(0, 5000, "current"), (365, 0, "current"), (365, 366, "expired")]
)
def test_verify_says_whether_a_certificate_is_current_or_expired(client, trained, days, shift, status):
    with override_settings(CERTIFICATE_VALID_DAYS=days):
        Certificate.objects.all().delete()
        LearnerProfile.objects.filter(user=trained.learner).update(course_completed_at=None)
        certificate = certificate_issue_if_complete(
            learner=trained.learner, manual=trained.tree.manual, now=timezone.now() - timedelta(days=shift)
        )
    response = client.get(f"/en/verify/{certificate.code}/")
    assert f'data-status="{status}"' in response.content.decode()
    assert (certificate.expires_on is None) == (days == 0)


def test_verify_says_outdated_in_both_languages(client, trained):
    publish(trained.tree.lessons[0], significant=True, note=NOTE)
    code = Certificate.objects.get().code
    english = client.get(f"/en/verify/{code}/").content.decode()
    assert 'data-status="outdated"' in english and "now version 2" in english
    khmer = client.get(f"/km/verify/{code}/").content.decode()
    assert 'data-status="outdated"' in khmer and "Outdated" not in khmer


# A refresher is a fresh start for the quiz's attempt allowance and its wait


def limited(quiz, **limits):
    for name, value in limits.items():
        setattr(quiz, name, value)
    quiz.save()
    return quiz


def test_a_learner_who_used_every_attempt_may_take_the_refresher_quiz_within_the_allowance_again(trained):
    learner, quiz = trained.learner, limited(trained.quiz, attempts_allowed=1)
    with pytest.raises(QuizError) as refused:
        attempt_start(learner=learner, quiz=quiz)  # the one attempt was used to complete the module
    assert refused.value.message == NO_ATTEMPTS_LEFT
    publish(trained.tree.lessons[1], significant=True, note=NOTE)
    assert quiz_state(learner=learner, module_id=trained.module.pk).attempts_left == 1
    failed = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=failed, learner=learner, answers={})
    assert quiz_state(learner=learner, module_id=trained.module.pk).attempts_left == 0
    with pytest.raises(QuizError) as again:
        attempt_start(learner=learner, quiz=quiz)  # the refresher's own allowance is used up in turn
    assert again.value.message == NO_ATTEMPTS_LEFT


def test_the_wait_between_attempts_does_not_hold_back_a_refresher(trained):
    learner, quiz = trained.learner, limited(trained.quiz, wait_minutes=60)
    with pytest.raises(QuizRetryLater):
        attempt_start(learner=learner, quiz=quiz)
    publish(trained.tree.lessons[0], significant=True, note=NOTE)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=attempt, learner=learner, answers={})
    with pytest.raises(QuizRetryLater):
        attempt_start(learner=learner, quiz=quiz)  # then the wait applies between refresher attempts


def test_a_learner_with_no_refresher_pending_is_still_limited(trained):
    quiz = limited(trained.quiz, attempts_allowed=1)
    other = make_user("other")
    attempt_submit(attempt=attempt_start(learner=other, quiz=quiz), learner=other, answers={})  # failed, no completion
    publish(trained.tree.lessons[0], significant=True, note=NOTE)
    with pytest.raises(QuizError) as refused:
        attempt_start(learner=other, quiz=quiz)
    assert refused.value.message == NO_ATTEMPTS_LEFT
    assert quiz_state(learner=other, module_id=trained.module.pk).attempts_left == 0
    # Once the refresher is done, the learner who had it counts every attempt again.
    learner = trained.learner
    lesson_view_record(learner=learner, lesson_id=trained.tree.lessons[0].pk, module_id=trained.module.pk)
    pass_quiz(quiz, learner)
    assert not ModuleCompletion.objects.get(learner=learner).needs_refresher
    with pytest.raises(QuizError):
        attempt_start(learner=learner, quiz=quiz)


def test_a_refresher_attempt_sent_from_a_phone_is_graded_despite_the_used_allowance(client, trained):
    learner, quiz = trained.learner, limited(trained.quiz, attempts_allowed=1)
    client.force_login(learner)
    refused = sent(client, learner, [entry(learner, quiz, right_answers(quiz))])["attempts"][0]
    assert refused["status"] == "rejected"
    publish(trained.tree.lessons[1], significant=True, note=NOTE)
    lesson_view_record(learner=learner, lesson_id=trained.tree.lessons[1].pk, module_id=trained.module.pk)
    first, second = sent(client, learner, [entry(learner, quiz, right_answers(quiz)) for _ in range(2)])["attempts"]
    assert (first["status"], second["status"]) == ("graded", "rejected")
    assert not ModuleCompletion.objects.get(learner=learner).needs_refresher


# The module page marks the lessons to read again, for their reader only


def marks(response) -> list[str]:
    return re.findall(r'<span class="status change-mark">([^<]+)</span>', response.content.decode())


def test_the_module_page_marks_new_and_changed_lessons_in_the_readers_language_in_one_query(client, trained):
    learner, tree = trained.learner, trained.tree
    changed = publish(tree.lessons[1], significant=True, note=NOTE)
    new = LessonPageFactory(parent=trained.module, slug="new-law", title_en="The new law")
    new = publish(new, significant=True, note=NOTE)
    client.force_login(learner)
    url = trained.module.url
    english = client.get(url.replace("/km/", "/en/", 1))
    assert marks(english) == ["Changed", "New"]
    assert english.content.decode().count("✓ Read") == len(tree.lessons) - 1  # read before it changed: not "Read"
    with translation.override("km"):
        khmer = [str(_("Changed")), str(_("New"))]
    assert marks(client.get(url)) == khmer and "Changed" not in khmer
    with CaptureQueriesContext(connection) as captured:
        changes = lesson_changes(learner_id=learner.pk, module_id=trained.module.pk)
    assert changes == {changed.pk: "changed", new.pk: "new"} and len(captured) == 1
    # A lesson read again loses its mark; the module's card in My training says a refresher is due.
    lesson_view_record(learner=learner, lesson_id=changed.pk, module_id=trained.module.pk)
    english = client.get(url.replace("/km/", "/en/", 1))
    assert marks(english) == ["New"] and english.content.decode().count("✓ Read") == len(tree.lessons)
    training = client.get("/en/training/").content.decode()
    assert '<span class="status status-refresher">Needs a refresher</span>' in training


def test_nobody_else_sees_a_learners_marks_whoever_opens_the_module_page_first(trained):
    publish(trained.tree.lessons[1], significant=True, note=NOTE)
    url = trained.module.url
    anonymous, learner, other = Client(), Client(), Client()
    learner.force_login(trained.learner)
    other.force_login(make_user("other"))
    assert marks(anonymous.get(url)) == []  # kept for anonymous readers from here on
    assert len(marks(learner.get(url))) == 1
    assert marks(anonymous.get(url)) == [] and marks(other.get(url)) == []
    page_cache.invalidate()
    assert len(marks(learner.get(url))) == 1  # the learner's page rendered first this time
    assert marks(anonymous.get(url)) == [] and marks(other.get(url)) == []
    assert "status-refresher" not in other.get("/en/training/").content.decode()
