"""Text in the reader's language (Khmer or English), falling back to the other so an empty translation is never blank.

Every "name in the reader's language" on the site goes through here: a `{"km": ..., "en": ...}` text (quiz
snapshots) through `in_language`, a model's `<field>_km` / `<field>_en` pair through `field_in_language`, whole
pages through `content_language`; labels wanted in both languages at once (exports, the printed summary) through
`both` and `joined`.
"""

from collections.abc import Mapping

from django.conf import settings
from django.utils import translation

Texts = Mapping[str, str | None]


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def reader_language(language: str | None = None) -> str:
    """The language asked for, else the active one, else the site's default ("en-us" reads as "en")."""
    return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _candidates(language: str | None) -> list[str]:
    requested = reader_language(language)
    return [requested] + [code for code in languages() if code != requested]


def _filled(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def text_language(texts: Texts | None, language: str | None = None) -> str:
    """The language `in_language` shows for these texts (for `lang` attributes): the reader's when it is filled,
    else the first filled one; the reader's when none is."""
    texts = texts or {}
    for code in _candidates(language):
        if _filled(texts.get(code)):
            return code
    return reader_language(language)


def in_language(texts: Texts | None, language: str | None = None) -> str:
    """A `{"km": ..., "en": ...}` text in the reader's language, or in the other one when that is empty."""
    texts = texts or {}
    return texts.get(text_language(texts, language)) or ""


def field_texts(obj, field: str) -> dict[str, str]:
    """A model's `<field>_km`, `<field>_en`, ... as `{"km": ..., "en": ...}` (missing or None read as "")."""
    return {code: getattr(obj, f"{field}_{code}", None) or "" for code in languages()}


def field_in_language(obj, field: str = "name", language: str | None = None) -> str:
    """`obj.<field>_km` or `obj.<field>_en`, whichever the reader reads, falling back to the other."""
    return in_language(field_texts(obj, field), language)


def both(text) -> dict[str, str]:
    """A lazy label (or a callable that renders one) in every language at once: {"km": ..., "en": ...}."""
    labels = {}
    for language in languages():
        with translation.override(language):
            labels[language] = text() if callable(text) else str(text)
    return labels


def joined(text) -> str:
    """One heading for a spreadsheet: "ខេត្ត / Province" (just one when both languages read the same)."""
    labels = list(dict.fromkeys(both(text).values()))
    return " / ".join(labels)


def has_content(obj, field: str, language: str) -> bool:
    value = getattr(obj, f"{field}_{language}", None)
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return len(value) > 0  # StreamValue and lists


def content_language(obj, fields: tuple[str, ...], language: str | None = None) -> str:
    """The requested language when every field in `fields` is filled in it, else the first language that is."""
    for code in _candidates(language):
        if all(has_content(obj, field, code) for field in fields):
            return code
    return reader_language(language)


class BilingualContentMixin:
    """For models translated with modeltranslation: name the fields that must exist for a language to count."""

    translation_required_fields: tuple[str, ...] = ()

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, self.translation_required_fields, language)
