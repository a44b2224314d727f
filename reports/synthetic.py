"""A seeded synthetic population (learners, 24 months of reading, attempts and completions) for report benchmarks.

Used only by `manage.py generate_load_data`, which runs it against a database of its own (never the working
one). Rows are built in Python and written with bulk_create, a batch of learners per transaction: calling the
per-learner services for 100,000 people would take hours. The rows are nevertheless what the services would
have written: attempts are arranged by services.snapshot_arranged and graded by services.grade, a module is
completed only with every live lesson read and a passing attempt, and summaries and certificates follow from
the completions exactly as quizzes.services derives them.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import Role
from curriculum.models import LessonPage, ManualPage, ModulePage
from learners import groups
from learners.demo import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PHONE_PREFIXES, ROLE_MIX
from learners.models import Commune, Confirmation, District, Gender, LearnerProfile, Province, Source
from quizzes.attempts import quiz_content_snapshot, snapshot_arranged
from quizzes.completion import CODE_ALPHABET
from quizzes.grading import grade
from quizzes.models import (
    Attempt,
    AttemptStatus,
    Certificate,
    LessonView,
    ModuleCompletion,
    QuestionOutcome,
    Quiz,
    TrainingSummary,
)

from .models import Target, TargetChange, TargetChangeSource

USERNAME_PREFIX = "load-"
BENCH_COORDINATOR = "bench-coordinator"  # created by bench/reports.py; allowed in a load database
MONTHS = 24
DAYS = MONTHS * 365 // 12
DEFAULT_BATCH_SIZE = 5000

SAME_AS_WORKING_DATABASE = gettext_lazy(
    "%(target)s is the working database. Synthetic learners go to a database of their own: "
    "choose another --database-url."
)
FOREIGN_ACCOUNTS = gettext_lazy(
    "This database holds %(count)s accounts that generate_load_data did not create: refusing to write into it."
)
ALREADY_POPULATED = gettext_lazy(
    "This database already holds %(count)s synthetic learners. Use --reset to build it again."
)
NO_CURRICULUM = gettext_lazy("The database has no live manual with modules and quizzes to train on.")

# Population by province in thousands (2019 census, rounded): where learners come from, roughly.
PROVINCE_WEIGHTS = {
    "01": 861, "02": 987, "03": 899, "04": 527, "05": 877, "06": 677, "07": 592, "08": 1195, "09": 123,
    "10": 372, "11": 89, "12": 2129, "13": 251, "14": 1057, "15": 419, "16": 204, "17": 1006, "18": 310,
    "19": 160, "20": 525, "21": 900, "22": 262, "23": 41, "24": 72, "25": 776,
}  # fmt: skip
# How far along a learner who starts at all means to go (0 .. every module); the rest stop half-way.
GOAL_WEIGHTS = (4.0, 2.0, 1.5, 1.5, 1.0, 3.0)
BLANK: dict = {}  # an empty text: core.translated.in_language shows "" for it, and it costs 2 bytes, not 22


# --- Which database ---------------------------------------------------------------------------------------


def default_database_url() -> str:
    """var/loaddata.sqlite3 next to the working database (VAR_DIR), as an absolute sqlite URL."""
    var_dir = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var"))
    return f"sqlite:///{(var_dir / 'loaddata.sqlite3').resolve()}"


def database_settings(url: str) -> dict:
    """The connection settings a URL gives, parsed the way config.settings.base.database_from_env parses it."""
    return dj_database_url.parse(url)


DEFAULT_PORTS = {"postgresql": "5432", "mysql": "3306"}


def _identity(config: dict) -> tuple:
    """What makes two connection settings the same database: the file for SQLite, server and name otherwise."""
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        name = str(config.get("NAME") or "")
        if name in ("", ":memory:") or name.startswith("file:"):
            return ("sqlite", name)
        return ("sqlite", str(Path(name).expanduser().resolve()))
    vendor = engine.rsplit(".", 1)[-1]
    host = (config.get("HOST") or "localhost").lower()
    host = "localhost" if host in ("127.0.0.1", "::1", "") else host
    port = str(config.get("PORT") or DEFAULT_PORTS.get(vendor, ""))
    return (vendor, host, port, config.get("NAME"))


def same_database(first: dict, second: dict) -> bool:
    return _identity(first) == _identity(second)


def is_sqlite(config: dict) -> bool:
    return config.get("ENGINE", "").endswith("sqlite3")


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def refuse_foreign_database(*, using: str = "default", allow_synthetic: bool = False) -> None:
    """Refuse a database that holds accounts this generator did not make: it might be somebody's real data.

    Also refuse one already populated (unless `allow_synthetic`): adding a second population would mix seeds.
    """
    from django.core.management.base import CommandError

    User = get_user_model()
    users = User.objects.using(using)
    foreign = users.exclude(username__startswith=USERNAME_PREFIX).exclude(username=BENCH_COORDINATOR).count()
    if foreign:
        raise CommandError(FOREIGN_ACCOUNTS % {"count": foreign})
    existing = users.filter(username__startswith=USERNAME_PREFIX).count()
    if existing and not allow_synthetic:
        raise CommandError(ALREADY_POPULATED % {"count": existing})


# --- What there is to learn and where people live ---------------------------------------------------------


@dataclass(frozen=True)
class ModulePlan:
    module_id: int
    number: int
    title: dict
    lesson_ids: tuple[int, ...]
    required: bool
    quiz_id: int | None = None
    attempts_allowed: int = 0
    wait_minutes: int = 0
    content: dict | None = None  # services.quiz_content_snapshot of the quiz, possibly without its texts


@dataclass(frozen=True)
class Curriculum:
    manual_id: int
    modules: tuple[ModulePlan, ...]
    certifiable: bool = True  # False when a required module has nothing to read or pass (no one can finish)


def lean_content(content: dict) -> dict:
    """A content snapshot with empty texts: the same ids, kinds, marking and correct choices, a tenth of the size.

    A full snapshot of a demo quiz is about 16 KB (Khmer is stored as \\u escapes); at 250,000 attempts that is
    4 GB the reports never read. A lean one is about 1.3 KB. Grading and the attempt pages work the same, with
    blank texts.
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


