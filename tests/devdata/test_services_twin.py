"""The generator's bulk writes equal the quiz services' own: the same stories, replayed event by event through
lesson_view_record, attempt_start, attempt_answer and attempt_submit, leave the same rows and profile columns."""

from collections import Counter
from datetime import datetime

import pytest
from django.utils import timezone

from core.roles import Role
from devdata.curriculum import arrangement_rng
from devdata.demo import demo_activities, demo_world
from devdata.writing import write_activity
from learners.models import Confirmation, LearnerProfile
from quizzes import attempts, completion
from quizzes.models import Attempt, Certificate, LessonView, ModuleCompletion, QuestionOutcome, QuestionTally, QuizTally
from quizzes.tallies import tallies_as_kept, tallies_fold
from tests.factories import LearnerProfileFactory, LessonPageFactory, ModulePageFactory
from tests.quizzes.conftest import make_quiz

NOW = timezone.make_aware(datetime(2026, 11, 1, 9, 30))
SEED = 7


@pytest.fixture
def learners(site_tree):
    """The site tree's module 1 (three lessons, a shuffled quiz allowing three attempts), a second module with
    two lessons and no quiz, a third with a quiz a learner may retry after an hour; forty learners."""
    first_quiz = make_quiz(site_tree.module, shuffle=True, attempts_allowed=3)
    first_quiz.save_revision().publish(skip_permission_checks=True)  # attempts record the version they start on
    # Required of police only: council members may take it, and most pass over it.
    second = ModulePageFactory(parent=site_tree.manual, number=3, slug="second", required_roles=[Role.POLICE_OFFICER])
    for index in range(2):
        LessonPageFactory(parent=second, slug=f"second-{index}")
    third = ModulePageFactory(parent=site_tree.manual, number=4, slug="third")
    LessonPageFactory(parent=third, slug="third-0")
    make_quiz(third, pass_mark=80, wait_minutes=60)
    site_tree.empty_module.unpublish()  # live, required and empty, it would keep everyone from the certificate
    # Every fifth waits for their coordinator: they may complete the course, but hold no certificate yet. Every
    # third is a council member.
    return [
        LearnerProfileFactory(
            user__username=f"demo-{number:03d}",
            confirmation=Confirmation.PENDING if number % 5 == 0 else Confirmation.CONFIRMED,
            role=Role.COMMUNE_COUNCIL if number % 3 == 0 else Role.POLICE_OFFICER,
        ).user
        for number in range(40)
    ]


def stored() -> dict:
    """Everything the activity left, keyed by what does not depend on row ids or on chance (certificate codes);
    the tallies once what was submitted is folded in (the bulk writer folds as it goes, the services leave it to
    the report)."""
    tallies_fold()
    return {
        "views": sorted(LessonView.objects.values_list("learner_id", "lesson_id", "module_id", "viewed_at")),
        "attempts": sorted(
            (a.learner_id, a.quiz_id, a.number, a.status, a.started_at, a.submitted_at, a.score, a.passed)
            + (a.quiz_revision_id,)
            + tuple(repr(getattr(a, name)) for name in ("snapshot", "answers", "results"))
            for a in Attempt.objects.all()
        ),
        "outcomes": sorted(
            QuestionOutcome.objects.values_list("attempt__learner_id", "attempt__number", "question_id", "correct")
        ),
        "completions": sorted(
            (c.learner_id, c.module_id, c.completed_at, c.score, c.attempt.number if c.attempt else None)
            + (c.lesson_ids, repr(c.module_title), c.manual_version, repr(c.content_version))
            for c in ModuleCompletion.objects.select_related("attempt")
        ),
        "certificates": sorted(
            (c.learner_id, c.manual_id, c.issued_at, c.completed_on, repr(c.holder), repr(c.modules))
            + (c.manual_version, c.expires_on)
            for c in Certificate.objects.all()
        ),
        "profiles": sorted(
            LearnerProfile.objects.values_list(
                "user_id", "training_started_at", "training_active_on", "course_completed_at"
            )
        ),
        "tallies": tallies_as_kept(),
    }


def replay(activity) -> None:
    """The story of one learner told to the services, in the order it happened."""
    events = [(view.viewed_at, 0, view) for view in activity.views]
    events += [(a.started_at, 1, (a, index)) for a, index in zip(activity.attempts, activity.arrangements, strict=True)]
    learner = activity.learner
    for _at, kind, event in sorted(events, key=lambda item: (item[0], item[1])):
        if kind == 0:
            completion.lesson_view_record(
                learner=learner, lesson_id=event.lesson_id, module_id=event.module_id, now=event.viewed_at
            )
            continue
        planned, index = event
        quiz = planned.quiz
        started = attempts.attempt_start(
            learner=learner,
            quiz=quiz,
            now=planned.started_at,
            rng=arrangement_rng(seed=SEED, quiz_id=quiz.pk, index=index),
        )
        if planned.submitted_at is None:
            for question_id, chosen in planned.answers.items():
                attempts.attempt_answer(attempt=started, learner=learner, question_id=question_id, choice_ids=chosen)
        else:
            attempts.attempt_submit(attempt=started, learner=learner, answers=planned.answers, now=planned.submitted_at)


def test_bulk_rows_equal_the_services_rows(learners):
    world = demo_world(seed=SEED, now=NOW)
    write_activity(demo_activities(learners, world=world, seed=SEED))
    written = stored()
    assert written["completions"] and written["certificates"] and written["outcomes"]
    assert any(row[3] == "in_progress" for row in written["attempts"])
    assert any(row[7] is False for row in written["attempts"])
    pending = set(LearnerProfile.objects.filter(confirmation=Confirmation.PENDING).values_list("user_id", flat=True))
    modules_done = Counter(row[0] for row in written["completions"])
    assert {learner for learner, count in modules_done.items() if count == 3} & pending  # finished while waiting
    certified = {row[0] for row in written["certificates"]}
    assert certified and not certified & pending
    # A council member's certificate lists the modules their role requires, not the police-only one.
    council = set(LearnerProfile.objects.filter(role=Role.COMMUNE_COUNCIL).values_list("user_id", flat=True))
    listed = {
        learner: [m["number"] for m in modules]
        for learner, modules in Certificate.objects.values_list("learner_id", "modules")
    }
    assert {tuple(listed[learner]) for learner in certified & council} == {(1, 4)}
    assert {tuple(listed[learner]) for learner in certified - council} == {(1, 3, 4)}

    Certificate.objects.all().delete()
    ModuleCompletion.objects.all().delete()
    Attempt.objects.all().delete()
    LessonView.objects.all().delete()
    QuizTally.objects.all().delete()
    QuestionTally.objects.all().delete()
    LearnerProfile.objects.update(training_started_at=None, training_active_on=None, course_completed_at=None)
    for activity in demo_activities(learners, world=demo_world(seed=SEED, now=NOW), seed=SEED):
        replay(activity)

    assert stored() == written
