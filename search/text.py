"""Search text: Khmer normalised so that look-alike spellings compare equal, and cut into words.

Khmer is written without spaces between words, so words come from khmercut (a CRF model trained on Khmer text;
README "Searching the manual" says why this segmenter). Latin text is cut at anything that is not a letter or a
digit.
"""

import re
import unicodedata
from functools import lru_cache

from khmercut import tokenize

COENG = "\u17d2"
# Characters that show nothing: zero-width space, (non-)joiners, word joiner, soft hyphen, byte-order mark, and
# Khmer's two inherent vowels, which Unicode asks never to be written.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\u00ad\ufeff\u17b4\u17b5"))
# Spellings typed differently that print the same (old keyboards, other fonts' habits), written one way here.
LOOK_ALIKES = (
    # Subscript DA and subscript TA are drawn identically: ស្ដី / ស្តី, ម្ដាយ / ម្តាយ (the glossary writes TA).
    (re.compile("\u17d2\u178a"), "\u17d2\u178f"),
    # The deprecated independent vowels QAQ and QAA are the letter QA (and QA with AA).
    (re.compile("\u17a3"), "\u17a2"),
    (re.compile("\u17a4"), "\u17a2\u17b6"),
    # Split vowels typed as two signs: E + AA is OO, E + II is OE.
    (re.compile("\u17c1\u17b6"), "\u17c4"),
    (re.compile("\u17c1\u17b8"), "\u17be"),
    # A subscript typed after the vowel it carries: the subscript first.
    (re.compile(f"([\u17b6-\u17c5])({COENG}[\u1780-\u17a2])"), r"\2\1"),
    # Subscript RO typed before another subscript (ស្រ្តី): RO last, as ស្ត្រី.
    (re.compile(f"({COENG}\u179a)({COENG}[\u1780-\u17a2])"), r"\2\1"),
    # A register shifter typed after the vowel: the shifter first (ប៊ី).
    (re.compile("([\u17b6-\u17c5])([\u17c9\u17ca])"), r"\2\1"),
    # NIKAHIT typed before the vowel it follows (ុំ, ាំ).
    (re.compile("\u17c6([\u17bb\u17b6])"), "\\1\u17c6"),
)
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
KHMER_LETTER = re.compile("[\u1780-\u17ff]")
# A Khmer run (letters and signs, not punctuation such as ។ ៖ ៗ) or a run of other letters and digits.
KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd]+")
WORD_RUN = re.compile(f"({KHMER_RUN.pattern})|([^\\W_]+)")
# A syllable's vowel: a vowel sign, NIKAHIT or REAHMUK not after a vowel sign, or an independent vowel.
SYLLABLE_VOWEL = re.compile("[\u17b6-\u17c5]|(?<![\u17b6-\u17c5])[\u17c6\u17c7]|[\u17a5-\u17b3]")


def normalise(text: str) -> str:
    """NFC, nothing invisible, Khmer look-alike spellings written one way, spaces collapsed. What is stored and
    shown: it reads exactly as the original."""
    text = CONTROL.sub(" ", unicodedata.normalize("NFC", str(text or ""))).translate(INVISIBLE)
    for _round in range(3):  # a rewrite can bring two signs together for the next one
        before = text
        for pattern, replacement in LOOK_ALIKES:
            text = pattern.sub(replacement, text)
        if text == before:
            break
    return " ".join(text.split())


def fold(text: str) -> str:
    """What is compared: the normalised text in lower case with Western digits."""
    return fold_normalised(normalise(text))


def fold_normalised(text: str) -> str:
    """An already normalised text folded character for character (same length), so that a match found in it is
    at the same place in the text shown."""
    lowered = "".join(lower if len(lower := char.lower()) == 1 else char for char in text)
    return lowered.translate(KHMER_DIGITS)


def has_khmer(text: str) -> bool:
    return bool(KHMER_LETTER.search(text or ""))


def syllables(word: str) -> int:
    """Written syllables of a Khmer word, counted by their written vowels (a syllable with the inherent vowel
    only, as the first of សង្កាត់, is not counted; a word with no written vowel is one syllable)."""
    return max(1, len(SYLLABLE_VOWEL.findall(word))) if word else 0


@lru_cache(maxsize=4096)
def khmer_words(run: str) -> tuple[str, ...]:
    return tuple(word for word in tokenize(run) if word.strip())


def words(folded: str) -> list[str]:
    """The words of a folded text, in order: Khmer runs cut by the dictionary, anything else at non-letters."""
    found: list[str] = []
    for match in WORD_RUN.finditer(folded):
        khmer, other = match.groups()
        found.extend(khmer_words(khmer) if khmer else (other,))
    return found


def word_field(text: str) -> str:
    """The words of a text as stored for matching: folded, one space between, one space at each end, so that
    " word " finds a whole word and " wor" a word's beginning."""
    return f" {' '.join(words(fold(text)))} "
