"""What generated learners train on: the live manual's modules, lessons and quizzes, read once per run."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from core.roles import Role
from curriculum.models import LessonPage, ManualPage, ModulePage
from quizzes.attempts import quiz_content_snapshot, snapshot_arranged
from quizzes.models import Quiz
from quizzes.selectors import required_modules
from quizzes.versions import content_version, manual_version

NO_CURRICULUM = gettext_lazy("The database has no live manual with modules and quizzes to train on.")
ARRANGEMENTS_PER_QUIZ = 64
BLANK: dict = {}  # an empty text: core.translated.in_language shows "" for it, and it costs 2 bytes, not 22


class NoCurriculum(Exception):
    """No live manual has a module with a quiz."""


@dataclass(frozen=True)
class ModulePlan:
    module_id: int
    number: int
    title: dict
    lesson_ids: tuple[int, ...]
    quiz_id: int | None = None
    quiz_revision_id: int | None = None  # the published version attempts start on, as attempt_start records it
    attempts_allowed: int = 0
    wait_minutes: int = 0
    content: dict | None = None  # quizzes.attempts.quiz_content_snapshot of the quiz, possibly without its texts
    revision_id: int | None = None  # the module page's live revision, as a certificate lists it
    content_version: dict | None = None  # quizzes.versions.content_version, as a completion records it


@dataclass(frozen=True)
class Curriculum:
    manual_id: int
    modules: tuple[ModulePlan, ...]
    # Per role, every live module its certificate needs, in order (some may be empty), as required_modules says.
    required: dict[str, tuple[ModulePlan, ...]]
    manual_version: int = 1  # quizzes.versions.manual_version, as completions and certificates record it

    def required_for(self, role: str | None) -> tuple[ModulePlan, ...]:
        return self.required.get(role or "", ())


def lean_content(content: dict) -> dict:
    """A content snapshot with empty texts: the same ids, kinds, marking and correct choices, a tenth of the size.

    A full snapshot of a demo quiz is about 16 KB; at 250,000 attempts that is 4 GB the reports never read. A
    lean one is about 1.3 KB. Grading and the attempt pages work the same, with blank texts.
    """
    questions = [
        {
            **question,
            "text": BLANK,
            "explanation": BLANK,
            "choices": [{**choice, "text": BLANK, "feedback": BLANK} for choice in question["choices"]],
        }
        for question in content["questions"]
    ]
    return {**content, "title": BLANK, "questions": questions}


def _plan(module: ModulePage, *, full_snapshots: bool) -> ModulePlan:
    lessons = tuple(LessonPage.objects.child_of(module).live().order_by("path").values_list("pk", flat=True))
    quiz = Quiz.objects.live().filter(module=module).first()
    content = quiz_content_snapshot(quiz=quiz) if quiz is not None else None
    if content is not None and not content["questions"]:
        quiz, content = None, None  # attempt_start refuses a quiz with no gradable question
    if content is not None and not full_snapshots:
        content = lean_content(content)
    return ModulePlan(
        module_id=module.pk,
        number=module.number,
        title={"km": module.title_km or "", "en": module.title_en or ""},
        lesson_ids=lessons,
        quiz_id=quiz.pk if quiz else None,
        quiz_revision_id=quiz.live_revision_id if quiz else None,
        attempts_allowed=quiz.attempts_allowed if quiz else 0,
        wait_minutes=quiz.wait_minutes if quiz else 0,
        content=content,
        revision_id=module.live_revision_id,
        content_version=content_version(
            module=module, lessons=LessonPage.objects.filter(pk__in=lessons).order_by("path"), quiz=quiz
        ),
    )


def curriculum_read(*, full_snapshots: bool = False) -> Curriculum:
    """The first live manual that has live modules with quizzes; raises NoCurriculum when there is none."""
    for manual in ManualPage.objects.live().order_by("path"):
        plans = {
            module.pk: _plan(module, full_snapshots=full_snapshots)
            for module in ModulePage.objects.child_of(manual).live().order_by("path")
        }
        if any(plan.quiz_id for plan in plans.values()):
            required = {
                role: tuple(plans[module.pk] for module in required_modules(manual=manual, role=role))
                for role in Role.values
            }
            return Curriculum(
                manual_id=manual.pk,
                modules=tuple(plans.values()),
                required=required,
                manual_version=manual_version(manual_id=manual.pk),
            )
    raise NoCurriculum(NO_CURRICULUM)


@dataclass(frozen=True)
class Arrangement:
    """One order of a quiz's questions and choices, as attempt_start arranges it with the generator `rng`."""

    index: int
    snapshot: dict


def arrangement_rng(*, seed: object, quiz_id: int, index: int) -> random.Random:
    """The generator that arranges arrangement `index` of a quiz: attempt_start(rng=...) gives the same order."""
    return random.Random(f"{seed}:arrangement:{quiz_id}:{index}")  # noqa: S311  (display order, not a secret)


def arrangements_draw(curriculum: Curriculum, *, seed: object) -> dict[int, list[Arrangement]]:
    """A pool of arrangements per quiz (one when the quiz shuffles nothing): learners draw from it, so the
    grading of the same answers to the same order is computed once, not once per attempt."""
    pools = {}
    for module in curriculum.modules:
        if module.quiz_id is None:
            continue
        shuffles = module.content["shuffle_questions"] or module.content["shuffle_choices"]
        pools[module.quiz_id] = [
            Arrangement(
                index=index,
                snapshot=snapshot_arranged(
                    module.content, rng=arrangement_rng(seed=seed, quiz_id=module.quiz_id, index=index)
                ),
            )
            for index in range(ARRANGEMENTS_PER_QUIZ if shuffles else 1)
        ]
    return pools
