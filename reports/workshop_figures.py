"""Reads for the workshop reports and the donor summary: completions by channel, organisation and funding project,
the list of workshops with their participants, attendance and knowledge gain, and the donor summary of one project
over a period. Every figure is an SQL aggregate: a page costs the same few queries whatever the number of learners,
participants or workshops. Knowledge gain comes from workshops.selectors (one definition of it).

Scope: a provincial coordinator counts the learners and workshops of their provinces only (`reports.scope`).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.roles import Role
from curriculum.models import ModulePage
from learners.models import Gender, Province
from quizzes.models import CompletionSource, ModuleCompletion
from workshops.models import Attendance, FundingProject, Organisation, Participant, Workshop, WorkshopCompletion
from workshops.selectors import knowledge_gain

from .disclosure import Equation, System, protect
from .scope import Scope

ALL = "all"
GENDERS = [value for value, _label in Gender.choices]
ROLES = [value for value, _label in Role.choices]
CHANNELS = [value for value, _label in CompletionSource.choices]


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def moments(self) -> tuple[datetime, datetime]:
        """The period's first and last moment in the site's time zone (completions are timestamps)."""
        zone = timezone.get_current_timezone()
        return datetime.combine(self.start, time.min, zone), datetime.combine(self.end, time.max, zone)


def _in_scope(queryset: QuerySet, scope: Scope, path: str) -> QuerySet:
    return queryset if scope.national else queryset.filter(**{f"{path}__in": scope.provinces})


def completions_by_channel(*, scope: Scope, period: Period) -> dict[str, int]:
    """Module completions in the period by how they were completed (online, offline, workshop): one query."""
    start, end = period.moments()
    completions = _in_scope(
        ModuleCompletion.objects.filter(completed_at__range=(start, end)), scope, "learner__learner_profile__province"
    )
    found = dict(completions.values_list("source").annotate(n=Count("pk")).values_list("source", "n"))
    return {channel: found.get(channel, 0) for channel in CHANNELS}


def workshop_completions(*, scope: Scope, period: Period, by: str) -> list[dict]:
    """Module completions earned at workshops in the period, by `by` ("organisation" or "project"): one query.
    Each row: the group's id, its names and the number of completions and of learners."""
    start, end = period.moments()
    links = _in_scope(
        WorkshopCompletion.objects.filter(completion__completed_at__range=(start, end)), scope, "workshop__province"
    )
    path = {"organisation": "workshop__organisation", "project": "workshop__project"}[by]
    return list(
        links.values(group=F(path), name_km=F(f"{path}__name_km"), name_en=F(f"{path}__name_en"))
        .annotate(completions=Count("pk"), learners=Count("completion__learner", distinct=True))
        .order_by("name_en")
    )


def workshops_in(*, scope: Scope, period: Period, project: FundingProject | None = None) -> QuerySet[Workshop]:
    """Workshops that started in the period (in the scope's provinces; of one project if given)."""
    workshops = _in_scope(Workshop.objects.filter(starts_on__range=(period.start, period.end)), scope, "province")
    return workshops.filter(project=project) if project is not None else workshops


def _count_of(queryset: QuerySet, **filters) -> Subquery:
    counted = queryset.filter(**filters).order_by().values(*filters).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), Value(0))


def workshop_rows(workshops: QuerySet[Workshop]) -> list[dict]:
    """Each workshop: where, when, who ran it, participants by gender and role, attendance rate, pre/post means and
    gain. Two queries whatever the number of workshops and participants."""
    participants = Participant.objects.filter(workshop=OuterRef("pk"))
    marks = Attendance.objects.filter(day__workshop=OuterRef("pk"))
    counts = {"participant_count": _count_of(participants, workshop=OuterRef("pk"))}
    for gender in GENDERS:
        counts[f"gender_{gender}"] = _count_of(
            participants, workshop=OuterRef("pk"), learner__learner_profile__gender=gender
        )
    for role in ROLES:
        counts[f"role_{role}"] = _count_of(participants, workshop=OuterRef("pk"), learner__learner_profile__role=role)
    counts["marks"] = _count_of(marks, day__workshop=OuterRef("pk"))
    counts["present"] = _count_of(marks, day__workshop=OuterRef("pk"), present=True)
    rows = list(
        workshops.select_related("organisation", "province", "district", "project")
        .annotate(**counts)
        .order_by("-starts_on", "-pk")
    )
    gains = {
        row["group"]: row
        for row in knowledge_gain(participants=Participant.objects.filter(workshop__in=workshops), by="workshop")
    }
    return [
        {
            "workshop": workshop,
            "participants": workshop.participant_count,
            "genders": {gender: getattr(workshop, f"gender_{gender}") for gender in GENDERS},
            "roles": {role: getattr(workshop, f"role_{role}") for role in ROLES},
            "attendance_rate": round(100 * workshop.present / workshop.marks, 1) if workshop.marks else None,
            "gain": gains.get(workshop.pk),
        }
        for workshop in rows
    ]


GAIN_BY = ("organisation", "province", "role")


