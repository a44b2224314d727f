"""Reading a role as people write it in a workshop's sheet ("ប៉ូលីស", "CCWC", "commune council member") as a Role.

A sheet typed by a commune clerk or a police secretary rarely uses the site's labels: it says "ប៉ូលីស" or
"មន្ត្រីនគរបាល", "C.C.W.C.", "សមាជិកក្រុមប្រឹក្សាឃុំ", "Village chief". Words are compared without case, spaces,
dots or zero-width spaces (Khmer is often typed with and without spaces between words), first whole, then by the
words that name one role only. "Official" comes last: "police official" is a police officer.
"""

import re
import unicodedata

from django.utils import translation

from core.roles import Role

# Whole values as people commonly write them (besides the codes and the site's own labels, in both languages).
EXACT_WORDS: dict[str, tuple[str, ...]] = {
    Role.POLICE_OFFICER: ("police", "policeman", "policewoman", "officer", "ប៉ូលីស", "នគរបាល"),
    Role.COMMUNE_COUNCIL: (
        "council",
        "council member",
        "councillor",
        "councilor",
        "ក្រុមប្រឹក្សា",
        "សមាជិកក្រុមប្រឹក្សា",
    ),
    Role.CCWC_FOCAL_POINT: ("focal point", "focal person"),
    Role.VILLAGE_CHIEF: ("village head", "village leader", "chief of village", "មេភូមិ", "ប្រធានភូមិ"),
    Role.OFFICIAL: (
        "official",
        "civil servant",
        "government official",
        "មន្ត្រី",
        "មន្ត្រីរាជការ",
        "មន្ត្រីស្រុក",
        "មន្ត្រីខេត្ត",
        "មន្ត្រីរដ្ឋបាល",
    ),
    Role.OTHER: ("other", "ផ្សេង", "ផ្សេងៗ", "ផ្សេងទៀត"),
}
# Parts of a value that name one role only ("មន្ត្រីនគរបាលខេត្ត", "commune council member of Kampong Kandal").
KEYWORDS: dict[str, tuple[str, ...]] = {
    Role.POLICE_OFFICER: ("police", "ប៉ូលីស", "នគរបាល"),
    Role.COMMUNE_COUNCIL: (
        "commune council",
        "sangkat council",
        "khum council",
        "commune chief",
        "sangkat chief",
        "ក្រុមប្រឹក្សាឃុំ",
        "ក្រុមប្រឹក្សាសង្កាត់",
        "មេឃុំ",
        "ជំទប់",
        "ចៅសង្កាត់",
    ),
    Role.CCWC_FOCAL_POINT: (
        "ccwc",
        "committee for women and children",
        "គកនក",
        "កិច្ចការនារីនិងកុមារ",
        "ជនបង្គោល",
        "បុគ្គលបង្គោល",
    ),
    Role.VILLAGE_CHIEF: ("village chief", "village head", "មេភូមិ", "ប្រធានភូមិ"),
}
# Only when no role above is named: "district official", "មន្ត្រីរដ្ឋបាលស្រុក".
FALLBACK_KEYWORDS: dict[str, tuple[str, ...]] = {
    Role.OFFICIAL: ("official", "civil servant", "មន្ត្រី", "រដ្ឋបាល"),
}
IGNORED = re.compile(r"[\s.\-_/\\,;:()\[\]'\"“”‘’។៕\u200b\u200c\u200d\ufeff]+")


def fold(text: str) -> str:
    """A value reduced to what tells roles apart: no case, spaces, punctuation or zero-width characters."""
    return IGNORED.sub("", unicodedata.normalize("NFC", str(text)).casefold())


class RoleWords:
    """Built once per file: the codes and labels of every role in Khmer and English, and the words above."""

    def __init__(self):
        self.exact: dict[str, str] = {}
        for code, label in Role.choices:
            self.exact[fold(code)] = code
            for language in ("km", "en"):
                with translation.override(language):
                    self.exact[fold(label)] = code
        for role, words in EXACT_WORDS.items():
            for word in words:
                self.exact.setdefault(fold(word), role)
        self.keywords = {role: [fold(word) for word in words] for role, words in KEYWORDS.items()}
        self.fallback = {role: [fold(word) for word in words] for role, words in FALLBACK_KEYWORDS.items()}

    def find(self, text: str) -> tuple[str | None, list[str]]:
        """(role code, []) when the value names one role; (None, [candidates]) when it could be several;
        (None, []) when it names none."""
        key = fold(text)
        if not key:
            return None, []
        if key in self.exact:
            return self.exact[key], []
        for table in (self.keywords, self.fallback):
            found = [role for role, words in table.items() if any(word in key for word in words)]
            if len(found) == 1:
                return found[0], []
            if found:
                return None, found
        return None, []


def role_names(codes=None) -> str:
    """The roles' names in the reader's language, for messages: "Police officer, CCWC focal point, …"."""
    labels = dict(Role.choices)
    return ", ".join(str(labels[code]) for code in (codes or Role.values))
