"""The phone normaliser: every way Cambodians write a number gives one stored form, and nonsense is refused."""

import pytest
from django.core.exceptions import ValidationError

from learners.phone import INVALID_PHONE, display_phone, looks_like_phone, normalise_phone


@pytest.mark.parametrize(
    "written",
    [
        "012 345 678",
        "012345678",
        "+855 12 345 678",
        "+85512345678",
        "855-12-345-678",
        "00855 12 345 678",
        "(012) 345-678",
        "012.345.678",
        "+855 012 345 678",
        "០១២ ៣៤៥ ៦៧៨",  # Khmer digits
    ],
)
def test_the_same_number_written_many_ways(written):
    assert normalise_phone(written) == "+85512345678"


def test_nine_digit_mobile_numbers():
    assert normalise_phone("097 123 4567") == "+855971234567"
    assert normalise_phone("+855 97 123 4567") == "+855971234567"


@pytest.mark.parametrize(
    "written",
    ["", "abc", "12345", "0123", "+1 202 555 0100", "012 345 678 999", "00 12 345 678", "012-34x-678", "12345678"],
)
def test_rejects_what_is_not_a_cambodian_number(written):
    with pytest.raises(ValidationError) as raised:
        normalise_phone(written)
    assert raised.value.messages == [str(INVALID_PHONE)]


def test_display_form_is_the_local_one():
    assert display_phone("+85512345678") == "012 345 678"
    assert display_phone("+855971234567") == "097 123 4567"
    assert display_phone("") == ""


def test_looks_like_phone_tells_usernames_from_numbers():
    assert looks_like_phone("012 345 678")
    assert not looks_like_phone("kampot-coordinator")
