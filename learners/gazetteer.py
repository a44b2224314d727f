"""Import districts and communes (and province names) from NCDD gazetteer CSV files: all or nothing, idempotent.

The project ships the country's gazetteer (BUNDLED, MIT-licensed, see its README), so a fresh machine has every
district and commune; a deployment may import a newer one over it.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import COMMUNE_UNITS, DISTRICT_UNITS, PROVINCE_UNITS, Commune, District, PlaceUnit, Province

NO_CSV_FILES = _("No CSV files found in %(path)s.")
FILE_NOT_FOUND = _("%(path)s does not exist.")
MISSING_COLUMNS = _("%(file)s: the header lacks the column(s) %(columns)s.")
NOT_UTF8 = _("%(file)s is not a UTF-8 text file.")
NOT_CSV = _("%(file)s cannot be read as CSV: %(problem)s")
BAD_CODE = _("%(file)s line %(line)s: %(code)s is not a gazetteer code (2, 4 or 6 digits).")
DUPLICATE_CODE = _("%(file)s line %(line)s: code %(code)s appears again (first at %(first)s).")
UNKNOWN_PARENT = _("%(file)s line %(line)s: parent %(parent)s of %(code)s is neither in the files nor in the database.")
PARENT_MISMATCH = _("%(file)s line %(line)s: parent %(parent)s does not match code %(code)s.")
MISSING_NAME = _("%(file)s line %(line)s: %(code)s needs both a Khmer and an English name.")
UNKNOWN_UNIT = _("%(file)s line %(line)s: unknown unit type %(unit)s for %(code)s.")
WRONG_LEVEL_UNIT = _("%(file)s line %(line)s: a %(unit)s cannot have a code of %(digits)s digits.")

BUNDLED = Path(__file__).resolve().parent / "data" / "gazetteer"

REQUIRED_COLUMNS = ("code", "name_km", "name_en", "parent_code")
# The gazetteer's own words for each unit, in English and Khmer.
UNIT_WORDS = {
    "province": PlaceUnit.PROVINCE,
    "ខេត្ត": PlaceUnit.PROVINCE,
    "capital": PlaceUnit.CAPITAL,
    "រាជធានី": PlaceUnit.CAPITAL,
    "district": PlaceUnit.DISTRICT,
    "srok": PlaceUnit.DISTRICT,
    "ស្រុក": PlaceUnit.DISTRICT,
    "section": PlaceUnit.KHAN,
    "khan": PlaceUnit.KHAN,
    "ខណ្ឌ": PlaceUnit.KHAN,
    "municipality": PlaceUnit.MUNICIPALITY,
    "krong": PlaceUnit.MUNICIPALITY,
    "ក្រុង": PlaceUnit.MUNICIPALITY,
    "commune": PlaceUnit.COMMUNE,
    "khum": PlaceUnit.COMMUNE,
    "ឃុំ": PlaceUnit.COMMUNE,
    "quarter": PlaceUnit.SANGKAT,
    "sangkat": PlaceUnit.SANGKAT,
    "សង្កាត់": PlaceUnit.SANGKAT,
}
UNITS_BY_LENGTH = {2: PROVINCE_UNITS, 4: DISTRICT_UNITS, 6: COMMUNE_UNITS}
MODEL_BY_LENGTH = {2: Province, 4: District, 6: Commune}


@dataclass
class GazetteerRow:
    file: str
    line: int
    code: str
    name_km: str
    name_en: str
    unit: str
    parent_code: str
    iso_code: str = ""


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: {"province": 0, "district": 0, "commune": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"province": 0, "district": 0, "commune": 0})
    unchanged: int = 0


class GazetteerError(ValidationError):
    """Every problem found in the files; nothing was written."""


def csv_paths(targets: list[str | Path]) -> list[Path]:
    paths: list[Path] = []
    errors = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            found = sorted(path.glob("*.csv"))
            if not found:
                errors.append(NO_CSV_FILES % {"path": path})
            paths.extend(found)
        elif path.is_file():
            paths.append(path)
        else:
            errors.append(FILE_NOT_FOUND % {"path": path})
    if errors:
        raise GazetteerError(errors)
    return paths


def _read_file(path: Path) -> list[GazetteerRow]:
    """The rows of one file; raises GazetteerError for a file that cannot be read as a gazetteer CSV."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise GazetteerError(NOT_UTF8 % {"file": path.name}) from error
    if "\x00" in text:  # a binary file; PostgreSQL would refuse NUL characters in names anyway
        raise GazetteerError(NOT_CSV % {"file": path.name, "problem": "NUL"})
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        columns = [name.strip() for name in reader.fieldnames or []]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if "unit" not in columns and "unit_en" not in columns and "unit_km" not in columns:
            missing.append("unit")
        if missing:
            raise GazetteerError(MISSING_COLUMNS % {"file": path.name, "columns": ", ".join(missing)})
        rows = []
        for record in reader:
            # Cells beyond the header (key None) are ignored; missing cells read as empty.
            values = {key.strip(): (value or "").strip() for key, value in record.items() if key is not None}
            rows.append(
                GazetteerRow(
                    file=path.name,
                    line=reader.line_num,
                    code=values["code"],
                    name_km=values["name_km"],
                    name_en=values["name_en"],
                    unit=values.get("unit") or values.get("unit_en") or values.get("unit_km") or "",
                    parent_code=values["parent_code"],
                    iso_code=values.get("iso3166_2", ""),
                )
            )
    except csv.Error as error:
        raise GazetteerError(NOT_CSV % {"file": path.name, "problem": error}) from error
    return rows


