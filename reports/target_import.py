"""Training targets from a CSV or XLSX file: read, check every row (dry run), then save all rows or none.

Reading the file (CSV with or without BOM, XLSX) and finding places and roles by code or by Khmer or English
name are shared with the learner import (`learners.importing`, `learners.selectors.PlaceIndex`).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.roles import Role
from learners.column_messages import column_message
from learners.importing import choice_words, table_values
from learners.selectors import PlaceIndex
from learners.table_files import formula_warnings, read_table

from .models import Target, TargetChangeSource
from .services import target_save

MAX_ROWS = 3000
MAX_PEOPLE = 1_000_000
# Canonical column names, in the order of the template file, with the Khmer heading the template shows next to them.
COLUMNS = ("province_code", "district_code", "commune_code", "role", "people")
REQUIRED = ("province_code", "role", "people")
COLUMN_LABELS_KM = {
    "province_code": "ខេត្ត",
    "district_code": "ស្រុក",
    "commune_code": "ឃុំ",
    "role": "តួនាទី",
    "people": "ចំនួនមនុស្ស",
}
# What each column is called in a message about it, in the reader's language.
COLUMN_LABELS = {
    "province_code": _("Province"),
    "district_code": _("District"),
    "commune_code": _("Commune"),
    "role": _("Role"),
    "people": _("Number of people"),
}
# Other headings accepted for a column (folded): short English names and the Khmer headings alone.
COLUMN_ALIASES = {
    "province": "province_code",
    "district": "district_code",
    "commune": "commune_code",
    "number": "people",
    **{label: name for name, label in COLUMN_LABELS_KM.items()},
}
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

EMPTY_FILE = _("The file has no rows of targets.")
REQUIRED_VALUE = _("This value is required.")
UNKNOWN_ROLE = _("Unknown role “%(value)s”.")
UNKNOWN_PROVINCE = _("Unknown province “%(value)s”: give its code (01–25) or its Khmer or English name.")
PROVINCE_OUT_OF_SCOPE = _("You cannot set targets for %(province)s.")
UNKNOWN_DISTRICT = _("No district “%(value)s” in %(province)s.")
UNKNOWN_COMMUNE = _("No commune “%(value)s” in %(place)s.")
AMBIGUOUS_PLACE = _("Several places are called “%(value)s” in %(place)s: give the code instead.")
BAD_PEOPLE = _("Give a whole number of people, 0 or more, for example 120.")
TOO_MANY_PEOPLE = _("At most %(max)s people.")
DUPLICATE_ROW = _("The same place and role are already on line %(line)s.")
ROWS_INVALID = _("Correct the problems in the file first.")
LINE_PROBLEMS = _("Line %(line)s: %(problems)s")


class RowAction:
    CREATE = "create"
    CHANGE = "change"
    UNCHANGED = "unchanged"


@dataclass
class TargetRow:
    line: int
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    province: object = None
    district: object = None
    commune: object = None
    role: str = ""
    people: int | None = None
    existing: Target | None = None
    warnings: dict[str, str] = field(default_factory=dict)

    def error(self, column: str, message) -> None:
        self.errors.setdefault(column, []).append(str(message))

    @property
    def messages(self) -> list[str]:
        return [
            column_message(labels=COLUMN_LABELS, column=column, message=message)
            for column, items in self.errors.items()
            for message in items
        ]

    @property
    def warning_messages(self) -> list[str]:
        return [
            column_message(labels=COLUMN_LABELS, column=column, message=message)
            for column, message in self.warnings.items()
        ]

    @property
    def key(self) -> tuple:
        return (
            self.province.code,
            self.district.code if self.district else None,
            self.commune.code if self.commune else None,
            self.role,
        )

    @property
    def place(self):
        return self.commune or self.district or self.province

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""

    @property
    def action(self) -> str:
        if self.existing is None:
            return RowAction.CREATE
        return RowAction.UNCHANGED if self.existing.people == self.people else RowAction.CHANGE

    @property
    def people_before(self) -> int | None:
        return self.existing.people if self.existing is not None else None


def column_name(heading) -> str:
    """`province_code (ខេត្ត)`, `Province code`, `ខេត្ត` -> `province_code` (unknown headings come back folded)."""
    text = str(heading or "").split("(")[0].strip().casefold()
    name = "_".join(text.split())
    return COLUMN_ALIASES.get(name, name)


def template_header() -> list[str]:
    """The bilingual first row of the template file: the column's name, its Khmer heading in brackets."""
    return [f"{name} ({COLUMN_LABELS_KM[name]})" for name in COLUMNS]


def read_rows(*, name: str, content: bytes) -> list[TargetRow]:
    rows = table_values(
        read_table(name=name, content=content, max_rows=MAX_ROWS),
        columns=COLUMNS,
        required=REQUIRED,
        heading=column_name,
        max_rows=MAX_ROWS,
        empty_message=EMPTY_FILE,
    )
    return [TargetRow(line=number, values=values) for number, values in rows]


