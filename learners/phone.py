"""Cambodian phone numbers: one stored form (+855...) for every way people write them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _("Enter a Cambodian phone number, for example 012 345 678.")

COUNTRY_CODE = "855"
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# What people put between digits: spaces, dashes, dots, slashes, brackets.
SEPARATORS = re.compile(r"[\s\-./()\u200b]")
# A national significant number (without the trunk 0): 8 or 9 digits, not starting with 0.
NATIONAL_NUMBER = re.compile(r"[1-9]\d{7,8}")


def normalise_phone(raw: str) -> str:
    """Return the number as +855XXXXXXXX(X), or raise ValidationError(INVALID_PHONE).

    012 345 678, +855 12 345 678, 855-12-345-678 and 00855 12 345 678 are the same number.
    """
    text = SEPARATORS.sub("", (raw or "").translate(KHMER_DIGITS))
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith(COUNTRY_CODE):
            raise ValidationError(INVALID_PHONE, code="invalid_phone")
        national = text[len(COUNTRY_CODE) :]
    elif text.startswith("00" + COUNTRY_CODE):
        national = text[2 + len(COUNTRY_CODE) :]
    elif text.startswith(COUNTRY_CODE) and len(text) > 10:
        national = text[len(COUNTRY_CODE) :]
    elif text.startswith("0"):
        return _checked(text[1:])
    else:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    # People sometimes keep the trunk 0 after the country code: +855 012 345 678.
    return _checked(national[1:] if national.startswith("0") else national)


def _checked(national: str) -> str:
    if not NATIONAL_NUMBER.fullmatch(national):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return f"+{COUNTRY_CODE}{national}"


def looks_like_phone(text: str) -> bool:
    try:
        normalise_phone(text)
    except ValidationError:
        return False
    return True


def display_phone(stored: str) -> str:
    """+85512345678 -> 012 345 678, +855971234567 -> 097 123 4567 (as Cambodians write them)."""
    if not stored or not stored.startswith("+" + COUNTRY_CODE):
        return stored or ""
    national = "0" + stored[1 + len(COUNTRY_CODE) :]
    return f"{national[:3]} {national[3:6]} {national[6:]}"
