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
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connections, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import Role
from curriculum.models import LessonPage, ManualPage, ModulePage
from learners import groups
from learners.demo import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PHONE_PREFIXES, ROLE_MIX
from learners.models import Commune, Confirmation, District, Gender, LearnerProfile, Province, Source
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
from quizzes.services import CODE_ALPHABET, grade, question_outcomes, quiz_content_snapshot, snapshot_arranged

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
BLANK = {"km": "", "en": ""}


# --- Which database ---------------------------------------------------------------------------------------


def default_database_url() -> str:
    """var/loaddata.sqlite3 next to the working database (VAR_DIR), as an absolute sqlite URL."""
    var_dir = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var"))
    return f"sqlite:///{(var_dir / 'loaddata.sqlite3').resolve()}"


def database_settings(url: str) -> dict:
    """The connection settings a URL gives, parsed the way config.settings.base.database_from_env parses it."""
    return dj_database_url.parse(url)


def _identity(config: dict) -> tuple:
    """What makes two connection settings the same database: the file for SQLite, server and name otherwise."""
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        name = str(config.get("NAME") or "")
        if name in ("", ":memory:") or name.startswith("file:"):
            return ("sqlite", name)
        return ("sqlite", str(Path(name).expanduser().resolve()))
    host = (config.get("HOST") or "localhost").lower()
    host = "localhost" if host in ("127.0.0.1", "::1", "") else host
    return (engine.rsplit(".", 1)[-1], host, str(config.get("PORT") or ""), config.get("NAME"))


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

    @property
    def required_ids(self) -> list[int]:
        return [module.module_id for module in self.modules if module.required]


def lean_content(content: dict) -> dict:
    """A content snapshot with empty texts: the same ids, kinds, marking and correct choices, a tenth of the size.

    A full snapshot of a demo quiz is about 16 KB (Khmer is stored as \\u escapes); at 300,000 attempts that is
    several gigabytes the reports never read. Grading and the attempt pages work the same, with blank texts.
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
    """Everything one synthetic learner adds, as unsaved model instances tied together by object."""

    user: object
    profile: LearnerProfile
    views: list[LessonView] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    completions: list[ModuleCompletion] = field(default_factory=list)
    summary: TrainingSummary | None = None
    certificate: Certificate | None = None


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


def _attempt(rows: LearnerRows, module: ModulePlan, *, skill, clock: _Clock, rng, finish: bool) -> Attempt | None:
    """One try at the module's quiz, arranged and graded as the services do; None when no attempt is left."""
    used = [attempt for attempt in rows.attempts if attempt.quiz_id == module.quiz_id]
    if module.attempts_allowed and len(used) >= module.attempts_allowed:
        return None
    if used:
        clock.advance(module.wait_minutes * 60 + rng.uniform(600, 3 * 86400))
    started = clock.advance(rng.uniform(120, 86400))
    snapshot = snapshot_arranged(module.content, rng=rng)
    answers = _answers(snapshot, skill, rng)
    attempt = Attempt(
        learner=rows.user, quiz_id=module.quiz_id, number=len(used) + 1, started_at=started, snapshot=snapshot
    )
    if finish:
        results, fraction = grade(snapshot=snapshot, answers=answers)
        attempt.answers, attempt.results = answers, results
        attempt.score = int(fraction * 100)
        attempt.passed = fraction * 100 >= snapshot["pass_mark"]
        attempt.status = AttemptStatus.SUBMITTED
        attempt.submitted_at = clock.advance(rng.uniform(240, 1500))
    else:
        kept = list(answers.items())[: rng.randint(1, max(1, len(answers) - 1))]
        attempt.answers = dict(kept)
    rows.attempts.append(attempt)
    return attempt


def _complete(rows: LearnerRows, module: ModulePlan, *, at: datetime, attempt: Attempt | None) -> None:
    """What module_completion_refresh records: the passing attempt, every live lesson, the title at the time."""
    rows.completions.append(
        ModuleCompletion(
            learner=rows.user,
            module_id=module.module_id,
            completed_at=at,
            attempt=attempt,
            score=attempt.score if attempt else None,
            lesson_ids=sorted(module.lesson_ids),
            module_title=dict(module.title),
        )
    )


