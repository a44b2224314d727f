"""The per-group tallies the modules report reads stay equal to what the attempts say, whatever happens."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.roles import Role
from learners.confirmation import learner_confirm, learner_reject
from learners.models import Confirmation, Gender, LearnerProfile, Province
from learners.signals import learner_group_changed
from quizzes import attempts
from quizzes.models import Attempt, QuestionTally, QuizTally
from quizzes.tallies import tallies_as_computed, tallies_as_kept, tallies_fold, tallies_rebuild
from reports.filters import Filters
from reports.module_stats import module_report
from reports.scope import Scope
from tests.factories import LearnerProfileFactory
from tests.quizzes.conftest import correct_answers, make_quiz, make_user, wrong_answers

NATIONAL = Scope(provinces=None)
# Dates wide enough to hold everything: the report then counts from the attempts, not from the tallies.
ALL_DATES = {"start": date(2000, 1, 1), "end": date(2100, 1, 1)}


def take(learner, quiz, *, right: bool):
    attempt = attempts.attempt_start(learner=learner, quiz=quiz)
    answers = correct_answers(attempt) if right else wrong_answers(attempt)
    return attempts.attempt_submit(attempt=attempt, learner=learner, answers=answers)


def in_step() -> bool:
    return tallies_as_kept() == tallies_as_computed()


def person(name: str, *, province: str = "07", role=Role.POLICE_OFFICER, gender=Gender.FEMALE, **extra):
    user = make_user(name)
    LearnerProfileFactory(user=user, province=Province.objects.get(pk=province), role=role, gender=gender, **extra)
    return user


@pytest.fixture
def quiz(site_tree):
    return make_quiz(site_tree.module, pass_mark=60)


def test_a_fold_counts_submissions_in_their_learner_s_group(quiz):
    sokha, dara = person("sokha"), person("dara", province="21", role=Role.COMMUNE_COUNCIL, gender=Gender.MALE)
    waiting = person("waiting", confirmation=Confirmation.PENDING)
    first = take(sokha, quiz, right=False)
    take(sokha, quiz, right=True)
    take(dara, quiz, right=False)
    take(waiting, quiz, right=True)
    assert not QuizTally.objects.exists()  # a submission writes nothing here
    assert tallies_fold() == 4
    take(sokha, quiz, right=True)  # a second fold: the learner tried and passed already
    assert tallies_fold() == 1
    with CaptureQueriesContext(connection) as queries:
        assert tallies_fold() == 0
    assert len(queries) == 1  # nothing to fold: one read, no write lock taken
    assert not Attempt.objects.filter(status="submitted", tallied=False).exists()

    kampot = QuizTally.objects.get(quiz=quiz, province_id="07", role=Role.POLICE_OFFICER, gender=Gender.FEMALE)
    # One learner tried and passed, however many attempts; every attempt's score is summed.
    assert (kampot.tried, kampot.passed, kampot.submitted) == (1, 1, 3)
    assert kampot.score_total == first.score + 200
    takeo = QuizTally.objects.get(quiz=quiz, province_id="21")
    assert (takeo.tried, takeo.passed, takeo.submitted) == (1, 0, 1)
    assert QuizTally.objects.count() == 2  # the learner waiting for confirmation counts nowhere
    answers = QuestionTally.objects.filter(province_id="07")
    assert {(row.answered, row.wrong) for row in answers} == {(3, 1)}
    assert in_step()


def test_a_learner_who_moves_takes_their_results_along(quiz):
    sokha = person("sokha")
    person("dara")  # stays in Kampot
    take(sokha, quiz, right=True)
    tallies_fold()
    take(sokha, quiz, right=False)  # not folded yet when the learner moves
    profile = LearnerProfile.objects.get(user=sokha)
    for change in ({"province_id": "21"}, {"role": Role.COMMUNE_COUNCIL}, {"gender": Gender.MALE}):
        for name, value in change.items():
            setattr(profile, name, value)
        profile.save()
        assert in_step()
    tallies_fold()
    assert in_step()
    moved = QuizTally.objects.get(quiz=quiz, province_id="21", role=Role.COMMUNE_COUNCIL, gender=Gender.MALE)
    assert (moved.tried, moved.passed, moved.submitted) == (1, 1, 2)
    left = QuizTally.objects.get(quiz=quiz, province_id="07", role=Role.POLICE_OFFICER, gender=Gender.FEMALE)
    assert (left.tried, left.passed, left.submitted, left.score_total) == (0, 0, 0, 0)


def test_confirming_adds_and_a_new_claim_takes_away(quiz):
    coordinator = make_user("coordinator", is_superuser=True)
    waiting = person("waiting", confirmation=Confirmation.PENDING)
    take(waiting, quiz, right=True)
    tallies_fold()
    assert not QuizTally.objects.filter(tried__gt=0).exists()
    learner_confirm(profile=LearnerProfile.objects.get(user=waiting), actor=coordinator)
    assert QuizTally.objects.get(quiz=quiz).passed == 1
    assert in_step()
    profile = LearnerProfile.objects.get(user=waiting)
    profile.confirmation = Confirmation.PENDING  # what learner_update does when a learner claims another province
    profile.province_id = "21"
    profile.save()
    assert QuizTally.objects.get(quiz=quiz).passed == 0
    assert in_step()
    learner_reject(profile=profile, actor=coordinator, reason="Not in Takeo")
    assert in_step()


def test_a_deleted_learner_is_taken_away(quiz):
    sokha, dara = person("sokha"), person("dara")
    take(sokha, quiz, right=True)
    take(dara, quiz, right=False)
    tallies_fold()
    sokha.delete()
    tally = QuizTally.objects.get(quiz=quiz)
    assert (tally.tried, tally.passed, tally.submitted) == (1, 0, 1)
    assert in_step()


def test_saving_other_fields_moves_nothing(quiz):
    sokha = person("sokha")
    take(sokha, quiz, right=True)
    sent = []
    learner_group_changed.connect(lambda **kwargs: sent.append(kwargs), weak=False, dispatch_uid="test.sent")
    try:
        profile = LearnerProfile.objects.get(user=sokha)
        profile.full_name_km = "សុខា"
        profile.save()
        profile.save(update_fields=["full_name_km"])
    finally:
        learner_group_changed.disconnect(dispatch_uid="test.sent")
    assert sent == []
    assert in_step()


def test_rebuild_restores_lost_tallies(quiz):
    take(person("sokha"), quiz, right=True)
    take(person("dara", province="21"), quiz, right=False)
    tallies_fold()
    kept = tallies_as_kept()
    QuizTally.objects.all().delete()
    QuestionTally.objects.filter(province_id="21").delete()
    assert not in_step()
    assert tallies_rebuild() == (2, 8)
    assert tallies_as_kept() == kept


def test_the_check_command_says_when_the_tallies_are_off(quiz, capsys):
    take(person("sokha"), quiz, right=True)
    tallies_fold()
    call_command("report_tallies")
    assert "0" in capsys.readouterr().out
    QuizTally.objects.update(passed=5)
    with pytest.raises(SystemExit):
        call_command("report_tallies")
    call_command("report_tallies", "--rebuild")
    assert in_step()


@pytest.mark.parametrize(
    "scope, filters",
    [
        (NATIONAL, {}),
        (Scope(provinces=frozenset({"07"})), {}),
        (NATIONAL, {"roles": (Role.COMMUNE_COUNCIL,)}),
        (Scope(provinces=frozenset({"21"})), {"genders": (Gender.MALE,)}),
    ],
)
def test_the_modules_report_from_tallies_equals_the_one_from_attempts(site_tree, quiz, scope, filters):
    people = [
        person("a"),
        person("b", role=Role.COMMUNE_COUNCIL),
        person("c", province="21", gender=Gender.MALE),
        person("d", province="21"),
        person("gone"),
        person("waiting", confirmation=Confirmation.PENDING),
    ]
    for index, learner in enumerate(people):
        for turn in range(index % 3 + 1):
            take(learner, quiz, right=(index + turn) % 2 == 0)
        if index == 2:
            tallies_fold()  # the rest arrive after the fold: counted from the rows
    people[4].is_active = False  # a disabled account: still in its group's tallies, never in a report
    people[4].save()

    def figures(**dates):
        [row] = module_report(scope=scope, filters=Filters(**filters, **dates), modules=[site_tree.module])
        hardest = [(stat.question_id, stat.answered, stat.wrong) for stat in row.hardest]
        return row.tried, row.passed, row.completed, round(row.average_score or 0, 6), hardest

    from_tallies, from_attempts = figures(), figures(**ALL_DATES)
    assert from_tallies == from_attempts
    assert from_tallies[0] > 0


def test_a_new_learner_takes_no_lock_and_an_account_with_attempts_brings_them(quiz):
    fresh = make_user("fresh")
    with CaptureQueriesContext(connection) as queries:
        LearnerProfileFactory(user=fresh, province=Province.objects.get(pk="07"))
    assert not any("quizzes_tallyfold" in query["sql"] for query in queries)
    # An account that took a quiz before it had a profile: the profile brings its folded results in.
    staff = make_user("staff")
    take(staff, quiz, right=True)
    tallies_fold()
    assert not QuizTally.objects.filter(passed__gt=0).exists()
    LearnerProfileFactory(user=staff, province=Province.objects.get(pk="07"))
    assert QuizTally.objects.get(quiz=quiz).passed == 1
    assert in_step()
