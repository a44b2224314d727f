"""Paper tests: scores per participant (bad ones refused in Khmer, nothing half-saved), answers per question with
item analysis, and knowledge gain (post − pre) as one SQL aggregate."""

import pytest
from django.urls import reverse

from tests.factories.quizzes import ChoiceFactory, QuestionFactory, QuizFactory
from workshops import selectors, services
from workshops.models import PaperScore, Participant
from workshops.models import TestKind as Kind

from .making import make_workshop


@pytest.fixture
def made(site_tree):
    quiz = QuizFactory(module=site_tree.module, pass_mark=60)
    for index in range(4):
        question = QuestionFactory(quiz=quiz, text_km=f"សំណួរ {index}", text_en=f"Question {index}", sort_order=index)
        ChoiceFactory(question=question, text_en="right", is_correct=True)
        ChoiceFactory(question=question, text_en="wrong")
    return make_workshop(modules=[site_tree.module], people=3)


def test_knowledge_gain_counts_those_who_took_both_tests(made, django_assert_num_queries):
    first, second, third = made.participants
    pre = services.paper_test(workshop=made.workshop, kind=Kind.PRE)
    post = services.paper_test(workshop=made.workshop, kind=Kind.POST)
    assert post.pass_mark == 60  # the module quiz's
    services.paper_scores_enter(test=pre, scores={first.pk: 40, second.pk: 60, third.pk: 20}, actor=made.trainer)
    services.paper_scores_enter(test=post, scores={first.pk: 80, second.pk: 90}, actor=made.trainer)
    with django_assert_num_queries(1):
        gain = selectors.workshop_gain(workshop=made.workshop)
    assert gain == {"n": 2, "pre_mean": 50, "post_mean": 85, "gain": 35}
    by_province = selectors.knowledge_gain(participants=Participant.objects.all(), by="province")
    assert [(row["group"], row["gain"]) for row in by_province] == [("07", 35)]


def test_a_score_out_of_range_is_refused_in_khmer_and_nothing_is_saved(client, made):
    client.force_login(made.trainer)
    first, second, _third = made.participants
    url = reverse("workshops:scores", args=[made.workshop.pk, "pre"])
    response = client.post(url, {f"score_{first.pk}": "70", f"score_{second.pk}": "150"})
    assert response.status_code == 200
    assert "100" in response.content.decode() and "has-error" in response.content.decode()
    assert not PaperScore.objects.exists()
    response = client.post(url, {f"score_{first.pk}": "70", f"score_{second.pk}": ""})
    assert response.status_code == 302
    assert list(PaperScore.objects.values_list("participant_id", "score", "passed")) == [(first.pk, 70, True)]


def test_answers_per_question_give_the_score_and_the_item_analysis(client, made):
    client.force_login(made.trainer)
    first, second, _third = made.participants
    test = services.paper_test(workshop=made.workshop, kind=Kind.POST)
    questions = services.test_questions(test=test)
    url = reverse("workshops:answers", args=[made.workshop.pk, "post", first.pk])
    assert client.post(url, {f"q_{questions[0].pk}": "on", f"q_{questions[1].pk}": "on"}).status_code == 302
    services.paper_answers_enter(test=test, participant=second, correct={questions[0].pk: True}, actor=made.trainer)
    assert PaperScore.objects.get(participant=first).score == 50
    assert PaperScore.objects.get(participant=second).score == 25
    items = selectors.item_analysis(workshop=made.workshop, kind=Kind.POST)
    assert [(item["question_id"], item["right"], item["answered"]) for item in items] == [
        (questions[2].pk, 0, 2),
        (questions[3].pk, 0, 2),
        (questions[1].pk, 1, 2),
        (questions[0].pk, 2, 2),
    ]
