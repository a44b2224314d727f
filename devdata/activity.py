"""One learner's seeded study (lessons read, quiz attempts), with completions and certificate decided by quizzes.

The story is random (skill, pace, how far the learner means to go); everything that follows from it is not:
attempts are arranged by quizzes.attempts.snapshot_arranged and graded by quizzes.grading, a module counts as
completed when quizzes.completion.module_is_complete says so after a lesson view or a passing submission (the
two events on which module_completion_refresh looks), the course when course_is_complete says so of the modules
quizzes.selectors.required_modules gives the learner's role (devdata.curriculum reads them), a certificate
goes to whom may_hold_certificate allows (once confirmed), and its code is drawn by certificate_code. The result
is unsaved model instances, written in bulk by devdata.writing.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone

from learners.models import Confirmation
from quizzes.completion import certificate_code, course_is_complete, may_hold_certificate, module_is_complete
from quizzes.grading import grade, is_passed, score_percent
from quizzes.models import Attempt, AttemptStatus, Certificate, CompletionSource, LessonView, ModuleCompletion
from quizzes.versions import certificate_expiry

from .curriculum import Arrangement, Curriculum, ModulePlan

SKIP_OPTIONAL = 0.6  # the share of learners who leave aside a module their role does not require


class OutOfTime(Exception):
    """The learner's story has reached today: nothing after it happens."""


class Clock:
    def __init__(self, start: datetime, now: datetime):
        self.at, self.now = start, now

    def advance(self, seconds: float) -> datetime:
        at = self.at + timedelta(seconds=max(1, int(seconds)))
        if at > self.now:
            raise OutOfTime
        self.at = at
        return at


def answers_for(snapshot: dict, skill: float, rng: random.Random) -> dict:
    """What a learner of this skill (0..1) answers: right with probability `skill`, otherwise a wrong pick."""
    answers = {}
    for question in snapshot["questions"]:
        right = [choice["id"] for choice in question["choices"] if choice["correct"]]
        wrong = [choice["id"] for choice in question["choices"] if not choice["correct"]]
        if rng.random() < skill or not wrong:
            answers[str(question["id"])] = sorted(right)
        elif question["kind"] == "multiple" and len(right) > 1 and rng.random() < 0.5:
            answers[str(question["id"])] = sorted(right[:-1])  # partly right
        else:
            answers[str(question["id"])] = [rng.choice(wrong)]
    return answers


@dataclass
class Progress:
    """The learner's training record as quizzes.completion keeps it on the profile: first and latest activity
    (lesson views, attempt starts and submissions, as activity_record notes them), course completed."""

    started_at: datetime | None = None
    last_active_at: datetime | None = None
    course_completed_at: datetime | None = None

    def active(self, at: datetime) -> None:
        self.started_at = self.started_at or at
        self.last_active_at = at


@dataclass
class World:
    """What every learner's study draws on: the curriculum, its arranged quizzes, grades already computed."""

    curriculum: Curriculum
    arrangements: dict[int, list[Arrangement]]
    now: datetime
    codes: set[str]  # certificate codes already taken
    grades: dict = field(default_factory=dict)

    def grade(self, arrangement: Arrangement, quiz_id: int, answers: dict):
        """quizzes.grading.grade, remembered: learners give the same answers to the same questions over and over."""
        key = (quiz_id, arrangement.index, tuple(sorted((k, tuple(v)) for k, v in answers.items())))
        if key not in self.grades:
            self.grades[key] = grade(snapshot=arrangement.snapshot, answers=answers)
        return self.grades[key]


@dataclass
class Activity:
    """Everything one learner's study adds, as unsaved instances (attempt ids are assigned when written)."""

    learner: object
    holder: dict  # the certificate's holder, as quizzes.selectors.learner_holder gives it
    confirmation: str | None  # the profile's confirmation as it ends up (None: no profile)
    confirmed_at: datetime | None = None  # when confirmed; None when already confirmed before the story
    views: list[LessonView] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    arrangements: list[int] = field(default_factory=list)  # per attempt: the index given to arrangement_rng
    completions: list[ModuleCompletion] = field(default_factory=list)
    certificate: Certificate | None = None
    progress: Progress = field(default_factory=Progress)


