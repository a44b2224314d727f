"""Which language a bilingual object can really be shown in, so an empty translation is never a blank page."""

from django.conf import settings
from django.utils import translation


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def has_content(obj, field: str, language: str) -> bool:
    value = getattr(obj, f"{field}_{language}", None)
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return len(value) > 0  # StreamValue and lists


def content_language(obj, fields: tuple[str, ...], language: str | None = None) -> str:
    """The requested language when every field in `fields` is filled in it, else the first language that is."""
    requested = language or translation.get_language() or settings.LANGUAGE_CODE
    candidates = [requested] + [code for code in languages() if code != requested]
    for code in candidates:
        if all(has_content(obj, field, code) for field in fields):
            return code
    return requested


class BilingualContentMixin:
    """For models translated with modeltranslation: name the fields that must exist for a language to count."""

    translation_required_fields: tuple[str, ...] = ()

    def content_language(self, language: str | None = None) -> str:
        return content_language(self, self.translation_required_fields, language)
