"""How well search finds the manual's own words: the word sample and the recall and precision measured on it, used
by tests/search/test_quality.py (the demo manual) and bench/search.py (ten times the demo manual).

The sample is drawn by a fixed procedure, not by hand: every word that stands inside a phrase of the indexed text
(neither first nor last: Khmer phrases are separated by spaces, English sentences by . ! ? ; :), Khmer words of
1 to 4 written syllables and at least two code points, English words of at least three letters that are not common
words; sorted, then every k-th word so that the sample has `size` words, plus the words asked for by name.
"""

import re
from dataclasses import dataclass

from .models import SearchEntry
from .selectors import STOP_WORDS, matching_entries, parse_query
from .text import has_khmer, syllables, words

ENGLISH_SENTENCE_END = re.compile(r"[.!?;:]")
KHMER_PHRASE_END = re.compile("[\\s\u17d4-\u17da]+")
TOP = 5


def _middle_words(phrases) -> set[str]:
    found = set()
    for phrase in phrases:
        found.update(words(phrase)[1:-1])
    return found


def candidate_words(language: str) -> list[str]:
    texts = SearchEntry.objects.filter(language=language).values_list("folded", flat=True)
    if language == "km":
        middle = _middle_words(phrase for text in texts for phrase in KHMER_PHRASE_END.split(text))
        chosen = {word for word in middle if has_khmer(word) and len(word) >= 2 and 1 <= syllables(word) <= 4}
    else:
        middle = _middle_words(phrase for text in texts for phrase in ENGLISH_SENTENCE_END.split(text))
        chosen = {word for word in middle if word.isascii() and word.isalpha() and len(word) >= 3}
        chosen -= STOP_WORDS
    return sorted(chosen)


def word_sample(language: str, *, size: int, including: tuple[str, ...] = ()) -> list[str]:
    candidates = candidate_words(language)
    step = max(1, len(candidates) // size)
    return list(dict.fromkeys([*candidates[::step][:size], *including]))


@dataclass
class Quality:
    words: int
    pairs: int  # (word, page containing it) pairs
    found: int  # of those pairs, found by search
    found_as_word: int  # of those pairs, pages where the word is a word of its own (cut by the segmenter)
    precise: int  # results among the top TOP of each word that contain it
    shown: int  # results among the top TOP of each word
    missed: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.pairs if self.pairs else 0.0

    @property
    def precision(self) -> float:
        return self.precise / self.shown if self.shown else 0.0


def contains(entry_folded: str, entry_words: str, word: str, language: str) -> bool:
    """A page contains a Khmer word anywhere in its text; an English word as a word of its own."""
    return word in entry_folded if language == "km" else f" {word} " in entry_words


def measure(sample: list[str], *, language: str) -> Quality:
    rows = SearchEntry.objects.filter(language=language).values_list("pk", "folded", "title_words", "words")
    entries = {pk: (folded, f"{title_words} {text_words}") for pk, folded, title_words, text_words in rows}
    quality = Quality(words=len(sample), pairs=0, found=0, found_as_word=0, precise=0, shown=0, missed=[])
    for word in sample:
        expected = {pk for pk, (folded, text_words) in entries.items() if contains(folded, text_words, word, language)}
        ranked = list(matching_entries(parse_query(word), language=language, refused=[]).values_list("pk", flat=True))
        hits = expected & set(ranked)
        quality.pairs += len(expected)
        quality.found += len(hits)
        quality.found_as_word += sum(1 for pk in hits if f" {word} " in entries[pk][1])
        if len(hits) < len(expected):
            quality.missed.append(word)
        top = ranked[:TOP]
        quality.shown += len(top)
        quality.precise += sum(1 for pk in top if word in entries[pk][0])
    return quality
