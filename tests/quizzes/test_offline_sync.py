"""Sending what a phone kept: attempts taken offline and lessons read offline, to /<lang>/training/offline/sync/.

Sent twice, in another order, or after an upload cut halfway, each attempt is recorded once with exactly the
answers sent and graded as online; a refusal says why in the reader's language and records nothing.
"""

import json
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from learners.models import Confirmation
from quizzes import offline
from quizzes.attempts import (
    CHOOSE_ONE,
    NO_ATTEMPTS_LEFT,
    QUIZ_NOT_AVAILABLE,
    UNKNOWN_CHOICE,
    UNKNOWN_QUESTION,
    QuizError,
    QuizRetryLater,
    attempt_start,
    attempt_submit,
    quiz_content_snapshot,
)
from quizzes.models import Attempt, AttemptStatus, LessonView, ModuleCompletion, QuestionOutcome
from quizzes.offline import QUIZ_CHANGED, offline_attempt_record, quiz_version
from quizzes.offline_views import (
    ANSWERS_SENT,
    ATTEMPT_UNREADABLE,
    BODY_TOO_LARGE,
    BODY_UNREADABLE,
    OTHER_ACCOUNT,
    SIGN_IN_TO_SEND,
    TOO_MANY_ITEMS,
)
from tests.factories import LearnerProfileFactory, LessonPageFactory
from tests.quizzes.conftest import make_quiz, make_user
from tests.quizzes.sync_drill import SYNC_URL, attempt_entry, csrf_token, sync, tokens_for
from tests.quizzes.test_concurrency import _restore_migrated_data, run_in_parallel  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def right_answers(quiz) -> dict[str, list[int]]:
    content = quiz_content_snapshot(quiz=quiz)
    return {str(q["id"]): [c["id"] for c in q["choices"] if c["correct"]] for q in content["questions"]}


def answer_sets(quiz) -> list[dict[str, list[int]]]:
    """Right, wrong, every choice ticked, none, one right, and half a partial-credit question right."""
    content = quiz_content_snapshot(quiz=quiz)
    right = right_answers(quiz)
    wrong = {str(q["id"]): [next(c["id"] for c in q["choices"] if not c["correct"])] for q in content["questions"]}
    multiple = [q for q in content["questions"] if q["kind"] == "multiple"]
    every = {str(q["id"]): sorted(c["id"] for c in q["choices"]) for q in multiple}
    partial = next(q for q in multiple if q["scoring"] == "partial")
    half = {str(partial["id"]): right[str(partial["id"])][:1]}  # one of its two right choices: half a point
    first_right = dict(list(right.items())[:1])
    return [right, wrong, {**right, **every}, {}, {**wrong, **first_right}, {**right, **half}]


def entry(learner, quiz, answers, *, client_id=None, version=None) -> dict:
    version = version or quiz_version(quiz_content_snapshot(quiz=quiz))
    return attempt_entry(
        client_id=client_id or str(uuid.uuid4()),
        quiz_id=quiz.pk,
        version=version,
        answers=tokens_for(learner=learner, quiz_id=quiz.pk, version=version, answers=answers),
    )


def body(learner, attempts=(), lessons=()) -> dict:
    return {"learner": learner.pk, "attempts": list(attempts), "lessons": [{"lesson": pk} for pk in lessons]}


def sent(client, learner, attempts=(), lessons=(), language="en") -> dict:
    response = sync(client, body(learner, attempts, lessons), language=language)
    assert response.status_code == 200, response.content
    return response.json()


def stored(learner) -> dict[str, Attempt]:
    return {str(a.client_id): a for a in Attempt.objects.filter(learner=learner)}


# Who is asking


