"""Report tables as cells: one definition of each column serves the screen, the CSV and the XLSX export, so the
three always show the same figures.

A cell keeps the raw value (numbers stay numbers in XLSX) and the text shown. With "for sharing" on, the cells
`reports.sharing` hides show one mark (small counts and those hidden to protect them), and what would give them
away (coverage, people still to train, a wrong-answer share) is left blank; sorting puts hidden cells last.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.roles import Role
from core.translated import field_in_language, joined
from learners.models import Gender

from .area_rows import TOTAL, AreaReport, AreaRow
from .charts import coverage_band
from .disclosure import HIDDEN_BAND, SUPPRESSED, hidden
from .module_stats import ModuleRow, QuestionStat
from .sharing import NOTHING_HIDDEN, Suppression, TrendSuppression, module_suppression, own_suppression
from .trend import Trend

MEASURES = (
    ("registered", _("Registered")),
    ("started", _("Started")),
    ("completed", _("Completed")),
)
LEVEL_LABELS = {"province": _("Province"), "district": _("District"), "commune": _("Commune")}


@dataclass(frozen=True)
class Cell:
    value: Any  # what a spreadsheet stores: int, float, date, str or None
    text: str  # what the screen and the CSV show
    numeric: bool = True
    band: str = ""  # the coverage colour band, for the screen


@dataclass(frozen=True)
class ReportColumn:
    key: str
    label: Any  # lazy, translated when shown
    cell: Callable[[Any, bool], Cell]
    group: Any = None  # a heading over several columns (a measure split by gender or role)
    sortable: bool = True
    numeric: bool = True  # right-aligned, like its figures


@dataclass
class ReportTable:
    columns: list[ReportColumn]
    rows: list[tuple[Any, list[Cell]]]  # (the row object, its cells)
    total: list[Cell] | None = None

    @property
    def grouped(self) -> bool:
        return any(column.group for column in self.columns)

    def heading_groups(self) -> list[tuple[Any, int, ReportColumn | None]]:
        """The first of two heading rows: (label, columns spanned, the column itself when it stands alone)."""
        groups: list[tuple[Any, int, ReportColumn | None]] = []
        for column in self.columns:
            if column.group and groups and groups[-1][2] is None and groups[-1][0] == column.group:
                label, span, _alone = groups[-1]
                groups[-1] = (label, span + 1, None)
            elif column.group:
                groups.append((column.group, 1, None))
            else:
                groups.append((column.label, 1, column))
        return groups

    @property
    def grouped_columns(self) -> list[ReportColumn]:
        return [column for column in self.columns if column.group]


def _heading(column: ReportColumn) -> str:
    return f"{column.group}: {column.label}" if column.group else str(column.label)


def bilingual_headings(table: ReportTable) -> list[str]:
    """Khmer first, English second, in one heading row: "ខេត្ត / Province"."""
    return [joined(lambda column=column: _heading(column)) for column in table.columns]


def count_cell(value: int | None, hide: bool) -> Cell:
    """A count, or the mark when `hide` (the suppression decided it, or a small count when sharing)."""
    if value is None:
        return Cell(None, "")
    if hide:
        return Cell(SUPPRESSED, SUPPRESSED)
    return Cell(value, str(value))


def percent_cell(value: float | None, band: str = "") -> Cell:
    if value is None:
        return Cell(None, "–", band=band)
    rounded = round(value, 1)
    return Cell(rounded, f"{rounded:.1f}", band=band)


def date_cell(value: datetime | date | None) -> Cell:
    if value is None:
        return Cell(None, "")
    day = timezone.localdate(value) if isinstance(value, datetime) else value
    return Cell(day, day.isoformat())


def text_cell(value: str) -> Cell:
    return Cell(value, value, numeric=False)


GENDER_SHORT = {Gender.FEMALE: _("Women"), Gender.MALE: _("Men"), Gender.OTHER: _("Other")}
ROLE_SHORT = {
    Role.POLICE_OFFICER: _("Police"),
    Role.COMMUNE_COUNCIL: _("Council"),
    Role.CCWC_FOCAL_POINT: _("CCWC"),
    Role.OFFICIAL: _("Officials"),
    Role.OTHER: _("Other roles"),
}


def _split_columns(key: str, label, breakdown: str) -> list[ReportColumn]:
    """A measure's total, then one column per gender or role, under the measure's name. Area cells take the
    page's `Suppression` as their second argument."""
    splits = {"gender": ("by_gender", GENDER_SHORT), "role": ("by_role", ROLE_SHORT)}.get(breakdown)

    def whole(row, hide: Suppression) -> Cell:
        return count_cell(getattr(row.counts, key), hide.hides(row, key))

    if splits is None:
        return [ReportColumn(key, label, whole)]
    attribute, labels = splits
    columns = [ReportColumn(key, _("All"), whole, group=label)]
    for value, split_label in labels.items():
        columns.append(
            ReportColumn(
                f"{key}_{value}",
                split_label,
                lambda row, hide, value=value: count_cell(
                    getattr(getattr(row, attribute)[value], key), hide.hides_split(row, key, breakdown, value)
                ),
                group=label,
            )
        )
    return columns


