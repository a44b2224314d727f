"""Demo quizzes for the demo manual's modules, and demo learners' reading, attempts and completions.

Seeded and idempotent: a quiz is created only for a module that has none, and a learner who already has any
progress is left alone. Reading and attempts are written in bulk (graded by services.grade on snapshots
arranged by services.snapshot_arranged); completions, summaries and certificates then come from the
completion service itself, backdated, exactly as for real learners.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo_accounts import demo_accounts_allowed
from curriculum.models import LessonPage, ModulePage

from ..models import Attempt, AttemptStatus, Choice, LessonView, Question, QuestionOutcome, Quiz, TrainingSummary
from ..report_columns import copy_from_summaries
from ..attempts import question_outcomes, quiz_content_snapshot, snapshot_arranged
from ..completion import module_completion_refresh
from ..grading import grade

SEED = 2026
DEMO_LEARNER_PREFIX = "demo-"
# Named demo accounts with some history, so trying them shows progress (`council` starts fresh).
SHOWCASE = {"officer": 2}  # username -> modules completed


def _content():
    from . import quiz_content

    return quiz_content


def _quiz(module: ModulePage, spec: dict) -> Quiz:
    quiz = Quiz(
        module=module,
        pass_mark=spec["pass_mark"],
        attempts_allowed=spec["attempts_allowed"],
        shuffle_choices=spec["shuffle_choices"],
    )
    for language in ("km", "en"):
        setattr(quiz, f"title_{language}", spec["title"][language])
        setattr(quiz, f"intro_{language}", _content().INTRO[language])
    quiz.title = spec["title"]["km"]
    for index, question_spec in enumerate(spec["questions"]):
        question = Question(
            kind=question_spec["kind"],
            scoring=question_spec.get("scoring", "all"),
            sort_order=index,
            text=question_spec["text"]["km"],
            text_km=question_spec["text"]["km"],
            text_en=question_spec["text"]["en"],
            explanation_km=question_spec["explanation"]["km"],
            explanation_en=question_spec["explanation"]["en"],
        )
        choices = []
        for position, choice in enumerate(question_spec["choices"]):
            text_km, text_en, correct, *feedback = choice
            feedback_km, feedback_en = feedback if feedback else ("", "")
            choices.append(
                Choice(
                    sort_order=position,
                    text=text_km,
                    text_km=text_km,
                    text_en=text_en,
                    is_correct=correct,
                    feedback_km=feedback_km,
                    feedback_en=feedback_en,
                )
            )
        question.choices = choices
        quiz.questions.add(question)
    quiz.full_clean()
    quiz.save()
    return quiz


def load_demo_quizzes(*, stdout) -> list[Quiz]:
    quizzes = []
    for slug, spec in _content().QUIZZES.items():
        module = ModulePage.objects.filter(slug=slug).first()
        if module is None:
            continue
        quiz = Quiz.objects.filter(module=module).first()
        if quiz is None:
            quiz = _quiz(module, spec)
            stdout.write(f"Created the quiz of module {module.number}.")
        quizzes.append(quiz)
    return quizzes


def _answers(snapshot: dict, skill: float, rng: random.Random) -> dict:
    """Answers a learner of this skill (0..1) would give: right with probability `skill`, else a wrong pick."""
    answers = {}
    for question in snapshot["questions"]:
        right = [c["id"] for c in question["choices"] if c["correct"]]
        wrong = [c["id"] for c in question["choices"] if not c["correct"]]
        if rng.random() < skill or not wrong:
            answers[str(question["id"])] = right
        elif question["kind"] == "multiple" and len(right) > 1 and rng.random() < 0.5:
            answers[str(question["id"])] = right[:-1]  # partly right
        else:
            answers[str(question["id"])] = [rng.choice(wrong)]
    return answers


class _Clock:
    """Moves a learner's story forward in time from their start, never past now."""

    def __init__(self, start, now, rng):
        self.at, self.now, self.rng = start, now, rng

    def step(self, *, min_hours=1, max_days=12):
        self.at = min(self.now, self.at + timedelta(hours=self.rng.randint(min_hours, max_days * 24)))
        return self.at


