"""Text in the reader's language, falling back to the other, so an empty translation is never a blank page."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from core.translated import (
    BilingualContentMixin,
    both,
    content_language,
    field_in_language,
    has_content,
    in_language,
    joined,
    text_language,
)
from learners.models import Province


def item(**fields):
    return SimpleNamespace(**fields)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("text", True), ("", False), ("   \n", False), (None, False), ([], False), ([{"type": "text"}], True)],
)
def test_has_content(value, expected):
    assert has_content(item(body_km=value), "body", "km") is expected


def test_missing_field_has_no_content():
    assert has_content(item(), "body", "km") is False


def test_requested_language_when_filled():
    obj = item(body_km="ខ្មែរ", body_en="English")
    assert content_language(obj, ("body",), "en") == "en"
    assert content_language(obj, ("body",), "km") == "km"


def test_falls_back_to_the_other_language_when_empty():
    assert content_language(item(body_km="ខ្មែរ", body_en=""), ("body",), "en") == "km"
    assert content_language(item(body_km=" ", body_en="English"), ("body",), "km") == "en"


def test_every_named_field_must_be_filled():
    obj = item(title_en="Title", body_en="", title_km="ចំណងជើង", body_km="អត្ថបទ")
    assert content_language(obj, ("title", "body"), "en") == "km"
    assert content_language(obj, ("title",), "en") == "en"


def test_nothing_filled_keeps_the_requested_language():
    assert content_language(item(body_km="", body_en=None), ("body",), "en") == "en"


@pytest.mark.parametrize("active", ["km", "en"])
def test_defaults_to_the_active_language(active):
    obj = item(body_km="ខ្មែរ", body_en="English")
    with translation.override(active):
        assert content_language(obj, ("body",)) == active


def test_mixin_uses_the_models_required_fields():
    class Lesson(BilingualContentMixin):
        translation_required_fields = ("body",)
        body_km = ""
        body_en = "English only"

    with translation.override("km"):
        assert Lesson().content_language() == "en"
    assert Lesson().content_language("en") == "en"


@pytest.mark.parametrize(
    ("texts", "language", "shown", "shown_in"),
    [
        ({"km": "ខេត្ត", "en": "Province"}, "km", "ខេត្ត", "km"),
        ({"km": "ខេត្ត", "en": "Province"}, "en", "Province", "en"),
        ({"km": "ខេត្ត", "en": ""}, "en", "ខេត្ត", "km"),
        ({"km": "  ", "en": "Province"}, "km", "Province", "en"),
        ({"km": None, "en": "Province"}, "km", "Province", "en"),
        ({"en": "Province"}, "km", "Province", "en"),
        ({}, "en", "", "en"),
        (None, "km", "", "km"),
        ({"km": "ខេត្ត", "en": "Province"}, "en-us", "Province", "en"),
    ],
)
def test_in_language_picks_the_readers_text_or_the_other(texts, language, shown, shown_in):
    assert in_language(texts, language) == shown
    assert text_language(texts, language) == shown_in


@pytest.mark.parametrize(("active", "expected"), [("km", "កំពត"), ("en", "Kampot")])
def test_a_place_is_named_in_the_active_language(active, expected):
    kampot = Province(code="07", name_km="កំពត", name_en="Kampot")
    with translation.override(active):
        assert kampot.name == expected
        assert field_in_language(kampot) == expected


def test_a_place_without_an_english_name_shows_its_khmer_name():
    with translation.override("en"):
        assert Province(code="07", name_km="កំពត", name_en="").name == "កំពត"


def test_field_in_language_reads_any_field_and_an_explicit_language():
    module = item(title_km="ម៉ូឌុល", title_en=None)
    assert field_in_language(module, "title", "en") == "ម៉ូឌុល"
    assert field_in_language(item(), "title", "km") == ""


def test_both_and_joined_give_every_language_at_once():
    with translation.override("en"):
        assert both(lambda: translation.get_language()) == {"km": "km", "en": "en"}
        assert joined(lambda: translation.get_language()) == "km / en"
        assert joined("1234") == "1234"  # the same in both languages: written once