def _area_columns(*, level: str, breakdown: str) -> list[ReportColumn]:
    columns = [ReportColumn("name", LEVEL_LABELS[level], lambda row, share: text_cell(row.name))]
    for key, label in MEASURES:
        columns += _split_columns(key, label, breakdown)
    columns += [
        ReportColumn("target", _("Target"), lambda row, hide: count_cell(row.target, False)),
        ReportColumn(
            "coverage",
            _("Coverage (%)"),
            lambda row, hide: (
                Cell(None, "", band=HIDDEN_BAND)
                if hide.hides_completion(row)
                else percent_cell(row.coverage, coverage_band(row.coverage).key)
            ),
        ),
        ReportColumn(
            "to_train",
            _("Still to train"),
            lambda row, hide: Cell(None, "") if hide.hides_completion(row) else count_cell(row.to_train, False),
        ),
        ReportColumn(
            "last_activity",
            _("Last activity"),  # when sharing, not for a hidden group: a few people's last day is their own
            lambda row, hide: Cell(None, "") if hide.hides(row, "registered") else date_cell(row.last_activity),
        ),
    ]
    return columns


MEASURE_KEYS = tuple(key for key, _label in MEASURES)


def _sort_value(row: AreaRow, key: str, hide: Suppression = NOTHING_HIDDEN, breakdown: str = "gender"):
    """The value a column sorts by; None (sorted last) for a cell hidden when sharing, so that a hidden count's
    place in the order does not give it away. A split column ("registered_other") belongs to the breakdown shown
    (women and men, or roles: both have an "other")."""
    if key in MEASURE_KEYS:
        return None if hide.hides(row, key) else getattr(row.counts, key)
    if key in ("coverage", "to_train"):
        return None if hide.hides_completion(row) else getattr(row, key)
    if key == "name":
        return row.name
    if key == "last_activity":
        return row.last_activity.toordinal() if row.last_activity and not hide.hides(row, "registered") else None
    measure, _sep, value = key.partition("_")
    if measure in MEASURE_KEYS and breakdown in ("gender", "role"):
        split = getattr(row, f"by_{breakdown}").get(value)
        hidden_here = hide.hides_split(row, measure, breakdown, value)
        return getattr(split, measure) if split and not hidden_here else None
    return getattr(row, key, None)


