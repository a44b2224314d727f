"""The load population for the report benchmarks: consistent as the quiz services would have written it, seeded,
and never written into the working database."""

from collections import defaultdict
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core.roles import Role
from devdata import databases, people, population
from learners.models import Confirmation, LearnerProfile
from quizzes.grading import grade, is_passed, score_percent
from quizzes.models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion, QuestionOutcome
from reports.models import Target
from tests.factories import (
    CommuneFactory,
    DistrictFactory,
    LessonPageFactory,
    ManualPageFactory,
    ModulePageFactory,
    UserFactory,
)
from tests.quizzes.conftest import make_quiz

NOW = timezone.make_aware(datetime(2026, 11, 1))
LEARNERS = 300


@pytest.fixture
def curriculum(db):
    """Two modules with quizzes (one shuffled, one limited to two attempts), a draft lesson, and a few communes."""
    manual = ManualPageFactory(parent=Page.get_first_root_node())
    first = ModulePageFactory(parent=manual, number=1, slug="first")
    second = ModulePageFactory(parent=manual, number=2, slug="second")
    lessons = {first.pk: [LessonPageFactory(parent=first) for _ in range(2)]}
    lessons[second.pk] = [LessonPageFactory(parent=second) for _ in range(3)]
    LessonPageFactory(parent=second, live=False)  # a draft: not needed for completion
    make_quiz(first, shuffle=True)
    make_quiz(second, attempts_allowed=2)
    district = DistrictFactory(code="0701")
    for code in ("070101", "070102"):
        CommuneFactory(code=code, district=district)
    return {"manual": manual, "lessons": {module: [lesson.pk for lesson in pages] for module, pages in lessons.items()}}


def generate(**options):
    return population.generate_population(learners=LEARNERS, seed=1, now=NOW, batch_size=120, **options)


def test_population_counts_and_mix(curriculum):
    counts = generate()

    profiles = LearnerProfile.objects.all()
    assert counts.learners == profiles.count() == LEARNERS
    assert counts.answers == QuestionOutcome.objects.count()
    assert counts.attempts == Attempt.objects.count()
    assert counts.completions == ModuleCompletion.objects.count()
    assert counts.started == profiles.filter(training_started_at__isnull=False).count() > 0
    assert counts.certificates == Certificate.objects.count() > 0
    # Two quizzes of four questions: about ten answers a learner, as a million for 100,000 with the demo manual.
    assert counts.answers >= 5 * LEARNERS
    assert 0 < counts.attempts_in_progress < counts.attempts / 5
    assert profiles.values("province").distinct().count() >= 20
    assert profiles.filter(commune__isnull=False).exists()
    assert not profiles.filter(commune__isnull=False).exclude(district=F("commune__district")).exists()
    mix = {row: profiles.filter(confirmation=row).count() for row in Confirmation.values}
    assert mix[Confirmation.CONFIRMED] > LEARNERS * 0.8 and mix[Confirmation.PENDING] and mix[Confirmation.REJECTED]
    assert {p.role for p in profiles} == set(Role.values)
    oldest = profiles.order_by("created_at").first().created_at
    assert NOW - timedelta(days=people.DAYS) <= oldest and profiles.order_by("-created_at")[0].created_at < NOW
    # Nobody can sign in as a synthetic learner: one shared, unusable password.
    users = get_user_model().objects.filter(username__startswith=databases.USERNAME_PREFIX)
    assert users.values("password").distinct().count() == 1
    assert not users.first().has_usable_password()
    # Targets: every province and role, one of them 0, coverage far apart between provinces.
    province_targets = Target.objects.filter(district__isnull=True)
    assert province_targets.count() == 25 * len(Role.values)
    assert province_targets.filter(people=0).exists()
    levels = {t.province_id: t for t in province_targets.filter(role=Role.POLICE_OFFICER, people__gt=0)}
    assert len(levels) > 20


