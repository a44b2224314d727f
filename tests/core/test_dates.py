"""Dates printed in Khmer (Khmer month names and digits) and in English, whatever the active language."""

from datetime import date

import pytest
from django.utils import translation

from core.dates import KHMER_MONTHS, date_both, date_en, date_km, khmer_digits


def test_khmer_digits_replace_only_western_digits():
    assert khmer_digits("2026-11-24") == "២០២៦-១១-២៤"
    assert khmer_digits(1907) == "១៩០៧"
    assert khmer_digits("ABC ក") == "ABC ក"


@pytest.mark.parametrize(
    ("day", "khmer", "english"),
    [
        (date(2026, 11, 24), "២៤ វិច្ឆិកា ២០២៦", "24 November 2026"),
        (date(2026, 3, 1), "១ មីនា ២០២៦", "1 March 2026"),  # no leading zero; មីនា, not Django's មិនា
        (date(2027, 1, 9), "៩ មករា ២០២៧", "9 January 2027"),
        (date(2026, 12, 31), "៣១ ធ្នូ ២០២៦", "31 December 2026"),
    ],
)
def test_dates_in_each_language(day, khmer, english):
    assert date_km(day) == khmer
    assert date_en(day) == english
    assert date_both(day) == {"km": khmer, "en": english}


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_active_language_changes_neither_form(language):
    with translation.override(language):
        assert date_km(date(2026, 11, 24)) == "២៤ វិច្ឆិកា ២០២៦"
        assert date_en(date(2026, 11, 24)) == "24 November 2026"


def test_every_month_has_its_own_khmer_name_and_no_western_digit_remains():
    names = {date_km(date(2026, month, 15)).split(" ")[1] for month in range(1, 13)}
    assert names == set(KHMER_MONTHS)
    assert len(names) == 12
    assert not any(ch.isascii() and ch.isdigit() for month in range(1, 13) for ch in date_km(date(2026, month, 15)))
