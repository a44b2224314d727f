"""From a report's counts to the names behind them: links to the coordinators' learner list filtered to the same
learners, and to the "still to finish" lists.

A count links only when the list shows exactly the learners it counts: a place the list can select (not the row
of learners with no district or commune given), the whole course, no dates (a report with dates counts what
happened in them, the list does not), all genders (the list has no gender filter), one role at most. Never when
figures are shared outside NGOCRC, and never for a reader who may not open the list.

The learner list (learners.coordinate_views) reads these parameters; its scope check (learners_for) keeps a link
within the reader's provinces whatever its codes.
"""

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.http import urlencode

from learners.models import Confirmation
from learners.progress import TrainingStatus

from .area_rows import UNPLACED, AreaRow
from .filters import Filters
from .table_cells import Cell, ReportTable

# The learner list's filter parameters (learners.coordinate_forms.LearnerFilterForm).
PROVINCE, DISTRICT, COMMUNE, ROLE, PROGRESS, CONFIRMATION = (
    "province",
    "district",
    "commune",
    "role",
    "progress",
    "confirmation",
)
LIST_PERMISSION = "learners.view_learnerprofile"

# The report's measures the list can show: every confirmed learner, or those who completed the course. "Started"
# (in progress or completed) is no one status of the list, so it does not link.
MEASURE_PROGRESS = {"registered": None, "completed": TrainingStatus.COMPLETED}
LEVEL_PARAMETER = {"province": PROVINCE, "district": DISTRICT, "commune": COMMUNE}


def names_shown(*, user, share: bool) -> bool:
    """Links to people's names: never on figures shared outside NGOCRC, only for readers of the learner list."""
    return not share and user.has_perm(LIST_PERMISSION)


def list_expresses(filters: Filters) -> bool:
    """Whether the learner list can select the learners a report with these filters counts."""
    return not (filters.start or filters.end or filters.modules or filters.genders or len(filters.roles) > 1)


def learner_list_url(*, place: dict[str, str], measure: str, role: str | None = None) -> str:
    """The learner list of the confirmed learners of a place (`{parameter: code}`, empty for the reader's whole
    scope) counted by `measure`, optionally of one role."""
    query = {**place, CONFIRMATION: Confirmation.CONFIRMED}
    if role:
        query[ROLE] = role
    if MEASURE_PROGRESS[measure]:
        query[PROGRESS] = MEASURE_PROGRESS[measure]
    return f"{reverse('learners:learner_list')}?{urlencode(query)}"


@dataclass(frozen=True)
class CountLinks:
    """Links for the count cells of one coverage table: `level` is the rows' level, `parent` the place whose
    totals row ends the table (`{parameter: code}`, empty for the provinces page)."""

    level: str
    parent: dict[str, str]
    filters: Filters
    breakdown: str  # reports.forms.Breakdown: the split columns' key ends with a role or a gender

    def link(self, *, place: dict[str, str], key: str, value) -> str:
        """The link of one cell, or "" (a cell that shows no learner, or learners the list cannot select)."""
        measure, _sep, split_value = key.partition("_")
        if measure not in MEASURE_PROGRESS or not isinstance(value, int) or value <= 0:
            return ""
        chosen = self.filters.roles[0] if self.filters.roles else None
        if not split_value:
            return learner_list_url(place=place, measure=measure, role=chosen)
        if self.breakdown == "role" and chosen in (None, split_value):
            return learner_list_url(place=place, measure=measure, role=split_value)
        return ""  # a gender's count: the list has no gender filter

    def row_place(self, row: AreaRow) -> dict[str, str] | None:
        if row.code == UNPLACED:
            return None  # the list cannot select learners with no district or commune given
        return {**self.parent, LEVEL_PARAMETER[self.level]: row.code}

    def linked(self, table: ReportTable) -> tuple[list[tuple[AreaRow, list[Cell]]], list[Cell] | None]:
        """The table's rows and totals with their count cells linked."""
        if not list_expresses(self.filters):
            return table.rows, table.total
        keys = [column.key for column in table.columns]

        def cells_for(place, cells):
            if place is None:
                return cells
            return [
                replace(cell, link=self.link(place=place, key=key, value=cell.value))
                for key, cell in zip(keys, cells, strict=True)
            ]

        rows = [(row, cells_for(self.row_place(row), cells)) for row, cells in table.rows]
        total = cells_for(self.parent, table.total) if table.total is not None else None
        return rows, total


STILL_TO_FINISH_URL_NAMES = [
    "still_to_finish",
    "still_to_finish_province",
    "still_to_finish_district",
    "still_to_finish_commune",
]


def still_to_finish_list(*codes: str, pdf: bool = False) -> str:
    """The "still to finish" screen (or PDF) of a province, a district or a commune by their codes, from the
    province down; no code: the reader's provinces (which has no PDF)."""
    name = STILL_TO_FINISH_URL_NAMES[len(codes)] + ("_pdf" if pdf and codes else "")
    return reverse(f"reports:{name}", args=codes)


def still_to_finish_url(*, place: dict[str, str], filters: Filters) -> str:
    """A place's "still to finish" list with the report's roles and genders (it has no dates or modules)."""
    query = urlencode({"role": filters.roles, "gender": filters.genders}, doseq=True)
    url = still_to_finish_list(*place.values())
    return f"{url}?{query}" if query else url


def still_to_finish_link(*, parent: dict[str, str], row: AreaRow, filters: Filters) -> tuple[str, int] | None:
    """For a place in "still needs training": its "still to finish" list and how many people it names, which is
    registered minus completed when no dates or modules narrow the counts."""
    if row.code == UNPLACED or filters.start or filters.end or filters.modules:
        return None
    not_finished = row.counts.registered - row.counts.completed
    if not not_finished:
        return None
    level = ("province", "district", "commune")[len(parent)]
    return still_to_finish_url(place={**parent, level: row.code}, filters=filters), not_finished
