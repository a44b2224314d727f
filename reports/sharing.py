"""Which cells of the report pages hide when figures are shared outside NGOCRC: the sums each page shows, put to
`reports.disclosure.protect`.

Every page is protected together with the pages a reader can hold next to it, so that no combination gives a
hidden cell away:

- A coverage table is one cube (places x registered/started/completed x all/genders/roles) whatever split the
  reader chose: all = women + men + other = the five roles, and the totals row = the sum of the places. Hiding the
  same cells under every split means a reader cannot undo one split's hiding with another's.
- A drill-down page's totals row is its parent place's row on the page above: it keeps the cells hidden there,
  and its places must not let the parent's hidden cells be worked out (protected together with the parent page).
- A provincial coordinator's pages show the same places as a national coordinator's, plus a totals row of their
  provinces only: their pages are protected after the national ones, keeping what those hid.
- The monthly completions of a place add up to its completed count when the months cover the counted dates.
- Coverage, people still to train and the map's colour follow a place's completed count, since the target is
  shown: they hide when it hides.

Hiding cells protects one set of figures; it cannot stop a reader from subtracting two shared files that differ
only in a filter (up to 30 June minus up to 29 June, all roles minus one role). So shared figures are made with
one fixed set of filters, whatever the query string asks (`shared_filters`): every learner, the whole course, and
all dates up to the end of the last complete month. Within a month every request gives the same figures; the
split by gender or role stays, since it is one cube protected as a whole.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.translated import both

from .area_rows import UNPLACED, AreaReport, AreaRow
from .areas import district_report, province_report
from .disclosure import Equation, System, protect
from .filters import Filters
from .module_stats import ModuleRow
from .scope import Scope
from .trend import Trend, completion_trend

MEASURES = ("registered", "started", "completed")
ALL = "all"
NATION = "nation"  # the parent of the provinces
TREND = "trend"
TOTAL = "total"  # the code of the provinces page's totals row
EVERYWHERE = Scope(provinces=None)


SHARED_PERIOD = _("Every learner, the whole course, all dates up to %(end)s")


def current_date() -> date:
    """The date the shared period ends from (a function, so tests can set it)."""
    return timezone.localdate()


def shared_period_end(day: date | None = None) -> date:
    """The last day of the last complete month: a month's figures are shared once it is over, so that no two
    requests in a month differ by a day's activity."""
    return (day or current_date()).replace(day=1) - timedelta(days=1)


def shared_filters(day: date | None = None) -> Filters:
    """The only filters shared figures are made with: no role, gender or module subset, no start, and the end of
    the last complete month."""
    return Filters(end=shared_period_end(day))


def shared_period(filters: Filters) -> dict[str, str]:
    """The period shared figures cover, in every language ({"km": ..., "en": ...})."""
    end = filters.end.isoformat() if filters.end else "…"
    return {language: text % {"end": end} for language, text in both(SHARED_PERIOD).items()}


def scope_total(scope: Scope) -> str:
    """The name of the totals row of a reader's provinces: every province, or only a coordinator's."""
    return TOTAL if scope.national else "total:" + ",".join(sorted(scope.provinces))


def split_key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def _place_code(row: AreaRow, parent: str) -> str:
    """Learners with no place given have a row on every level; the parent tells those rows apart."""
    return f"{UNPLACED}unplaced:{parent}" if row.code == UNPLACED else row.code


def area_system(report: AreaReport, parent: str, total: str | None = None) -> tuple[dict, list[Equation]]:
    """The cube of a coverage page; `total` names its totals row when that is not the parent's own row (a
    provincial coordinator's provinces)."""
    rows = [*report.rows, report.total]

    def _row_code(row: AreaRow, parent: str) -> str:
        return total if total and row is report.total else _place_code(row, parent)

    genders = sorted({gender for row in rows for gender in row.by_gender})
    roles = sorted({role for row in rows for role in row.by_role})
    splits = [ALL, *(split_key("gender", g) for g in genders), *(split_key("role", r) for r in roles)]
    values: dict = {}
    equations: list[Equation] = []
    for row in rows:
        code = _row_code(row, parent)
        for measure in MEASURES:
            values[(code, measure, ALL)] = getattr(row.counts, measure)
            for kind, attribute, keys in (("gender", row.by_gender, genders), ("role", row.by_role, roles)):
                parts = []
                for value in keys:
                    counts = attribute.get(value)
                    values[(code, measure, split_key(kind, value))] = getattr(counts, measure) if counts else 0
                    parts.append((code, measure, split_key(kind, value)))
                equations.append(Equation((code, measure, ALL), tuple(parts)))
    total_code = _row_code(report.total, parent)
    for measure in MEASURES:
        for split in splits:
            parts = tuple((_row_code(row, parent), measure, split) for row in report.rows)
            equations.append(Equation((total_code, measure, split), parts))
    return values, equations


