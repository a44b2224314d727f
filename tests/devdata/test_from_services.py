"""The reports count what the quiz services record: reading, attempts, per-question outcomes, completions."""

from datetime import timedelta

from django.utils import timezone

from core.roles import Role
from learners.models import Gender, LearnerProfile
from quizzes import attempts, completion
from quizzes.models import QuestionOutcome
from reports.areas import province_report
from reports.filters import Filters
from reports.module_stats import module_report
from reports.scope import Scope
from tests.factories import LearnerProfileFactory
from tests.quizzes.conftest import correct_answers, make_quiz, make_user, wrong_answers

NATIONAL = Scope(provinces=None)


def test_a_learner_s_journey_through_the_services_shows_in_the_reports(site_tree):
    quiz = make_quiz(site_tree.module, pass_mark=60)
    learner = make_user("sokha")
    LearnerProfileFactory(user=learner, full_name_km="សុខា", role=Role.POLICE_OFFICER, gender=Gender.FEMALE)
    start = timezone.now() - timedelta(days=2)
    for offset, lesson in enumerate(site_tree.lessons):
        completion.lesson_view_record(
            learner=learner, lesson_id=lesson.pk, module_id=site_tree.module.pk, now=start + timedelta(hours=offset)
        )
    first = attempts.attempt_start(learner=learner, quiz=quiz)
    attempts.attempt_submit(attempt=first, learner=learner, answers=wrong_answers(first))
    second = attempts.attempt_start(learner=learner, quiz=quiz)
    attempts.attempt_submit(attempt=second, learner=learner, answers=correct_answers(second))

    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.training_started_at, profile.training_active_on) == (start, timezone.localdate())
    assert QuestionOutcome.objects.filter(attempt=first, correct=False).count() == 4
    assert QuestionOutcome.objects.filter(attempt=second, correct=True).count() == 4

    kampot = next(row for row in province_report(scope=NATIONAL, filters=Filters()).rows if row.code == "07")
    # Module 2 has nothing to complete yet, so the course is not completed: started, not completed.
    assert (kampot.counts.registered, kampot.counts.started, kampot.counts.completed) == (1, 1, 0)
    only_first = Filters(modules=(site_tree.module.pk,))
    kampot = next(row for row in province_report(scope=NATIONAL, filters=only_first).rows if row.code == "07")
    assert (kampot.counts.started, kampot.counts.completed) == (1, 1)
    other = Filters(modules=(site_tree.empty_module.pk,))
    kampot = next(row for row in province_report(scope=NATIONAL, filters=other).rows if row.code == "07")
    assert (kampot.counts.started, kampot.counts.completed) == (0, 0)

    [row] = module_report(scope=NATIONAL, filters=Filters(), modules=[site_tree.module])
    assert (row.tried, row.passed, row.not_passed, row.completed) == (1, 1, 0, 1)
    assert row.average_score == (first.__class__.objects.get(pk=first.pk).score + 100) / 2
    assert len(row.hardest) == 4 and all((stat.answered, stat.wrong) == (2, 1) for stat in row.hardest)
    assert {stat.question_id for stat in row.hardest} == set(quiz.questions.values_list("pk", flat=True))
    # Outside the learner's province, none of it shows.
    [elsewhere] = module_report(scope=Scope(provinces=frozenset({"21"})), filters=Filters(), modules=[site_tree.module])
    assert (elsewhere.tried, elsewhere.completed, elsewhere.hardest) == (0, 0, [])
