"""Report tables as cells: one definition of each column serves the screen, the CSV and the XLSX export, so the
three always show the same figures.

A cell keeps the raw value (numbers stay numbers in XLSX) and the text shown; with "for sharing" on, counts from
1 to 4 become "<5", and what would give them away (coverage, people still to train) is left blank.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.roles import Role
from learners.models import Gender

from .bilingual import joined
from .charts import coverage_band
from .disclosure import SUPPRESSED, hidden
from .selectors import TOTAL, AreaReport, AreaRow, ModuleRow, QuestionStat, Trend

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
class Column:
    key: str
    label: Any  # lazy, translated when shown
    cell: Callable[[Any, bool], Cell]
    group: Any = None  # a heading over several columns (a measure split by gender or role)
    sortable: bool = True
    numeric: bool = True  # right-aligned, like its figures


@dataclass
class Table:
    columns: list[Column]
    rows: list[tuple[Any, list[Cell]]]  # (the row object, its cells)
    total: list[Cell] | None = None

    @property
    def grouped(self) -> bool:
        return any(column.group for column in self.columns)

    def heading_groups(self) -> list[tuple[Any, int, Column | None]]:
        """The first of two heading rows: (label, columns spanned, the column itself when it stands alone)."""
        groups: list[tuple[Any, int, Column | None]] = []
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
    def grouped_columns(self) -> list[Column]:
        return [column for column in self.columns if column.group]


def _heading(column: Column) -> str:
    return f"{column.group}: {column.label}" if column.group else str(column.label)


def bilingual_headings(table: Table) -> list[str]:
    """Khmer first, English second, in one heading row: "ខេត្ត / Province"."""
    return [joined(lambda column=column: _heading(column)) for column in table.columns]


def count_cell(value: int | None, share: bool) -> Cell:
    if value is None:
        return Cell(None, "")
    if hidden(value, share):
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


def _hides_completion(row: AreaRow, share: bool) -> bool:
    return hidden(row.counts.completed, share)


GENDER_SHORT = {Gender.FEMALE: _("Women"), Gender.MALE: _("Men"), Gender.OTHER: _("Other")}
ROLE_SHORT = {
    Role.POLICE_OFFICER: _("Police"),
    Role.COMMUNE_COUNCIL: _("Council"),
    Role.CCWC_FOCAL_POINT: _("CCWC"),
    Role.OFFICIAL: _("Officials"),
    Role.OTHER: _("Other roles"),
}


def _split_columns(key: str, label, breakdown: str) -> list[Column]:
    """A measure's total, then one column per gender or role, under the measure's name."""
    splits = {"gender": ("by_gender", GENDER_SHORT), "role": ("by_role", ROLE_SHORT)}.get(breakdown)
    if splits is None:
        return [Column(key, label, lambda row, share: count_cell(getattr(row.counts, key), share))]
    attribute, labels = splits
    columns = [Column(key, _("All"), lambda row, share: count_cell(getattr(row.counts, key), share), group=label)]
    for value, split_label in labels.items():
        columns.append(
            Column(
                f"{key}_{value}",
                split_label,
                lambda row, share, value=value: count_cell(getattr(getattr(row, attribute)[value], key), share),
                group=label,
            )
        )
    return columns


def _area_columns(*, level: str, breakdown: str) -> list[Column]:
    columns = [Column("name", LEVEL_LABELS[level], lambda row, share: text_cell(row.name))]
    for key, label in MEASURES:
        columns += _split_columns(key, label, breakdown)
    columns += [
        Column("target", _("Target"), lambda row, share: count_cell(row.target, False)),
        Column(
            "coverage",
            _("Coverage (%)"),
            lambda row, share: (
                Cell(None, "", band="none")
                if _hides_completion(row, share)
                else percent_cell(row.coverage, coverage_band(row.coverage).key)
            ),
        ),
        Column(
            "to_train",
            _("Still to train"),
            lambda row, share: Cell(None, "") if _hides_completion(row, share) else count_cell(row.to_train, False),
        ),
        Column("last_activity", _("Last activity"), lambda row, share: date_cell(row.last_activity)),
    ]
    return columns


def _sort_value(row: AreaRow, key: str):
    if key == "name":
        return row.name
    if key in ("registered", "started", "completed"):
        return getattr(row.counts, key)
    if key == "last_activity":
        return row.last_activity.toordinal() if row.last_activity else None
    if "_" in key and key.split("_", 1)[0] in ("registered", "started", "completed"):
        measure, value = key.split("_", 1)
        split = row.by_gender.get(value) or row.by_role.get(value)
        return getattr(split, measure) if split else None
    return getattr(row, key, None)


def sort_rows(rows: list[AreaRow], sort: str) -> list[AreaRow]:
    """Rows ordered by a column key (a leading "-" for descending); empty values always last."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    present = [row for row in rows if _sort_value(row, key) is not None]
    missing = [row for row in rows if _sort_value(row, key) is None]
    present.sort(key=lambda row: (_sort_value(row, key), row.code), reverse=descending)
    return present + missing


