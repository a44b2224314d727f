"""Which language a bilingual object is shown in, so an empty translation is never a blank page."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from core.translated import BilingualContentMixin, content_language, has_content


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