def test_get_names_the_signed_in_learner_and_gives_a_csrf_token_never_cached(signed_in, learner):
    response = signed_in.get(SYNC_URL.format(language="en"))
    assert response.status_code == 200
    data = response.json()
    assert data["learner"] == learner.pk and len(data["csrf"]) >= 32
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["km", "en"])
def test_anonymous_callers_get_a_401_with_a_message_never_the_sign_in_page(db, language):
    response = Client().get(SYNC_URL.format(language=language))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    with translation.override(language):
        assert response.json() == {"signed_in": False, "message": str(SIGN_IN_TO_SEND)}
    assert "no-store" in response["Cache-Control"]
    posted = sync(Client(), {"learner": 1, "attempts": []}, language=language)
    assert posted.status_code == 401 and posted.json()["signed_in"] is False


def test_a_disabled_account_is_signed_out_and_records_nothing(setup):
    client = Client()
    client.force_login(setup.learner)
    setup.learner.is_active = False
    setup.learner.save()
    response = sync(client, body(setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))]))
    assert response.status_code == 401
    assert not Attempt.objects.exists()


def test_another_learners_answers_are_refused_with_409_and_nothing_is_recorded(signed_in, setup, other_learner):
    theirs = body(
        other_learner, [entry(other_learner, setup.quiz, right_answers(setup.quiz))], [setup.tree.lessons[0].pk]
    )
    response = sync(signed_in, theirs)
    assert response.status_code == 409
    assert response.json() == {"message": str(OTHER_ACCOUNT)}
    assert not Attempt.objects.exists() and not LessonView.objects.exists()


def test_csrf_is_checked_as_for_any_form(setup):
    client = Client(enforce_csrf_checks=True)
    client.force_login(setup.learner)
    batch = body(setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))])
    assert sync(client, batch).status_code == 403
    assert sync(client, batch, csrf="x" * 32).status_code == 403
    assert not Attempt.objects.exists()
    response = sync(client, batch, csrf=csrf_token(client))
    assert response.status_code == 200
    assert Attempt.objects.count() == 1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", BODY_UNREADABLE),
        (b"\xff\xfe", BODY_UNREADABLE),
        (b"[]", BODY_UNREADABLE),
        (b'{"attempts": []}', BODY_UNREADABLE),  # no learner
        (b'{"learner": "1", "attempts": []}', BODY_UNREADABLE),
        (b'{"learner": 1, "attempts": {}}', BODY_UNREADABLE),
        (b'{"learner": 1, "attempts": [], "lessons": 3}', BODY_UNREADABLE),
        (b'{"learner": 99999999999999999999999, "attempts": []}', BODY_UNREADABLE),
    ],
)
def test_a_malformed_body_is_a_400_with_a_message(signed_in, setup, raw, message):
    response = sync(signed_in, None, raw=raw)
    assert response.status_code == 400
    assert response.json() == {"message": str(message)}
    assert not Attempt.objects.exists()


def test_an_oversize_body_or_too_many_items_is_a_400_with_a_message_and_nothing_is_recorded(signed_in, setup):
    good = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    padded = {**good, "padding": "x" * offline_views_max()}
    response = sync(signed_in, body(setup.learner, [padded]))
    assert response.status_code == 400
    assert response.json() == {"message": str(BODY_TOO_LARGE)}
    many = [entry(setup.learner, setup.quiz, {}) for _ in range(51)]
    response = sync(signed_in, body(setup.learner, many))
    assert response.status_code == 400
    assert response.json() == {"message": str(TOO_MANY_ITEMS) % {"attempts": 50, "lessons": 500}}
    response = sync(signed_in, body(setup.learner, [good], lessons=[setup.tree.lessons[0].pk] * 501))
    assert response.status_code == 400
    assert not Attempt.objects.exists() and not LessonView.objects.exists()


def offline_views_max() -> int:
    from quizzes.offline_views import MAX_BODY_BYTES

    return MAX_BODY_BYTES


# Recorded once, as sent


