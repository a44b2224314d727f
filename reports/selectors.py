"""Reads for the rollout reports: coverage against targets per province, district and commune; trends; modules.

Every figure comes from a handful of grouped SQL queries whose number does not depend on how many learners,
provinces or modules there are (a test pins the count). Only confirmed learners with an active account count
(`learners.selectors.confirmed_learners`). Python only folds the grouped rows (at most places x roles x genders)
into table rows.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.roles import Role
from core.translated import field_in_language
from learners.models import Commune, District, Gender, Province
from learners.selectors import confirmed_learners, is_coordinator, sees_all_provinces
from quizzes.models import Attempt, AttemptStatus, LessonView, ModuleCompletion, Question, QuestionOutcome, Quiz

from .models import Target

UNPLACED = ""  # the code of the row for learners whose district or commune was not given
NOT_GIVEN = ("មិនបានបញ្ជាក់", "Not given")  # that row's name, in Khmer and English like the places' names
TOTAL = ("សរុប", "Total")


@dataclass(frozen=True)
class Scope:
    """Which provinces a reader may see: `provinces` is None for the whole country."""

    provinces: frozenset[str] | None

    @property
    def national(self) -> bool:
        return self.provinces is None

    def allows(self, province_code: str) -> bool:
        return self.provinces is None or province_code in self.provinces


def report_scope(*, user) -> Scope | None:
    """National coordinators and administrators see every province, provincial coordinators theirs;
    everyone else (learners, trainers) None: no access."""
    if sees_all_provinces(user):
        return Scope(provinces=None)
    if is_coordinator(user):
        codes = Province.objects.filter(coordinators__user=user).values_list("code", flat=True)
        return Scope(provinces=frozenset(codes))
    return None


@dataclass(frozen=True)
class Filters:
    """What a reader narrowed the report to. Empty tuples mean "all"; no module set means the whole course."""

    roles: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    modules: tuple[int, ...] = ()

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The date range as aware datetimes in the site's time zone: [start 00:00, the day after end 00:00)."""
        zone = timezone.get_current_timezone()
        low = datetime.combine(self.start, time.min, tzinfo=zone) if self.start else None
        high = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone) if self.end else None
        return low, high

    def roles_or_all(self) -> tuple[str, ...]:
        return self.roles or tuple(Role.values)


def _in_range(lookup: str, filters: Filters) -> Q:
    """`lookup` happened (is not null) within the filters' dates."""
    low, high = filters.bounds()
    condition = Q(**{f"{lookup}__isnull": False})
    if low:
        condition &= Q(**{f"{lookup}__gte": low})
    if high:
        condition &= Q(**{f"{lookup}__lt": high})
    return condition


@dataclass
class Counts:
    registered: int = 0
    started: int = 0
    completed: int = 0

    def add(self, other: "Counts") -> None:
        self.registered += other.registered
        self.started += other.started
        self.completed += other.completed


@dataclass
class AreaRow:
    """One province, district or commune (or the totals): people counted, the target and what follows."""

    code: str
    name_km: str
    name_en: str
    counts: Counts = field(default_factory=Counts)
    by_gender: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in Gender.values})
    by_role: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in Role.values})
    target: int | None = None
    last_activity: date | None = None  # the last day any learner of the row read or took a quiz
    has_children: bool = False

    @property
    def name(self) -> str:
        return field_in_language(self)

    @property
    def coverage(self) -> float | None:
        """Completed as a percentage of the target; None with no target or a target of zero."""
        if not self.target:
            return None
        return 100 * self.counts.completed / self.target

    @property
    def to_train(self) -> int | None:
        if self.target is None:
            return None
        return max(self.target - self.counts.completed, 0)

    def fold(self, *, role: str, gender: str, counts: Counts, last: date | None) -> None:
        self.counts.add(counts)
        self.by_gender.setdefault(gender, Counts()).add(counts)
        self.by_role.setdefault(role, Counts()).add(counts)
        if last and (self.last_activity is None or last > self.last_activity):
            self.last_activity = last


@dataclass
class AreaReport:
    """Rows for one level (provinces of the scope, districts of a province, communes of a district) and totals."""

    level: str
    rows: list[AreaRow]
    total: AreaRow
    filters: Filters

    def needing_training(self, *, threshold: float) -> list[AreaRow]:
        """Areas with a target whose coverage is below `threshold` %, most people still to train first."""
        below = [row for row in self.rows if row.target and row.coverage < threshold]
        return sorted(below, key=lambda row: (-row.to_train, row.code))

    def without_target(self) -> list[AreaRow]:
        return [row for row in self.rows if row.target is None and row.code != UNPLACED]


# ---------------------------------------------------------------------------------------------------------------
# Learner counts