def _study(rows: LearnerRows, curriculum: Curriculum, *, start: datetime, now: datetime, rng) -> None:
    """The learner's reading and attempts module by module: some finish, some fail, some stop half-way."""
    clock = _Clock(start, now)
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
                    LessonView(learner=rows.user, lesson_id=lesson_id, module_id=module.module_id, viewed_at=at)
                )
            if stopping:
                attempt = None
                if lessons and module.quiz_id and rng.random() < 0.4:
                    attempt = _attempt(rows, module, skill=skill * 0.8, clock=clock, rng=rng, finish=rng.random() < 0.6)
                # Stopping after reading everything (and passing, if there is a quiz) still completes the module,
                # as module_completion_refresh would decide.
                if lessons and len(lessons) == len(module.lesson_ids):
                    if module.quiz_id is None:
                        _complete(rows, module, at=clock.at, attempt=None)
                    elif attempt is not None and attempt.passed:
                        _complete(rows, module, at=attempt.submitted_at, attempt=attempt)
                return
            if module.quiz_id is None:
                _complete(rows, module, at=clock.at, attempt=None)
                continue
            for _try in range(4):
                attempt = _attempt(rows, module, skill=skill, clock=clock, rng=rng, finish=True)
                if attempt is None:
                    return  # out of attempts: the learner stops here
                if attempt.passed:
                    _complete(rows, module, at=attempt.submitted_at, attempt=attempt)
                    break
                skill = min(0.99, skill + 0.15)  # they go back over the lessons
            else:
                return


def _summary_and_certificate(rows: LearnerRows, curriculum: Curriculum, *, rng, codes: set[str]) -> None:
    """TrainingSummary as activity_record and _summary_refresh leave it, and the certificate if every
    required module is completed (issued at the last completion, as certificate_issue_if_complete does)."""
    times = [view.viewed_at for view in rows.views]
    times += [attempt.started_at for attempt in rows.attempts]
    times += [attempt.submitted_at for attempt in rows.attempts if attempt.submitted_at]
    if not times:
        return
    summary = TrainingSummary(learner=rows.user, started_at=min(times), last_active_at=max(times))
    if rows.completions:
        summary.modules_completed = len(rows.completions)
        summary.last_completed_at = max(c.completed_at for c in rows.completions)
    done = {c.module_id: c for c in rows.completions}
    required = curriculum.required_ids
    if curriculum.certifiable and required and all(module_id in done for module_id in required):
        last = max(done[module_id].completed_at for module_id in required)
        profile = rows.profile
        rows.certificate = Certificate(
            learner=rows.user,
            manual_id=curriculum.manual_id,
            code=_certificate_code(rng, codes),
            issued_at=last,
            completed_on=timezone.localdate(last),
            holder={
                "name_km": profile.full_name_km,
                "name_latin": profile.full_name_latin,
                "role": profile.role,
                "province_km": profile.province.name_km,
                "province_en": profile.province.name_en,
            },
            modules=[
                {
                    "number": module.number,
                    "title": dict(module.title),
                    "completed_on": timezone.localdate(done[module.module_id].completed_at).isoformat(),
                }
                for module in curriculum.modules
                if module.required
            ],
        )
        summary.course_completed_at = last
    rows.summary = summary


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