def test_the_same_attempt_twice_in_one_request_and_again_later_is_recorded_once(signed_in, setup):
    attempt = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    first = sent(signed_in, setup.learner, [attempt, attempt])
    again = sent(signed_in, setup.learner, [attempt])
    results = first["attempts"] + again["attempts"]
    assert [r["status"] for r in results] == ["graded"] * 3
    assert len({r["attempt"] for r in results}) == 1
    assert Attempt.objects.count() == 1
    row = Attempt.objects.get()
    assert (str(row.client_id), row.score, row.passed, row.status) == (attempt["id"], 100, True, "submitted")
    assert QuestionOutcome.objects.filter(attempt=row).count() == 4


def test_a_copy_with_other_answers_does_not_change_the_attempt_first_recorded(signed_in, setup):
    right, wrong = answer_sets(setup.quiz)[:2]
    client_id = str(uuid.uuid4())
    sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, wrong, client_id=client_id)])
    result = sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, right, client_id=client_id)])
    assert result["attempts"][0]["score"] == 0
    assert Attempt.objects.get().answers == wrong


def test_batches_in_any_order_record_each_attempt_once_with_its_own_answers(signed_in, setup):
    sets = answer_sets(setup.quiz)
    a, b, c, d = (entry(setup.learner, setup.quiz, answers) for answers in sets[:4])
    first = sent(signed_in, setup.learner, [c, a])
    second = sent(signed_in, setup.learner, [d, b, a, c])
    assert [r["id"] for r in first["attempts"]] == [c["id"], a["id"]]  # results in the order sent
    assert [r["id"] for r in second["attempts"]] == [d["id"], b["id"], a["id"], c["id"]]
    rows = stored(setup.learner)
    assert len(rows) == Attempt.objects.count() == 4
    for sent_entry, answers in zip((a, b, c, d), sets[:4], strict=True):
        assert rows[sent_entry["id"]].answers == answers
    assert sorted(row.number for row in rows.values()) == [1, 2, 3, 4]


def test_an_upload_cut_halfway_then_sent_whole_records_each_attempt_exactly_once(signed_in, setup):
    batch = [entry(setup.learner, setup.quiz, answers) for answers in answer_sets(setup.quiz)]
    sync(signed_in, body(setup.learner, batch[:2]))  # arrived, but the phone never got the response
    result = sent(signed_in, setup.learner, batch)
    assert [r["status"] for r in result["attempts"]] == ["graded"] * 6
    rows = stored(setup.learner)
    assert len(rows) == Attempt.objects.count() == 6
    for sent_entry, answers in zip(batch, answer_sets(setup.quiz), strict=True):
        assert rows[sent_entry["id"]].answers == answers


def test_the_score_is_what_grading_the_same_answers_online_gives(signed_in, setup, other_learner):
    for answers in answer_sets(setup.quiz):
        online = attempt_start(learner=other_learner, quiz=setup.quiz)
        online = attempt_submit(attempt=online, learner=other_learner, answers=answers)
        result = sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, answers)])["attempts"][0]
        offline_row = Attempt.objects.get(pk=result["attempt"])
        assert (result["score"], result["passed"]) == (online.score, online.passed)
        assert (offline_row.score, offline_row.results) == (online.score, online.results)
    assert {a.score for a in Attempt.objects.filter(learner=setup.learner)} == {100, 0, 50, 25, 87}  # 87.5% floored


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_graded_attempt_answers_with_its_result_page_and_a_message_in_the_readers_language(
    signed_in, setup, language
):
    result = sent(
        signed_in, setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))], language=language
    )
    graded = result["attempts"][0]
    attempt = Attempt.objects.get()
    title = setup.quiz.title_km if language == "km" else setup.quiz.title_en
    assert graded["result_url"] == f"/{language}/training/attempt/{attempt.pk}/result/"
    assert graded["quiz_title"] == title
    with translation.override(language):
        assert graded["message"] == str(ANSWERS_SENT) % {"quiz": title, "score": 100}
    assert signed_in.get(graded["result_url"]).status_code == 200


# Refused, final or for now


