"""The Khmer catalogue, the templates and the demo content keep to the glossary (locale/glossary.csv): no forbidden
variant of a term, and no glossary word typed with coeng DA where the glossary spells it with coeng TA."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from core.glossary import COENG_DA, COENG_TA, coeng_da_spellings, forbidden_variants, glossary, learner_terms

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "km" / "LC_MESSAGES" / "django.po"
DEMO_SOURCES = [
    *sorted((ROOT / "curriculum" / "demo").glob("*.py")),
    *sorted((ROOT / "quizzes" / "demo").glob("*.py")),
    ROOT / "learners" / "demo.py",
]
KHMER = re.compile("[\u1780-\u17ff]")
KHMER_WORD = re.compile("[\u1780-\u17ff]+")


def _catalogue() -> list[tuple[str, str, str]]:
    """(where, language, text) of every entry: its English source and its Khmer translation(s)."""
    texts = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        where = f"django.po: {entry.msgid[:60]!r}"
        texts.append((where, "en", entry.msgid))
        if entry.msgid_plural:
            texts.append((where, "en", entry.msgid_plural))
        texts.extend((where, "km", text) for text in [entry.msgstr, *entry.msgstr_plural.values()] if text)
    return texts


def _strings(source: Path) -> list[str]:
    """Every string literal of a Python file (an f-string with '{}' where its values go), docstrings included."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            found.append("".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
    return found


def _demo() -> list[tuple[str, str, str]]:
    return [
        (source.relative_to(ROOT).as_posix(), "km" if KHMER.search(text) else "en", text)
        for source in DEMO_SOURCES
        for text in _strings(source)
    ]


def _templates() -> list[tuple[str, str, str]]:
    texts = []
    for template in sorted(ROOT.glob("*/templates/**/*.html")) + sorted(ROOT.glob("templates/**/*.html")):
        if ".venv" in template.parts:
            continue
        where, text = template.relative_to(ROOT).as_posix(), template.read_text(encoding="utf-8")
        texts += [(where, "km", text), (where, "en", text)]
    return texts


def _texts() -> list[tuple[str, str, str]]:
    return _catalogue() + _demo() + _templates()


def test_glossary_is_well_formed():
    terms = glossary()
    keys = [term.key for term in terms]
    assert len(keys) == len(set(keys)), "each glossary key once"
    for term in terms:
        assert term.km and term.en, term.key
        assert COENG_DA not in term.km, f"{term.key}: the glossary spells with coeng TA"
        # A term must not forbid itself, or nothing could use it.
        assert not forbidden_variants(term.km, "km"), term.key
        assert not forbidden_variants(term.en, "en"), term.key
    # Every role, both kinds of district and commune, and the legal instruments are named.
    for key in ("role_police_officer", "role_commune_council", "role_ccwc_focal_point", "role_village_chief"):
        assert key in keys
    assert next(t for t in terms if t.key == "district").km == "ក្រុង/ស្រុក/ខណ្ឌ"
    assert next(t for t in terms if t.key == "commune").km == "ឃុំ/សង្កាត់"
    assert {"crc", "opsc", "trafficking_law"} <= set(keys)
    # What learners see has a definition in both languages.
    assert len(learner_terms()) >= 10
    assert all(term.definition_km and term.definition_en for term in learner_terms())


def test_the_checks_catch_what_they_are_for():
    # The checks themselves: a text that breaks the glossary is caught, its corrected form is not.
    assert forbidden_variants("ស្រុក/ខណ្ឌ", "km") == [("district", "ស្រុក/ខណ្ឌ")]
    assert forbidden_variants("ក្រុង/ស្រុក/ខណ្ឌ", "km") == []
    assert forbidden_variants("សមាជិកក្រុមប្រឹក្សាឃុំនេះ", "km")
    assert not forbidden_variants("សមាជិកក្រុមប្រឹក្សាឃុំ/សង្កាត់នេះ", "km")
    assert forbidden_variants("សំណួរ៖ សិទ្ធិកុមារ", "km")
    assert not forbidden_variants("តេស្ត៖ សិទ្ធិកុមារ", "km")
    assert forbidden_variants("កុមារអាចប៉ះទង្គិចនឹងច្បាប់ ក្នុងនាមជាជនរងគ្រោះ", "km")
    assert coeng_da_spellings("សូមព្យាយាមម" + COENG_DA + "ងទៀត") == ["ម្តង"]
    assert coeng_da_spellings("សូមព្យាយាមម្តងទៀត") == []


@pytest.mark.parametrize("source", ["catalogue", "demo", "templates"])
def test_no_forbidden_variant(source):
    texts = {"catalogue": _catalogue, "demo": _demo, "templates": _templates}[source]()
    found = [
        f"{where}: {variant!r} (glossary: {key})"
        for where, language, text in texts
        for key, variant in forbidden_variants(text, language)
    ]
    assert not found, "\n".join(found)


def test_no_coeng_da_where_the_glossary_spells_with_ta():
    found = [
        f"{where}: {word!r}"
        for where, language, text in _texts()
        if language == "km"
        for word in coeng_da_spellings(text)
    ]
    assert not found, "\n".join(found)


def test_no_word_spelled_both_ways():
    # A word not (yet) in the glossary still must not be typed with coeng DA in one place and TA in another.
    words = {word for _, language, text in _texts() if language == "km" for word in KHMER_WORD.findall(text)}
    mixed = sorted(word for word in words if COENG_DA in word and word.replace(COENG_DA, COENG_TA) in words)
    assert not mixed, mixed


def test_catalogue_quotes_khmer_in_one_style():
    # The manual quotes with «…»; the catalogue follows it.
    found = [where for where, language, text in _catalogue() if language == "km" and re.search("[“”]", text)]
    assert not found, "\n".join(found)