def _code(text: str, length: int) -> str:
    """A gazetteer code that a spreadsheet turned into a number lost its leading zero (701 for 0701)."""
    text = text.translate(KHMER_DIGITS)
    return text.zfill(length) if text.isdigit() and len(text) == length - 1 else text


def _people(text: str) -> int | None:
    text = text.translate(KHMER_DIGITS).replace(",", "").replace(" ", "")
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


def validate(*, rows: list[TargetRow], provinces) -> list[TargetRow]:
    """Check every row and find what it would change (nothing is written).

    `provinces`: the provinces the importing coordinator may set targets for; rows for others are errors.
    """
    places = PlaceIndex()
    allowed = {province.code for province in provinces}
    roles = choice_words(Role.choices)
    seen: dict[tuple, int] = {}

    for row in rows:
        values = row.values
        row.warnings = formula_warnings(values, columns=COLUMNS)
        for column in REQUIRED:
            if not values[column]:
                row.error(column, REQUIRED_VALUE)
        if values["role"]:
            row.role = roles.get(values["role"].casefold(), "")
            if not row.role:
                row.error("role", UNKNOWN_ROLE % {"value": values["role"]})
        if values["people"]:
            row.people = _people(values["people"])
            if row.people is None:
                row.error("people", BAD_PEOPLE)
            elif row.people > MAX_PEOPLE:
                row.error("people", TOO_MANY_PEOPLE % {"max": MAX_PEOPLE})
        _find_place(row, places=places, allowed=allowed)

        if not row.errors:
            if row.key in seen:
                row.error("role", DUPLICATE_ROW % {"line": seen[row.key]})
            else:
                seen[row.key] = row.line

    _attach_existing([row for row in rows if not row.errors])
    return rows


def _find_place(row: TargetRow, *, places: PlaceIndex, allowed: set[str]) -> None:
    values = row.values
    if not values["province_code"]:
        return
    province, _ambiguous = places.province(values["province_code"].translate(KHMER_DIGITS))
    if province is None:
        row.error("province_code", UNKNOWN_PROVINCE % {"value": values["province_code"]})
        return
    if province.code not in allowed:
        row.error("province_code", PROVINCE_OUT_OF_SCOPE % {"province": province.name})
        return
    row.province = province
    if values["district_code"]:
        row.district, ambiguous = places.district(_code(values["district_code"], 4), province=province)
        if row.district is None:
            message = AMBIGUOUS_PLACE if ambiguous else UNKNOWN_DISTRICT
            params = {"value": values["district_code"], "province": province.name, "place": province.name}
            row.error("district_code", message % params)
            return
    if values["commune_code"]:
        row.commune, ambiguous = places.commune(
            _code(values["commune_code"], 6), province=province, district=row.district
        )
        if row.commune is None:
            message = AMBIGUOUS_PLACE if ambiguous else UNKNOWN_COMMUNE
            place = (row.district or province).name
            row.error("commune_code", message % {"value": values["commune_code"], "place": place})
        elif row.district is None:
            # A commune names its district; a target always keeps both (see Target.clean).
            row.district = places.districts[row.commune.district_id]


def _attach_existing(rows: list[TargetRow]) -> None:
    """One query for the targets the rows would change."""
    province_codes = {row.province.code for row in rows}
    if not province_codes:
        return
    existing = {
        (target.province_id, target.district_id, target.commune_id, target.role): target
        for target in Target.objects.filter(province_id__in=province_codes)
    }
    for row in rows:
        row.existing = existing.get(row.key)


@transaction.atomic
def import_rows(*, rows: list[TargetRow], user, file_name: str) -> dict[str, int]:
    """Save every row or none; each change is recorded in the target history as an import of `file_name`."""
    if any(row.errors or row.province is None for row in rows):
        raise ValidationError(ROWS_INVALID, code="rows_invalid")
    now = timezone.now()
    counts = {RowAction.CREATE: 0, RowAction.CHANGE: 0, RowAction.UNCHANGED: 0}
    for row in rows:
        counts[row.action] += 1
        target = row.existing or Target(
            province=row.province, district=row.district, commune=row.commune, role=row.role
        )
        target.people = row.people
        try:
            target_save(target=target, user=user, source=TargetChangeSource.IMPORT, file_name=file_name[:255], now=now)
        except ValidationError as error:
            found = error.message_dict if hasattr(error, "error_dict") else {"-": error.messages}
            messages = [f"{name}: {m}" for name, items in found.items() for m in items]
            raise ValidationError(LINE_PROBLEMS, params={"line": row.line, "problems": "; ".join(messages)}) from error
    return counts
