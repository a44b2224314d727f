"""Which cells of the report pages hide when figures are shared outside NGOCRC: the sums each page shows, put to
`reports.disclosure.protect`.

Every page is protected together with the pages a reader can hold next to it, so that no combination gives a
hidden cell away:

- A coverage table is one cube (places x registered/started/completed x all/genders/roles) whatever split the
  reader chose: all = women + men + other = the five roles, and the totals row = the sum of the places. Hiding the
  same cells under every split means a reader cannot undo one split's hiding with another's.
- A drill-down page's totals row is its parent place's row on the page above: it keeps the cells hidden there,
  and its places must not let the parent's hidden cells be worked out (protected together with the parent page).
- The monthly completions of a place add up to its completed count when the months cover the counted dates.
- Coverage, people still to train and the map's colour follow a place's completed count, since the target is
  shown: they hide when it hides.
"""

from dataclasses import dataclass
from datetime import date

from .disclosure import Equation, System, protect
from .selectors import (
    UNPLACED,
    AreaReport,
    AreaRow,
    Filters,
    ModuleRow,
    Scope,
    Trend,
    district_report,
    province_report,
)

MEASURES = ("registered", "started", "completed")
ALL = "all"
NATION = "nation"  # the parent of the provinces
TREND = "trend"


def split_key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def _row_code(row: AreaRow, parent: str) -> str:
    """Learners with no place given have a row on every level; the parent tells those rows apart."""
    return f"{UNPLACED}unplaced:{parent}" if row.code == UNPLACED else row.code


def area_system(report: AreaReport, parent: str) -> tuple[dict, list[Equation]]:
    rows = [*report.rows, report.total]
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
    total = _row_code(report.total, parent)
    for measure in MEASURES:
        for split in splits:
            parts = tuple((_row_code(row, parent), measure, split) for row in report.rows)
            equations.append(Equation((total, measure, split), parts))
    return values, equations


@dataclass(frozen=True)
class Suppression:
    """The hidden cells of a page; `parent` tells which level's "no place given" row is meant."""

    hidden: frozenset
    parent: str = NATION

    def hides(self, row: AreaRow, measure: str, split: str = ALL) -> bool:
        return (_row_code(row, self.parent), measure, split) in self.hidden

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


def chain_of(reports: list[tuple[AreaReport, str]]) -> Chain:
    chain = Chain()
    for report, parent in reports:
        chain.add(*area_system(report, parent))
    return chain


def own_suppression(report: AreaReport) -> Suppression:
    """A provinces table's hidden cells (a drill-down page also needs the pages above it: `area_suppression`)."""
    return Suppression(hidden=chain_of([(report, NATION)]).hidden)


def area_suppression(*, scope: Scope, filters: Filters, report: AreaReport, province=None, district=None):
    """The hidden cells of a coverage page: the provinces (no `province`), a province's districts, or a district's
    communes (`district` too), protected with the pages above it, read again with the same scope and filters."""
    reports: list[tuple[AreaReport, str]] = []
    if province is not None:
        reports.append((province_report(scope=scope, filters=filters), NATION))
    if district is not None:
        reports.append((district_report(scope=scope, filters=filters, province=province), province.code))
    parent = district.code if district is not None else province.code if province is not None else NATION
    reports.append((report, parent))
    return Suppression(hidden=chain_of(reports).hidden, parent=parent)


# ---------------------------------------------------------------------------------------------------------------
# Monthly completions


@dataclass(frozen=True)
class TrendSuppression:
    """The hidden months. Cells are named by month, so that a month reads the same on every page that shows it
    (the trend page's 24 months, the printed summary's 12)."""

    hidden: frozenset
    total: tuple = (TREND, "sum", ALL)  # the cell of the months' sum (the chart's total)
    national: str = ALL  # the code of the series drawn as "all" (a province's own summary draws that province)

    def hides(self, month: date, code: str | None = None) -> bool:
        """A month of a province (`code`) or of every province in view (None)."""
        return (TREND, month, code or self.national) in self.hidden

    @property
    def hides_total(self) -> bool:
        return self.total in self.hidden


def trend_system(trend: Trend, codes: list[str], report: AreaReport, national: str = ALL):
    """Months x provinces (`codes`), the all-provinces column their sum; learners with no province count in that
    column only, an unseen cell. When `national` is a province's code the trend is that province's alone (its
    printed summary) and has no columns. Where a place's months add up to its completed count in `report`, that
    is a sum too; so is the chart's total of all months (the report's completed total when they agree). Returns
    the values, the sums, the unseen cells and the cell of the chart's total."""
    values: dict = {}
    equations: list[Equation] = []
    series = {code: trend.by_province.get(code, [0] * len(trend.months)) for code in codes}
    others = [code for code in trend.by_province if code not in series] if national == ALL else []
    unseen = []
    for index, (month, value) in enumerate(zip(trend.months, trend.national, strict=True)):
        values[(TREND, month, national)] = value
        if national != ALL:
            continue
        parts = []
        for code in [*codes, *others]:
            cell = (TREND, month, code or UNPLACED)
            values[cell] = trend.by_province[code][index] if code in trend.by_province else 0
            parts.append(cell)
            if code in others:
                unseen.append(cell)
        equations.append(Equation((TREND, month, ALL), tuple(parts)))
    completed = {row.code: row.counts.completed for row in report.rows}
    for code, months in series.items():
        if code in completed and sum(months) == completed[code]:
            equations.append(Equation((code, "completed", ALL), tuple((TREND, month, code) for month in trend.months)))
    months = tuple((TREND, month, national) for month in trend.months)
    total = (report.total.code, "completed", ALL)
    if sum(trend.national) != report.total.counts.completed:
        total = (TREND, "sum", national, trend.months[0], trend.months[-1]) if trend.months else (TREND, "sum")
        values[total] = sum(trend.national)
    equations.append(Equation(total, months))
    return values, equations, unseen, total


def trend_suppression(
    *, trend: Trend, codes: list[str], report: AreaReport, chain: Chain | None = None, national: str = ALL
) -> TrendSuppression:
    """The hidden months of the trend (`codes`: the provinces drawn; `national`: see `trend_system`), protected
    with the coverage page whose completed counts they add up to (`report`, or the `chain` of pages already
    protected, which keeps the months other pages hid)."""
    chain = chain or chain_of([(report, NATION)])
    values, equations, unseen, total = trend_system(trend, codes, report, national)
    hidden = chain.add(values, equations, unseen=unseen)
    return TrendSuppression(hidden=hidden, total=total, national=national)


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
