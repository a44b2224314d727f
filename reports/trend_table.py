"""The completions-per-month table: months down, the nation and each province across."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.translated import field_in_language

from .sharing import TrendSuppression
from .table_cells import Cell, ReportColumn, ReportTable, count_cell
from .trend import Trend


class PlaceLabel:
    """A place's name as a column heading, in whichever language the heading is drawn."""

    def __init__(self, place):
        self.place = place

    def __str__(self):
        return field_in_language(self.place)


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
