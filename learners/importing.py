"""Bulk enrolment from a CSV or XLSX file: read, check every row (dry run), then create all learners or none.

Imported learners are confirmed (a coordinator vouches for them) and get no password yet: the coordinator prints
sign-in slips with one-time passwords (learners.issued_passwords), so no password is ever written to a file or
stored in clear.
"""

import contextlib
from dataclasses import dataclass, field

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .column_messages import column_message
from .models import Gender, ImportBatch, LearnerProfile, Source
from .names import check_username, clean_name
from .phone import normalise_phone
from .role_words import RoleWords, role_names
from .selectors import PlaceIndex
from .services import LearnerDetails, learner_create
from .table_files import formula_warnings, read_table
from .table_limits import (  # noqa: F401  (the file-level messages, where the imports' callers look for them)
    NOT_CSV,
    NOT_UTF8,
    NOT_XLSX,
    TOO_MANY_ROWS,
    ImportFileError,
)

MAX_ROWS = 2000
COLUMNS = (
    "full_name_km",
    "full_name_latin",
    "gender",
    "role",
    "province",
    "district",
    "commune",
    "unit",
    "phone",
    "email",
    "username",
)
REQUIRED = ("full_name_km", "gender", "role", "province")
# What each column is called in a message about it (the learner list's export uses the same words).
COLUMN_LABELS = {
    "full_name_km": _("Full name in Khmer"),
    "full_name_latin": _("Name in Latin letters"),
    "gender": _("Gender"),
    "role": _("Role"),
    "province": _("Province"),
    "district": _("District"),
    "commune": _("Commune"),
    "unit": _("Unit or organisation"),
    "phone": _("Phone number"),
    "email": _("E-mail"),
    "username": _("Username"),
}
MAX_LENGTHS = {"full_name_km": 150, "full_name_latin": 150, "unit": 200, "email": 254, "username": 150}

EMPTY_FILE = _("The file has no rows of learners.")
MISSING_COLUMNS = _("The first row must name the columns; missing: %(columns)s.")
REQUIRED_VALUE = _("This value is required.")
TOO_LONG = _("Too long: at most %(max)s characters.")
UNKNOWN_GENDER = _("Unknown gender “%(value)s”: use female, male or other.")
UNKNOWN_ROLE = _("Unknown role “%(value)s”: write one of %(roles)s.")
AMBIGUOUS_ROLE = _("“%(value)s” could be several roles (%(roles)s): write one of them.")
UNKNOWN_PROVINCE = _("Unknown province “%(value)s”: give its code (01–25) or its Khmer or English name.")
PROVINCE_OUT_OF_SCOPE = _("You cannot enrol learners in %(province)s.")
UNKNOWN_DISTRICT = _("No district “%(value)s” in %(province)s.")
UNKNOWN_COMMUNE = _("No commune “%(value)s” in %(place)s.")
AMBIGUOUS_PLACE = _("Several places are called “%(value)s” in %(place)s: give the code instead.")
DUPLICATE_PHONE_FILE = _("The same phone number is on line %(line)s.")
DUPLICATE_PHONE_DB = _("A learner with this phone number already exists.")
DUPLICATE_USERNAME_FILE = _("The same username is on line %(line)s.")
DUPLICATE_USERNAME_DB = _("This username is taken.")
INVALID_EMAIL = _("Enter a valid e-mail address.")
ROWS_INVALID = _("Correct the problems in the file first.")
LINE_PROBLEMS = _("Line %(line)s: %(problems)s")

GENDER_WORDS = {"f": Gender.FEMALE, "m": Gender.MALE, "ស្រី": Gender.FEMALE, "ប្រុស": Gender.MALE}


@dataclass
class ImportRow:
    line: int
    values: dict[str, str]
    errors: dict[str, list[str]] = field(default_factory=dict)
    details: LearnerDetails | None = None
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


def _header(name) -> str:
    return "_".join(str(name or "").strip().lower().split())