def test_rows_are_what_the_services_would_have_written(curriculum):
    generate()
    lessons = curriculum["lessons"]
    views = defaultdict(dict)
    for view in LessonView.objects.all():
        views[(view.learner_id, view.module_id)][view.lesson_id] = view.viewed_at
    attempts = defaultdict(list)
    for attempt in Attempt.objects.select_related("quiz").order_by("number"):
        attempts[(attempt.learner_id, attempt.quiz.module_id)].append(attempt)
    outcomes = defaultdict(int)
    for attempt_id in QuestionOutcome.objects.values_list("attempt_id", flat=True):
        outcomes[attempt_id] += 1
    completions = {(c.learner_id, c.module_id): c for c in ModuleCompletion.objects.all()}

    for tries in attempts.values():
        assert [a.number for a in tries] == list(range(1, len(tries) + 1))
        assert all(a.status == AttemptStatus.SUBMITTED for a in tries[:-1])  # only the last may be open
        if tries[0].quiz.attempts_allowed:
            assert len(tries) <= tries[0].quiz.attempts_allowed
        for attempt in tries:
            if attempt.is_open:
                assert attempt.score is None and outcomes[attempt.pk] == 0
                continue
            results, fraction = grade(snapshot=attempt.snapshot, answers=attempt.answers)
            assert (attempt.results, attempt.score) == (results, score_percent(fraction))
            assert attempt.passed == is_passed(score=fraction, pass_mark=attempt.pass_mark)
            assert outcomes[attempt.pk] == len(attempt.snapshot["questions"])
            assert attempt.started_at < attempt.submitted_at <= NOW

    for (learner, module), completion in completions.items():
        read = views[(learner, module)]
        assert set(read) == set(lessons[module]) == set(completion.lesson_ids)
        passing = completion.attempt
        assert passing.passed and passing.learner_id == learner and passing.quiz.module_id == module
        assert completion.score == passing.score
        # Recorded by whichever came last, the last lesson read or the passing submission.
        assert completion.completed_at == max(max(read.values()), passing.submitted_at)
    # And no completion is missing: all read and a pass means completed.
    for (learner, module), tries in attempts.items():
        if set(views[(learner, module)]) == set(lessons[module]) and any(a.passed for a in tries):
            assert (learner, module) in completions

    certificates = {c.learner_id: c for c in Certificate.objects.all()}
    for profile in LearnerProfile.objects.all():
        learner = profile.user_id
        mine = [c for (who, _m), c in completions.items() if who == learner]
        activity = [t for (who, _m), read in views.items() if who == learner for t in read.values()]
        for (who, _m), tries in attempts.items():
            if who == learner:
                activity += [a.started_at for a in tries] + [a.submitted_at for a in tries if a.submitted_at]
        # The profile's training columns, as activity_record and certificate_issue_if_complete leave them.
        if not activity:
            assert (profile.training_started_at, profile.training_active_on) == (None, None)
        else:
            assert profile.training_started_at == min(activity)
            assert profile.training_active_on == timezone.localdate(max(activity))
        # Only a confirmed learner holds the certificate: issued when the course was completed, or on the
        # confirmation for one who completed it while waiting; the profile notes the course's own end.
        certificate = certificates.get(learner)
        confirmed = profile.confirmation == Confirmation.CONFIRMED
        assert (certificate is not None) == (len(mine) == 2 and confirmed)
        finished = max(c.completed_at for c in mine) if certificate else None
        assert profile.course_completed_at == finished
        if certificate:
            assert certificate.issued_at == max(finished, profile.confirmed_at)
            assert certificate.completed_on == timezone.localdate(finished)
            assert [m["number"] for m in certificate.modules] == [1, 2]
            assert certificate.holder["name_km"] == profile.full_name_km
    issued = Certificate.objects.all()
    assert issued.filter(issued_at__gt=F("learner__learner_profile__course_completed_at")).exists()
    assert not issued.exclude(learner__learner_profile__confirmation=Confirmation.CONFIRMED).exists()


def test_same_seed_same_population(curriculum):
    def attempts():
        return list(Attempt.objects.order_by("pk").values_list("learner__username", "quiz__module__number", "score"))

    with transaction.atomic():
        first = generate()
        first_attempts = attempts()
        transaction.set_rollback(True)
    assert not LearnerProfile.objects.exists()
    again = generate()
    assert again == first
    assert attempts() == first_attempts

    # A second population in the same database is refused.
    with pytest.raises(CommandError) as raised:
        databases.refuse_foreign_database()
    assert str(raised.value) == databases.ALREADY_POPULATED % {"count": LEARNERS}


def test_different_seed_different_population(curriculum):
    with transaction.atomic():
        first = generate()
        transaction.set_rollback(True)
    other = population.generate_population(learners=LEARNERS, seed=2, now=NOW, batch_size=120)
    assert other.learners == first.learners and other != first


def test_refuses_a_database_with_real_accounts(curriculum):
    UserFactory(username="sokha")
    with pytest.raises(CommandError) as raised:
        databases.refuse_foreign_database()
    assert str(raised.value) == databases.FOREIGN_ACCOUNTS % {"count": 1}


def test_refuses_the_working_database(db):
    url = f"sqlite:///{connection.settings_dict['NAME']}" if connection.vendor == "sqlite" else None
    if url is None:
        settings_dict = connection.settings_dict
        url = f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or 'localhost'}/{settings_dict['NAME']}"
    with pytest.raises(CommandError) as raised:
        call_command("generate_load_data", "--learners", "1", "--database-url", url)
    assert str(raised.value) == databases.SAME_AS_WORKING_DATABASE % {"target": url}
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("sqlite:////tmp/a/../load.sqlite3", "sqlite:////tmp/load.sqlite3", True),
        ("sqlite:////tmp/load.sqlite3", "sqlite:////tmp/other.sqlite3", False),
        ("postgres://postgres@127.0.0.1:5432/test", "postgres://root@localhost/test", True),
        ("postgres://postgres@127.0.0.1:5432/test", "postgres://postgres@127.0.0.1:5432/load", False),
    ],
)
def test_same_database(first, second, same):
    assert databases.same_database(databases.database_settings(first), databases.database_settings(second)) is same