def gain_groups(*, workshops: QuerySet[Workshop]) -> dict[str, list[dict]]:
    """Knowledge gain of these workshops' participants by organisation, province and role, each row labelled in the
    reader's language: three grouped queries and two small reads of names."""
    participants = Participant.objects.filter(workshop__in=workshops)
    grouped = {by: knowledge_gain(participants=participants, by=by) for by in GAIN_BY}
    names = {
        "organisation": Organisation.objects.in_bulk([row["group"] for row in grouped["organisation"]]),
        "province": Province.objects.in_bulk([row["group"] for row in grouped["province"]]),
    }
    roles = dict(Role.choices)
    for by, rows in grouped.items():
        for row in rows:
            if by == "role":
                row["label"] = str(roles.get(row["group"], row["group"] or ""))
            else:
                found = names[by].get(row["group"])
                row["label"] = found.name if found is not None else ""
    return grouped


@dataclass
class DonorSummary:
    project: FundingProject
    period: Period
    scope: Scope
    share: bool
    workshops: int
    provinces: list
    organisations: list
    cube: dict  # (role or ALL, gender or ALL) -> participants
    marks: int
    present: int
    gain: dict
    gain_by_province: list
    gain_by_role: list
    completions_by_module: list
    completions: int
    learners_completed: int
    hidden: frozenset = field(default_factory=frozenset)

    @property
    def attendance_rate(self) -> float | None:
        return round(100 * self.present / self.marks, 1) if self.marks else None

    def shows(self, key) -> bool:
        return key not in self.hidden


def participants_cube(participants: QuerySet[Participant]) -> dict:
    """Participants by role and gender with the row, column and grand totals: one query."""
    found = {
        (row["role"], row["gender"]): row["n"]
        for row in participants.values(
            role=F("learner__learner_profile__role"), gender=F("learner__learner_profile__gender")
        )
        .annotate(n=Count("pk"))
        .order_by()
    }
    cube = {(role, gender): found.get((role, gender), 0) for role in ROLES for gender in GENDERS}
    for role in ROLES:
        cube[(role, ALL)] = sum(cube[(role, gender)] for gender in GENDERS)
    for gender in GENDERS:
        cube[(ALL, gender)] = sum(cube[(role, gender)] for role in ROLES)
    cube[(ALL, ALL)] = sum(cube[(role, ALL)] for role in ROLES)
    return cube


def cube_system(cube: dict) -> System:
    equations = [Equation((role, ALL), tuple((role, gender) for gender in GENDERS)) for role in ROLES]
    equations += [Equation((ALL, gender), tuple((role, gender) for role in ROLES)) for gender in GENDERS]
    equations += [
        Equation((ALL, ALL), tuple((role, ALL) for role in ROLES)),
        Equation((ALL, ALL), tuple((ALL, gender) for gender in GENDERS)),
    ]
    return System(values=dict(cube), equations=equations)


def donor_summary(*, project: FundingProject, period: Period, scope: Scope, share: bool = False) -> DonorSummary:
    """What a project's workshops did in the period. Shared outside NGOCRC (`share`), counts from 1 to 4 and the
    cells that would give them away are hidden (reports.disclosure), and so is a mean of fewer than 5 people."""
    workshops = workshops_in(scope=scope, period=period, project=project)
    participants = Participant.objects.filter(workshop__in=workshops)
    cube = participants_cube(participants)
    places = workshops.aggregate(
        workshops=Count("pk", distinct=True),
        marks=Count("days__attendance", distinct=True),
        present=Count("days__attendance", filter=Q(days__attendance__present=True), distinct=True),
    )
    links = WorkshopCompletion.objects.filter(workshop__in=workshops)
    by_module = list(
        links.values(module=F("completion__module")).annotate(n=Count("pk")).order_by("completion__module__path")
    )
    titles = {page.pk: page.title for page in ModulePage.objects.filter(pk__in=[row["module"] for row in by_module])}
    for row in by_module:
        row["title"] = titles.get(row["module"], "")
    totals = links.aggregate(completions=Count("pk"), learners=Count("completion__learner", distinct=True))
    gain_by_province = knowledge_gain(participants=participants, by="province")
    hidden: set = set()
    if share:
        hidden |= protect(cube_system(cube))
        module_values = {("module", row["module"]): row["n"] for row in by_module}
        module_values[("module", ALL)] = totals["completions"]
        hidden |= protect(
            System(
                values=module_values,
                equations=[Equation(("module", ALL), tuple(key for key in module_values if key[1] != ALL))],
            )
        )
    return DonorSummary(
        project=project,
        period=period,
        scope=scope,
        share=share,
        workshops=places["workshops"],
        provinces=list(Province.objects.filter(pk__in=workshops.values("province"))),
        organisations=list(Organisation.objects.filter(pk__in=workshops.values("organisation"))),
        cube=cube,
        marks=places["marks"],
        present=places["present"],
        gain=knowledge_gain(participants=participants)[0],
        gain_by_province=gain_by_province,
        gain_by_role=knowledge_gain(participants=participants, by="role"),
        completions_by_module=by_module,
        completions=totals["completions"],
        learners_completed=totals["learners"],
        hidden=frozenset(hidden),
    )
