""" "My training" after a completed module grew: the new lessons are explained, and the completion stands."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import ModuleCompletion
from tests.factories import LearnerProfileFactory, LessonPageFactory
from tests.quizzes.conftest import correct_answers

pytestmark = pytest.mark.django_db

NEW_LESSONS_EN = "2 new lessons since you completed this module. Your completion stands; read them to stay up to date."
NEW_LESSONS_KM = "មេរៀនថ្មី 2 ត្រូវបានបន្ថែម ក្រោយពេលអ្នកបានបញ្ចប់ម៉ូឌុលនេះ។"


def complete_module(client, setup):
    LearnerProfileFactory(user=setup.learner)
    for lesson in setup.tree.lessons:
        client.get(f"/en/first-module/{lesson.slug}/")
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    assert ModuleCompletion.objects.filter(learner=setup.learner, module=setup.module).exists()


def test_a_completed_module_with_new_lessons_says_so(signed_in, setup):
    complete_module(signed_in, setup)
    for index in (4, 5):
        LessonPageFactory(parent=setup.module, slug=f"lesson-{index}", title_en=f"Added lesson {index}")
    response = signed_in.get("/en/training/")
    assertContains(response, "Lessons read: 3 of 5")
    assertContains(response, NEW_LESSONS_EN)
    assertContains(signed_in.get("/km/training/"), NEW_LESSONS_KM)
    # Reading one of them: one left, said in the singular.
    signed_in.get("/en/first-module/lesson-4/")
    assertContains(signed_in.get("/en/training/"), "1 new lesson since you completed this module.")


def test_no_note_when_every_lesson_is_read_or_the_module_is_not_completed(signed_in, setup):
    complete_module(signed_in, setup)
    assertNotContains(signed_in.get("/en/training/"), "since you completed this module")
    ModuleCompletion.objects.all().delete()
    LessonPageFactory(parent=setup.module, slug="lesson-4")
    assertNotContains(signed_in.get("/en/training/"), "since you completed this module")