def _learners(*, scope: Scope, filters: Filters) -> QuerySet:
    queryset = confirmed_learners()
    if scope.provinces is not None:
        queryset = queryset.filter(province_id__in=scope.provinces)
    if filters.roles:
        queryset = queryset.filter(role__in=filters.roles)
    if filters.genders:
        queryset = queryset.filter(gender__in=filters.genders)
    return queryset


def _completed_modules(filters: Filters):
    """Per learner: how many of the chosen modules they completed, and when the last of them was."""
    completions = (
        ModuleCompletion.objects.filter(learner=OuterRef("user_id"), module_id__in=filters.modules)
        .order_by()
        .values("learner")
    )
    return (
        Subquery(completions.annotate(n=Count("pk")).values("n")),
        Subquery(completions.annotate(last=Max("completed_at")).values("last")),
    )


def _with_progress(queryset: QuerySet, filters: Filters) -> tuple[QuerySet, Q, Q]:
    """The learners annotated so that two conditions say who started and who completed within the filters.

    Without a module set, "started" is the first reading or quiz activity and "completed" the course certificate
    (every required module), both copied onto the learner's profile by the quiz services. With a module set,
    "started" means reading a lesson of, or trying the quiz of, one of those modules, and "completed" completing
    all of them.
    """
    if not filters.modules:
        return (
            queryset,
            _in_range("training_started_at", filters),
            _in_range("course_completed_at", filters),
        )
    low, high = filters.bounds()
    views = LessonView.objects.filter(learner=OuterRef("user_id"), module_id__in=filters.modules)
    attempts = Attempt.objects.filter(learner=OuterRef("user_id"), quiz__module_id__in=filters.modules)
    if low:
        views, attempts = views.filter(viewed_at__gte=low), attempts.filter(started_at__gte=low)
    if high:
        views, attempts = views.filter(viewed_at__lt=high), attempts.filter(started_at__lt=high)
    done, last = _completed_modules(filters)
    queryset = queryset.annotate(
        set_read=Exists(views), set_tried=Exists(attempts), set_done=done, set_completed_at=last
    )
    started = Q(set_read=True) | Q(set_tried=True)
    completed = Q(set_done=len(filters.modules)) & _in_range("set_completed_at", filters)
    return queryset, started, completed


def _grouped_counts(*, scope: Scope, filters: Filters, group: str, where: Q | None = None) -> list[dict]:
    """One grouped query: registered, started and completed learners per (area, role, gender), last activity."""
    queryset = _learners(scope=scope, filters=filters)
    if where is not None:
        queryset = queryset.filter(where)
    queryset, started, completed = _with_progress(queryset, filters)
    return list(
        queryset.order_by()
        .values(area=F(group), learner_role=F("role"), learner_gender=F("gender"))
        .annotate(
            registered=Count("pk", filter=_in_range("created_at", filters)),
            started=Count("pk", filter=started),
            completed=Count("pk", filter=completed),
            last=Max("training_active_on"),
        )
    )


def _fold(rows: dict[str, AreaRow], total: AreaRow, grouped: list[dict]) -> None:
    for item in grouped:
        counts = Counts(item["registered"], item["started"], item["completed"])
        code = item["area"] or UNPLACED
        row = rows.get(code)
        if row is None:  # learners whose district or commune was not given
            row = rows[code] = AreaRow(code=UNPLACED, name_km=NOT_GIVEN[0], name_en=NOT_GIVEN[1])
        row.fold(role=item["learner_role"], gender=item["learner_gender"], counts=counts, last=item["last"])
        total.fold(role=item["learner_role"], gender=item["learner_gender"], counts=counts, last=item["last"])


# ---------------------------------------------------------------------------------------------------------------
# Targets


def _target_rows(*, roles: tuple[str, ...], province_codes) -> list[tuple]:
    queryset = Target.objects.filter(role__in=roles)
    if province_codes is not None:
        queryset = queryset.filter(province_id__in=province_codes)
    return list(queryset.values_list("province_id", "district_id", "commune_id", "role", "people"))


class TargetBook:
    """Targets resolved level by level: a place's own target for a role wins; without one, the sum of its
    children's (a district from its communes, a province from its districts); with neither, no target."""

    def __init__(self, rows: list[tuple]):
        self.own: dict[tuple[str, str], int] = {}
        self.children: dict[tuple[str, str], list[str]] = {}
        for province, district, commune, role, people in rows:
            code = commune or district or province
            self.own[(code, role)] = people
            if commune:
                self.children.setdefault((district, role), []).append(commune)
            elif district:
                self.children.setdefault((province, role), []).append(district)
        # A district known only through its communes must still count towards its province.
        for province, district, commune, role, _people in rows:
            if commune and district not in self.children.get((province, role), []):
                self.children.setdefault((province, role), []).append(district)

    def for_role(self, code: str, role: str) -> int | None:
        if (code, role) in self.own:
            return self.own[(code, role)]
        parts = [self.for_role(child, role) for child in self.children.get((code, role), [])]
        parts = [part for part in parts if part is not None]
        return sum(parts) if parts else None

    def for_roles(self, code: str, roles: tuple[str, ...]) -> int | None:
        parts = [self.for_role(code, role) for role in roles]
        parts = [part for part in parts if part is not None]
        return sum(parts) if parts else None


