"""Coverage against targets per province, district and commune, from grouped SQL queries.

The number of queries does not depend on how many learners or places there are (a test pins the count); Python
only folds the grouped rows (at most places x roles x genders) into table rows.
"""

from django.db.models import Count, F, Max, Q

from learners.models import Commune, District, Province

from .area_rows import NOT_GIVEN, TOTAL, UNPLACED, AreaReport, AreaRow, Counts
from .filters import Filters, in_range
from .progress import learners_in_scope, with_progress
from .scope import Scope
from .target_book import TargetBook, apply_targets, target_rows


def _grouped_counts(*, scope: Scope, filters: Filters, group: str, where: Q | None = None) -> list[dict]:
    """One grouped query: registered, started and completed learners per (area, role, gender), last activity."""
    queryset = learners_in_scope(scope=scope, filters=filters)
    if where is not None:
        queryset = queryset.filter(where)
    queryset, started, completed = with_progress(queryset, filters)
    return list(
        queryset.order_by()
        .values(area=F(group), learner_role=F("role"), learner_gender=F("gender"))
        .annotate(
            registered=Count("pk", filter=in_range("created_at", filters)),
            started=Count("pk", filter=started),
            completed=Count("pk", filter=completed),
            refresher=Count("pk", filter=Q(refresher_pending=True)),
            last=Max("training_active_on"),
        )
    )


def _fold(rows: dict[str, AreaRow], total: AreaRow, grouped: list[dict]) -> None:
    for item in grouped:
        counts = Counts(item["registered"], item["started"], item["completed"], item["refresher"])
        code = item["area"] or UNPLACED
        row = rows.get(code)
        if row is None:  # learners whose district or commune was not given
            row = rows[code] = AreaRow(code=UNPLACED, name_km=NOT_GIVEN[0], name_en=NOT_GIVEN[1])
        row.fold(role=item["learner_role"], gender=item["learner_gender"], counts=counts, last=item["last"])
        total.fold(role=item["learner_role"], gender=item["learner_gender"], counts=counts, last=item["last"])


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
    apply_targets(rows, total, TargetBook(target_rows(roles=roles, province_codes=scope.provinces)), roles)
    return AreaReport(level="province", rows=list(rows.values()), total=total, filters=filters)


def _drill_down(*, scope: Scope, filters: Filters, parent, rows: dict, level: str, group: str, where: Q):
    """The places inside `parent` (a province's districts, a district's communes), counted and with targets;
    the totals row is the parent itself, with the parent's own target (which wins over its children's sum)."""
    total = _place_row(parent)
    _fold(rows, total, _grouped_counts(scope=scope, filters=filters, group=group, where=where))
    roles = filters.roles_or_all()
    province_code = parent.code[:2]
    book = TargetBook(target_rows(roles=roles, province_codes=[province_code]))
    apply_targets(rows, total, book, roles)
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
