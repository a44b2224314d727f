"""Khmer normalisation and word cutting: what makes a word typed on a phone find the same word typed otherwise."""

import pytest

from search.text import fold, fold_normalised, normalise, syllables, word_field, words


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ម្ដាយ", "ម្តាយ"),  # subscript DA and subscript TA look the same
        ("ស្ដី", "ស្តី"),
        ("ស្រ្តី", "ស្ត្រី"),  # subscript RO typed before subscript TA
        ("ក\u17c1\u17b6ះ", "កោះ"),  # E + AA typed for OO
        ("ដ\u17c1\u17b8ម", "ដើម"),  # E + II typed for OE
        ("ឃ\u17c6\u17bb", "ឃុំ"),  # NIKAHIT before the vowel U
        ("ប\u17b8\u17ca", "ប៊ី"),  # register shifter after the vowel
        ("ក\u17b6\u17d2រ", "ក្រា"),  # subscript typed after the vowel
        ("ច្បា\u200bប់", "ច្បាប់"),  # a zero-width space inside a word
        ("ក\u200dុមារ\u200c", "កុមារ"),  # zero-width joiners
        ("\u17a3ក", "អក"),  # deprecated independent vowel QAQ
    ],
)
def test_look_alike_spellings_are_stored_one_way(typed, stored):
    assert typed != stored
    assert normalise(typed) == normalise(stored)


def test_normalising_twice_changes_nothing():
    text = "ស្រ្តី  និង\u200bកុមារ ម្ដាយ Police"
    assert normalise(normalise(text)) == normalise(text) == "ស្ត្រី និងកុមារ ម្តាយ Police"


def test_folding_lowers_latin_and_writes_khmer_digits_as_western_ones_at_the_same_places():
    text = normalise("ឆ្នាំ២០០៨ Law")
    assert fold(text) == "ឆ្នាំ2008 law"
    assert len(fold_normalised(text)) == len(text)


def test_a_khmer_sentence_is_cut_into_words():
    sentence = "ក្រុមប្រឹក្សាឃុំត្រូវការពារកុមារតាមច្បាប់"
    found = words(fold(sentence))
    assert {"ឃុំ", "កុមារ", "ច្បាប់"} <= set(found)
    assert "".join(found) == sentence


def test_latin_words_are_cut_at_anything_but_letters_and_digits():
    assert words(fold("Child-friendly police (CCWC), 2008!")) == ["child", "friendly", "police", "ccwc", "2008"]


def test_the_word_field_has_a_space_at_each_end_for_whole_word_matches():
    field = word_field("ការពារកុមារ")
    assert field.startswith(" ") and field.endswith(" ")
    assert " កុមារ " in field


def test_khmer_punctuation_separates_words():
    assert words(fold("កុមារ។ ច្បាប់៖ ឃុំ")) == ["កុមារ", "ច្បាប់", "ឃុំ"]


@pytest.mark.parametrize(("word", "count"), [("ឃុំ", 1), ("ច្បាប់", 1), ("កុមារ", 2), ("ស្ត្រី", 1), ("ក្រុមប្រឹក្សា", 3)])
def test_written_syllables_are_counted_without_subscripts(word, count):
    assert syllables(word) == count
