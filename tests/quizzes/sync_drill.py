"""The phone's side of offline quizzes, for the tests and the sync drill.

A phone keeps the one-page quiz (its version and the choices' tokens) and the learner's answers under an attempt
id of its own, and later sends them to the sync endpoint, perhaps twice, reordered, or after an upload cut
halfway. The drill (`drill_run`) plays many learners' phones doing that through the real endpoint and then checks
the database: every attempt recorded once, with exactly the answers sent and the score `quizzes.grading.grade`
gives them. tests/quizzes/test_sync_drill.py runs it small; bench/sync_drill.py runs it large and prints figures.
"""

from __future__ import annotations

import json
import random
import re
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.test import Client
from wagtail.models import Page

from quizzes.attempts import quiz_content_snapshot
from quizzes.grading import grade, is_passed, score_percent
from quizzes.kinds import QuestionKind
from quizzes.models import Attempt, LessonView, ModuleCompletion, QuestionOutcome, Quiz
from quizzes.offline import choice_token, quiz_version
from tests.factories import LessonPageFactory, ManualPageFactory, ModulePageFactory, make_site_root
from tests.quizzes.conftest import make_quiz, make_user

SYNC_URL = "/{language}/training/offline/sync/"
QUIZ_URL = "/{language}/training/offline/quiz/{quiz_id}/"
_VERSION = re.compile(r'data-version="([0-9a-f]{12})"')
_ATTEMPT = re.compile(r'name="attempt" value="([0-9a-f-]{36})"')
_CHOICE = re.compile(r'name="q(\d+)" value="([0-9a-f]{12})"')


@dataclass
class OfflinePage:
    """What a phone keeps of the one-page quiz."""

    version: str
    attempt: str
    tokens: dict[str, list[str]]  # question id -> the tokens of its choices, in page order
    html: str


def offline_page(client: Client, quiz_id: int, language: str = "km") -> OfflinePage:
    response = client.get(QUIZ_URL.format(language=language, quiz_id=quiz_id))
    assert response.status_code == 200, response
    html = response.content.decode()
    tokens: dict[str, list[str]] = {}
    for question_id, token in _CHOICE.findall(html):
        tokens.setdefault(question_id, []).append(token)
    return OfflinePage(
        version=_VERSION.search(html).group(1), attempt=_ATTEMPT.search(html).group(1), tokens=tokens, html=html
    )


def tokens_for(*, learner, quiz_id: int, version: str, answers: dict[str, list[int]]) -> dict[str, list[str]]:
    """The tokens the page shows `learner` for these choice ids (question id -> choice ids)."""
    return {
        question_id: [
            choice_token(learner_pk=learner.pk, quiz_pk=quiz_id, version=version, choice_id=choice_id)
            for choice_id in choice_ids
        ]
        for question_id, choice_ids in answers.items()
    }


def csrf_token(client: Client, language: str = "km") -> str:
    response = client.get(SYNC_URL.format(language=language))
    assert response.status_code == 200, response
    return response.json()["csrf"]


def sync(client: Client, body, *, language: str = "km", csrf: str | None = None, raw: bytes | None = None):
    """POST a phone's batch as the page's script does (JSON, the CSRF token in X-CSRFToken)."""
    data = raw if raw is not None else json.dumps(body)
    headers = {"X-CSRFToken": csrf} if csrf else {}
    return client.post(SYNC_URL.format(language=language), data=data, content_type="application/json", headers=headers)


def attempt_entry(*, client_id: str, quiz_id: int, version: str, answers: dict[str, list[str]]) -> dict:
    return {"id": client_id, "quiz": quiz_id, "version": version, "answers": answers}


# The drill.


@dataclass
class Planned:
    """One attempt taken on a phone: what it sends, and what the server must record."""

    learner_index: int
    quiz_id: int
    module_id: int
    client_id: str
    entry: dict
    choice_ids: dict[str, list[int]]
    score: int
    passed: bool