@pytest.mark.parametrize("language", ["km", "en"])
def test_answers_to_a_quiz_changed_since_are_rejected_with_a_message_in_the_readers_language(
    signed_in, setup, language
):
    old = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    choice = setup.quiz.questions.first().choices.first()
    choice.text_km += " ថ្មី"
    choice.save()
    result = sent(signed_in, setup.learner, [old], language=language)["attempts"][0]
    with translation.override(language):
        assert result == {
            "id": old["id"],
            "status": "rejected",
            "message": str(QUIZ_CHANGED),
            "quiz_title": setup.quiz.title_km if language == "km" else setup.quiz.title_en,
        }
    if language == "km":
        assert "This quiz" not in result["message"]
    assert not Attempt.objects.exists()


def test_the_attempt_limit_reached_meanwhile_rejects_the_rest_and_keeps_the_others(signed_in, site_tree, learner):
    quiz = make_quiz(site_tree.module, attempts_allowed=2)
    online = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=online, learner=learner, answers={})  # taken on a computer while the phone waited
    batch = [entry(learner, quiz, answers) for answers in answer_sets(quiz)[:3]]
    results = sent(signed_in, learner, batch)["attempts"]
    assert [r["status"] for r in results] == ["graded", "rejected", "rejected"]
    assert results[1]["message"] == str(NO_ATTEMPTS_LEFT) % {"allowed": 2}
    assert Attempt.objects.filter(learner=learner).count() == 2
    assert str(Attempt.objects.get(number=2).client_id) == batch[0]["id"]


def test_during_the_wait_between_attempts_the_phone_is_told_to_send_again_later(signed_in, site_tree, learner):
    quiz = make_quiz(site_tree.module, wait_minutes=30)
    online = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=online, learner=learner, answers={})
    kept = entry(learner, quiz, right_answers(quiz))
    result = sent(signed_in, learner, [kept])["attempts"][0]
    assert result["status"] == "later"
    assert result["message"] == "You can try this quiz again in 30 minutes."
    assert Attempt.objects.filter(learner=learner).count() == 1
    # Sent again once the wait is over, it is recorded.
    later = timezone.now() + timedelta(minutes=31)
    fields = {"quiz_id": quiz.pk, "version": kept["version"], "answers": kept["answers"]}
    attempt = offline_attempt_record(learner=learner, client_id=uuid.UUID(kept["id"]), now=later, **fields)
    assert (attempt.number, attempt.score) == (2, 100)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e, q: {**e, "answers": {**e["answers"], "999999": []}}, UNKNOWN_QUESTION),
        (lambda e, q: {**e, "answers": {str(q["id"]): ["0123456789ab"]}}, UNKNOWN_CHOICE),
        (lambda e, q: {**e, "answers": {str(q["id"]): "not-a-list"}}, UNKNOWN_CHOICE),
        (lambda e, q: {**e, "answers": {str(q["id"]): [7]}}, UNKNOWN_CHOICE),
        (lambda e, q: {**e, "quiz": 999999}, QUIZ_NOT_AVAILABLE),
        (lambda e, q: {**e, "quiz": 2**80}, ATTEMPT_UNREADABLE),
        (lambda e, q: {**e, "quiz": "1"}, ATTEMPT_UNREADABLE),
        (lambda e, q: {**e, "id": "not-a-uuid"}, ATTEMPT_UNREADABLE),
        (lambda e, q: {**e, "version": None}, ATTEMPT_UNREADABLE),
        (lambda e, q: {**e, "answers": []}, ATTEMPT_UNREADABLE),
        (lambda e, q: "not an object", ATTEMPT_UNREADABLE),
    ],
)
def test_tampered_or_unreadable_attempts_are_rejected_with_a_message_and_the_rest_recorded(
    signed_in, setup, change, message
):
    content = quiz_content_snapshot(quiz=setup.quiz)
    good = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    bad = change(entry(setup.learner, setup.quiz, right_answers(setup.quiz)), content["questions"][0])
    results = sent(signed_in, setup.learner, [bad, good])["attempts"]
    assert results[0]["status"] == "rejected"
    assert results[0]["message"] == str(message)
    assert results[1]["status"] == "graded"
    assert list(stored(setup.learner)) == [good["id"]]