def learner_rows(
    index: int, *, seed: int, now: datetime, places: Places, curriculum: Curriculum, password: str, codes: set[str]
) -> LearnerRows:
    """Learner number `index`: who, where, when they registered, and what they did since.

    Each learner has a generator seeded by (seed, index), so a learner is the same whatever the batch size.
    """
    rng = random.Random(f"{seed}:{index}")  # noqa: S311  (synthetic data, not a secret)
    window_start = now - timedelta(days=DAYS)
    place = rng.choices(places.provinces, cum_weights=places.cum_weights)[0]
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

    User = get_user_model()
    user = User(username=f"{USERNAME_PREFIX}{index:06d}", password=password, date_joined=created)
    profile = LearnerProfile(
        user=user,
        full_name_km=f"{family[0]} {given[0]}",
        full_name_latin=f"{family[1]} {given[1]}" if rng.random() < 0.6 else "",
        role=role,
        gender=gender,
        province=place.province,
        district_id=district_code,
        commune_id=commune_code,
        unit=ROLE_UNITS[role],
        phone=phone,
        confirmation=confirmation,
        confirmed_at=confirmed_at,
        source=rng.choices(SOURCES, weights=(60, 25, 15))[0],
        created_at=created,
        updated_at=confirmed_at or created,
    )
    rows = LearnerRows(user=user, profile=profile)
    starts = {Confirmation.CONFIRMED: 0.85, Confirmation.PENDING: 0.5, Confirmation.REJECTED: 0.2}[confirmation]
    if rng.random() < starts:
        start = created + timedelta(seconds=rng.expovariate(1 / (5 * 86400)))
        if start < now:
            _study(rows, curriculum, start=start, now=now, rng=rng)
            _summary_and_certificate(rows, curriculum, rng=rng, codes=codes)
    return rows


# --- Writing ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _given_timestamps(model):
    """Let bulk_create keep the created_at/updated_at we give (auto_now fields would overwrite them with now)."""
    fields = [
        f for f in model._meta.concrete_fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


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
        return (
            2 * self.learners  # account and profile (group membership not counted)
            + self.lesson_views
            + self.attempts
            + self.answers
            + self.completions
            + self.summaries
            + self.certificates
        )


def write_batch(batch: list[LearnerRows], *, learner_group: Group | None) -> Counts:
    """One transaction: accounts first (their ids are needed), then everything that points at them."""
    User = get_user_model()
    counts = Counts()
    with transaction.atomic():
        users = User.objects.bulk_create([rows.user for rows in batch], batch_size=500)
        if learner_group is not None:
            through = User.groups.through
            through.objects.bulk_create(
                [through(user_id=u.pk, group_id=learner_group.pk) for u in users], batch_size=900
            )
        with _given_timestamps(LearnerProfile):
            LearnerProfile.objects.bulk_create([rows.profile for rows in batch], batch_size=500)
        LessonView.objects.bulk_create([v for rows in batch for v in rows.views], batch_size=1000)
        attempts = Attempt.objects.bulk_create([a for rows in batch for a in rows.attempts], batch_size=500)
        outcomes = [o for a in attempts if not a.is_open for o in question_outcomes(attempt=a)]
        QuestionOutcome.objects.bulk_create(outcomes, batch_size=2000)
        ModuleCompletion.objects.bulk_create([c for rows in batch for c in rows.completions], batch_size=500)
        TrainingSummary.objects.bulk_create([rows.summary for rows in batch if rows.summary], batch_size=1000)
        Certificate.objects.bulk_create([rows.certificate for rows in batch if rows.certificate], batch_size=500)
    counts.learners = len(batch)
    counts.lesson_views = sum(len(rows.views) for rows in batch)
    counts.attempts = len(attempts)
    counts.attempts_in_progress = sum(1 for a in attempts if a.is_open)
    counts.answers = len(outcomes)
    counts.completions = sum(len(rows.completions) for rows in batch)
    counts.summaries = sum(1 for rows in batch if rows.summary)
    counts.certificates = sum(1 for rows in batch if rows.certificate)
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
    places = places_read(rng=random.Random(f"{seed}:places"))  # noqa: S311  (synthetic data)
    password = make_password(None)  # one unusable hash for everybody: nobody can sign in as a synthetic learner
    learner_group = Group.objects.filter(name=groups.LEARNER).first()
    codes = set(Certificate.objects.values_list("code", flat=True))
    total = Counts()
    for first in range(0, learners, batch_size):
        batch = [
            learner_rows(
                index, seed=seed, now=now, places=places, curriculum=curriculum, password=password, codes=codes
            )
            for index in range(first + 1, min(first + batch_size, learners) + 1)
        ]
        counts = write_batch(batch, learner_group=learner_group)
        for name in Counts.__dataclass_fields__:
            setattr(total, name, getattr(total, name) + getattr(counts, name))
        if progress is not None:
            progress.update(done=total.learners, rows=total.rows)
    if progress is not None:
        progress.finish()
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
