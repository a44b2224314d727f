"""Publishing a module or lesson in the admin asks whether the change is significant; a significant change needs
a note in both languages, marks earlier completions for a refresher, and the next edit starts unticked."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from curriculum.blocks import RICH_TEXT_FEATURES
from curriculum.changes import CHANGE_NOTE_REQUIRED, ManualChange
from quizzes.models import ModuleCompletion
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def lesson_form(lesson, **overrides) -> dict:
    data = {
        "title_km": lesson.title_km,
        "title_en": lesson.title_en,
        "slug": lesson.slug,
        "summary_km": "",
        "summary_en": "",
        "body_km": streamfield([("text", rich_text("<p>ច្បាប់ថ្មី</p>", features=RICH_TEXT_FEATURES))]),
        "body_en": streamfield([("text", rich_text("<p>The new law</p>", features=RICH_TEXT_FEATURES))]),
        "change_note_km": "",
        "change_note_en": "",
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **overrides})


@pytest.fixture
def completed(site_tree):
    learner = UserFactory(username="done")
    ModuleCompletion.objects.create(learner=learner, module=site_tree.module, completed_at=timezone.now())
    return site_tree


def test_a_significant_change_without_both_notes_is_refused_and_nothing_is_marked(admin_client, completed):
    lesson = completed.lessons[0]
    data = lesson_form(lesson, change_significant="on", change_note_km="ច្បាប់ថ្មី")
    response = admin_client.post(f"/admin/pages/{lesson.pk}/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["change_note_en"] == [str(CHANGE_NOTE_REQUIRED)]
    assert not ManualChange.objects.exists()
    assert not ModuleCompletion.objects.filter(refresher_since__isnull=False).exists()


def test_a_significant_change_published_in_the_admin_marks_completions(admin_client, completed):
    lesson = completed.lessons[0]
    data = lesson_form(lesson, change_significant="on", change_note_km="ច្បាប់ថ្មី", change_note_en="The new law applies")
    assert admin_client.post(f"/admin/pages/{lesson.pk}/edit/", data).status_code == 302
    change = ManualChange.objects.get()
    assert change.note == {"km": "ច្បាប់ថ្មី", "en": "The new law applies"}
    assert change.lesson_ids == [lesson.pk] and change.version == 2 and change.changed_by is not None
    assert ModuleCompletion.objects.get().needs_refresher
    # The editor opens again unticked and empty: the next publication answers for itself.
    form = admin_client.get(f"/admin/pages/{lesson.pk}/edit/").context["form"]
    assert not form.initial.get("change_significant") and not form.initial.get("change_note_en")


def test_a_change_published_as_not_significant_marks_nothing(admin_client, completed):
    lesson = completed.lessons[0]
    assert admin_client.post(f"/admin/pages/{lesson.pk}/edit/", lesson_form(lesson)).status_code == 302
    assert not ManualChange.objects.exists()
    assert not ModuleCompletion.objects.get().needs_refresher