def read_rows(paths: list[Path]) -> tuple[list[GazetteerRow], list[str]]:
    rows: list[GazetteerRow] = []
    errors: list[str] = []
    for path in paths:
        try:
            rows.extend(_read_file(path))
        except GazetteerError as error:
            errors.extend(error.messages)
    return rows, errors


def validate_rows(rows: list[GazetteerRow]) -> list[str]:
    errors: list[str] = []
    first_seen: dict[str, GazetteerRow] = {}
    for row in rows:
        where = {"file": row.file, "line": row.line, "code": row.code}
        if not row.code.isdigit() or len(row.code) not in UNITS_BY_LENGTH:
            errors.append(BAD_CODE % where)
            continue
        if row.code in first_seen:
            first = first_seen[row.code]
            errors.append(DUPLICATE_CODE % {**where, "first": f"{first.file}:{first.line}"})
            continue
        first_seen[row.code] = row
        if not row.name_km or not row.name_en:
            errors.append(MISSING_NAME % where)
        unit = UNIT_WORDS.get(row.unit.casefold())
        if unit is None:
            errors.append(UNKNOWN_UNIT % {**where, "unit": row.unit or "-"})
        elif unit not in UNITS_BY_LENGTH[len(row.code)]:
            errors.append(WRONG_LEVEL_UNIT % {**where, "unit": row.unit, "digits": len(row.code)})
        else:
            row.unit = unit
        if len(row.code) > 2 and row.parent_code != row.code[:-2]:
            errors.append(PARENT_MISMATCH % {**where, "parent": row.parent_code or "-"})

    known_provinces = set(Province.objects.values_list("code", flat=True))
    known_districts = set(District.objects.values_list("code", flat=True))
    in_files = set(first_seen)
    for row in first_seen.values():
        if len(row.code) == 2 or row.parent_code != row.code[:-2]:
            continue
        known = known_provinces if len(row.code) == 4 else known_districts
        if row.parent_code not in known and row.parent_code not in in_files:
            where = {"file": row.file, "line": row.line, "code": row.code, "parent": row.parent_code}
            errors.append(UNKNOWN_PARENT % where)
    return errors


def _upsert(model, rows: list[GazetteerRow], summary: ImportSummary, level: str, extra) -> None:
    existing = model.objects.in_bulk([row.code for row in rows])
    to_create, to_update = [], []
    for row in rows:
        values = {"name_km": row.name_km, "name_en": row.name_en, "unit": row.unit, **extra(row)}
        place = existing.get(row.code)
        if place is None:
            to_create.append(model(code=row.code, **values))
        elif any(getattr(place, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(place, name, value)
            to_update.append(place)
        else:
            summary.unchanged += 1
    for place in to_create:
        place.full_clean(validate_unique=False, validate_constraints=False)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, ["name_km", "name_en", "unit", *extra(rows[0])], batch_size=500)
    summary.created[level] += len(to_create)
    summary.updated[level] += len(to_update)


@transaction.atomic
def import_gazetteer(*, targets: list[str | Path]) -> ImportSummary:
    """Read, check every row, then write; any problem raises GazetteerError and nothing is written.

    Never deletes: a place missing from the files stays, since learners may be attached to it.
    """
    rows, errors = read_rows(csv_paths(targets))
    errors += validate_rows(rows)
    if errors:
        raise GazetteerError(errors)
    by_length: dict[int, list[GazetteerRow]] = {2: [], 4: [], 6: []}
    for row in rows:
        by_length[len(row.code)].append(row)
    summary = ImportSummary()
    _upsert(
        Province,
        by_length[2],
        summary,
        "province",
        lambda row: {"iso_code": row.iso_code or f"KH-{int(row.code)}"},
    )
    _upsert(District, by_length[4], summary, "district", lambda row: {"province_id": row.parent_code})
    _upsert(Commune, by_length[6], summary, "commune", lambda row: {"district_id": row.parent_code})
    return summary
