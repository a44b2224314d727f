"""The Khmer catalogue is complete, reviewed (nothing fuzzy) and compiled from its current source."""

import polib
import pytest
from django.conf import settings

PO_PATH = settings.BASE_DIR / "locale" / "km" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")


@pytest.fixture(scope="module")
def catalogue():
    assert PO_PATH.exists(), f"{PO_PATH} is missing"
    return polib.pofile(str(PO_PATH))


def test_every_message_is_translated(catalogue):
    untranslated = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"


def test_plural_messages_have_their_one_khmer_form(catalogue):
    """Khmer has one plural form (nplurals=1), which must be filled."""
    assert "nplurals=1; plural=0;" in catalogue.metadata.get("Plural-Forms", "")
    missing = [e.msgid for e in catalogue if e.msgid_plural and not e.obsolete and not e.msgstr_plural.get(0)]
    assert missing == []


def test_nothing_is_fuzzy(catalogue):
    """msgfmt skips fuzzy entries (and a fuzzy header loses Plural-Forms), so readers would see English."""
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert not catalogue.metadata_is_fuzzy, "the catalogue header is marked fuzzy"


def test_header_names_the_language(catalogue):
    assert catalogue.metadata.get("Language") == "km"
    assert "charset=UTF-8" in catalogue.metadata.get("Content-Type", "")


def test_compiled_catalogue_matches_its_source(catalogue):
    assert MO_PATH.exists(), "django.mo is missing: run `make messages` (compilemessages)"
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(MO_PATH))}
    stale = []
    for entry in catalogue.translated_entries():
        found = compiled.get((entry.msgctxt, entry.msgid))
        expected = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
        actual = None
        if found is not None:
            actual = found.msgstr_plural.get(0) if found.msgid_plural else found.msgstr
        if actual != expected:
            stale.append(entry.msgid)
    assert stale == [], f"django.mo is out of date with django.po for {len(stale)} messages, e.g. {stale[:5]}"
