"""Demo quizzes: complete bilingual content for every demo module, created once."""

import io

import pytest

from quizzes.demo import quiz_content
from quizzes.demo.loader import load_demo_quizzes, load_quizzes
from quizzes.models import QuestionKind, Quiz
from tests.factories import LessonPageFactory, ModulePageFactory

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
    return modules


@pytest.mark.django_db
def test_demo_quizzes_load_once(demo_modules):
    quizzes = load_demo_quizzes(stdout=io.StringIO())
    assert [quiz.module_id for quiz in quizzes] == [module.pk for module in demo_modules]
    assert quizzes[0].title_km and quizzes[0].title_en and quizzes[0].questions.count() >= 5
    assert load_demo_quizzes(stdout=io.StringIO()) == quizzes
    load_quizzes(stdout=io.StringIO(), force=False)
    assert Quiz.objects.count() == len(DEMO_MODULE_SLUGS)
