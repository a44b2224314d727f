"""Dates as a certificate or letter prints them: Khmer with Khmer month names and digits, English spelled out.

Both forms are needed side by side on one bilingual page, so neither depends on the active language or on Django's
Khmer catalogue (which spells March "មិនា"; these are the names Cambodian institutions print).
"""

from datetime import date

KHMER_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
TO_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def khmer_digits(text: str | int) -> str:
    """Western digits written as Khmer digits; everything else unchanged."""
    return str(text).translate(TO_KHMER_DIGITS)


def date_km(day: date) -> str:
    """24 November 2026 as ២៤ វិច្ឆិកា ២០២៦."""
    return f"{khmer_digits(day.day)} {KHMER_MONTHS[day.month - 1]} {khmer_digits(day.year)}"


def date_en(day: date) -> str:
    """24 November 2026, whatever the active language."""
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def date_both(day: date) -> dict[str, str]:
    """The date in each language, keyed by language code, for templates that print both."""
    return {"km": date_km(day), "en": date_en(day)}
