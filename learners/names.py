"""People's names and usernames: one Unicode form (NFC), no invisible tricks, no look-alike mixes of scripts."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NAME_INVISIBLE = _("Write the name with visible letters.")
NAME_SCRIPTS = _("Write the name in Khmer or Latin letters (not letters of other alphabets).")
LATIN_NAME_SCRIPTS = _("Write this name in Latin letters only (A to Z, accents allowed).")
USERNAME_CHARACTERS = _(
    "A username uses either Latin letters without accents (a to z) or Khmer letters, with digits and . - _ @ + "
    "only: no spaces, and not both alphabets at once."
)

KHMER = "KHMER"
LATIN = "LATIN"
# Khmer writes no spaces between words: ZERO WIDTH SPACE marks word breaks, and ZERO WIDTH (NON-)JOINER control
# how letters join. Inside Khmer text they are part of the spelling; anywhere else they only hide things.
KHMER_INVISIBLES = frozenset("\u200b\u200c\u200d")
USERNAME_PUNCTUATION = frozenset(".-_@+")
# Unicode's Default_Ignorable_Code_Point characters that are not format characters (those go anyway): they show
# nothing. Among them Khmer's two "inherent vowel" signs, which Unicode asks never to be written, and the Hangul
# fillers, letters that print as blanks.
IGNORABLE_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian variation selectors
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)


def script_of(char: str) -> str | None:
    """The alphabet of a letter or vowel sign ("KHMER", "LATIN", "CYRILLIC", ...); None for what any alphabet
    uses (digits, spaces, punctuation, combining accents). Python has no script property, and the first word of
    a letter's Unicode name is its script for every alphabet a name here can be written in."""
    if unicodedata.category(char)[0] not in "LM":
        return None
    name = unicodedata.name(char, "")
    if not name or name.startswith("COMBINING"):
        return None
    return name.split()[0]


def _is_khmer(char: str | None) -> bool:
    return char is not None and script_of(char) == KHMER


def _ignorable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in IGNORABLE_RANGES)


def clean_text(value: str) -> str:
    """NFC, controls and odd spaces made plain spaces, invisible format characters (bidi overrides, BOM, word
    joiners...) removed, except zero-width characters between two Khmer letters; spaces collapsed."""
    text = unicodedata.normalize("NFC", str(value or ""))
    kept: list[str] = []
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if char in KHMER_INVISIBLES:
            following = text[index + 1] if index + 1 < len(text) else None
            if _is_khmer(kept[-1] if kept else None) and _is_khmer(following):
                kept.append(char)
        elif category in ("Cc", "Zs", "Zl", "Zp"):
            kept.append(" ")
        elif category[0] != "C" and not _ignorable(char):  # Cf, Co, Cn, Cs: nothing to show
            kept.append(char)
    return " ".join("".join(kept).split())


def clean_name(value: str, *, latin_only: bool = False) -> str:
    """The name as stored, or ValidationError: letters of Khmer and/or Latin (`latin_only`: Latin), with any
    digits, spaces and punctuation. Khmer with Latin is fine (people write both); Latin with Cyrillic is not
    ("Оfficer" with a Cyrillic О looks like "Officer")."""
    text = clean_text(value)
    if not any(unicodedata.category(char)[0] == "L" for char in text):
        raise ValidationError(NAME_INVISIBLE, code="invisible")
    scripts = {script_of(char) for char in text} - {None}
    allowed = {LATIN} if latin_only else {KHMER, LATIN}
    if not scripts <= allowed:
        raise ValidationError(LATIN_NAME_SCRIPTS if latin_only else NAME_SCRIPTS, code="scripts")
    return text


def check_username(value: str) -> str:
    """The username in NFC, or ValidationError: plain ASCII (a-z, digits, . - _ @ +), or Khmer letters with
    digits and the same marks. One alphabet only and nothing invisible, so two usernames that look the same
    are the same."""
    text = unicodedata.normalize("NFC", value or "")
    if text.isascii():
        ok = all(char.isalnum() or char in USERNAME_PUNCTUATION for char in text)
    else:
        ok = all(
            char in USERNAME_PUNCTUATION
            or (char.isascii() and char.isdigit())
            or (script_of(char) == KHMER and not _ignorable(char))
            or unicodedata.name(char, "").startswith("KHMER DIGIT")
            for char in text
        )
    if not text or not ok:
        raise ValidationError(USERNAME_CHARACTERS, code="username_characters")
    return text