@dataclass(frozen=True)
class Suppression:
    """The hidden cells of a page; `parent` tells which level's "no place given" row is meant."""

    hidden: frozenset
    parent: str = NATION
    total: str | None = None  # the name of the totals row of a provincial coordinator's provinces

    def hides(self, row: AreaRow, measure: str, split: str = ALL) -> bool:
        code = self.total if self.total and row.code == TOTAL else _place_code(row, self.parent)
        return (code, measure, split) in self.hidden

    def hides_split(self, row: AreaRow, measure: str, kind: str, value: str) -> bool:
        return self.hides(row, measure, split_key(kind, value))

    def hides_completion(self, row: AreaRow) -> bool:
        """Coverage, people still to train and the map colour give the completed count away next to the target."""
        return self.hides(row, "completed")


NOTHING_HIDDEN = Suppression(hidden=frozenset())


class Chain:
    """Pages protected one after the other, each keeping what the ones before it hid."""

    def __init__(self):
        self.system = System(values={}, equations=[])
        self.hidden: frozenset = frozenset()

    def add(self, values: dict, equations: list[Equation], *, unseen=()) -> frozenset:
        fixed = {cell: cell in self.hidden for cell in self.system.values}
        fixed.update({cell: True for cell in unseen if cell not in self.system.values})
        self.system = System(
            values={**self.system.values, **values}, equations=[*self.system.equations, *equations], fixed=fixed
        )
        self.hidden = protect(self.system)
        return self.hidden


def chain_of(pages: list[tuple]) -> Chain:
    """`pages`: (report, parent) or (report, parent, name of its totals row)."""
    chain = Chain()
    for page in pages:
        chain.add(*area_system(*page))
    return chain


def own_suppression(report: AreaReport) -> Suppression:
    """A national provinces table's hidden cells on its own (the report pages use `coverage_pages`)."""
    return Suppression(hidden=chain_of([(report, NATION)]).hidden)


@dataclass
class CoveragePages:
    chain: Chain
    suppression: Suppression  # of the last page
    national: AreaReport  # every province
    provinces: AreaReport  # the reader's provinces (the same as `national` for a national reader)


def coverage_pages(*, scope: Scope, filters: Filters, report: AreaReport, province=None, district=None):
    """The hidden cells of a coverage page (`report`): the provinces (no `province`), a province's districts, or
    a district's communes (`district` too). It is protected after every page above it, starting from the
    national provinces page (read again here when the reader is not on it), then the reader's provinces when they
    coordinate some only."""
    on_top = province is None
    national = report if on_top and scope.national else province_report(scope=EVERYWHERE, filters=filters)
    pages: list[tuple] = [(national, NATION)]
    provinces = national
    if not scope.national:
        provinces = report if on_top else province_report(scope=scope, filters=filters)
        pages.append((provinces, NATION, scope_total(scope)))
    if province is not None:
        districts = report if district is None else district_report(scope=scope, filters=filters, province=province)
        pages.append((districts, province.code))
    if district is not None:
        pages.append((report, district.code))
    chain = chain_of(pages)
    total = scope_total(scope) if on_top and not scope.national else None
    suppression = Suppression(hidden=chain.hidden, parent=pages[-1][1], total=total)
    return CoveragePages(chain=chain, suppression=suppression, national=national, provinces=provinces)


def area_suppression(*, scope: Scope, filters: Filters, report: AreaReport, province=None, district=None):
    return coverage_pages(scope=scope, filters=filters, report=report, province=province, district=district).suppression


# ---------------------------------------------------------------------------------------------------------------
# Monthly completions


