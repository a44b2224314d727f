"""Reading progress, module and course completion, and how the manual's pages and "My training" show them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from learners.models import LearnerProfile
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.completion import course_is_complete, lesson_view_record, module_is_complete
from quizzes.models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion, QuestionOutcome
from quizzes.selectors import module_quiz_id
from tests.factories import LearnerProfileFactory
from tests.quizzes.conftest import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db

LESSON_QUERY_BUDGET = 8  # issue 2: anonymous lesson view
SIGNED_IN_LESSON_QUERY_BUDGET = 12  # session and user, plus one indexed read once the lesson was recorded


def read_all(client, tree):
    for lesson in tree.lessons:
        assert client.get(f"/en/first-module/{lesson.slug}/").status_code == 200


def pass_quiz(learner, quiz):
    attempt = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(attempt=attempt, learner=learner, answers=correct_answers(attempt))


def test_opening_a_lesson_signed_in_records_it_once(signed_in, setup):
    lesson = setup.tree.lessons[0]
    for _ in range(3):
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    view = LessonView.objects.get()
    assert (view.learner, view.lesson_id, view.module_id) == (setup.learner, lesson.pk, setup.module.pk)


def test_anonymous_lesson_view_records_nothing_and_stays_in_budget(client, setup):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/first-module/lesson-1/")
    assert response.status_code == 200
    assert len(queries) <= LESSON_QUERY_BUDGET
    assert not LessonView.objects.exists()


def test_signed_in_rereading_costs_one_read_and_no_write(signed_in, setup):
    signed_in.get("/en/first-module/lesson-1/")
    with CaptureQueriesContext(connection) as queries:
        signed_in.get("/en/first-module/lesson-1/")
    statements = [q["sql"].split()[0].upper() for q in queries]
    assert len(queries) <= SIGNED_IN_LESSON_QUERY_BUDGET, statements
    assert not any(word in {"INSERT", "UPDATE", "DELETE"} for word in statements), statements


@pytest.mark.parametrize("kept", [True, False])
def test_a_first_reading_reads_the_profile_once_and_never_the_module_s_place(signed_in, setup, kept):
    """The module's path comes with the page (kept or rendered): a first reading reads whether the lesson was read
    and the profile's flags, adds the row, checks the module's completion and reads nothing else."""
    LearnerProfileFactory(user=setup.learner)
    if kept:
        Client().get("/en/first-module/lesson-2/")  # an anonymous visit keeps the page
    signed_in.get("/en/first-module/lesson-1/")
    with CaptureQueriesContext(connection) as queries:
        signed_in.get("/en/first-module/lesson-2/")
    sql = [q["sql"] for q in queries]
    assert LessonView.objects.filter(learner=setup.learner).count() == 2
    assert len([q for q in sql if "learners_learnerprofile" in q]) == 2, sql  # seen before?, then the flags
    assert not [q for q in sql if q.startswith('SELECT "wagtailcore_page"."path" AS "path"')], sql
    assert len([q for q in sql if q.startswith("INSERT")]) == 1, sql


def test_passing_without_reading_does_not_complete_the_module(setup):
    pass_quiz(setup.learner, setup.quiz)
    assert not ModuleCompletion.objects.exists()


def test_reading_everything_and_failing_does_not_complete(signed_in, setup):
    read_all(signed_in, setup.tree)
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    assert not ModuleCompletion.objects.exists()


def test_reading_then_passing_completes_with_what_it_was_earned_on(signed_in, setup):
    read_all(signed_in, setup.tree)
    attempt = pass_quiz(setup.learner, setup.quiz)
    completion = ModuleCompletion.objects.get()
    assert (completion.learner, completion.module_id, completion.attempt_id) == (
        setup.learner,
        setup.module.pk,
        attempt.pk,
    )
    assert completion.score == 100
    assert completion.lesson_ids == sorted(lesson.pk for lesson in setup.tree.lessons)  # the draft is not required
    assert completion.module_title == {"km": "ម៉ូឌុល 1", "en": "Module title 1"}


def test_passing_then_reading_the_last_lesson_completes(signed_in, setup):
    for lesson in setup.tree.lessons[:-1]:
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    pass_quiz(setup.learner, setup.quiz)
    assert not ModuleCompletion.objects.exists()
    signed_in.get(f"/en/first-module/{setup.tree.lessons[-1].slug}/")
    assert ModuleCompletion.objects.filter(learner=setup.learner, module=setup.module).count() == 1


def test_completion_is_recorded_once_and_keeps_its_first_date(signed_in, setup):
    read_all(signed_in, setup.tree)
    pass_quiz(setup.learner, setup.quiz)
    first = ModuleCompletion.objects.get()
    pass_quiz(setup.learner, setup.quiz)
    assert ModuleCompletion.objects.get().completed_at == first.completed_at


def test_course_certificate_when_every_required_module_is_completed(signed_in, setup):
    setup.tree.empty_module.unpublish()  # the fixture's second module has nothing to complete
    LearnerProfileFactory(user=setup.learner, full_name_km="សុខា ចាន់")  # confirmed: certificates need it
    read_all(signed_in, setup.tree)
    assert not Certificate.objects.exists()
    pass_quiz(setup.learner, setup.quiz)
    certificate = Certificate.objects.get()
    assert certificate.learner == setup.learner
    assert len(certificate.code) == 14 and certificate.code[4] == "-"
    assert certificate.holder["name_km"] == "សុខា ចាន់"
    assert [m["number"] for m in certificate.modules] == [1]


def test_progress_is_kept_on_the_learner_profile_by_the_completion_service(setup):
    """The one progress record the reports read: first activity, day of the latest, course completed."""
    setup.tree.empty_module.unpublish()
    LearnerProfileFactory(user=setup.learner)
    first = timezone.now() - timedelta(days=3)
    for offset, lesson in enumerate(setup.tree.lessons):
        lesson_view_record(learner=setup.learner, lesson_id=lesson.pk, module_id=setup.module.pk, now=first)
        assert offset or LearnerProfile.objects.get(user=setup.learner).training_started_at == first
    profile = LearnerProfile.objects.get(user=setup.learner)
    assert (profile.training_active_on, profile.course_completed_at) == (timezone.localdate(first), None)
    pass_quiz(setup.learner, setup.quiz)
    profile.refresh_from_db()
    certificate = Certificate.objects.get(learner=setup.learner)
    assert profile.training_started_at == first
    assert profile.training_active_on == timezone.localdate()
    assert profile.course_completed_at == certificate.issued_at


def test_a_failing_completion_write_undoes_the_whole_submission(setup, monkeypatch):
    """Progress is written in the submission's transaction: if the certificate cannot be saved, the attempt
    stays open and no outcome, completion or profile change is left behind."""
    setup.tree.empty_module.unpublish()
    LearnerProfileFactory(user=setup.learner)
    for lesson in setup.tree.lessons:
        lesson_view_record(learner=setup.learner, lesson_id=lesson.pk, module_id=setup.module.pk)
    before = LearnerProfile.objects.values("training_started_at", "training_active_on", "course_completed_at")
    before = before.get(user=setup.learner)
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)

    def refuse(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Certificate, "save", refuse)
    with pytest.raises(RuntimeError, match="disk full"):
        attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS
    assert not QuestionOutcome.objects.exists() and not ModuleCompletion.objects.exists()
    after = LearnerProfile.objects.values("training_started_at", "training_active_on", "course_completed_at")
    assert after.get(user=setup.learner) == before


def test_no_certificate_while_a_required_module_is_missing(signed_in, setup):
    read_all(signed_in, setup.tree)
    pass_quiz(setup.learner, setup.quiz)
    assert ModuleCompletion.objects.count() == 1
    assert not Certificate.objects.exists()


def test_a_module_not_required_for_the_certificate_does_not_block_it(signed_in, setup):
    LearnerProfileFactory(user=setup.learner)
    setup.tree.empty_module.required_roles = []
    setup.tree.empty_module.save_revision().publish()
    read_all(signed_in, setup.tree)
    pass_quiz(setup.learner, setup.quiz)
    assert [m["number"] for m in Certificate.objects.get().modules] == [1]


def test_lesson_view_record_is_idempotent(setup):
    lesson = setup.tree.lessons[0]
    assert lesson_view_record(learner=setup.learner, lesson_id=lesson.pk, module_id=setup.module.pk) is True
    assert lesson_view_record(learner=setup.learner, lesson_id=lesson.pk, module_id=setup.module.pk) is False
    assert LessonView.objects.count() == 1


# What the manual's pages show


def test_module_page_marks_read_lessons_and_offers_the_quiz(signed_in, setup):
    signed_in.get("/en/first-module/lesson-1/")
    response = signed_in.get("/en/first-module/")
    assertContains(response, "✓ Read", count=1)
    assertContains(response, "Start the quiz")
    assertContains(response, f'action="/en/training/quiz/{setup.quiz.pk}/start/"')


def test_module_page_offers_continue_while_an_attempt_is_open(signed_in, setup):
    attempt_start(learner=setup.learner, quiz=setup.quiz)
    assertContains(signed_in.get("/en/first-module/"), "Continue the quiz")


def test_anonymous_module_page_invites_sign_in_without_progress(client, setup):
    response = client.get("/en/first-module/")
    assertContains(response, "</a> to take this module's quiz")
    assertNotContains(response, "✓ Read")
    assertNotContains(response, "Start the quiz")


def test_manual_shows_each_modules_state(signed_in, setup):
    read_all(signed_in, setup.tree)
    pass_quiz(setup.learner, setup.quiz)
    response = signed_in.get("/en/")
    assertContains(response, "Completed on")
    assertContains(response, "score 100%")
    assertContains(response, "Not started")  # the second module


def test_manual_shows_in_progress(signed_in, setup):
    signed_in.get("/en/first-module/lesson-1/")
    assertContains(signed_in.get("/en/"), "In progress")


def test_anonymous_manual_costs_no_progress_queries(client, setup):
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    assert not any("quizzes_" in q["sql"] for q in queries)


def test_my_training_lists_modules_scores_attempts_and_certificate(signed_in, setup):
    LearnerProfileFactory(user=setup.learner)
    setup.tree.empty_module.unpublish()
    read_all(signed_in, setup.tree)
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    pass_quiz(setup.learner, setup.quiz)
    response = signed_in.get("/en/training/")
    assertContains(response, "1 of 1 modules required for your role (Police officer) completed.")
    assertContains(response, "2 attempts")
    assertContains(response, "best score 100%")
    assertContains(response, "Lessons read: 3 of 3")
    assertContains(response, "/en/training/certificate.pdf")
    assertContains(response, Certificate.objects.get().code)


@pytest.mark.parametrize(
    ("read", "passed", "complete"),
    [
        ({1, 2}, True, True),
        ({1, 2, 9}, True, True),  # a lesson read before it was unpublished does no harm
        ({1}, True, False),
        ({1, 2}, False, False),
        ({1, 2}, None, True),  # no quiz: reading is enough
    ],
)
def test_module_completion_rule(read, passed, complete):
    assert module_is_complete(lessons_read=read, lesson_ids={1, 2}, quiz_passed=passed) is complete


def test_a_module_without_lessons_is_completed_by_its_quiz_and_never_without_one():
    assert module_is_complete(lessons_read=set(), lesson_ids=set(), quiz_passed=None) is False
    assert module_is_complete(lessons_read=set(), lesson_ids=set(), quiz_passed=True) is True


@pytest.mark.parametrize(
    ("completed", "required", "complete"),
    [({1, 2, 3}, {1, 2}, True), ({1}, {1, 2}, False), ({1}, set(), False)],
)
def test_course_completion_rule(completed, required, complete):
    assert course_is_complete(completed_module_ids=completed, required_module_ids=required) is complete


def test_a_submission_notes_the_day_s_activity_once(setup):
    """Started days ago, submitted today: the profile's last active day moves to today, and a second
    submission the same day writes nothing more to the profile."""
    profile = LearnerProfileFactory(user=setup.learner)
    started = timezone.now() - timedelta(days=3)
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz, now=started)
    profile.refresh_from_db()
    assert (profile.training_started_at, profile.training_active_on) == (started, timezone.localdate(started))
    attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    profile.refresh_from_db()
    assert (profile.training_started_at, profile.training_active_on) == (started, timezone.localdate())
    again = attempt_start(learner=setup.learner, quiz=setup.quiz)
    with CaptureQueriesContext(connection) as queries:
        attempt_submit(attempt=again, learner=setup.learner, answers=wrong_answers(again))
    assert not [q for q in queries.captured_queries if q["sql"].startswith('UPDATE "learners_learnerprofile"')]


def test_a_first_reading_before_the_module_s_last_writes_its_row_and_reads_nothing_after(signed_in, setup):
    """Under the learner's lock: the lessons they read in the module, then the new row. A lesson of the module still
    unread (the module's lessons are kept per process) ends the completion check without a query."""
    LearnerProfileFactory(user=setup.learner)
    Client().get("/en/first-module/lesson-2/")  # kept, so no rendering follows the hook
    signed_in.get("/en/first-module/lesson-1/")
    with CaptureQueriesContext(connection) as queries:
        signed_in.get("/en/first-module/lesson-2/")
    sql = [q["sql"] for q in queries]
    insert = next(index for index, q in enumerate(sql) if q.startswith("INSERT"))
    assert 'FROM "quizzes_lessonview"' in sql[insert - 1], sql  # read under the lock, just before
    assert not [q for q in sql[insert + 1 :] if q.startswith(("SELECT", "UPDATE", "INSERT"))], sql
    assert not [q for q in sql if "wagtailcore_page" in q or "quizzes_quiz" in q], sql


def test_a_lesson_published_later_must_be_read_before_the_module_completes(signed_in, setup):
    """The module's lessons are kept per process until the manual changes: publishing a lesson is seen at once."""
    pass_quiz(setup.learner, setup.quiz)
    for lesson in setup.tree.lessons[:2]:
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    setup.tree.draft.save_revision().publish()
    signed_in.get(f"/en/first-module/{setup.tree.lessons[2].slug}/")
    assert not ModuleCompletion.objects.exists()
    assert signed_in.get("/en/first-module/draft-lesson/").status_code == 200
    completion = ModuleCompletion.objects.get(learner=setup.learner, module=setup.module)
    assert setup.tree.draft.pk in completion.lesson_ids


def test_a_module_whose_quiz_is_withdrawn_completes_on_reading(signed_in, setup):
    """A module without a live quiz needs its lessons only; the kept answer to "which quiz?" follows the change."""
    for lesson in setup.tree.lessons[:2]:
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    setup.quiz.unpublish()
    signed_in.get(f"/en/first-module/{setup.tree.lessons[2].slug}/")
    completion = ModuleCompletion.objects.get(learner=setup.learner, module=setup.module)
    assert completion.attempt is None


def test_the_module_s_last_reading_without_a_pass_asks_only_for_a_passed_attempt(signed_in, setup):
    """Every lesson read (the set read under the lock, against the kept lessons), the quiz not passed: one query for
    a passed attempt ends the check; the lessons are not listed again and no completion is looked up."""
    LearnerProfileFactory(user=setup.learner)
    Client().get("/en/first-module/lesson-3/")  # kept, so no rendering follows the hook
    for lesson in setup.tree.lessons[:2]:
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    assert module_quiz_id(module_id=setup.module.pk) == setup.quiz.pk  # kept, as after any earlier reader's check
    with CaptureQueriesContext(connection) as queries:
        signed_in.get("/en/first-module/lesson-3/")
    sql = [q["sql"] for q in queries]
    insert = next(index for index, q in enumerate(sql) if q.startswith("INSERT"))
    after = [q for q in sql[insert + 1 :] if q.startswith(("SELECT", "UPDATE", "INSERT"))]
    assert len(after) == 1 and 'FROM "quizzes_attempt"' in after[0], after
    assert not ModuleCompletion.objects.exists()