def _apply_targets(rows: dict[str, AreaRow], total: AreaRow, book: TargetBook, roles: tuple[str, ...]) -> None:
    for row in rows.values():
        if row.code != UNPLACED:
            row.target = book.for_roles(row.code, roles)
    targets = [row.target for row in rows.values() if row.target is not None]
    total.target = sum(targets) if targets else None


# ---------------------------------------------------------------------------------------------------------------
# The three levels


def _total_row() -> AreaRow:
    return AreaRow(code="total", name_km=TOTAL[0], name_en=TOTAL[1])


def _place_row(place) -> AreaRow:
    return AreaRow(code=place.code, name_km=place.name_km, name_en=place.name_en)


def province_report(*, scope: Scope, filters: Filters) -> AreaReport:
    """Every province of the scope (all 25 nationally), including those where nobody has registered."""
    provinces = Province.objects.order_by("code")
    if scope.provinces is not None:
        provinces = provinces.filter(code__in=scope.provinces)
    rows = {province.code: _place_row(province) for province in provinces}
    for row in rows.values():
        row.has_children = True
    total = _total_row()
    _fold(rows, total, _grouped_counts(scope=scope, filters=filters, group="province_id"))
    roles = filters.roles_or_all()
    _apply_targets(rows, total, TargetBook(_target_rows(roles=roles, province_codes=scope.provinces)), roles)
    return AreaReport(level="province", rows=list(rows.values()), total=total, filters=filters)


def _drill_down(*, scope: Scope, filters: Filters, parent, rows: dict, level: str, group: str, where: Q):
    """The places inside `parent` (a province's districts, a district's communes), counted and with targets;
    the totals row is the parent itself, with the parent's own target (which wins over its children's sum)."""
    total = _place_row(parent)
    _fold(rows, total, _grouped_counts(scope=scope, filters=filters, group=group, where=where))
    roles = filters.roles_or_all()
    province_code = parent.code[:2]
    book = TargetBook(_target_rows(roles=roles, province_codes=[province_code]))
    _apply_targets(rows, total, book, roles)
    total.target = book.for_roles(parent.code, roles)
    return AreaReport(level=level, rows=list(rows.values()), total=total, filters=filters)


def district_report(*, scope: Scope, filters: Filters, province: Province) -> AreaReport:
    """The districts of one province (plus learners with no district given)."""
    rows = {district.code: _place_row(district) for district in District.objects.filter(province=province)}
    with_communes = set(
        Commune.objects.filter(district__province=province).order_by().values_list("district_id", flat=True).distinct()
    )
    for row in rows.values():
        row.has_children = row.code in with_communes
    return _drill_down(
        scope=scope, filters=filters, parent=province, rows=rows, level="district", group="district_id",
        where=Q(province=province),
    )  # fmt: skip