def test_two_answers_to_a_one_answer_question_are_rejected(signed_in, setup):
    answers = right_answers(setup.quiz)
    single = str(setup.quiz.questions.get(kind="single").pk)
    answers[single] = sorted(setup.quiz.questions.get(pk=single).choices.values_list("pk", flat=True))[:2]
    result = sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, answers)])["attempts"][0]
    assert (result["status"], result["message"]) == ("rejected", str(CHOOSE_ONE))
    assert not Attempt.objects.exists()


def test_another_learners_tokens_are_not_this_learners_answers(signed_in, setup, other_learner):
    """A page passed from one phone to another: its tokens mean nothing for the second learner."""
    theirs = entry(other_learner, setup.quiz, right_answers(setup.quiz))
    result = sent(signed_in, setup.learner, [theirs])["attempts"][0]
    assert (result["status"], result["message"]) == ("rejected", str(UNKNOWN_CHOICE))


def test_an_unpublished_module_refuses_its_quiz(signed_in, setup):
    kept = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    setup.module.unpublish()
    result = sent(signed_in, setup.learner, [kept])["attempts"][0]
    assert (result["status"], result["message"]) == ("rejected", str(QUIZ_NOT_AVAILABLE))


def test_a_learner_waiting_for_confirmation_can_send_answers(signed_in, setup):
    LearnerProfileFactory(user=setup.learner, confirmation=Confirmation.PENDING)
    result = sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))])
    assert result["attempts"][0]["status"] == "graded"


# The recorder itself


def test_the_same_phone_id_for_two_learners_is_two_attempts(setup, other_learner):
    client_id = uuid.uuid4()
    records = []
    for learner in (setup.learner, other_learner):
        kept = entry(learner, setup.quiz, right_answers(setup.quiz))
        fields = {"quiz_id": setup.quiz.pk, "version": kept["version"], "answers": kept["answers"]}
        records.append(offline_attempt_record(learner=learner, client_id=client_id, **fields))
    assert records[0].pk != records[1].pk
    assert Attempt.objects.filter(client_id=client_id).count() == 2


def test_an_attempt_open_on_the_server_is_left_as_it_is(setup):
    open_attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    kept = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    fields = {"quiz_id": setup.quiz.pk, "version": kept["version"], "answers": kept["answers"]}
    recorded = offline_attempt_record(learner=setup.learner, client_id=uuid.UUID(kept["id"]), **fields)
    assert (recorded.number, recorded.status, recorded.score) == (2, AttemptStatus.SUBMITTED, 100)
    open_attempt.refresh_from_db()
    assert (open_attempt.status, open_attempt.answers) == (AttemptStatus.IN_PROGRESS, {})


def test_a_row_with_the_same_phone_id_written_behind_the_lock_is_returned_not_doubled(setup, monkeypatch):
    """Forces the interleaving the lock prevents: the other copy is inserted between the check and the insert.
    The constraint refuses the second row; the savepoint leaves the transaction usable (PostgreSQL)."""
    kept = entry(setup.learner, setup.quiz, right_answers(setup.quiz))
    client_id = uuid.UUID(kept["id"])
    fields = {"quiz_id": setup.quiz.pk, "version": kept["version"], "answers": kept["answers"]}
    real_check = offline.attempt_limits_check
    other = {}

    def check_then_race(**kwargs):
        real_check(**kwargs)
        monkeypatch.setattr(offline, "attempt_limits_check", real_check)
        other["row"] = offline_attempt_record(learner=setup.learner, client_id=client_id, **fields)

    monkeypatch.setattr(offline, "attempt_limits_check", check_then_race)
    recorded = offline_attempt_record(learner=setup.learner, client_id=client_id, **fields)
    assert recorded.pk == other["row"].pk
    assert Attempt.objects.filter(learner=setup.learner).count() == 1
    assert QuestionOutcome.objects.count() == 4