def table_values(
    table: list[tuple[int, list[str]]],
    *,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    heading=lambda text: text,
    max_rows: int = MAX_ROWS,
    empty_message=EMPTY_FILE,
) -> list[tuple[int, dict[str, str]]]:
    """An uploaded table's rows (`read_table`) as (line number, {column: text}), the first non-blank row naming
    the columns (`heading` maps a heading to a column name). Any file-level problem raises ImportFileError with
    a message for the user: no rows, a required column missing, too many rows."""
    numbered = [(number, row) for number, row in table if any(str(c or "").strip() for c in row)]
    if not numbered:
        raise ImportFileError(empty_message)
    names = [heading(name) for name in numbered[0][1]]
    missing = [name for name in required if name not in names]
    if missing:
        raise ImportFileError(MISSING_COLUMNS % {"columns": ", ".join(missing)})
    rows = []
    for number, cells in numbered[1:]:
        values = dict.fromkeys(columns, "")
        for name, cell in zip(names, cells, strict=False):
            if name in values:
                values[name] = "" if cell is None else str(cell).strip()
        rows.append((number, values))
    if not rows:
        raise ImportFileError(empty_message)
    if len(rows) > max_rows:
        raise ImportFileError(TOO_MANY_ROWS % {"max": max_rows})
    return rows


def _rows_from_table(table: list[tuple[int, list[str]]]) -> list[ImportRow]:
    rows = table_values(table, columns=COLUMNS, required=REQUIRED, heading=_header)
    return [ImportRow(line=number, values=values) for number, values in rows]


def read_upload(*, name: str, content: bytes) -> list[ImportRow]:
    return _rows_from_table(read_table(name=name, content=content, max_rows=MAX_ROWS))


def choice_words(choices) -> dict[str, str]:
    """Codes and labels in every language, folded, mapped to the code."""
    words = {}
    for code, label in choices:
        words[code.casefold()] = code
        for language in ("km", "en"):
            with translation.override(language):
                words[str(label).casefold()] = code
    return words


def _phone_key(text: str) -> str:
    # An Excel cell may hold 12345678 (the leading 0 lost): accept it as 012345678.
    if text.isdigit() and len(text) in (8, 9) and not text.startswith("0"):
        text = "0" + text
    return normalise_phone(text)