def area_table(report: AreaReport, *, breakdown: str, share: bool, sort: str = "") -> Table:
    columns = _area_columns(level=report.level, breakdown=breakdown)
    keys = {column.key for column in columns}
    rows = report.rows
    if sort and sort.lstrip("-") in keys:
        rows = sort_rows(rows, sort)
    return Table(
        columns=columns,
        rows=[(row, [column.cell(row, share) for column in columns]) for row in rows],
        total=[column.cell(report.total, share) for column in columns],
    )


CODE_COLUMNS = (_("Code"), _("Name in Khmer"), _("Name in English"))


def area_export_rows(table: Table) -> tuple[list[str], list[list]]:
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
        if translation.get_language() == "en":
            return self.place.name_en or self.place.name_km
        return self.place.name_km or self.place.name_en


def module_table(rows: list[ModuleRow], *, share: bool) -> Table:
    columns = [
        Column("module", _("Module"), lambda row, share: text_cell(f"{row.number}. {row.title}")),
        Column("tried", _("Took the quiz"), lambda row, share: count_cell(row.tried, share)),
        Column("passed", _("Passed"), lambda row, share: count_cell(row.passed, share)),
        Column("not_passed", _("Not passed yet"), lambda row, share: count_cell(row.not_passed, share)),
        Column("average", _("Average score (%)"), lambda row, share: percent_cell(row.average_score)),
        Column("completed", _("Completed the module"), lambda row, share: count_cell(row.completed, share)),
    ]
    return Table(columns=columns, rows=[(row, [column.cell(row, share) for column in columns]) for row in rows])


def question_table(rows: list[ModuleRow], *, share: bool) -> Table:
    columns = [
        Column("module", _("Module"), lambda item, share: text_cell(str(item[0].number)), sortable=False),
        Column("question", _("Question"), lambda item, share: text_cell(item[1].text), sortable=False, numeric=False),
        Column("answered", _("Answers"), lambda item, share: count_cell(item[1].answered, share), sortable=False),
        Column("wrong", _("Wrong answers"), lambda item, share: count_cell(item[1].wrong, share), sortable=False),
        Column("wrong_share", _("Wrong (%)"), lambda item, share: percent_cell(item[1].wrong_share), sortable=False),
    ]
    items: list[tuple[ModuleRow, QuestionStat]] = [(row, stat) for row in rows for stat in row.hardest]
    return Table(columns=columns, rows=[(item, [column.cell(item, share) for column in columns]) for item in items])


def month_label(month: date) -> str:
    return date_format(month, "F Y")


def trend_table(trend: Trend, *, provinces: list, share: bool) -> Table:
    """Months down, the nation and each province across (provinces outside the reader's scope are absent)."""
    columns = [
        Column(
            "month",
            _("Month"),
            lambda index, share: Cell(
                trend.months[index].isoformat()[:7], month_label(trend.months[index]), numeric=False
            ),
            sortable=False,
        ),
        Column(
            "total",
            _("All provinces in view"),
            lambda index, share: count_cell(trend.national[index], share),
            sortable=False,
        ),
    ]
    for province in provinces:
        series = trend.by_province.get(province.code, [0] * len(trend.months))
        columns.append(
            Column(
                province.code,
                PlaceLabel(province),
                lambda index, share, series=series: count_cell(series[index], share),
                sortable=False,
            )
        )
    return Table(
        columns=columns,
        rows=[(index, [column.cell(index, share) for column in columns]) for index in range(len(trend.months))],
    )
