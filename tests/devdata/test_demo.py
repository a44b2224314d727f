"""The demo learners' activity: seeded, written once, through the completion rules, refused with DEBUG off."""

import io
from datetime import datetime

import pytest
from django.conf import settings
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone

from core.demo_accounts import REFUSED
from devdata.demo import load_activity, load_demo_activity
from learners.models import LearnerProfile
from quizzes.demo.loader import load_demo_quizzes
from quizzes.models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion
from tests.factories import LearnerProfileFactory, LessonPageFactory, ModulePageFactory
from tests.quizzes.test_demo import DEMO_MODULE_SLUGS

NOW = timezone.make_aware(datetime(2026, 11, 1, 12, 0))


@pytest.fixture
def demo_modules(site_tree):
    """The demo manual's five modules (two lessons each) with their demo quizzes, and nothing else live."""
    modules = []
    for number, slug in enumerate(DEMO_MODULE_SLUGS, start=3):
        module = ModulePageFactory(parent=site_tree.manual, number=number, slug=slug)
        for index in range(2):
            LessonPageFactory(parent=module, slug=f"{slug}-{index}")
        modules.append(module)
    site_tree.module.unpublish()
    site_tree.empty_module.unpublish()
    load_demo_quizzes(stdout=io.StringIO())
    return modules


def demo_learner(username: str):
    return LearnerProfileFactory(user__username=username).user


def counts() -> dict:
    return {
        "attempts": Attempt.objects.count(),
        "views": LessonView.objects.count(),
        "completions": ModuleCompletion.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def test_demo_activity_loads_once(demo_modules):
    learners = [demo_learner(f"demo-{number:03d}") for number in range(1, 25)]
    output = io.StringIO()
    given = load_demo_activity(stdout=output, now=NOW)
    assert 0 < given <= len(learners)
    assert output.getvalue() == f"Gave {given} demo learners their reading, quiz attempts and completions."
    first = counts()
    assert load_demo_activity(stdout=io.StringIO(), now=NOW) == 0
    assert counts() == first

    statuses = {(a.status, a.passed) for a in Attempt.objects.all()}
    assert {(AttemptStatus.SUBMITTED, True), (AttemptStatus.SUBMITTED, False)} <= statuses
    assert first["completions"] > 0 and first["certificates"] > 0
    for completion in ModuleCompletion.objects.select_related("attempt"):
        assert completion.attempt.passed and completion.score == completion.attempt.score
        read = set(
            LessonView.objects.filter(learner=completion.learner, module=completion.module).values_list(
                "lesson_id", flat=True
            )
        )
        assert set(completion.lesson_ids) == read
    # The profiles' report columns follow the activity; a certificate marks the course completed.
    for certificate in Certificate.objects.all():
        profile = LearnerProfile.objects.get(user=certificate.learner)
        assert profile.course_completed_at == certificate.issued_at
        assert len(certificate.modules) == len(DEMO_MODULE_SLUGS)
    started = set(LessonView.objects.values_list("learner_id", flat=True))
    assert set(LearnerProfile.objects.filter(training_started_at__isnull=False).values_list("user", flat=True)) == (
        started | set(Attempt.objects.values_list("learner_id", flat=True))
    )


def test_demo_activity_is_the_same_for_the_same_seed(demo_modules):
    for number in range(1, 9):
        demo_learner(f"demo-{number:03d}")
    load_demo_activity(stdout=io.StringIO(), now=NOW)
    first = sorted(Attempt.objects.values_list("learner__username", "quiz_id", "number", "score", "started_at"))
    assert first
    Certificate.objects.all().delete()
    ModuleCompletion.objects.all().delete()
    Attempt.objects.all().delete()
    LessonView.objects.all().delete()
    load_demo_activity(stdout=io.StringIO(), now=NOW)
    assert sorted(Attempt.objects.values_list("learner__username", "quiz_id", "number", "score", "started_at")) == first


def test_showcase_officer_has_completed_two_modules(demo_modules):
    officer = demo_learner("officer")
    demo_learner("demo-001")
    load_demo_activity(stdout=io.StringIO(), now=NOW)
    assert ModuleCompletion.objects.filter(learner=officer).count() == 2


def test_demo_activity_is_refused_with_debug_off(demo_modules):
    demo_learner("demo-001")
    assert not settings.DEBUG
    with override_settings(DEBUG=False), pytest.raises(CommandError, match=REFUSED[:40]):
        load_activity(stdout=io.StringIO(), force=False)
    assert counts() == {"attempts": 0, "views": 0, "completions": 0, "certificates": 0}


def test_no_demo_learners_no_activity(demo_modules):
    load_activity(stdout=io.StringIO(), force=False)
    assert counts() == {"attempts": 0, "views": 0, "completions": 0, "certificates": 0}
