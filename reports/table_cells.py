"""Report tables as cells: one definition of each column serves the screen, the CSV and the XLSX export.

So the three always show the same figures. A cell keeps the raw value (numbers stay numbers in XLSX) and the text
shown; with "for sharing" on, a hidden cell shows one mark.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from core.translated import joined

from .disclosure import SUPPRESSED


@dataclass(frozen=True)
class Cell:
    value: Any  # what a spreadsheet stores: int, float, date, str or None
    text: str  # what the screen and the CSV show
    numeric: bool = True
    band: str = ""  # the coverage colour band, for the screen
    link: str = ""  # the list of the people counted, for the screen (reports.named_lists)


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
