"""Reading time and word counts, which must not treat a Khmer sentence (no spaces) as one word."""

import pytest

from core.text import KHMER_CODEPOINTS_PER_WORD, WORDS_PER_MINUTE, reading_minutes, stream_text, word_count

STACKED = "ស្ត្រី"  # six code points: consonant, coeng, consonant, coeng, consonant, vowel


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        (None, 0),
        ("Hello world", 2),
        ("The child's safety comes first.", 5),
        ("well-being", 1),
        ("<p>Two <strong>words</strong></p>", 2),
        (STACKED, 1),
        (STACKED * 2, 2),
        (STACKED + "ក", 2),  # seven code points round up to two words
        ("ស្ត្រី និង កុមារ", 3),  # spaces between Khmer words do not add words: 14 code points
        (f"{STACKED} CCWC 2024", 3),
        ("<p>" + STACKED * 10 + "</p>", 10),
    ],
)
def test_word_count(text, words):
    assert word_count(text) == words


def test_khmer_words_are_estimated_from_code_points_not_spaces():
    """A long Khmer paragraph written without spaces still counts as many words."""
    paragraph = "ក" * (KHMER_CODEPOINTS_PER_WORD * 40)
    assert word_count(paragraph) == 40
    assert word_count(" ".join(["ក"] * KHMER_CODEPOINTS_PER_WORD * 40)) == 40


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 0), (1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (3 * WORDS_PER_MINUTE, 3)],
)
def test_reading_minutes_for_english(words, minutes):
    assert reading_minutes(" ".join(["word"] * words)) == minutes


@pytest.mark.parametrize(("khmer_words", "minutes"), [(1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2)])
def test_reading_minutes_for_khmer(khmer_words, minutes):
    assert reading_minutes(STACKED * khmer_words) == minutes


def test_markup_alone_takes_no_time():
    assert reading_minutes("<p></p><br>") == 0


def test_stream_text_reads_words_but_not_ids_or_file_references():
    class Stream:
        raw_data = [
            {"type": "text", "value": "<p>Intro</p>", "id": "abc"},
            {"type": "image", "value": {"image": 42, "alt_text": "A room", "caption": "Safe room"}, "id": "x"},
            {"type": "key_points", "value": {"title": "Remember", "points": ["One", "Two"]}, "id": "y"},
            {"type": "procedure", "value": {"title": "Steps", "style": "checklist", "steps": ["Call"]}, "id": "z"},
            {"type": "audio", "value": {"title": "Listen", "file": 7, "transcript": "Words"}, "id": "w"},
        ]

        def __bool__(self):
            return True

    text = stream_text(Stream())
    for expected in ("Intro", "A room", "Safe room", "Remember", "One", "Two", "Steps", "Call", "Listen", "Words"):
        assert expected in text
    assert "checklist" not in text
    assert "abc" not in text
    assert "42" not in text
    assert stream_text(None) == ""