def test_a_refusal_is_final_or_for_now(setup):
    assert issubclass(QuizRetryLater, QuizError)
    kept = entry(setup.learner, setup.quiz, right_answers(setup.quiz), version="0" * 12)
    fields = {"quiz_id": setup.quiz.pk, "version": kept["version"], "answers": kept["answers"]}
    with pytest.raises(QuizError) as error:
        offline_attempt_record(learner=setup.learner, client_id=uuid.uuid4(), **fields)
    assert error.value.message == QUIZ_CHANGED and not isinstance(error.value, QuizRetryLater)


# Lessons read offline


def test_lessons_read_offline_are_recorded_once_and_unknown_or_unpublished_ones_skipped(signed_in, setup):
    lessons = [lesson.pk for lesson in setup.tree.lessons]
    first = sent(signed_in, setup.learner, lessons=[lessons[0], lessons[0], setup.tree.draft.pk, 999999, 2**80])
    assert first["lessons"] == {"recorded": 1}
    again = sent(signed_in, setup.learner, lessons=[*lessons, setup.module.pk])
    assert again["lessons"] == {"recorded": 3}  # all three count as read; the module page is not a lesson
    views = LessonView.objects.filter(learner=setup.learner)
    assert sorted(views.values_list("lesson_id", flat=True)) == sorted(lessons)
    assert set(views.values_list("module_id", flat=True)) == {setup.module.pk}


def test_a_lesson_behind_a_view_restriction_the_learner_does_not_pass_is_skipped(signed_in, setup):
    restricted = LessonPageFactory(parent=setup.module, slug="restricted")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    result = sent(signed_in, setup.learner, lessons=[restricted.pk, setup.tree.lessons[0].pk])
    assert result["lessons"] == {"recorded": 1}
    assert not LessonView.objects.filter(lesson=restricted).exists()


def test_passing_offline_completes_the_module_when_its_lessons_are_read_in_the_same_batch(signed_in, setup):
    lessons = [lesson.pk for lesson in setup.tree.lessons]
    sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))], lessons)
    completion = ModuleCompletion.objects.get(learner=setup.learner, module=setup.module)
    assert completion.score == 100 and completion.attempt.client_id is not None
    assert completion.source == "offline"  # printed on the certificate as completed offline


def test_passing_offline_then_sending_the_lessons_later_completes_the_module(signed_in, setup):
    lessons = [lesson.pk for lesson in setup.tree.lessons]
    sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, right_answers(setup.quiz))], lessons[:2])
    assert not ModuleCompletion.objects.exists()
    sent(signed_in, setup.learner, lessons=lessons[2:])
    assert ModuleCompletion.objects.filter(learner=setup.learner, module=setup.module).count() == 1


def test_failing_offline_completes_nothing(signed_in, setup):
    wrong = answer_sets(setup.quiz)[1]
    lessons = [lesson.pk for lesson in setup.tree.lessons]
    sent(signed_in, setup.learner, [entry(setup.learner, setup.quiz, wrong)], lessons)
    assert not ModuleCompletion.objects.exists()


# Concurrent copies


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_copies_of_one_attempt_sent_at_the_same_moment_are_recorded_once(site_tree):
    learner = make_user("phone-race")
    quiz = make_quiz(site_tree.module)
    kept = entry(learner, quiz, right_answers(quiz))
    payload = json.dumps(body(learner, [kept]))

    def send(_index):
        client = Client()
        client.force_login(learner)
        response = client.post(SYNC_URL.format(language="en"), payload, content_type="application/json")
        return response.status_code, response.json()["attempts"][0]

    results = run_in_parallel(send)
    assert all(not isinstance(result, Exception) for result in results), results
    assert {status for status, _result in results} == {200}
    assert {result["status"] for _status, result in results} == {"graded"}
    assert len({result["attempt"] for _status, result in results}) == 1
    assert Attempt.objects.filter(learner=learner).count() == 1
