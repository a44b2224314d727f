"""Demo quizzes for the demo manual's modules, and demo learners' reading, attempts and completions.

Seeded and idempotent: a quiz is created only for a module that has none, and a learner who already has any
progress is left alone. Progress goes through the same services as real learners (backdated), so completions
and certificates are derived exactly as in production.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo_accounts import demo_accounts_allowed
from curriculum.models import LessonPage, ModulePage

from ..models import Attempt, Choice, LessonView, Question, Quiz
from ..services import QuizError, attempt_answer, attempt_start, attempt_submit, lesson_view_record

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


def _answers(attempt: Attempt, skill: float, rng: random.Random) -> dict:
    """Answers a learner of this skill (0..1) would give: right with probability `skill`, else one wrong pick."""
    answers = {}
    for question in attempt.snapshot["questions"]:
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


def _learner_story(*, learner, modules, rng: random.Random, now, goal: int | None = None) -> None:
    """Read lessons and take quizzes module by module: some finish, some fail, some stop half-way."""
    skill = rng.uniform(0.45, 0.98)
    if goal is None:
        # Most learners are somewhere along the way; a good share finish, a few never really start.
        weights = [1.0] + [2.0] * max(0, len(modules) - 1) + [3.0]
        goal = rng.choices(range(len(modules) + 1), weights=weights)[0]
    clock = _Clock(now - timedelta(days=rng.randint(5, 365)), now, rng)
    for index, (module, lessons, quiz) in enumerate(modules):
        stopping = index >= goal
        to_read = lessons if not stopping else lessons[: rng.randint(0, len(lessons))]
        for lesson in to_read:
            lesson_view_record(learner=learner, lesson_id=lesson.pk, module_id=module.pk, now=clock.step(max_days=3))
        if stopping:
            if to_read and quiz is not None and rng.random() < 0.5:
                _attempt(learner, quiz, skill * 0.8, rng, clock, finish=rng.random() < 0.6)
            return
        if quiz is None:
            continue
        for _try in range(4):
            try:
                attempt = _attempt(learner, quiz, skill, rng, clock, finish=True)
            except QuizError:
                return  # out of attempts: the learner stops here
            if attempt.passed:
                break
            skill = min(0.99, skill + 0.15)  # they go back over the lessons
        else:
            return


def _attempt(learner, quiz, skill, rng, clock, *, finish: bool) -> Attempt:
    started = clock.step(max_days=2)
    attempt = attempt_start(learner=learner, quiz=quiz, now=started, rng=rng)
    answers = _answers(attempt, skill, rng)
    if not finish:
        for question_id, choice_ids in list(answers.items())[: rng.randint(1, max(1, len(answers) - 1))]:
            attempt_answer(attempt=attempt, learner=learner, question_id=question_id, choice_ids=choice_ids)
        return attempt
    return attempt_submit(
        attempt=attempt, learner=learner, answers=answers, now=started + timedelta(minutes=rng.randint(4, 25))
    )


def load_demo_progress(*, stdout, quizzes: list[Quiz], seed: int = SEED, limit: int | None = None) -> int:
    """Progress for demo learners who have none yet; returns how many learners got a story."""
    if not quizzes:
        return 0
    manual_path = quizzes[0].module.path[: -ModulePage.steplen]
    module_pages = list(ModulePage.objects.filter(path__startswith=manual_path, depth=quizzes[0].module.depth).live())
    by_module = {quiz.module_id: quiz for quiz in quizzes}
    modules = [
        (module, list(LessonPage.objects.child_of(module).live()), by_module.get(module.pk)) for module in module_pages
    ]
    User = get_user_model()
    learners = list(User.objects.filter(username__startswith=DEMO_LEARNER_PREFIX).order_by("username")[: limit or None])
    learners += list(User.objects.filter(username__in=SHOWCASE).order_by("username"))
    busy = set(LessonView.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    busy |= set(Attempt.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    now = timezone.now()
    told = 0
    for learner in learners:
        # One generator per learner, seeded by name: the same story whatever else exists.
        rng = random.Random(f"{seed}:{learner.username}")  # noqa: S311  (demo data, not a secret)
        if learner.pk in busy:
            continue
        _learner_story(learner=learner, modules=modules, rng=rng, now=now, goal=SHOWCASE.get(learner.username))
        told += 1
    if told:
        stdout.write(f"Gave {told} demo learners their reading, quiz attempts and completions.")
    return told


def load_quizzes(*, stdout, force: bool = False) -> None:
    quizzes = load_demo_quizzes(stdout=stdout)
    if not get_user_model().objects.filter(username__startswith=DEMO_LEARNER_PREFIX).exists():
        return
    demo_accounts_allowed(force=force)  # demo attempts belong to demo accounts: same rule
    load_demo_progress(stdout=stdout, quizzes=quizzes)
