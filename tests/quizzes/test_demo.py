"""Demo quizzes: complete bilingual content for every demo module; seeded, idempotent demo progress."""

import io

import pytest
from django.conf import settings
from django.core.management.base import CommandError
from django.test import override_settings

from core.demo_accounts import REFUSED
from curriculum.models import ModulePage
from quizzes.demo import quiz_content
from quizzes.demo.loader import load_demo_progress, load_demo_quizzes, load_quizzes
from quizzes.models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion, QuestionKind, Quiz
from tests.factories import LessonPageFactory, ModulePageFactory
from tests.quizzes.conftest import make_user

DEMO_MODULE_SLUGS = [
    "rights-of-the-child",
    "sale-trafficking-and-sexual-exploitation",
    "child-friendly-interviewing",
    "children-in-conflict-with-the-law",
    "referral-and-reporting",
]


def test_every_demo_module_has_a_quiz_of_at_least_five_questions():
    assert set(quiz_content.QUIZZES) == set(DEMO_MODULE_SLUGS)
    for slug, spec in quiz_content.QUIZZES.items():
        assert len(spec["questions"]) >= 5, slug
        kinds = {question["kind"] for question in spec["questions"]}
        assert kinds == {"single", "multiple", "true_false"}, slug


@pytest.mark.parametrize("slug", DEMO_MODULE_SLUGS)
def test_demo_questions_are_complete_in_both_languages_and_valid(slug):
    spec = quiz_content.QUIZZES[slug]
    for language in ("km", "en"):
        assert spec["title"][language].strip()
    for question in spec["questions"]:
        for language in ("km", "en"):
            assert question["text"][language].strip(), question
            assert question["explanation"][language].strip(), question
        assert any("\u1780" <= ch <= "\u17ff" for ch in question["text"]["km"])
        for choice in question["choices"]:
            assert choice[0].strip() and choice[1].strip(), choice
            if len(choice) > 3:  # feedback in both languages or in neither
                assert bool(choice[3].strip()) == bool(choice[4].strip()), choice
        assert QuestionKind(question["kind"]).choices_problem([c[2] for c in question["choices"]]) is None


@pytest.fixture
def demo_modules(site_tree):
    modules = []
    for number, slug in enumerate(DEMO_MODULE_SLUGS, start=3):
        module = ModulePageFactory(parent=site_tree.manual, number=number, slug=slug)
        for index in range(2):
            LessonPageFactory(parent=module, slug=f"{slug}-{index}")
        modules.append(module)
    site_tree.module.unpublish()
    site_tree.empty_module.unpublish()
    return modules


def counts() -> dict:
    return {
        "quizzes": Quiz.objects.count(),
        "attempts": Attempt.objects.count(),
        "views": LessonView.objects.count(),
        "completions": ModuleCompletion.objects.count(),
        "certificates": Certificate.objects.count(),
    }


@pytest.mark.django_db
def test_demo_quizzes_and_progress_load_once(demo_modules):
    learners = [make_user(f"demo-{number:03d}") for number in range(1, 13)]
    quizzes = load_demo_quizzes(stdout=io.StringIO())
    assert [quiz.module_id for quiz in quizzes] == [module.pk for module in demo_modules]
    assert quizzes[0].title_km and quizzes[0].title_en and quizzes[0].questions.count() >= 5

    assert load_demo_progress(stdout=io.StringIO(), quizzes=quizzes) > 0
    first = counts()
    assert load_demo_quizzes(stdout=io.StringIO()) == quizzes
    assert load_demo_progress(stdout=io.StringIO(), quizzes=quizzes) == 0
    assert counts() == first

    statuses = {(a.status, a.passed) for a in Attempt.objects.all()}
    assert {(AttemptStatus.SUBMITTED, True), (AttemptStatus.SUBMITTED, False)} <= statuses
    assert first["completions"] > 0
    # Completions came through the service: each has its passing attempt and every lesson read.
    for completion in ModuleCompletion.objects.all():
        assert completion.attempt.passed
        read = set(
            LessonView.objects.filter(learner=completion.learner, module=completion.module).values_list(
                "lesson_id", flat=True
            )
        )
        assert set(completion.lesson_ids) <= read
    assert len({a.learner_id for a in Attempt.objects.all()}) <= len(learners)


@pytest.mark.django_db
def test_demo_progress_is_the_same_for_the_same_seed(demo_modules):
    for number in range(1, 9):
        make_user(f"demo-{number:03d}")
    quizzes = load_demo_quizzes(stdout=io.StringIO())
    load_demo_progress(stdout=io.StringIO(), quizzes=quizzes)
    first = sorted(Attempt.objects.values_list("learner__username", "quiz_id", "number", "score"))
    Certificate.objects.all().delete()
    ModuleCompletion.objects.all().delete()
    Attempt.objects.all().delete()
    LessonView.objects.all().delete()
    load_demo_progress(stdout=io.StringIO(), quizzes=quizzes)
    assert sorted(Attempt.objects.values_list("learner__username", "quiz_id", "number", "score")) == first


@pytest.mark.django_db
def test_demo_attempts_are_refused_with_debug_off(demo_modules):
    make_user("demo-001")
    assert not settings.DEBUG
    with override_settings(DEBUG=False), pytest.raises(CommandError, match=REFUSED[:40]):
        load_quizzes(stdout=io.StringIO(), force=False)
    assert not Attempt.objects.exists()
    assert ModulePage.objects.filter(slug__in=DEMO_MODULE_SLUGS).count() == 5