@dataclass
class DrillReport:
    learners: int = 0
    attempts: int = 0
    lessons: int = 0
    requests: int = 0
    copies_sent: int = 0
    duplicates_in_a_request: int = 0
    sent_again_after_acknowledged: int = 0
    partial_uploads: int = 0
    lost_responses: int = 0
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    lost: int = 0
    duplicated: int = 0
    wrong_answers: int = 0
    wrong_scores: int = 0
    wrong_outcomes: int = 0
    wrong_numbers: int = 0
    wrong_lessons: int = 0
    wrong_completions: int = 0
    problems: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        failures = (self.lost, self.duplicated, self.wrong_answers, self.wrong_scores, self.wrong_outcomes)
        failures += (self.wrong_numbers, self.wrong_lessons, self.wrong_completions)
        return not any(failures) and set(self.statuses) <= {"graded"}


@dataclass
class World:
    quizzes: list[Quiz]
    lessons: dict[int, list[int]]  # module id -> live lesson ids
    learners: list


def drill_world(*, learners: int, modules: int = 3, lessons_per_module: int = 2, prefix: str = "drill") -> World:
    """A manual (the default site's root) of `modules` modules, each with lessons and a quiz of every question
    type (shuffled in every other module), and `learners` accounts."""
    manual = ManualPageFactory(parent=Page.get_first_root_node(), slug=f"{prefix}-manual")
    make_site_root(manual)
    quizzes, lessons = [], {}
    for number in range(1, modules + 1):
        module = ModulePageFactory(parent=manual, number=number, slug=f"{prefix}-module-{number}")
        lessons[module.pk] = [
            LessonPageFactory(parent=module, slug=f"{prefix}-lesson-{number}-{index}").pk
            for index in range(1, lessons_per_module + 1)
        ]
        quizzes.append(make_quiz(module, shuffle=number % 2 == 0))
    accounts = [make_user(f"{prefix}-{index}") for index in range(learners)]
    return World(quizzes=quizzes, lessons=lessons, learners=accounts)


def _random_answers(rng: random.Random, content: dict, skill: float) -> dict[str, list[int]]:
    """A learner's picks: the right choices with probability `skill`, else a random pick; sometimes none."""
    answers = {}
    for question in content["questions"]:
        ids = [choice["id"] for choice in question["choices"]]
        right = [choice["id"] for choice in question["choices"] if choice["correct"]]
        roll = rng.random()
        if roll < 0.08:
            continue  # left unanswered
        if roll < skill:
            picked = right
        elif QuestionKind(question["kind"]).one_answer:
            picked = [rng.choice(ids)]
        else:
            picked = rng.sample(ids, rng.randint(1, len(ids)))
        answers[str(question["id"])] = sorted(picked)
    return answers


def drill_plan(world: World, *, attempts: int, rng: random.Random) -> list[Planned]:
    """`attempts` offline attempts spread over the learners, each with answers the learner picked and the score
    grading them from the quiz's content gives (computed here, independently of the endpoint)."""
    contents = {quiz.pk: quiz_content_snapshot(quiz=quiz) for quiz in world.quizzes}
    versions = {pk: quiz_version(content) for pk, content in contents.items()}  # checked against the page later
    skills = [rng.uniform(0.3, 0.95) for _learner in world.learners]
    planned = []
    for number in range(attempts):
        index = number % len(world.learners)
        learner = world.learners[index]
        quiz = rng.choice(world.quizzes)
        choice_ids = _random_answers(rng, contents[quiz.pk], skills[index])
        _results, fraction = grade(snapshot=contents[quiz.pk], answers=choice_ids)
        client_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        tokens = tokens_for(learner=learner, quiz_id=quiz.pk, version=versions[quiz.pk], answers=choice_ids)
        entry = attempt_entry(client_id=client_id, quiz_id=quiz.pk, version=versions[quiz.pk], answers=tokens)
        planned.append(
            Planned(
                learner_index=index,
                quiz_id=quiz.pk,
                module_id=quiz.module_id,
                client_id=client_id,
                entry=entry,
                choice_ids=choice_ids,
                score=score_percent(fraction),
                passed=is_passed(score=fraction, pass_mark=contents[quiz.pk]["pass_mark"]),
            )
        )
    return planned


@dataclass
class _Phone:
    client: Client
    csrf: str
    learner_pk: int
    attempts: list[Planned]
    lessons: list[int]
    acknowledged: list[Planned] = field(default_factory=list)