def validate(*, rows: list[ImportRow], provinces) -> list[ImportRow]:
    """Check every row (nothing is written). `provinces`: the provinces the importing coordinator may enrol in."""
    from django.contrib.auth import get_user_model

    places = PlaceIndex()
    allowed = {province.code for province in provinces}
    genders = {**choice_words(Gender.choices), **GENDER_WORDS}
    roles = RoleWords()
    phones_seen: dict[str, int] = {}
    usernames_seen: dict[str, int] = {}
    phones = [row.values["phone"] for row in rows if row.values["phone"]]
    normalised = set()
    for text in phones:
        with contextlib.suppress(ValidationError):
            normalised.add(_phone_key(text))
    phones_in_db = set(LearnerProfile.objects.filter(phone__in=normalised).values_list("phone", flat=True))
    wanted = {row.values["username"].casefold() for row in rows if row.values["username"]}
    usernames_in_db = set()
    if wanted:
        # Case-insensitive, like sign-in: compare folded names in Python (a few thousand at most).
        all_names = get_user_model().objects.values_list("username", flat=True)
        usernames_in_db = {name.casefold() for name in all_names.iterator()} & wanted
    email_validator = EmailValidator()
    username_validator = UnicodeUsernameValidator()

    for row in rows:
        values = row.values
        # A valid phone number may start with +; it is stored and exported as digits after the +.
        row.warnings = formula_warnings(values, columns=[name for name in COLUMNS if name != "phone"])
        for column in REQUIRED:
            if not values[column]:
                row.error(column, REQUIRED_VALUE)
        for column, limit in MAX_LENGTHS.items():
            if len(values[column]) > limit:
                row.error(column, TOO_LONG % {"max": limit})
        # The same name rules as every other way in (LearnerProfile.clean), shown in the dry run.
        for column in ("full_name_km", "full_name_latin"):
            if values[column]:
                try:
                    clean_name(values[column], latin_only=column == "full_name_latin")
                except ValidationError as error:
                    row.error(column, error.messages[0])
        gender = genders.get(values["gender"].casefold()) if values["gender"] else None
        if values["gender"] and gender is None:
            row.error("gender", UNKNOWN_GENDER % {"value": values["gender"]})
        role, candidates = roles.find(values["role"]) if values["role"] else (None, [])
        if values["role"] and role is None:
            message = AMBIGUOUS_ROLE if candidates else UNKNOWN_ROLE
            row.error("role", message % {"value": values["role"], "roles": role_names(candidates)})

        province = district = commune = None
        if values["province"]:
            province, _ambiguous = places.province(values["province"])
            if province is None:
                row.error("province", UNKNOWN_PROVINCE % {"value": values["province"]})
            elif province.code not in allowed:
                row.error("province", PROVINCE_OUT_OF_SCOPE % {"province": province.name})
        if province is not None and values["district"]:
            district, ambiguous = places.district(values["district"], province=province)
            if district is None:
                message = AMBIGUOUS_PLACE if ambiguous else UNKNOWN_DISTRICT
                params = {"value": values["district"], "province": province.name, "place": province.name}
                row.error("district", message % params)
        if province is not None and values["commune"] and "district" not in row.errors:
            commune, ambiguous = places.commune(values["commune"], province=province, district=district)
            place = district.name if district else province.name
            if commune is None:
                message = AMBIGUOUS_PLACE if ambiguous else UNKNOWN_COMMUNE
                row.error("commune", message % {"value": values["commune"], "place": place})
            elif district is None:
                district = places.districts[commune.district_id]

        phone = ""
        if values["phone"]:
            try:
                phone = _phone_key(values["phone"])
            except ValidationError as error:
                row.error("phone", error.messages[0])
            else:
                if phone in phones_seen:
                    row.error("phone", DUPLICATE_PHONE_FILE % {"line": phones_seen[phone]})
                else:
                    phones_seen[phone] = row.line
                if phone in phones_in_db:
                    row.error("phone", DUPLICATE_PHONE_DB)
        if values["email"]:
            try:
                email_validator(values["email"])
            except ValidationError:
                row.error("email", INVALID_EMAIL)
        if values["username"]:
            key = values["username"].casefold()
            if key in usernames_seen:
                row.error("username", DUPLICATE_USERNAME_FILE % {"line": usernames_seen[key]})
            else:
                usernames_seen[key] = row.line
            if key in usernames_in_db:
                row.error("username", DUPLICATE_USERNAME_DB)
            try:
                username_validator(check_username(values["username"]))
            except ValidationError as error:
                row.error("username", error.messages[0])

        if not row.errors:
            row.details = LearnerDetails(
                full_name_km=values["full_name_km"],
                full_name_latin=values["full_name_latin"],
                role=role,
                gender=gender,
                province=province,
                district=district,
                commune=commune,
                unit=values["unit"],
                phone=phone,
                email=values["email"],
            )
    return rows


@transaction.atomic
def import_rows(*, rows: list[ImportRow], actor, file_name: str) -> ImportBatch:
    """Create every learner or none: any problem (found now, or by the model checks) rolls everything back."""
    if any(row.errors or row.details is None for row in rows):
        raise ValidationError(ROWS_INVALID, code="rows_invalid")
    batch = ImportBatch(created_by=actor, file_name=file_name[:255], row_count=len(rows))
    batch.full_clean()
    batch.save()
    for row in rows:
        try:
            learner_create(
                details=row.details,
                source=Source.IMPORT,
                created_by=actor,
                username=row.values["username"],
                password=None,
                import_batch=batch,
            )
        except ValidationError as error:
            found = error.message_dict if hasattr(error, "error_dict") else {"-": error.messages}
            messages = [
                column_message(labels=COLUMN_LABELS, column=name, message=text)
                for name, items in found.items()
                for text in items
            ]
            raise ValidationError(LINE_PROBLEMS, params={"line": row.line, "problems": "; ".join(messages)}) from error
    return batch
