"""Khmer-aware text measures."""

import math
import re

from django.utils.html import strip_tags

KHMER_CHAR = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
# Khmer writes no spaces between words, so words are estimated from code points: a Khmer word averages
# about six code points (consonant, subscripts, vowel signs). Reading pace is set for careful reading on a
# phone, slower than the usual 200-250 words a minute.
KHMER_CODEPOINTS_PER_WORD = 6
WORDS_PER_MINUTE = 150


def word_count(text: str) -> int:
    plain = strip_tags(text or "")
    khmer = len(KHMER_CHAR.findall(plain))
    latin = len(LATIN_WORD.findall(plain))
    return latin + math.ceil(khmer / KHMER_CODEPOINTS_PER_WORD)


def reading_minutes(text: str) -> int:
    """At least one minute for any non-empty text."""
    words = word_count(text)
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def stream_text(stream_value) -> str:
    """All the words of a StreamField value, read from its raw data without rendering templates."""
    if not stream_value:
        return ""
    parts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in {"id", "type", "image", "file", "style"}:
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for block in stream_value.raw_data:
        walk(block.get("value"))
    return " ".join(parts)