def _phones(world: World, planned: list[Planned], rng: random.Random) -> list[_Phone]:
    """One signed-in phone per learner, holding its attempts and some lessons read, after checking that the page
    the phone keeps carries the version and tokens the plan sends."""
    phones = []
    for index, learner in enumerate(world.learners):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        lessons = [pk for ids in world.lessons.values() for pk in ids if rng.random() < 0.7]
        mine = [attempt for attempt in planned if attempt.learner_index == index]
        phones.append(_Phone(client, csrf_token(client), learner.pk, mine, lessons))
    first = next(phone for phone in phones if phone.attempts)
    page = offline_page(first.client, first.attempts[0].quiz_id)
    assert page.version == first.attempts[0].entry["version"], "the plan's version is not the page's"
    for question_id, tokens in first.attempts[0].entry["answers"].items():
        assert set(tokens) <= set(page.tokens[question_id]), "the plan's tokens are not the page's"
    return phones


def _batch(phone: _Phone, rng: random.Random, report: DrillReport, max_batch: int) -> tuple[list[dict], list[int]]:
    """What the phone sends this time: some of its waiting attempts in any order, now and then an id twice or
    one already acknowledged (the phone died before forgetting it), and some lessons (again, at times)."""
    size = rng.randint(1, min(max_batch, len(phone.attempts))) if phone.attempts else 0
    chosen = rng.sample(phone.attempts, size)
    if chosen and rng.random() < 0.3:
        extra = rng.sample(chosen, rng.randint(1, len(chosen)))
        report.duplicates_in_a_request += len(extra)
        chosen += extra
    if phone.acknowledged and rng.random() < 0.2:
        chosen.append(rng.choice(phone.acknowledged))
        report.sent_again_after_acknowledged += 1
    rng.shuffle(chosen)
    lessons = []
    if phone.lessons and rng.random() < 0.5:
        lessons = rng.sample(phone.lessons, rng.randint(1, len(phone.lessons)))
    return [attempt.entry for attempt in chosen], lessons


def _send(phone: _Phone, entries: list[dict], lessons: list[int], report: DrillReport) -> dict:
    body = {"learner": phone.learner_pk, "attempts": entries, "lessons": [{"lesson": pk} for pk in lessons]}
    response = sync(phone.client, body, csrf=phone.csrf)
    report.requests += 1
    report.copies_sent += len(entries)
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return response.json()