def curriculum_read(*, full_snapshots: bool = False) -> Curriculum:
    """The first live manual that has live modules with quizzes: what the synthetic learners train on."""
    from django.core.management.base import CommandError

    for manual in ManualPage.objects.live().order_by("path"):
        modules, certifiable = [], True
        for module in ModulePage.objects.child_of(manual).live().order_by("path"):
            lessons = tuple(LessonPage.objects.child_of(module).live().order_by("path").values_list("pk", flat=True))
            quiz = Quiz.objects.filter(module=module).first()
            content = None
            if quiz is not None:
                content = quiz_content_snapshot(quiz=quiz)
                if not content["questions"]:
                    quiz, content = None, None
                elif not full_snapshots:
                    content = lean_content(content)
            if not lessons and quiz is None:
                certifiable = certifiable and not module.required_for_certificate
                continue  # nothing to read or pass: the services could never complete it
            modules.append(
                ModulePlan(
                    module_id=module.pk,
                    number=module.number,
                    title={"km": module.title_km or "", "en": module.title_en or ""},
                    lesson_ids=lessons,
                    required=module.required_for_certificate,
                    quiz_id=quiz.pk if quiz else None,
                    attempts_allowed=quiz.attempts_allowed if quiz else 0,
                    wait_minutes=quiz.wait_minutes if quiz else 0,
                    content=content,
                )
            )
        if any(module.quiz_id for module in modules):
            return Curriculum(manual_id=manual.pk, modules=tuple(modules), certifiable=certifiable)
    raise CommandError(NO_CURRICULUM)


@dataclass
class ProvincePlaces:
    province: Province
    start_day: int  # day of the 24-month window when training began there
    communes: list[tuple[str, str]] = field(default_factory=list)  # (commune code, district code)
    commune_weights: list[float] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)


@dataclass
class Places:
    provinces: list[ProvincePlaces]
    cum_weights: list[float]