class Study:
    """Plays one learner's story forward in time, noting what the quizzes services would record at each step."""

    def __init__(self, activity: Activity, *, world: World, rng: random.Random, clock: Clock):
        self.activity, self.world, self.rng, self.clock = activity, world, rng, clock
        self.read: dict[int, set[int]] = {}
        self.done: dict[int, ModuleCompletion] = {}

    def view(self, module: ModulePlan, lesson_id: int) -> None:
        at = self.clock.advance(self.rng.uniform(300, 2 * 86400))
        self.activity.views.append(
            LessonView(learner=self.activity.learner, lesson_id=lesson_id, module_id=module.module_id, viewed_at=at)
        )
        self.read.setdefault(module.module_id, set()).add(lesson_id)
        self.activity.progress.active(at)
        self.refresh(module, at)

    def attempt(self, module: ModulePlan, *, skill: float, finish: bool) -> Attempt | None:
        """One try at the module's quiz, within its limits; None when no attempt is left."""
        rng, clock = self.rng, self.clock
        used = [attempt for attempt in self.activity.attempts if attempt.quiz_id == module.quiz_id]
        if module.attempts_allowed and len(used) >= module.attempts_allowed:
            return None
        if used:
            clock.advance(module.wait_minutes * 60 + rng.uniform(600, 3 * 86400))
        started = clock.advance(rng.uniform(120, 86400))
        self.activity.progress.active(started)
        arrangement = rng.choice(self.world.arrangements[module.quiz_id])
        answers = answers_for(arrangement.snapshot, skill, rng)
        attempt = Attempt(
            learner=self.activity.learner,
            quiz_id=module.quiz_id,
            quiz_revision_id=module.quiz_revision_id,
            number=len(used) + 1,
            started_at=started,
            snapshot=arrangement.snapshot,
        )
        self.activity.attempts.append(attempt)
        self.activity.arrangements.append(arrangement.index)
        kept = dict(list(answers.items())[: rng.randint(1, max(1, len(answers) - 1))])
        if not finish:
            attempt.answers = kept  # saved screen by screen, not submitted yet
            return attempt
        try:
            submitted_at = clock.advance(rng.uniform(240, 1500))
        except OutOfTime:
            attempt.answers = kept  # still answering today: the attempt stays open
            raise
        results, fraction = self.world.grade(arrangement, module.quiz_id, answers)
        attempt.answers, attempt.results = answers, results
        attempt.score = score_percent(fraction)
        attempt.passed = is_passed(score=fraction, pass_mark=arrangement.snapshot["pass_mark"])
        attempt.status = AttemptStatus.SUBMITTED
        attempt.submitted_at = submitted_at
        self.activity.progress.active(attempt.submitted_at)
        if attempt.passed:
            self.refresh(module, attempt.submitted_at)
        return attempt

    def refresh(self, module: ModulePlan, at: datetime) -> None:
        """What module_completion_refresh decides after a lesson view or a passing submission."""
        if module.module_id in self.done:
            return  # a completion, once recorded, stays
        passing = [a for a in self.activity.attempts if a.quiz_id == module.quiz_id and a.passed]
        if module.quiz_id is not None and not passing:
            return
        if not module_is_complete(
            lessons_read=self.read.get(module.module_id, set()),
            lesson_ids=set(module.lesson_ids),
            quiz_passed=bool(passing) if module.quiz_id is not None else None,
        ):
            return
        best = min(passing, key=lambda a: (-a.score, a.submitted_at)) if passing else None
        completion = ModuleCompletion(
            learner=self.activity.learner,
            module_id=module.module_id,
            completed_at=at,
            attempt=best,
            score=best.score if best else None,
            lesson_ids=sorted(module.lesson_ids),
            module_title=dict(module.title),
            manual_version=self.world.curriculum.manual_version,
            content_version=dict(module.content_version or {}),
        )
        self.done[module.module_id] = completion
        self.activity.completions.append(completion)
        self.certify(at)

    def confirmation_on(self, at: datetime) -> str | None:
        """The learner's confirmation at that moment: pending until a later confirmation."""
        confirmed_at = self.activity.confirmed_at
        if self.activity.confirmation == Confirmation.CONFIRMED and confirmed_at is not None and confirmed_at > at:
            return Confirmation.PENDING
        return self.activity.confirmation

    def certify(self, at: datetime) -> None:
        """certificate_issue_if_complete: once, when every module the learner's role requires is completed by a
        learner who may hold it; for one still waiting then, certificates_issue_on_confirmation at their
        confirmation."""
        required = self.world.curriculum.required_for(self.activity.holder.get("role"))
        if self.activity.certificate is not None or not course_is_complete(
            completed_module_ids=set(self.done), required_module_ids={m.module_id for m in required}
        ):
            return
        issued_at = at
        if not may_hold_certificate(confirmation=self.confirmation_on(at)):
            confirmed_at = self.activity.confirmed_at
            if confirmed_at is None or not may_hold_certificate(confirmation=self.confirmation_on(confirmed_at)):
                return
            issued_at = confirmed_at
        last = max(self.done[module.module_id].completed_at for module in required)
        self.activity.certificate = Certificate(
            learner=self.activity.learner,
            manual_id=self.world.curriculum.manual_id,
            code=self.code(),
            issued_at=issued_at,
            completed_on=timezone.localdate(last),
            holder=self.activity.holder,
            modules=[
                {
                    "number": module.number,
                    "title": dict(module.title),
                    "completed_on": timezone.localdate(self.done[module.module_id].completed_at).isoformat(),
                    "source": CompletionSource.ONLINE,  # generated activity is self-paced on the site
                    "id": module.module_id,
                    "revision": module.revision_id,
                }
                for module in required
            ],
            manual_version=self.world.curriculum.manual_version,
            expires_on=certificate_expiry(valid_from=timezone.localdate(issued_at)),
        )
        self.activity.progress.course_completed_at = last  # noted with the certificate, as the course's end

    def code(self) -> str:
        while True:
            code = certificate_code(choice=self.rng.choice)
            if code not in self.world.codes:
                self.world.codes.add(code)
                return code