def drill_replay(world: World, planned: list[Planned], *, rng: random.Random, max_batch: int = 8) -> DrillReport:
    """Every phone sends until the server has acknowledged each of its attempts, with duplicates, reordering,
    uploads cut halfway (the first part arrives, its response is lost, the whole batch is sent again) and lost
    responses, interleaved between learners at random. Bounded: a phone gives up after many rounds."""
    report = DrillReport(learners=len(world.learners), attempts=len(planned))
    phones = _phones(world, planned, rng)
    report.lessons = sum(len(set(phone.lessons)) for phone in phones)
    started = time.perf_counter()
    rounds_left = 20 * len(planned) + 10 * len(phones)
    pending_lessons = {id(phone): bool(phone.lessons) for phone in phones}
    while rounds_left > 0:
        busy = [phone for phone in phones if phone.attempts or pending_lessons[id(phone)]]
        if not busy:
            break
        rounds_left -= 1
        phone = rng.choice(busy)
        entries, lessons = _batch(phone, rng, report, max_batch)
        if pending_lessons[id(phone)] and not lessons and not entries:
            lessons = list(phone.lessons)
        if len(entries) > 1 and rng.random() < 0.25:
            _send(phone, entries[: len(entries) // 2], [], report)  # cut halfway: this response never arrives
            report.partial_uploads += 1
        answer = _send(phone, entries, lessons, report)
        if rng.random() < 0.15:
            report.lost_responses += 1
            continue  # the phone never hears back, so it forgets nothing
        if lessons and len(set(lessons)) == len(set(phone.lessons)):
            pending_lessons[id(phone)] = False  # every lesson sent and acknowledged at least once
        by_id = {attempt.client_id: attempt for attempt in phone.attempts + phone.acknowledged}
        for result in answer["attempts"]:
            report.statuses[result["status"]] += 1
            attempt = by_id[result["id"]]
            if result["status"] == "graded" and attempt in phone.attempts:
                phone.attempts.remove(attempt)
                phone.acknowledged.append(attempt)
    report.seconds = time.perf_counter() - started
    left = sum(len(phone.attempts) for phone in phones)
    if left:
        report.problems.append(f"{left} attempts never acknowledged")
    drill_check(world, planned, phones, report)
    return report


def drill_check(world: World, planned: list[Planned], phones: list[_Phone], report: DrillReport) -> None:
    """Count what the database holds against the plan: lost, duplicated, answers, scores, outcomes, numbers,
    lessons read and module completions."""
    learner_ids = [learner.pk for learner in world.learners]
    rows = list(Attempt.objects.filter(learner_id__in=learner_ids))
    by_key = Counter((row.learner_id, str(row.client_id)) for row in rows)
    stored = {(row.learner_id, str(row.client_id)): row for row in rows}
    outcomes = Counter(QuestionOutcome.objects.filter(attempt__in=rows).values_list("attempt_id", flat=True))
    expected_keys = set()
    for attempt in planned:
        key = (world.learners[attempt.learner_index].pk, attempt.client_id)
        expected_keys.add(key)
        row = stored.get(key)
        if row is None:
            report.lost += 1
            continue
        if row.answers != attempt.choice_ids:
            report.wrong_answers += 1
            report.problems.append(("answers", attempt.client_id, row.answers, attempt.choice_ids))
        _results, fraction = grade(snapshot=row.snapshot, answers=attempt.choice_ids)
        if not (row.score == attempt.score == score_percent(fraction) and row.passed == attempt.passed):
            report.wrong_scores += 1
            report.problems.append(("score", attempt.client_id, row.score, attempt.score))
        if outcomes[row.pk] != len(row.snapshot["questions"]):
            report.wrong_outcomes += 1
    report.duplicated = sum(count - 1 for count in by_key.values()) + len(set(by_key) - expected_keys)
    numbers: dict[tuple[int, int], list[int]] = {}
    for row in rows:
        numbers.setdefault((row.learner_id, row.quiz_id), []).append(row.number)
    report.wrong_numbers = sum(1 for got in numbers.values() if sorted(got) != list(range(1, len(got) + 1)))
    read = Counter(LessonView.objects.filter(learner_id__in=learner_ids).values_list("learner_id", "lesson_id"))
    for phone in phones:
        expected = {(phone.learner_pk, pk) for pk in phone.lessons}
        got = {key for key in read if key[0] == phone.learner_pk}
        report.wrong_lessons += len(expected ^ got) + sum(read[key] - 1 for key in got)
    completions = ModuleCompletion.objects.filter(learner_id__in=learner_ids)
    completions = set(completions.values_list("learner_id", "module_id"))
    for index, phone in enumerate(phones):
        for module_id, lesson_ids in world.lessons.items():
            passed = any(a.passed for a in planned if a.learner_index == index and a.module_id == module_id)
            expected = passed and set(lesson_ids) <= set(phone.lessons)
            if expected != ((phone.learner_pk, module_id) in completions):
                report.wrong_completions += 1


def drill_run(*, learners: int, attempts: int, seed: int, modules: int = 3, prefix: str = "drill") -> DrillReport:
    rng = random.Random(seed)  # noqa: S311  (a repeatable drill, not a secret)
    world = drill_world(learners=learners, modules=modules, prefix=prefix)
    planned = drill_plan(world, attempts=attempts, rng=rng)
    return drill_replay(world, planned, rng=rng)


def drill_summary(report: DrillReport) -> str:
    statuses = ", ".join(f"{status} {count}" for status, count in sorted(report.statuses.items()))
    rate = report.copies_sent / report.seconds if report.seconds else 0.0
    return (
        f"{report.attempts} offline attempts by {report.learners} learners, {report.lessons} lessons read offline\n"
        f"  sent: {report.requests} requests, {report.copies_sent} attempt copies ({rate:.0f} /s); "
        f"{report.duplicates_in_a_request} duplicates inside a request, {report.sent_again_after_acknowledged} "
        f"sent again after being acknowledged, {report.partial_uploads} uploads cut halfway, "
        f"{report.lost_responses} responses lost\n"
        f"  results: {statuses}; {report.seconds:.1f} s\n"
        f"  checked: lost {report.lost}, duplicated {report.duplicated}, answers differing {report.wrong_answers}, "
        f"scores differing from grading {report.wrong_scores}, outcomes {report.wrong_outcomes}, "
        f"attempt numbers {report.wrong_numbers}, lessons {report.wrong_lessons}, "
        f"completions {report.wrong_completions}\n"
        f"  verdict: {'PASS' if report.ok else 'FAIL'}"
    )
