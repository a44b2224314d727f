"""The site's Khmer glossary (locale/glossary.csv): one word per concept, read by the learners' word list and by the
test that holds the catalogue, the templates and the demo content to it."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

GLOSSARY_PATH = Path(settings.BASE_DIR) / "locale" / "glossary.csv"
# Coeng DA and coeng TA draw the same subscript, but they are different characters: a word typed with one is not
# found by a search for the other, and sorts apart from it.
COENG_TA = "\u17d2\u178f"
COENG_DA = "\u17d2\u178a"
REGEX_PREFIX = "re:"


@dataclass(frozen=True)
class Term:
    key: str
    km: str
    en: str
    definition_km: str
    definition_en: str
    source_or_reason: str
    forbidden_km: tuple[re.Pattern, ...]
    forbidden_en: tuple[re.Pattern, ...]
    for_learners: bool

    def term(self, language: str) -> str:
        return self.km if language == "km" else self.en

    def definition(self, language: str) -> str:
        return self.definition_km if language == "km" else self.definition_en

    def forbidden(self, language: str) -> tuple[re.Pattern, ...]:
        return self.forbidden_km if language == "km" else self.forbidden_en


def _patterns(cell: str) -> tuple[re.Pattern, ...]:
    """A cell's variants, separated by '|'; 're:' marks a regular expression (matched per string, so '^' is the
    string's start), anything else is literal text."""
    patterns = []
    for variant in filter(None, (part.strip() for part in _split(cell))):
        if variant.startswith(REGEX_PREFIX):
            patterns.append(re.compile(variant.removeprefix(REGEX_PREFIX), re.MULTILINE))
        else:
            patterns.append(re.compile(re.escape(variant)))
    return tuple(patterns)


def _split(cell: str) -> list[str]:
    # A regular expression may hold '|' itself inside brackets; split only at the top level.
    parts, depth, current = [], 0, ""
    for char in cell:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


@cache
def glossary() -> tuple[Term, ...]:
    with GLOSSARY_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Term(
                key=row["key"],
                km=row["km"],
                en=row["en"],
                definition_km=row["definition_km"],
                definition_en=row["definition_en"],
                source_or_reason=row["source_or_reason"],
                forbidden_km=_patterns(row["forbidden_km"]),
                forbidden_en=_patterns(row["forbidden_en"]),
                for_learners=row["for_learners"] == "yes",
            )
            for row in csv.DictReader(handle)
        )


def learner_terms() -> list[Term]:
    """The words a learner meets for the first time in the manual, in the glossary's order."""
    return [term for term in glossary() if term.for_learners]


def forbidden_variants(text: str, language: str) -> list[tuple[str, str]]:
    """(glossary key, the variant as found) for every forbidden variant in `text`, written in `language`."""
    found = []
    for term in glossary():
        for pattern in term.forbidden(language):
            found.extend((term.key, match.group(0)) for match in pattern.finditer(text))
    return found


def coeng_da_spellings(text: str) -> list[str]:
    """Glossary words (spelled with coeng TA) that `text` writes with coeng DA instead."""
    return [term.km for term in glossary() if COENG_TA in term.km and term.km.replace(COENG_TA, COENG_DA) in text]
