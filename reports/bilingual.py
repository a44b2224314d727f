"""Report labels in both languages at once: exports and the printed summary carry Khmer and English together."""

from django.utils import translation

LANGUAGES = ("km", "en")


def both(text) -> dict[str, str]:
    """A lazy label (or a callable that renders one) in Khmer and in English: {"km": ..., "en": ...}."""
    labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            labels[language] = text() if callable(text) else str(text)
    return labels


def joined(text) -> str:
    """One heading for a spreadsheet: "ខេត្ត / Province" (just one when both languages read the same)."""
    khmer, english = both(text).values()
    return khmer if khmer == english else f"{khmer} / {english}"