def sort_rows(
    rows: list[AreaRow], sort: str, hide: Suppression = NOTHING_HIDDEN, breakdown: str = "gender"
) -> list[AreaRow]:
    """Rows ordered by a column key (a leading "-" for descending); empty or hidden values always last."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    values = {id(row): _sort_value(row, key, hide, breakdown) for row in rows}
    present = [row for row in rows if values[id(row)] is not None]
    missing = [row for row in rows if values[id(row)] is None]
    present.sort(key=lambda row: (values[id(row)], row.code), reverse=descending)
    return present + missing  # the report's own order, which no hidden figure decides


def area_table(
    report: AreaReport, *, breakdown: str, share: bool, sort: str = "", suppression: Suppression | None = None
) -> ReportTable:
    """The coverage table; when sharing, `suppression` says which cells hide (by default the table's own)."""
    hide = (suppression or own_suppression(report)) if share else NOTHING_HIDDEN
    columns = _area_columns(level=report.level, breakdown=breakdown)
    keys = {column.key for column in columns}
    rows = report.rows
    if sort and sort.lstrip("-") in keys:
        rows = sort_rows(rows, sort, hide, breakdown)
    return ReportTable(
        columns=columns,
        rows=[(row, [column.cell(row, hide) for column in columns]) for row in rows],
        total=[column.cell(report.total, hide) for column in columns],
    )


CODE_COLUMNS = (_("Code"), _("Name in Khmer"), _("Name in English"))
SHARED = _(
    "For sharing outside NGOCRC: x marks a hidden figure, either a count from 1 to 4 or a figure from which "
    "such a count could be worked out."
)


def shared_title() -> list[str]:
    """The first row of a shared file, Khmer then English."""
    return [joined(SHARED)]


def area_export_rows(table: ReportTable) -> tuple[list[str], list[list]]:
    """Exports put the code and both names first (donors need both), then the same figures as the screen."""
    header = [joined(label) for label in CODE_COLUMNS] + bilingual_headings(table)[1:]
    rows = [[row.code, row.name_km, row.name_en] + [cell.value for cell in cells[1:]] for row, cells in table.rows]
    if table.total is not None:
        rows.append(["", TOTAL[0], TOTAL[1]] + [cell.value for cell in table.total[1:]])
    return header, rows


class PlaceLabel:
    """A place's name as a column heading, in whichever language the heading is drawn."""

    def __init__(self, place):
        self.place = place

    def __str__(self):
        return field_in_language(self.place)


def module_table(rows: list[ModuleRow], *, share: bool) -> ReportTable:
    """Per module; when sharing, took the quiz = passed + not passed yet is protected, and the average score
    of a hidden group is left blank (an average of a few people is nearly their own score)."""
    hide = module_suppression(rows) if share else frozenset()

    def count(measure: str) -> Callable[[ModuleRow, frozenset], Cell]:
        return lambda row, hide: count_cell(getattr(row, measure), (row.module_id, measure) in hide)

    columns = [
        ReportColumn("module", _("Module"), lambda row, hide: text_cell(f"{row.number}. {row.title}")),
        ReportColumn("tried", _("Took the quiz"), count("tried")),
        ReportColumn("passed", _("Passed"), count("passed")),
        ReportColumn("not_passed", _("Not passed yet"), count("not_passed")),
        ReportColumn(
            "average",
            _("Average score (%)"),
            lambda row, hide: Cell(None, "") if (row.module_id, "tried") in hide else percent_cell(row.average_score),
        ),
        ReportColumn("completed", _("Completed the module"), count("completed")),
    ]
    return ReportTable(columns=columns, rows=[(row, [column.cell(row, hide) for column in columns]) for row in rows])


def _question_count(attribute: str) -> Callable[[tuple, bool], Cell]:
    return lambda item, share: count_cell(getattr(item[1], attribute), hidden(getattr(item[1], attribute), share))


def _wrong_share(item, share: bool) -> Cell:
    """Next to the answers, the share of wrong ones gives the wrong answers (and the reverse) away."""
    stat = item[1]
    if hidden(stat.answered, share) or hidden(stat.wrong, share):
        return Cell(None, "")
    return percent_cell(stat.wrong_share)


def question_table(rows: list[ModuleRow], *, share: bool) -> ReportTable:
    columns = [
        ReportColumn("module", _("Module"), lambda item, share: text_cell(str(item[0].number)), sortable=False),
        ReportColumn(
            "question", _("Question"), lambda item, share: text_cell(item[1].text), sortable=False, numeric=False
        ),
        ReportColumn("answered", _("Answers"), _question_count("answered"), sortable=False),
        ReportColumn("wrong", _("Wrong answers"), _question_count("wrong"), sortable=False),
        ReportColumn("wrong_share", _("Wrong (%)"), _wrong_share, sortable=False),
    ]
    items: list[tuple[ModuleRow, QuestionStat]] = [(row, stat) for row in rows for stat in row.hardest]
    return ReportTable(
        columns=columns, rows=[(item, [column.cell(item, share) for column in columns]) for item in items]
    )


def month_label(month: date) -> str:
    return date_format(month, "F Y")


def trend_table(
    trend: Trend, *, provinces: list, share: bool, suppression: TrendSuppression | None = None
) -> ReportTable:
    """Months down, the nation and each province across (provinces outside the reader's scope are absent).
    When sharing, `suppression` (`sharing.trend_suppression`) says which months hide."""
    hide = suppression if share and suppression is not None else TrendSuppression(hidden=frozenset())
    if share and suppression is None:
        raise ValueError("A shared trend table needs the months to hide (sharing.trend_suppression).")
    columns = [
        ReportColumn(
            "month",
            _("Month"),
            lambda index, share: Cell(
                trend.months[index].isoformat()[:7], month_label(trend.months[index]), numeric=False
            ),
            sortable=False,
        ),
        ReportColumn(
            "total",
            _("All provinces in view"),
            lambda index, hide: count_cell(trend.national[index], hide.hides(trend.months[index])),
            sortable=False,
        ),
    ]
    for province in provinces:
        series = trend.by_province.get(province.code, [0] * len(trend.months))
        columns.append(
            ReportColumn(
                province.code,
                PlaceLabel(province),
                lambda index, hide, series=series, code=province.code: count_cell(
                    series[index], hide.hides(trend.months[index], code)
                ),
                sortable=False,
            )
        )
    return ReportTable(
        columns=columns,
        rows=[(index, [column.cell(index, hide) for column in columns]) for index in range(len(trend.months))],
    )