@dataclass(frozen=True)
class TrendSuppression:
    """The hidden months. Cells are named by month, so that a month reads the same on every page that shows it
    (the trend page's 24 months, the printed summary's 12)."""

    hidden: frozenset
    total: tuple = (TREND, "sum", ALL)  # the cell of the months' sum (the chart's total)
    series: str = ALL  # the name of the series drawn as "all provinces in view" (or one province's summary)

    def hides(self, month: date, code: str | None = None) -> bool:
        """A month of a province (`code`) or of the series of every province in view (None)."""
        return (TREND, month, code or self.series) in self.hidden

    @property
    def hides_total(self) -> bool:
        return self.total in self.hidden


def trend_system(trend: Trend, *, codes: list[str], report: AreaReport, series: str, total: str, columns: bool):
    """Months x provinces (`codes`, when `columns`), the `series` column their sum (learners with no province
    count in it only, an unseen cell). Where a place's months add up to its completed count in `report`, that is
    a sum too; so is the chart's total of all months (`total`'s completed count when they agree). Returns the
    values, the sums, the unseen cells and the cell of the chart's total."""
    values: dict = {}
    equations: list[Equation] = []
    by_code = {code: trend.by_province.get(code, [0] * len(trend.months)) for code in codes} if columns else {}
    others = [code for code in trend.by_province if code not in by_code] if columns else []
    unseen = []
    for index, (month, value) in enumerate(zip(trend.months, trend.national, strict=True)):
        values[(TREND, month, series)] = value
        if not columns:
            continue
        parts = []
        for code in [*by_code, *others]:
            cell = (TREND, month, code or UNPLACED)
            values[cell] = trend.by_province[code][index] if code in trend.by_province else 0
            parts.append(cell)
            if code in others:
                unseen.append(cell)
        equations.append(Equation((TREND, month, series), tuple(parts)))
    completed = {row.code: row.counts.completed for row in report.rows}
    for code, months in by_code.items():
        if code in completed and sum(months) == completed[code]:
            equations.append(Equation((code, "completed", ALL), tuple((TREND, month, code) for month in trend.months)))
    sum_cell = (total, "completed", ALL)
    if sum(trend.national) != report.total.counts.completed:
        sum_cell = (TREND, "sum", series, trend.months[0], trend.months[-1]) if trend.months else (TREND, "sum")
        values[sum_cell] = sum(trend.national)
    equations.append(Equation(sum_cell, tuple((TREND, month, series) for month in trend.months)))
    return values, equations, unseen, sum_cell


def months_suppression(
    *, chain: Chain, trend: Trend, report: AreaReport, codes: list[str], series: str, total: str, columns: bool = True
) -> TrendSuppression:
    """The hidden months of one trend, added to the `chain` of pages already protected (it keeps what they hid).
    `report`: the coverage page whose completed counts the months add up to; `total`: the name of its totals row."""
    values, equations, unseen, sum_cell = trend_system(
        trend, codes=codes, report=report, series=series, total=total, columns=columns
    )
    hidden = chain.add(values, equations, unseen=unseen)
    return TrendSuppression(hidden=hidden, total=sum_cell, series=series)


def codes_of(report: AreaReport) -> list[str]:
    return [row.code for row in report.rows if row.code != UNPLACED]


def trend_suppression(*, scope: Scope, filters: Filters, pages: CoveragePages, trend: Trend, today=None):
    """The trend page's hidden months (`trend`: as the reader's page reads it), after the coverage `pages` and,
    for a provincial coordinator, after the national trend page."""
    national = trend if scope.national else completion_trend(scope=EVERYWHERE, filters=filters, today=today)
    codes = codes_of(pages.national)
    months = months_suppression(
        chain=pages.chain, trend=national, report=pages.national, codes=codes, series=ALL, total=TOTAL
    )
    if scope.national:
        return months
    mine = scope_total(scope)
    return months_suppression(
        chain=pages.chain, trend=trend, report=pages.provinces, codes=codes_of(pages.provinces), series=mine, total=mine
    )


# ---------------------------------------------------------------------------------------------------------------
# Modules


def module_suppression(rows: list[ModuleRow]) -> frozenset:
    """Per module, took the quiz = passed + not passed yet."""
    values: dict = {}
    equations = []
    for row in rows:
        for measure in ("tried", "passed", "not_passed", "completed"):
            values[(row.module_id, measure)] = getattr(row, measure)
        equations.append(Equation((row.module_id, "tried"), ((row.module_id, "passed"), (row.module_id, "not_passed"))))
    return protect(System(values=values, equations=equations))
