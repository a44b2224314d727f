"""Reads for the "still to finish" lists: by name, the confirmed learners of a place who have not completed the course.

The same learners the coverage reports count as registered but not completed (`progress.learners_in_scope`, with
no dates or modules chosen), so a place's list has exactly "registered - completed" rows. Counting goes through
grouped SQL; only the rows shown (a page, or a printed list) are read one by one, with their modules done of
those their role requires from the source the coordinators' learner list uses (`learners.progress`).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, QuerySet

from core.translated import field_in_language
from learners.models import Commune, District, LearnerProfile, Province
from learners.progress import LearnerProgress, progress_source

from .area_rows import NOT_GIVEN
from .filters import Filters
from .progress import learners_in_scope
from .scope import Scope

PROGRESS_CHUNK = 500  # learners asked about at a time when a whole list is printed


@dataclass(frozen=True)
class ListPlace:
    """Where a list is drawn: a province, optionally one of its districts, optionally one of that district's
    communes. Built only by `place_within` (which checks the codes belong together and to the reader's scope)."""

    province: Province
    district: District | None = None
    commune: Commune | None = None

    @property
    def level(self) -> str:
        return "commune" if self.commune else ("district" if self.district else "province")

    @property
    def narrowest(self) -> Province | District | Commune:
        return self.commune or self.district or self.province

    @property
    def name(self) -> str:
        return self.narrowest.name

    @property
    def child_level(self) -> str | None:
        """The places a list of this place is split into (None: a commune's list is not split)."""
        return {"province": "district", "district": "commune"}.get(self.level)


class PlaceNotFound(Exception):
    """The codes name no place, places that do not belong together, or a province outside the reader's scope."""


def place_within(*, scope: Scope, province: str, district: str | None = None, commune: str | None = None) -> ListPlace:
    """The place the codes name, for a reader with `scope`; PlaceNotFound otherwise (the views answer "not found",
    so that a provincial coordinator cannot tell another province's places from codes that do not exist)."""
    if not scope.allows(province):
        raise PlaceNotFound
    found_province = Province.objects.filter(code=province).first()
    if found_province is None:
        raise PlaceNotFound
    found_district = found_commune = None
    if district is not None:
        found_district = District.objects.filter(code=district, province=found_province).first()
        if found_district is None:
            raise PlaceNotFound
    if commune is not None:
        found_commune = Commune.objects.filter(code=commune, district=found_district).first()
        if found_commune is None:
            raise PlaceNotFound
    return ListPlace(province=found_province, district=found_district, commune=found_commune)


def still_to_finish(*, scope: Scope, filters: Filters, place: ListPlace | None = None) -> QuerySet[LearnerProfile]:
    """The confirmed learners (active accounts) of the scope, or of one place in it, who have not completed the
    course, in the order the lists print them: by district, commune (those not given last), then name."""
    queryset = learners_in_scope(scope=scope, filters=filters).filter(course_completed_at__isnull=True)
    if place is not None:
        queryset = queryset.filter(province=place.province)
        if place.district is not None:
            queryset = queryset.filter(district=place.district)
        if place.commune is not None:
            queryset = queryset.filter(commune=place.commune)
    return queryset.select_related("user", "province", "district", "commune").order_by(
        F("district_id").asc(nulls_last=True), F("commune_id").asc(nulls_last=True), "full_name_km", "pk"
    )


@dataclass(frozen=True)
class AreaCount:
    """One place and how many of its learners are still to finish (`code` "" for those with no place given)."""

    code: str
    name_km: str
    name_en: str
    count: int

    @property
    def name(self) -> str:
        return field_in_language(self)


def counts_by_area(*, scope: Scope, filters: Filters, place: ListPlace | None = None) -> list[AreaCount]:
    """One grouped query: per province of the scope (no place), per district of a province, or per commune of a
    district, in code order; learners with no district (or commune) given last. Places with nobody still to
    finish are left out."""
    group, model = {
        None: ("province_id", Province),
        "province": ("district_id", District),
        "district": ("commune_id", Commune),
    }[place.level if place else None]
    queryset = still_to_finish(scope=scope, filters=filters, place=place).order_by()
    grouped = dict(queryset.values_list(group).annotate(n=Count("pk")).values_list(group, "n"))
    places = {p.code: p for p in model.objects.filter(code__in=[code for code in grouped if code])}
    counts = [
        AreaCount(code, places[code].name_km, places[code].name_en, grouped[code])
        for code in sorted(code for code in grouped if code)
    ]
    if grouped.get(None):
        counts.append(AreaCount("", *NOT_GIVEN, grouped[None]))
    return counts


@dataclass(frozen=True)
class PendingLearner:
    """One line of a list: who, how to reach them, and how far they are."""

    profile: LearnerProfile
    progress: LearnerProgress

    @property
    def last_activity(self) -> date | None:
        return self.profile.training_active_on

    @property
    def started(self) -> bool:
        return self.profile.training_started_at is not None


def with_progress(learners: Sequence[LearnerProfile]) -> list[PendingLearner]:
    """The learners with their modules done of those their role requires (a few queries per chunk)."""
    source = progress_source()
    rows = []
    for start in range(0, len(learners), PROGRESS_CHUNK):
        chunk = learners[start : start + PROGRESS_CHUNK]
        progress = source.progress(learners=chunk)
        rows += [PendingLearner(profile, progress.get(profile.pk, LearnerProgress())) for profile in chunk]
    return rows


@dataclass
class Group:
    """The learners of one district and commune, as the lists print them under one heading."""

    district: District | None
    commune: Commune | None
    learners: list[PendingLearner] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.district.code if self.district else "", self.commune.code if self.commune else "")


def grouped(rows: Iterable[PendingLearner]) -> list[Group]:
    """Rows (in `still_to_finish` order) under one heading per district and commune."""
    groups: list[Group] = []
    for row in rows:
        profile = row.profile
        key = (profile.district_id or "", profile.commune_id or "")
        if not groups or groups[-1].key != key:
            groups.append(Group(district=profile.district, commune=profile.commune))
        groups[-1].learners.append(row)
    return groups
