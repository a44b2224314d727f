"""New passwords are checked by Django's validators, whose messages and help texts read in Khmer from our
catalogue (Django ships none); a change of wording in Django makes these tests fail instead of showing English."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def khmer_only(text: str) -> bool:
    return bool(text) and not LATIN_WORD.search(text)


@pytest.mark.django_db
def test_validator_messages_are_khmer():
    user = get_user_model()(username="sokchantha")
    with translation.override("km"), pytest.raises(ValidationError) as caught:
        validate_password("1234567", user=user)
    assert caught.value.messages == [
        "ពាក្យសម្ងាត់នេះខ្លីពេក។ វាត្រូវមានយ៉ាងហោចណាស់ 8 តួអក្សរ។",
        "ពាក្យសម្ងាត់នេះ គេប្រើញឹកញាប់ពេក។",
        "ពាក្យសម្ងាត់នេះមានតែលេខសុទ្ធ។",
    ]
    with translation.override("km"), pytest.raises(ValidationError) as caught:
        validate_password("sokchantha1", user=user)
    assert caught.value.messages[0].startswith("ពាក្យសម្ងាត់ស្រដៀងនឹង")


def test_validator_help_texts_are_khmer():
    with translation.override("km"):
        texts = password_validators_help_texts()
    assert len(texts) == 4
    assert all(khmer_only(text) for text in texts), texts


@pytest.mark.django_db
def test_password_change_form_speaks_khmer():
    user = get_user_model().objects.create_user(username="someone", password="Old-passw0rd-here")
    with translation.override("km"):
        form = PasswordChangeForm(user, {"old_password": "nope", "new_password1": "a", "new_password2": "b"})
        assert not form.is_valid()
        labels = [str(field.label) for field in form.fields.values()]
        errors = [str(message) for messages in form.errors.values() for message in messages]
    assert all(khmer_only(text) for text in labels + errors), labels + errors
