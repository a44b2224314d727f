"""The coverage table of provinces, districts or communes, its sorting and its export rows.

With "for sharing" on, the cells `reports.sharing` hides show one mark (small counts and those hidden to protect
them), and what would give them away (coverage, people still to train) is left blank; sorting puts hidden cells
last.
"""

from django.utils.translation import gettext_lazy as _

from core.roles import Role
from core.translated import joined
from learners.models import Gender

from .area_rows import TOTAL, AreaReport, AreaRow
from .charts import coverage_band
from .disclosure import HIDDEN_BAND, hidden
from .sharing import NOTHING_HIDDEN, Suppression, own_suppression
from .table_cells import (
    Cell,
    ReportColumn,
    ReportTable,
    bilingual_headings,
    count_cell,
    date_cell,
    percent_cell,
    text_cell,
)

MEASURES = (
    ("registered", _("Registered")),
    ("started", _("Started")),
    ("completed", _("Completed")),
)
LEVEL_LABELS = {"province": _("Province"), "district": _("District"), "commune": _("Commune")}


GENDER_SHORT = {Gender.FEMALE: _("Women"), Gender.MALE: _("Men"), Gender.OTHER: _("Other")}
ROLE_SHORT = {
    Role.POLICE_OFFICER: _("Police"),
    Role.COMMUNE_COUNCIL: _("Council"),
    Role.CCWC_FOCAL_POINT: _("CCWC"),
    Role.VILLAGE_CHIEF: _("Village chiefs"),
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
        ReportColumn(
            "refresher",
            _("Need a refresher"),  # no other figure sums it up: when sharing, only its own small counts hide
            lambda row, hide: count_cell(
                row.counts.refresher, hidden(row.counts.refresher, hide is not NOTHING_HIDDEN)
            ),
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
    if key == "refresher":
        return None if hidden(row.counts.refresher, hide is not NOTHING_HIDDEN) else row.counts.refresher
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