def commune_report(*, scope: Scope, filters: Filters, district: District) -> AreaReport:
    """The communes of one district (plus learners of the district with no commune given)."""
    rows = {commune.code: _place_row(commune) for commune in Commune.objects.filter(district=district)}
    return _drill_down(
        scope=scope, filters=filters, parent=district, rows=rows, level="commune", group="commune_id",
        where=Q(district=district),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# Trend


@dataclass
class Trend:
    months: list[date]
    national: list[int]
    by_province: dict[str, list[int]]

    @property
    def peak(self) -> int:
        return max(self.national, default=0)


def _month_range(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def completion_trend(*, scope: Scope, filters: Filters, today: date | None = None, months: int = 24) -> Trend:
    """Completions per month (course, or the chosen module set), nationally and per province; the date range
    if one is chosen, otherwise the last `months` months."""
    today = today or timezone.localdate()
    last = filters.end or today
    if filters.start:
        first = filters.start
    else:
        index = last.year * 12 + last.month - 1 - (months - 1)
        first = date(index // 12, index % 12 + 1, 1)
    bounded = Filters(filters.roles, filters.genders, first, last, filters.modules)
    queryset, _started, completed = _with_progress(_learners(scope=scope, filters=bounded), bounded)
    moment = "set_completed_at" if filters.modules else "course_completed_at"
    grouped = (
        queryset.filter(completed)
        .order_by()
        .values(month=TruncMonth(moment), area=F("province_id"))
        .annotate(completed=Count("pk"))
    )
    month_list = _month_range(first, last)
    index = {month: position for position, month in enumerate(month_list)}
    national = [0] * len(month_list)
    by_province: dict[str, list[int]] = {}
    for item in grouped:
        month = item["month"]
        month = month.date() if isinstance(month, datetime) else month
        position = index.get(month.replace(day=1))
        if position is None:
            continue
        national[position] += item["completed"]
        by_province.setdefault(item["area"], [0] * len(month_list))[position] += item["completed"]
    return Trend(months=month_list, national=national, by_province=by_province)


# ---------------------------------------------------------------------------------------------------------------
# Modules


@dataclass
class QuestionStat:
    question_id: int
    text: str
    answered: int
    wrong: int

    @property
    def wrong_share(self) -> float:
        return 100 * self.wrong / self.answered if self.answered else 0.0


@dataclass
class ModuleRow:
    module_id: int
    number: int
    title: str
    quiz_id: int | None
    tried: int = 0
    passed: int = 0
    completed: int = 0
    average_score: float | None = None
    hardest: list[QuestionStat] = field(default_factory=list)

    @property
    def not_passed(self) -> int:
        return self.tried - self.passed


def _attempts_in_scope(*, scope: Scope, filters: Filters, moment: str) -> QuerySet:
    learners = _learners(scope=scope, filters=filters).values("user_id")
    queryset = Attempt.objects.filter(learner_id__in=learners)
    low, high = filters.bounds()
    if low:
        queryset = queryset.filter(**{f"{moment}__gte": low})
    if high:
        queryset = queryset.filter(**{f"{moment}__lt": high})
    return queryset


def module_report(*, scope: Scope, filters: Filters, modules: list, hardest: int = 5) -> list[ModuleRow]:
    """Per module: learners who tried its quiz, passed it, not yet passed; average score of submitted attempts;
    completions; and the questions most often answered wrong. Four queries whatever the number of modules."""
    quizzes = dict(Quiz.objects.filter(module__in=modules).values_list("module_id", "pk"))
    rows = {
        module.pk: ModuleRow(
            module_id=module.pk, number=module.number, title=module.title, quiz_id=quizzes.get(module.pk)
        )
        for module in modules
    }
    by_quiz = {row.quiz_id: row for row in rows.values() if row.quiz_id}
    attempts = _attempts_in_scope(scope=scope, filters=filters, moment="started_at").filter(quiz_id__in=by_quiz)
    submitted = Q(status=AttemptStatus.SUBMITTED)
    for item in (
        attempts.order_by()
        .values("quiz_id")
        .annotate(
            tried=Count("learner_id", distinct=True, filter=submitted),
            passed=Count("learner_id", distinct=True, filter=Q(passed=True)),
            average=Avg("score", filter=submitted),
        )
    ):
        row = by_quiz[item["quiz_id"]]
        row.tried, row.passed, row.average_score = item["tried"], item["passed"], item["average"]
    learners = _learners(scope=scope, filters=filters).values("user_id")
    completions = ModuleCompletion.objects.filter(module_id__in=rows, learner_id__in=learners).filter(
        _in_range("completed_at", filters)
    )
    for item in completions.order_by().values("module_id").annotate(n=Count("pk")):
        rows[item["module_id"]].completed = item["n"]
    outcomes = QuestionOutcome.objects.filter(
        attempt__in=_attempts_in_scope(scope=scope, filters=filters, moment="submitted_at").values("pk"),
        quiz_id__in=by_quiz,
    )
    stats = list(
        outcomes.order_by()
        .values("quiz_id", "question_id")
        .annotate(answered=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
        .filter(wrong__gt=0)
    )
    _attach_hardest(by_quiz, stats, hardest)
    return [rows[module.pk] for module in modules]


def _attach_hardest(by_quiz: dict, stats: list[dict], limit: int) -> None:
    stats.sort(key=lambda item: (-item["wrong"] / item["answered"], -item["wrong"], item["question_id"]))
    chosen: dict[int, list[dict]] = {}
    for item in stats:
        picked = chosen.setdefault(item["quiz_id"], [])
        if len(picked) < limit:
            picked.append(item)
    ids = [item["question_id"] for picked in chosen.values() for item in picked]
    texts = {question.pk: question.text for question in Question.objects.filter(pk__in=ids)}
    for quiz_id, picked in chosen.items():
        by_quiz[quiz_id].hardest = [
            QuestionStat(
                question_id=item["question_id"],
                text=texts.get(item["question_id"], ""),
                answered=item["answered"],
                wrong=item["wrong"],
            )
            for item in picked
        ]