def places_read(*, rng: random.Random) -> Places:
    """Every province (weighted by population) and, when the gazetteer is imported, its districts and communes.

    Rollout does not start everywhere at once: each province gets a start day, the capital and a few others
    early, some in the second year, so coverage differs between provinces as it would in reality.
    """
    provinces = list(Province.objects.order_by("code"))
    communes: dict[str, list[tuple[str, str, str]]] = {}
    for code, district_id, unit, province_id in Commune.objects.order_by("code").values_list(
        "code", "district_id", "unit", "district__province_id"
    ):
        communes.setdefault(province_id, []).append((code, district_id, unit))
    districts: dict[str, list[str]] = {}
    for code, province_id in District.objects.order_by("code").values_list("code", "province_id"):
        districts.setdefault(province_id, []).append(code)
    result = []
    for province in provinces:
        early = province.code == "12" or rng.random() < 0.25
        start_day = rng.randint(0, 60) if early else rng.randint(60, DAYS * 3 // 4)
        places = ProvincePlaces(province=province, start_day=start_day, districts=districts.get(province.code, []))
        for code, district_id, unit in communes.get(province.code, []):
            places.communes.append((code, district_id))
            # Towns' sangkats are denser than rural khums; the lognormal spread gives each its own size.
            places.commune_weights.append(rng.lognormvariate(0, 0.6) * (2.0 if unit == "sangkat" else 1.0))
        result.append(places)
    weights = [PROVINCE_WEIGHTS.get(p.province.code, 300) * (DAYS - p.start_day) / DAYS for p in result]
    cum, total = [], 0.0
    for weight in weights:
        total += weight
        cum.append(total)
    return Places(provinces=result, cum_weights=cum)


# --- One learner ------------------------------------------------------------------------------------------


class _OutOfTime(Exception):
    """The learner's story has reached today: nothing after it happens."""


class _Clock:
    def __init__(self, start: datetime, now: datetime):
        self.at, self.now = start, now

    def advance(self, seconds: float) -> datetime:
        at = self.at + timedelta(seconds=max(1, int(seconds)))
        if at > self.now:
            raise _OutOfTime
        self.at = at
        return at


@dataclass
class LearnerRows:
    """Everything one synthetic learner adds, as plain rows (field attname -> value), ids assigned up front.

    Plain rows rather than model instances: building and saving 4 million instances through bulk_create costs
    about 40 µs a row here (model __init__, per-field pre_save and prep), an hour for 100,000 learners.
    """

    user: dict
    profile: dict
    views: list[dict] = field(default_factory=list)
    attempts: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    completions: list[dict] = field(default_factory=list)
    summary: dict | None = None
    certificate: dict | None = None


@dataclass(frozen=True)
class Arrangement:
    """One order of a quiz's questions and choices as services.snapshot_arranged makes it, stored ready to write.

    Each quiz gets a pool of arrangements drawn once; an attempt takes one of them, so a snapshot is encoded to
    JSON once per arrangement rather than once per attempt (the stored rows are the same either way).
    """

    snapshot: dict
    stored: object  # the JSON field's database value for `snapshot`


class Ids:
    """The next primary keys of the tables whose ids other rows need before they are written."""

    def __init__(self, *, user: int, attempt: int):
        self.user, self.attempt = user, attempt

    def next_attempt(self) -> int:
        self.attempt += 1
        return self.attempt


def _answers(snapshot: dict, skill: float, rng: random.Random) -> dict:
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
class Story:
    """What one learner's study needs besides the learner: the time, the quizzes' arrangements, new ids."""

    rows: LearnerRows
    clock: _Clock
    rng: random.Random
    arrangements: dict[int, list[Arrangement]]
    ids: Ids
    grades: dict


def _grade(cache: dict, arrangement: Arrangement, answers: dict) -> tuple[dict, object]:
    """services.grade, remembered: learners give the same answers to the same questions over and over."""
    order = tuple(question["id"] for question in arrangement.snapshot["questions"])
    key = (order, tuple(sorted((k, tuple(v)) for k, v in answers.items())))
    if key not in cache:
        cache[key] = grade(snapshot=arrangement.snapshot, answers=answers)
    return cache[key]


def _attempt(story: Story, module: ModulePlan, *, skill: float, finish: bool) -> dict | None:
    """One try at the module's quiz, arranged and graded as the services do; None when no attempt is left."""
    rows, clock, rng = story.rows, story.clock, story.rng
    used = [attempt for attempt in rows.attempts if attempt["quiz_id"] == module.quiz_id]
    if module.attempts_allowed and len(used) >= module.attempts_allowed:
        return None
    if used:
        clock.advance(module.wait_minutes * 60 + rng.uniform(600, 3 * 86400))
    started = clock.advance(rng.uniform(120, 86400))
    arrangement = rng.choice(story.arrangements[module.quiz_id])
    answers = _answers(arrangement.snapshot, skill, rng)
    attempt = {
        "id": story.ids.next_attempt(),
        "learner_id": rows.user["id"],
        "quiz_id": module.quiz_id,
        "number": len(used) + 1,
        "status": AttemptStatus.IN_PROGRESS,
        "started_at": started,
        "submitted_at": None,
        "snapshot": arrangement,
        "answers": answers,
        "results": {},
        "score": None,
        "passed": None,
    }
    if finish:
        results, fraction = _grade(story.grades, arrangement, answers)
        attempt.update(
            results=results,
            score=int(fraction * 100),  # floor, as attempt_submit
            passed=fraction * 100 >= arrangement.snapshot["pass_mark"],
            status=AttemptStatus.SUBMITTED,
            submitted_at=clock.advance(rng.uniform(240, 1500)),
        )
        # services.question_outcomes: one row per graded question, from the marks.
        rows.outcomes += [
            {
                "attempt_id": attempt["id"],
                "quiz_id": module.quiz_id,
                "question_id": int(key),
                "correct": mark["correct"],
            }
            for key, mark in results.items()
        ]
    else:
        kept = list(answers.items())[: rng.randint(1, max(1, len(answers) - 1))]
        attempt["answers"] = dict(kept)  # saved screen by screen, not submitted yet
    rows.attempts.append(attempt)
    return attempt


def _complete(rows: LearnerRows, module: ModulePlan, *, at: datetime, attempt: dict | None) -> None:
    """What module_completion_refresh records: the passing attempt, every live lesson, the title at the time."""
    rows.completions.append(
        {
            "learner_id": rows.user["id"],
            "module_id": module.module_id,
            "completed_at": at,
            "attempt_id": attempt["id"] if attempt else None,
            "score": attempt["score"] if attempt else None,
            "lesson_ids": sorted(module.lesson_ids),
            "module_title": dict(module.title),
        }
    )


def _study(story: Story, curriculum: Curriculum) -> None:
    """The learner's reading and attempts module by module: some finish, some fail, some stop half-way."""
    rows, clock, rng = story.rows, story.clock, story.rng
    skill = rng.uniform(0.45, 0.98)
    goal = rng.choices(range(len(GOAL_WEIGHTS)), weights=GOAL_WEIGHTS)[0]
    with contextlib.suppress(_OutOfTime):
        for index, module in enumerate(curriculum.modules):
            if index:
                clock.advance(rng.expovariate(1 / (9 * 86400)))  # days or weeks before the next module
            stopping = index >= goal
            lessons = module.lesson_ids if not stopping else module.lesson_ids[: rng.randint(0, len(module.lesson_ids))]
            for lesson_id in lessons:
                at = clock.advance(rng.uniform(300, 2 * 86400))
                rows.views.append(
                    {
                        "learner_id": rows.user["id"],
                        "lesson_id": lesson_id,
                        "module_id": module.module_id,
                        "viewed_at": at,
                    }
                )
            if stopping:
                attempt = None
                if lessons and module.quiz_id and rng.random() < 0.4:
                    attempt = _attempt(story, module, skill=skill * 0.8, finish=rng.random() < 0.6)
                # Stopping after reading everything (and passing, if there is a quiz) still completes the module,
                # as module_completion_refresh would decide.
                if lessons and len(lessons) == len(module.lesson_ids):
                    if module.quiz_id is None:
                        _complete(rows, module, at=clock.at, attempt=None)
                    elif attempt is not None and attempt["passed"]:
                        _complete(rows, module, at=attempt["submitted_at"], attempt=attempt)
                return
            if module.quiz_id is None:
                _complete(rows, module, at=clock.at, attempt=None)
                continue
            for _try in range(4):
                attempt = _attempt(story, module, skill=skill, finish=True)
                if attempt is None:
                    return  # out of attempts: the learner stops here
                if attempt["passed"]:
                    _complete(rows, module, at=attempt["submitted_at"], attempt=attempt)
                    break
                skill = min(0.99, skill + 0.15)  # they go back over the lessons
            else:
                return


def _summary_and_certificate(rows: LearnerRows, curriculum: Curriculum, *, holder: dict, rng, codes: set[str]) -> None:
    """TrainingSummary as activity_record and _summary_refresh leave it, and the certificate if every
    required module is completed (issued at the last completion, as certificate_issue_if_complete does)."""
    times = [view["viewed_at"] for view in rows.views]
    times += [attempt["started_at"] for attempt in rows.attempts]
    times += [attempt["submitted_at"] for attempt in rows.attempts if attempt["submitted_at"]]
    if not times:
        return  # no activity, no summary row (activity_record creates it on the first one)
    summary = {"learner_id": rows.user["id"], "started_at": min(times), "last_active_at": max(times)}
    summary.update(modules_completed=0, last_completed_at=None, course_completed_at=None)
    if rows.completions:
        summary["modules_completed"] = len(rows.completions)
        summary["last_completed_at"] = max(c["completed_at"] for c in rows.completions)
    done = {c["module_id"]: c["completed_at"] for c in rows.completions}
    required = [module for module in curriculum.modules if module.required]
    if curriculum.certifiable and required and all(module.module_id in done for module in required):
        last = max(done[module.module_id] for module in required)
        rows.certificate = {
            "learner_id": rows.user["id"],
            "manual_id": curriculum.manual_id,
            "code": _certificate_code(rng, codes),
            "issued_at": last,
            "completed_on": timezone.localdate(last),
            "holder": holder,
            "modules": [
                {
                    "number": module.number,
                    "title": dict(module.title),
                    "completed_on": timezone.localdate(done[module.module_id]).isoformat(),
                }
                for module in required
            ],
        }
        summary["course_completed_at"] = last
    rows.summary = summary
    # The profile's report columns, as quizzes.report_columns keeps them.
    rows.profile["training_started_at"] = summary["started_at"]
    rows.profile["training_active_on"] = timezone.localdate(summary["last_active_at"])
    rows.profile["course_completed_at"] = summary["course_completed_at"]


def _certificate_code(rng: random.Random, codes: set[str]) -> str:
    while True:
        raw = "".join(rng.choice(CODE_ALPHABET) for _ in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        if code not in codes:
            codes.add(code)
            return code


ROLE_UNITS = {
    Role.POLICE_OFFICER: "ស្នងការដ្ឋាននគរបាល",
    Role.COMMUNE_COUNCIL: "ក្រុមប្រឹក្សាឃុំ/សង្កាត់",
    Role.CCWC_FOCAL_POINT: "គណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារ",
    Role.OFFICIAL: "រដ្ឋបាល",
    Role.OTHER: "",
}
ROLES = [role for role, _weight, _women in ROLE_MIX]
ROLE_WEIGHTS = [weight for _role, weight, _women in ROLE_MIX]
WOMEN = {role: share for role, _weight, share in ROLE_MIX}
SOURCES = [Source.SELF_REGISTERED, Source.COORDINATOR, Source.IMPORT]


@dataclass
class World:
    """What every learner is drawn from: places, the curriculum, the arranged quizzes, the shared password."""

    seed: int
    now: datetime
    places: Places
    curriculum: Curriculum
    arrangements: dict[int, list[Arrangement]]
    password: str
    codes: set[str]
    grades: dict = field(default_factory=dict)


def learner_rows(index: int, *, world: World, ids: Ids) -> LearnerRows:
    """Learner number `index`: who, where, when they registered, and what they did since.

    Each learner has a generator seeded by (seed, index), so a learner is the same whatever the batch size.
    """
    rng = random.Random(f"{world.seed}:{index}")  # noqa: S311  (synthetic data, not a secret)
    now = world.now
    window_start = now - timedelta(days=DAYS)
    place = rng.choices(world.places.provinces, cum_weights=world.places.cum_weights)[0]
    # Registrations grow as the rollout in the province goes on.
    created = window_start + timedelta(
        days=place.start_day + (DAYS - place.start_day) * rng.random() ** 0.8, seconds=rng.randint(0, 86399)
    )
    created = min(created, now - timedelta(minutes=1))
    role = rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
    draw = rng.random()
    gender = Gender.FEMALE if draw < WOMEN[role] else (Gender.OTHER if draw > 0.98 else Gender.MALE)
    family = rng.choice(FAMILY_NAMES)
    given = rng.choice(FEMALE_NAMES if gender == Gender.FEMALE else MALE_NAMES)
    commune_code = district_code = None
    located = rng.random()
    if place.communes and located < 0.8:
        commune_code, district_code = rng.choices(place.communes, weights=place.commune_weights)[0]
    elif place.districts and located < 0.9:
        district_code = rng.choice(place.districts)
    recent = (now - created).days < 60
    draw = rng.random()
    if draw < (0.35 if recent else 0.02):
        confirmation = Confirmation.PENDING
    elif draw > 0.96:
        confirmation = Confirmation.REJECTED
    else:
        confirmation = Confirmation.CONFIRMED
    confirmed_at = None
    if confirmation != Confirmation.PENDING:
        confirmed_at = min(now, created + timedelta(hours=rng.uniform(1, 14 * 24)))
    phone = ""
    if rng.random() < 0.7:
        phone = f"+855{rng.choice(PHONE_PREFIXES)[1:]}{index:07d}"  # unique: the learner's number is in it
    name_latin = f"{family[1]} {given[1]}" if rng.random() < 0.6 else ""

    user_id = ids.user + index
    user = {"id": user_id, "username": f"{USERNAME_PREFIX}{index:06d}", "password": world.password}
    user.update(is_superuser=False, is_staff=False, is_active=True, date_joined=created)
    profile = {
        "user_id": user_id,
        "full_name_km": f"{family[0]} {given[0]}",
        "full_name_latin": name_latin,
        "role": role,
        "gender": gender,
        "province_id": place.province.code,
        "district_id": district_code,
        "commune_id": commune_code,
        "unit": ROLE_UNITS[role],
        "phone": phone,
        "confirmation": confirmation,
        "confirmed_at": confirmed_at,
        "source": rng.choices(SOURCES, weights=(60, 25, 15))[0],
        "created_at": created,
        "updated_at": confirmed_at or created,
        "training_started_at": None,
        "training_active_on": None,
        "course_completed_at": None,
    }
    rows = LearnerRows(user=user, profile=profile)
    starts = {Confirmation.CONFIRMED: 0.85, Confirmation.PENDING: 0.5, Confirmation.REJECTED: 0.2}[confirmation]
    if rng.random() < starts:
        start = created + timedelta(seconds=rng.expovariate(1 / (5 * 86400)))
        if start < now:
            story = Story(
                rows=rows,
                clock=_Clock(start, now),
                rng=rng,
                arrangements=world.arrangements,
                ids=ids,
                grades=world.grades,
            )
            _study(story, world.curriculum)
            holder = {  # learner_holder, as the certificate prints it
                "name_km": profile["full_name_km"],
                "name_latin": name_latin,
                "role": role,
                "province_km": place.province.name_km,
                "province_en": place.province.name_en,
            }
            _summary_and_certificate(rows, world.curriculum, holder=holder, rng=rng, codes=world.codes)
    return rows


# --- Writing ----------------------------------------------------------------------------------------------


class TableWriter:
    """INSERT plain rows into a model's table with executemany, preparing values as the model's fields would.

    Fields missing from a row get their default, so a column added later with a default needs no change here.
    """

    def __init__(self, model, *, with_id: bool = False):
        self.model = model
        self.fields = [
            f
            for f in model._meta.concrete_fields
            if with_id or not (f.primary_key and f.get_internal_type() in ("AutoField", "BigAutoField"))
        ]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
        self.defaults = {f.attname: f.get_default() for f in self.fields}
        self.prepare = [self._preparer(f) for f in self.fields]

    @staticmethod
    def _preparer(f):
        kind = f.get_internal_type()
        if kind == "DateTimeField":
            if connection.vendor == "sqlite" and settings.USE_TZ:
                # What the SQLite backend stores (UTC, naive, str), without its per-value checks: a third of the
                # time spent preparing rows went there.
                return lambda value: None if value is None else str(value.astimezone(UTC).replace(tzinfo=None))
            adapt = connection.ops.adapt_datetimefield_value
            return lambda value: None if value is None else adapt(value)
        if kind == "DateField":
            return connection.ops.adapt_datefield_value
        if kind == "JSONField":
            return lambda value: (
                value.stored if isinstance(value, Arrangement) else f.get_db_prep_save(value, connection)
            )
        return None

    def write(self, rows: list[dict], *, chunk: int = 5000) -> int:
        names = [f.attname for f in self.fields]
        values = []
        for row in rows:
            record = []
            for name, prepare in zip(names, self.prepare, strict=True):
                value = row.get(name, self.defaults[name])
                record.append(prepare(value) if prepare else value)
            values.append(record)
        with connection.cursor() as cursor:
            for first in range(0, len(values), chunk):
                cursor.executemany(self.sql, values[first : first + chunk])
        return len(values)


@dataclass
class Counts:
    learners: int = 0
    lesson_views: int = 0
    attempts: int = 0
    attempts_in_progress: int = 0
    answers: int = 0
    completions: int = 0
    summaries: int = 0
    certificates: int = 0
    targets: int = 0

    @property
    def rows(self) -> int:
        """Rows written so far (an account and a profile per learner; group memberships not counted)."""
        return (
            2 * self.learners
            + self.lesson_views
            + self.attempts
            + self.answers
            + self.completions
            + self.summaries
            + self.certificates
        )

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Writers:
    """One TableWriter per table a learner's rows go to (their SQL is built once per run)."""

    def __init__(self):
        User = get_user_model()
        self.users = TableWriter(User, with_id=True)
        self.memberships = TableWriter(User.groups.through)
        self.profiles = TableWriter(LearnerProfile)
        self.views = TableWriter(LessonView)
        self.attempts = TableWriter(Attempt, with_id=True)
        self.outcomes = TableWriter(QuestionOutcome)
        self.completions = TableWriter(ModuleCompletion)
        self.summaries = TableWriter(TrainingSummary, with_id=True)
        self.certificates = TableWriter(Certificate)


def write_batch(batch: list[LearnerRows], *, writers: Writers, learner_group_id: int | None) -> Counts:
    """One transaction per batch, accounts first, then the rows that point at them."""
    counts = Counts(learners=len(batch))
    with transaction.atomic():
        writers.users.write([rows.user for rows in batch])
        if learner_group_id is not None:
            writers.memberships.write([{"user_id": rows.user["id"], "group_id": learner_group_id} for rows in batch])
        writers.profiles.write([rows.profile for rows in batch])
        counts.lesson_views = writers.views.write([v for rows in batch for v in rows.views])
        counts.attempts = writers.attempts.write([a for rows in batch for a in rows.attempts])
        counts.answers = writers.outcomes.write([o for rows in batch for o in rows.outcomes])
        counts.completions = writers.completions.write([c for rows in batch for c in rows.completions])
        counts.summaries = writers.summaries.write([rows.summary for rows in batch if rows.summary])
        counts.certificates = writers.certificates.write([rows.certificate for rows in batch if rows.certificate])
    counts.attempts_in_progress = sum(1 for rows in batch for a in rows.attempts if a["submitted_at"] is None)
    return counts


class ProgressBar:
    """A one-line text bar, redrawn per batch, with learners done, rows written and rows per second."""

    def __init__(self, *, total: int, stream, width: int = 30):
        self.total, self.stream, self.width = total, stream, width
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def update(self, *, done: int, rows: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        filled = int(self.width * done / self.total) if self.total else self.width
        remaining = (self.total - done) * elapsed / done if done else 0
        line = _("[%(bar)s] %(done)s/%(total)s learners, %(rows)s rows, %(rate)s rows/s, %(left)s s left") % {
            "bar": "#" * filled + "-" * (self.width - filled),
            "done": f"{done:,}",
            "total": f"{self.total:,}",
            "rows": f"{rows:,}",
            "rate": f"{rows / elapsed:,.0f}",
            "left": f"{remaining:.0f}",
        }
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


ARRANGEMENTS_PER_QUIZ = 64


def arrangements_draw(curriculum: Curriculum, *, rng: random.Random) -> dict[int, list[Arrangement]]:
    """A pool of arrangements per quiz (one only when the quiz shuffles nothing: every attempt sees the same)."""
    snapshot_field = Attempt._meta.get_field("snapshot")
    pools = {}
    for module in curriculum.modules:
        if module.quiz_id is None:
            continue
        shuffles = module.content["shuffle_questions"] or module.content["shuffle_choices"]
        pool = []
        for _n in range(ARRANGEMENTS_PER_QUIZ if shuffles else 1):
            snapshot = snapshot_arranged(module.content, rng=rng)
            pool.append(Arrangement(snapshot=snapshot, stored=snapshot_field.get_db_prep_save(snapshot, connection)))
        pools[module.quiz_id] = pool
    return pools


def _reset_sequences() -> None:
    """Rows were written with explicit ids: move PostgreSQL's sequences past them (SQLite follows by itself)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), [get_user_model(), Attempt])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def generate_population(
    *,
    learners: int,
    seed: int,
    now: datetime,
    batch_size: int = DEFAULT_BATCH_SIZE,
    full_snapshots: bool = False,
    progress: ProgressBar | None = None,
) -> Counts:
    """Write `learners` synthetic learners and their activity into the default database; returns the counts.

    The caller has made sure this is a load database (refuse_foreign_database); nothing here checks again.
    """
    curriculum = curriculum_read(full_snapshots=full_snapshots)
    User = get_user_model()
    world = World(
        seed=seed,
        now=now,
        places=places_read(rng=random.Random(f"{seed}:places")),  # noqa: S311  (synthetic data)
        curriculum=curriculum,
        arrangements=arrangements_draw(curriculum, rng=random.Random(f"{seed}:arrangements")),  # noqa: S311
        password=make_password(None),  # one unusable hash for all: nobody can sign in as a synthetic learner
        codes=set(Certificate.objects.values_list("code", flat=True)),
    )
    ids = Ids(
        user=User.objects.aggregate(top=Max("pk"))["top"] or 0,
        attempt=Attempt.objects.aggregate(top=Max("pk"))["top"] or 0,
    )
    writers = Writers()
    learner_group_id = Group.objects.filter(name=groups.LEARNER).values_list("pk", flat=True).first()
    total = Counts()
    for first in range(0, learners, batch_size):
        batch = [
            learner_rows(index, world=world, ids=ids)
            for index in range(first + 1, min(first + batch_size, learners) + 1)
        ]
        total.add(write_batch(batch, writers=writers, learner_group_id=learner_group_id))
        if progress is not None:
            progress.update(done=total.learners, rows=total.rows)
    if progress is not None:
        progress.finish()
    _reset_sequences()
    total.targets = targets_set(seed=seed, now=now)
    return total


# --- Targets ----------------------------------------------------------------------------------------------


def targets_set(*, seed: int, now: datetime) -> int:
    """Targets per province and role, and per district for a few provinces, set so coverage differs widely.

    Each province gets a coverage level between 15% and 105% (spread evenly, shuffled); its target for a role is
    the confirmed learners who finished the course divided by that level. One small province has a target of 0
    for one role (a role it does not train), which the reports must survive.
    """
    rng = random.Random(f"{seed}:targets")  # noqa: S311  (synthetic data)
    finished = Q(learner_profile__confirmation=Confirmation.CONFIRMED) & Q(
        training_summary__course_completed_at__isnull=False
    )
    User = get_user_model()
    done_by_province = Counter()
    done_by_district = Counter()
    for province, district, role, count in (
        User.objects.filter(finished, username__startswith=USERNAME_PREFIX)
        .values_list("learner_profile__province", "learner_profile__district", "learner_profile__role")
        .annotate(n=Count("pk"))
        .values_list("learner_profile__province", "learner_profile__district", "learner_profile__role", "n")
    ):
        done_by_province[(province, role)] += count
        if district:
            done_by_district[(district, role)] += count
    provinces = list(Province.objects.order_by("code").values_list("code", flat=True))
    levels = [0.15 + 0.9 * i / max(1, len(provinces) - 1) for i in range(len(provinces))]
    rng.shuffle(levels)
    level_of = dict(zip(provinces, levels, strict=True))
    targets = []
    for code in provinces:
        for role in ROLES:
            people = math.ceil(done_by_province[(code, role)] / level_of[code]) or rng.randint(5, 40)
            if code == "23" and role == Role.OTHER:
                people = 0
            targets.append(Target(province_id=code, role=role, people=people))
    with_districts = [code for code in provinces if District.objects.filter(province_id=code).exists()]
    for code in rng.sample(with_districts, min(3, len(with_districts))):
        for district in District.objects.filter(province_id=code).order_by("code").values_list("code", flat=True):
            level = level_of[code] * rng.uniform(0.6, 1.4)
            for role in ROLES:
                people = math.ceil(done_by_district[(district, role)] / level) or rng.randint(1, 10)
                targets.append(Target(province_id=code, district_id=district, role=role, people=people))
    changed_at = now - timedelta(days=DAYS)
    with transaction.atomic():
        Target.objects.bulk_create(targets, batch_size=500)
        TargetChange.objects.bulk_create(
            [
                TargetChange(
                    target=target,
                    province_id=target.province_id,
                    district_id=target.district_id,
                    role=target.role,
                    people_after=target.people,
                    changed_at=changed_at,
                    source=TargetChangeSource.IMPORT,
                    file_name="targets.csv",
                )
                for target in targets
            ],
            batch_size=500,
        )
    return len(targets)


def table_counts(*, using: str = "default") -> dict[str, int]:
    """Rows in the tables the reports read, for the summary printed at the end."""
    return {
        "learners": LearnerProfile.objects.using(using).count(),
        "lesson_views": LessonView.objects.using(using).count(),
        "attempts": Attempt.objects.using(using).count(),
        "answers": QuestionOutcome.objects.using(using).count(),
        "completions": ModuleCompletion.objects.using(using).count(),
        "summaries": TrainingSummary.objects.using(using).count(),
        "certificates": Certificate.objects.using(using).count(),
        "targets": Target.objects.using(using).count(),
    }


def database_size(*, using: str = "default") -> int:
    """Bytes the database takes: the SQLite file (and its WAL), or pg_database_size."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        return sum(path.stat().st_size for path in (name, Path(f"{name}-wal")) if path.exists())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    return 0