class _Story:
    """One learner's reading and attempts, module by module: some finish, some fail, some stop half-way.

    Attempts are graded by the same function the service uses (services.grade) on a snapshot arranged the
    same way (services.snapshot_arranged); completions are then derived by the completion service itself.
    """

    def __init__(self, *, learner, rng: random.Random, now, contents: dict):
        self.learner, self.rng, self.contents = learner, rng, contents
        self.clock = _Clock(now - timedelta(days=rng.randint(5, 365)), now, rng)
        self.views: list[LessonView] = []
        self.attempts: list[Attempt] = []
        self.passes: list[tuple[ModulePage, object]] = []  # (module, when) to derive completions from

    def attempt(self, quiz: Quiz, skill: float, *, finish: bool) -> Attempt | None:
        used = sum(1 for a in self.attempts if a.quiz_id == quiz.pk)
        if quiz.attempts_allowed and used >= quiz.attempts_allowed:
            return None
        started = self.clock.step(max_days=2)
        snapshot = snapshot_arranged(self.contents[quiz.pk], rng=self.rng)
        answers = _answers(snapshot, skill, self.rng)
        attempt = Attempt(learner=self.learner, quiz=quiz, number=used + 1, started_at=started, snapshot=snapshot)
        if finish:
            results, fraction = grade(snapshot=snapshot, answers=answers)
            attempt.answers, attempt.results = answers, results
            attempt.score, attempt.passed = int(fraction * 100), fraction * 100 >= snapshot["pass_mark"]
            attempt.status = AttemptStatus.SUBMITTED
            attempt.submitted_at = started + timedelta(minutes=self.rng.randint(4, 25))
        else:
            kept = list(answers.items())[: self.rng.randint(1, max(1, len(answers) - 1))]
            attempt.answers = dict(kept)
        self.attempts.append(attempt)
        return attempt

    def summary(self) -> TrainingSummary:
        """First and latest activity, as the services would have noted them (completions are added after)."""
        times = [view.viewed_at for view in self.views]
        times += [attempt.started_at for attempt in self.attempts]
        times += [attempt.submitted_at for attempt in self.attempts if attempt.submitted_at]
        return TrainingSummary(learner=self.learner, started_at=min(times), last_active_at=max(times))

    def tell(self, modules: list, goal: int | None) -> None:
        rng = self.rng
        skill = rng.uniform(0.45, 0.98)
        if goal is None:
            # Most learners are somewhere along the way; a good share finish, a few never really start.
            weights = [1.0] + [2.0] * max(0, len(modules) - 1) + [3.0]
            goal = rng.choices(range(len(modules) + 1), weights=weights)[0]
        for index, (module, lessons, quiz) in enumerate(modules):
            stopping = index >= goal
            to_read = lessons if not stopping else lessons[: rng.randint(0, len(lessons))]
            for lesson in to_read:
                at = self.clock.step(max_days=3)
                self.views.append(LessonView(learner=self.learner, lesson=lesson, module=module, viewed_at=at))
            if stopping:
                if to_read and quiz is not None and rng.random() < 0.5:
                    self.attempt(quiz, skill * 0.8, finish=rng.random() < 0.6)
                return
            if quiz is None:
                self.passes.append((module, self.clock.at))
                continue
            for _try in range(4):
                attempt = self.attempt(quiz, skill, finish=True)
                if attempt is None:
                    return  # out of attempts: the learner stops here
                if attempt.passed:
                    self.passes.append((module, attempt.submitted_at))
                    break
                skill = min(0.99, skill + 0.15)  # they go back over the lessons
            else:
                return


def load_demo_progress(*, stdout, quizzes: list[Quiz], seed: int = SEED, limit: int | None = None) -> int:
    """Progress for demo learners who have none yet; returns how many learners got some."""
    if not quizzes:
        return 0
    first = quizzes[0].module
    module_pages = list(
        ModulePage.objects.filter(path__startswith=first.path[: -ModulePage.steplen], depth=first.depth).live()
    )
    by_module = {quiz.module_id: quiz for quiz in quizzes}
    modules = [
        (module, list(LessonPage.objects.child_of(module).live()), by_module.get(module.pk)) for module in module_pages
    ]
    contents = {quiz.pk: quiz_content_snapshot(quiz=quiz) for quiz in quizzes}
    User = get_user_model()
    learners = list(User.objects.filter(username__startswith=DEMO_LEARNER_PREFIX).order_by("username")[:limit])
    learners += list(User.objects.filter(username__in=SHOWCASE).order_by("username"))
    busy = set(LessonView.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    busy |= set(Attempt.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    now = timezone.now()
    stories = []
    for learner in learners:
        if learner.pk in busy:
            continue
        # One generator per learner, seeded by name: the same story whatever else exists.
        rng = random.Random(f"{seed}:{learner.username}")  # noqa: S311  (demo data, not a secret)
        story = _Story(learner=learner, rng=rng, now=now, contents=contents)
        story.tell(modules, SHOWCASE.get(learner.username))
        if story.views or story.attempts:
            stories.append(story)
    LessonView.objects.bulk_create([view for story in stories for view in story.views], batch_size=500)
    attempts = Attempt.objects.bulk_create([attempt for story in stories for attempt in story.attempts], batch_size=200)
    QuestionOutcome.objects.bulk_create(
        [outcome for attempt in attempts if not attempt.is_open for outcome in question_outcomes(attempt=attempt)],
        batch_size=1000,
    )
    TrainingSummary.objects.bulk_create([story.summary() for story in stories], ignore_conflicts=True)
    for story in stories:
        for module, when in story.passes:
            module_completion_refresh(learner=story.learner, module_id=module.pk, now=when)
    copy_from_summaries(learner_ids=[story.learner.pk for story in stories])
    if stories:
        stdout.write(f"Gave {len(stories)} demo learners their reading, quiz attempts and completions.")
    return len(stories)


def load_quizzes(*, stdout, force: bool = False) -> None:
    quizzes = load_demo_quizzes(stdout=stdout)
    if not get_user_model().objects.filter(username__startswith=DEMO_LEARNER_PREFIX).exists():
        return
    demo_accounts_allowed(force=force)  # demo attempts belong to demo accounts: same rule
    load_demo_progress(stdout=stdout, quizzes=quizzes)
