"""Django's form messages read in Khmer on Khmer pages (core/form_messages.py lists them for our catalogue); a
change of wording in Django makes these tests fail instead of showing English to a Khmer reader."""

import re
from pathlib import Path

import django
import polib
import pytest
from django import forms
from django.utils import translation

from core.form_messages import FIELD_MESSAGES

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
DJANGO_MSGIDS = {
    entry.msgid for entry in polib.pofile(str(Path(django.__file__).parent / "conf/locale/en/LC_MESSAGES/django.po"))
}


@pytest.mark.parametrize("message", FIELD_MESSAGES)
def test_each_listed_message_is_django_s_own_and_translated(message):
    assert message in DJANGO_MSGIDS
    with translation.override("km"):
        translated = translation.gettext(message)
    assert translated != message
    assert not LATIN_WORD.search(re.sub(r"%\(\w+\)s|null", "", translated)), translated


class Filters(forms.Form):
    since = forms.DateField()
    threshold = forms.IntegerField(min_value=0, max_value=100)
    role = forms.ChoiceField(choices=[("police", "police")])
    name = forms.CharField(max_length=3)


def test_a_form_with_bad_input_answers_in_khmer():
    with translation.override("km"):
        form = Filters({"since": "31/31/2026", "threshold": "250", "role": "mayor", "name": "toolong"})
        assert not form.is_valid()
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
    assert errors == {
        "since": ["សូមបញ្ចូលកាលបរិច្ឆេទដែលត្រឹមត្រូវ។"],
        "threshold": ["តម្លៃនេះត្រូវតែតិចជាង ឬស្មើ 100។"],
        "role": ["សូមជ្រើសរើសជម្រើសដែលត្រឹមត្រូវ។ mayor មិនមែនជាជម្រើសដែលមានទេ។"],
        "name": ["តម្លៃនេះត្រូវមានយ៉ាងច្រើន 3 តួអក្សរ (ឥឡូវមាន 7)។"],
    }
