"""Quizzes change for learners only through the two-trainer review: drafts, revisions, preview and approval.

A trainer's edit is a draft (learners, the offline quiz's version and grading keep the live quiz); nobody publishes
directly, not even a superuser; another trainer's approval publishes it; an attempt in progress is graded on the
version it started on; the preview shows the quiz as a learner sees it, never its answers.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry

from learners.models import SELF_APPROVAL
from quizzes import selectors
from quizzes.attempts import QUIZ_NOT_AVAILABLE, QuizError, attempt_start, attempt_submit, quiz_content_snapshot
from quizzes.demo.loader import load_demo_quizzes
from quizzes.models import Quiz
from quizzes.offline import quiz_version
from tests.factories import TrainerFactory
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FEEDBACK, correct_answers, make_quiz
from tests.quizzes.test_demo import demo_modules  # noqa: F401  (fixture)
from tests.quizzes.test_views import LEAKS

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/quizzes/quiz/add/"
DRAFT_TEXT = "Who must be present, in the new wording?"


def edit_url(quiz) -> str:
    return reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])


def _checkbox(value) -> str:
    return "on" if value else ""


def edit_form(quiz, *, first_text=None, flip_first=False, action=None) -> dict:
    """The editor's form for `quiz` as stored, with the first question reworded and/or its right answer moved to
    the next choice; `action` is the button pressed ("publish", "submit"; none saves a draft)."""
    data = {
        "module": str(quiz.module_id),
        "title_km": quiz.title_km,
        "title_en": quiz.title_en,
        "intro_km": quiz.intro_km,
        "intro_en": quiz.intro_en,
        "pass_mark": str(quiz.pass_mark),
        "attempts_allowed": str(quiz.attempts_allowed),
        "wait_minutes": str(quiz.wait_minutes),
        "shuffle_questions": _checkbox(quiz.shuffle_questions),
        "shuffle_choices": _checkbox(quiz.shuffle_choices),
        "review": quiz.review,
    }
    questions = list(quiz.questions.order_by("sort_order", "pk"))
    data.update(_management("questions", len(questions)))
    for index, question in enumerate(questions):
        prefix = f"questions-{index}"
        text_en = first_text if (index == 0 and first_text) else question.text_en
        data.update(
            {
                f"{prefix}-id": str(question.pk),
                f"{prefix}-ORDER": str(index + 1),
                f"{prefix}-DELETE": "",
                f"{prefix}-kind": question.kind,
                f"{prefix}-scoring": question.scoring,
                f"{prefix}-text_km": question.text_km,
                f"{prefix}-text_en": text_en,
                f"{prefix}-explanation_km": question.explanation_km,
                f"{prefix}-explanation_en": question.explanation_en,
                f"{prefix}-image": "",
            }
        )
        choices = list(question.choices.order_by("sort_order", "pk"))
        correct = [choice.is_correct for choice in choices]
        if index == 0 and flip_first:
            correct = correct[-1:] + correct[:-1]  # the right answer moves to another choice
        data.update(_management(f"{prefix}-choices", len(choices)))
        for position, choice in enumerate(choices):
            choice_prefix = f"{prefix}-choices-{position}"
            data.update(
                {
                    f"{choice_prefix}-id": str(choice.pk),
                    f"{choice_prefix}-ORDER": str(position + 1),
                    f"{choice_prefix}-DELETE": "",
                    f"{choice_prefix}-text_km": choice.text_km,
                    f"{choice_prefix}-text_en": choice.text_en,
                    f"{choice_prefix}-is_correct": _checkbox(correct[position]),
                    f"{choice_prefix}-feedback_km": choice.feedback_km,
                    f"{choice_prefix}-feedback_en": choice.feedback_en,
                }
            )
    if action:
        data[f"action-{action}"] = action
    return data


def _management(prefix: str, count: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(count),
        f"{prefix}-INITIAL_FORMS": str(count),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def trainers(db):
    return TrainerFactory(username="author"), TrainerFactory(username="reviewer")


@pytest.fixture
def live_quiz(site_tree):
    """A published quiz with its first revision, as the migration and the demo leave every quiz."""
    quiz = make_quiz(site_tree.module)
    quiz.save_revision().publish(skip_permission_checks=True)
    quiz.refresh_from_db()
    return quiz


def _first_text(snapshot: dict) -> str:
    return snapshot["questions"][0]["text"]["en"]


def _submitted(client, quiz, data):
    response = client.post(edit_url(quiz), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quiz.refresh_from_db()
    return quiz


def _approve(client, quiz):
    state = quiz.current_workflow_task_state
    url = reverse("wagtailsnippets_quizzes_quiz:workflow_action", args=[quiz.pk, "approve", state.pk])
    return client.post(url, {"comment": ""})


def test_trainers_may_edit_quizzes_but_nobody_publishes_directly(trainers):
    author, _reviewer = trainers
    boss = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    policy = policy_registry.get_by_type(Quiz)
    for action in ("add", "change", "lock", "unlock"):
        assert policy.user_has_permission(author, action), action
    assert not policy.user_has_permission(author, "delete")
    assert not policy.user_has_permission(author, "publish")
    assert not policy.user_has_permission(boss, "publish")
    assert not policy.users_with_permission("publish").exists()


def test_quizzes_go_through_the_two_trainer_review(live_quiz):
    workflow = live_quiz.get_workflow()
    assert workflow is not None and workflow.name == "Two-trainer review"


def test_a_trainers_edit_is_a_draft_and_learners_keep_the_live_quiz(client, live_quiz, trainers, learner):
    author, _reviewer = trainers
    live_text = live_quiz.questions.order_by("sort_order").first().text_en
    version = quiz_version(quiz_content_snapshot(quiz=live_quiz))
    client.force_login(author)
    quiz = _submitted(client, live_quiz, edit_form(live_quiz, first_text=DRAFT_TEXT, flip_first=True))

    assert quiz.has_unpublished_changes and quiz.latest_revision_id != quiz.live_revision_id
    assert quiz.get_latest_revision_as_object().questions.order_by("sort_order").first().text_en == DRAFT_TEXT
    assert quiz.questions.order_by("sort_order").first().text_en == live_text  # the row is the live version
    assert quiz_version(quiz_content_snapshot(quiz=quiz)) == version  # the offline quiz is not "changed"
    listing = client.get(reverse("wagtailsnippets_quizzes_quiz:list")).content.decode()
    assert listing.count("w-status--primary") == 1  # its status tag: live, with a draft
    client.force_login(learner)
    with translation.override("en"):
        page = client.get(reverse("quizzes:offline_quiz", args=[quiz.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and live_text in html and DRAFT_TEXT not in html and "{#" not in html
    attempt = attempt_start(learner=learner, quiz=quiz)
    assert _first_text(attempt.snapshot) == live_text
    assert attempt.quiz_revision_id == quiz.live_revision_id


@pytest.mark.parametrize("who", ["trainer", "superuser"])
def test_pressing_publish_saves_a_draft_and_publishes_nothing(client, live_quiz, trainers, who):
    author, _reviewer = trainers
    user = author if who == "trainer" else get_user_model().objects.create_superuser("boss", password="x-long-pw-1")
    client.force_login(user)
    live_revision = live_quiz.live_revision_id
    version = quiz_version(quiz_content_snapshot(quiz=live_quiz))
    quiz = _submitted(client, live_quiz, edit_form(live_quiz, first_text=DRAFT_TEXT, action="publish"))
    assert quiz.live_revision_id == live_revision and quiz.has_unpublished_changes
    assert quiz_version(quiz_content_snapshot(quiz=quiz)) == version
    unpublish = client.post(reverse("wagtailsnippets_quizzes_quiz:unpublish", args=[quiz.pk]))
    assert unpublish.status_code in (302, 403)
    quiz.refresh_from_db()
    assert quiz.live


def test_the_editor_offers_review_not_publish(client, live_quiz, trainers):
    author, _reviewer = trainers
    client.force_login(author)
    html = client.get(edit_url(live_quiz)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_submitted_then_approved_by_a_second_trainer_goes_live(client, live_quiz, trainers, learner):
    author, reviewer = trainers
    old_version = quiz_version(quiz_content_snapshot(quiz=live_quiz))
    client.force_login(author)
    quiz = _submitted(client, live_quiz, edit_form(live_quiz, first_text=DRAFT_TEXT, action="submit"))
    assert quiz.workflow_in_progress
    assert selectors.quiz_state(learner=learner, module_id=quiz.module_id).quiz.questions.first().text_en != DRAFT_TEXT

    # The author cannot approve their own change, in the admin or in the task.
    state = quiz.current_workflow_task_state
    assert state.task.specific.get_actions(quiz, author) == []
    _approve(client, quiz)
    quiz.refresh_from_db()
    assert quiz.workflow_in_progress and quiz.has_unpublished_changes
    with pytest.raises(ValidationError) as raised:
        state.task.specific.on_action(state, author, "approve")
    assert raised.value.messages == [str(SELF_APPROVAL)]

    client.force_login(reviewer)
    response = _approve(client, quiz)
    assert response.status_code in (200, 302)
    quiz.refresh_from_db()
    assert not quiz.workflow_in_progress and not quiz.has_unpublished_changes
    assert quiz.live_revision_id == quiz.latest_revision_id
    assert WorkflowState.objects.get(object_id=str(quiz.pk)).status == WorkflowState.STATUS_APPROVED
    assert quiz.questions.order_by("sort_order").first().text_en == DRAFT_TEXT
    assert quiz_version(quiz_content_snapshot(quiz=quiz)) != old_version
    attempt = attempt_start(learner=learner, quiz=quiz)
    assert _first_text(attempt.snapshot) == DRAFT_TEXT


def test_an_attempt_in_progress_is_graded_on_the_version_it_started_on(client, live_quiz, trainers, learner):
    author, reviewer = trainers
    attempt = attempt_start(learner=learner, quiz=live_quiz)
    started_on = live_quiz.live_revision_id
    answers = correct_answers(attempt)  # right for the version the learner was given
    client.force_login(author)
    quiz = _submitted(client, live_quiz, edit_form(live_quiz, flip_first=True, action="submit"))
    client.force_login(reviewer)
    _approve(client, quiz)
    quiz.refresh_from_db()
    assert quiz.live_revision_id != started_on  # the first question's right answer is now another choice

    submitted = attempt_submit(attempt=attempt, learner=learner, answers=answers)
    assert submitted.score == 100 and submitted.passed
    assert submitted.quiz_revision_id == started_on
    fresh = attempt_start(learner=learner, quiz=quiz)
    assert fresh.quiz_revision_id == quiz.live_revision_id
    assert correct_answers(fresh) != answers


def test_a_new_quiz_is_a_draft_that_learners_do_not_get(client, site_tree, trainers, learner):
    from tests.quizzes.test_admin import question, quiz_form

    author, _reviewer = trainers
    client.force_login(author)
    data = quiz_form(site_tree.module, [question(0, "single", [("A", True), ("B", False)])])
    assert client.post(ADD_URL, data).status_code == 302
    quiz = Quiz.objects.get()
    assert not quiz.live and quiz.latest_revision_id is not None and quiz.live_revision_id is None
    assert selectors.quiz_state(learner=learner, module_id=site_tree.module.pk).quiz is None
    with pytest.raises(QuizError) as refused:
        attempt_start(learner=learner, quiz=quiz)
    assert refused.value.message == QUIZ_NOT_AVAILABLE
    client.force_login(learner)
    assert client.get(reverse("quizzes:offline_quiz", args=[quiz.pk])).status_code == 404


@pytest.mark.parametrize("mode", ["km", "en"])
def test_the_preview_shows_the_draft_as_learners_see_it_without_answers(client, live_quiz, trainers, mode):
    author, _reviewer = trainers
    client.force_login(author)
    url = reverse("wagtailsnippets_quizzes_quiz:preview_on_edit", args=[live_quiz.pk])
    checked = client.post(url, edit_form(live_quiz, first_text=DRAFT_TEXT))
    assert checked.json()["is_valid"]
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    html = response.content.decode()
    if mode == "en":
        assert DRAFT_TEXT in html and "Which are safe?" in html
    else:
        assert "សំណួរ 1" in html and DRAFT_TEXT not in html
    assert html.count('type="radio"') + html.count('type="checkbox"') == 12  # every choice of the four questions
    for leak in LEAKS:
        assert leak not in html, leak
    assert "{#" not in html and "{%" not in html
    assert SECRET_FEEDBACK not in html and SECRET_EXPLANATION not in html


def test_demo_quizzes_are_live_with_their_first_revision(demo_modules):  # noqa: F811
    quizzes = load_demo_quizzes(stdout=io.StringIO())
    for quiz in quizzes:
        quiz.refresh_from_db()
        assert quiz.live and not quiz.has_unpublished_changes
        assert quiz.live_revision_id and quiz.live_revision_id == quiz.latest_revision_id
        assert len(quiz.live_revision.as_object().questions.all()) == quiz.questions.count()


def test_the_history_lists_and_compares_a_quizs_versions(client, live_quiz, trainers):
    author, _reviewer = trainers
    client.force_login(author)
    quiz = _submitted(client, live_quiz, edit_form(live_quiz, first_text=DRAFT_TEXT))
    history = client.get(reverse("wagtailsnippets_quizzes_quiz:history", args=[quiz.pk]))
    assert history.status_code == 200
    compare = reverse(
        "wagtailsnippets_quizzes_quiz:revisions_compare", args=[quiz.pk, quiz.live_revision_id, quiz.latest_revision_id]
    )
    response = client.get(compare)
    assert response.status_code == 200
    # The changed words of the first question, marked as Wagtail's comparison marks them.
    assert '<span class="addition">, in the new wording?</span>' in response.content.decode()