def study(
    activity: Activity,
    *,
    world: World,
    rng: random.Random,
    start: datetime,
    goal: int,
    skill: float | None = None,
) -> Activity:
    """The learner's reading and attempts module by module from `start`, up to module `goal` (then they stop
    half-way through the next one): some finish, some fail, some run out of attempts or of time. Most pass over
    the modules their role does not require, and failing one of those does not stop them. `skill` (0..1, the
    chance of answering a question right) is drawn when not given."""
    story = Study(activity, world=world, rng=rng, clock=Clock(start, world.now))
    drawn = rng.uniform(0.45, 0.98)
    skill = drawn if skill is None else skill
    required = {module.module_id for module in world.curriculum.required_for(activity.holder.get("role"))}
    with contextlib.suppress(OutOfTime):
        for index, module in enumerate(world.curriculum.modules):
            optional = module.module_id not in required
            if optional and rng.random() < SKIP_OPTIONAL:
                continue  # not required of their role: most leave it aside
            if index:
                story.clock.advance(rng.expovariate(1 / (9 * 86400)))  # days or weeks before the next module
            stopping = index >= goal
            lessons = module.lesson_ids if not stopping else module.lesson_ids[: rng.randint(0, len(module.lesson_ids))]
            for lesson_id in lessons:
                story.view(module, lesson_id)
            if stopping:
                if lessons and module.quiz_id and rng.random() < 0.4:
                    story.attempt(module, skill=skill * 0.8, finish=rng.random() < 0.6)
                break
            if module.quiz_id is None:
                continue
            for _try in range(4):
                attempt = story.attempt(module, skill=skill, finish=True)
                if attempt is None or attempt.passed:
                    break
                skill = min(0.99, skill + 0.15)  # they go back over the lessons
            if module.module_id not in story.done and not optional:
                break  # out of attempts or of patience: the learner stops here
    return activity
