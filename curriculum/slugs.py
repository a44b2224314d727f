"""Readable Latin slugs for the manual's pages, whatever language the title is written in.

Wagtail's slugify (and its admin script, with WAGTAIL_ALLOW_UNICODE_SLUGS = False) turns a Khmer title into "" or
"-". Here a page's slug comes from its English title when there is one, else from its Khmer title written in Latin
letters (a small rule-based romanisation close to UNGEGN: readable, not a scholarly transliteration), else from a
short id derived from the title; a slug already used by a sibling gets "-2", "-3"... Used by the admin's page form
and by every page's own clean-up before saving (services, the demo loader, imports), so no path can store "-".
"""

import hashlib
import re

from django.utils.text import slugify

MAX_LENGTH = 80  # well under Wagtail's 255, and short enough to read in a phone's address bar

# Consonants (UNGEGN-like: the two series written alike), independent vowels, dependent vowels and signs.
CONSONANTS = dict(
    zip(
        "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវឝឞសហឡអ",
        "k kh k kh ng ch chh ch chh nh d th d th n t th t th n b ph p ph m y r l v sh ss s h l _".split(),  # noqa: SIM905 (a table, one line)
        strict=True,
    )
)
INDEPENDENT_VOWELS = dict(
    zip("ឥឦឧឨឩឪឫឬឭឮឯឰឱឲឳ", "e ei o ok ou ov rue rueu lue lueu ae ai ao ao au".split(), strict=True)  # noqa: SIM905
)
DEPENDENT_VOWELS = dict(
    zip("ាិីឹឺុូួើឿៀេែៃោៅៈ", "a e i oe eu o ou uo aeu oea ie e ae ai ao au a".split(), strict=True)  # noqa: SIM905
)
# Signs that follow a vowel, or stand for the inherent vowel and a final sound after a bare consonant (ដំ dam).
FINAL_SIGNS = {"ំ": "m", "ះ": "h"}
SILENCER = "\u17cd"  # ៍ : the consonant it sits on is not pronounced
COENG = "\u17d2"
DIGITS = dict(zip("០១២៣៤៥៦៧៨៩", "0123456789", strict=True))
READABLE = re.compile(r"[a-z0-9]")
VALID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _clusters(text: str) -> list[tuple[str, str]]:
    """Khmer text as (kind, latin) tokens: "c" a consonant with its subscripts, "v" a vowel or sign, "x" other."""
    tokens: list[tuple[str, str]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in CONSONANTS:
            latin = CONSONANTS[char].strip("_")
            while index + 2 < len(text) and text[index + 1] == COENG:
                index += 2
                latin += CONSONANTS.get(text[index], "").strip("_")
            tokens.append(("c", latin))
        elif char in DEPENDENT_VOWELS:
            tokens.append(("v", DEPENDENT_VOWELS[char]))
        elif char in FINAL_SIGNS:
            bare = bool(tokens) and tokens[-1][0] == "c"
            tokens.append(("v", ("a" if bare else "") + FINAL_SIGNS[char]))
        elif char == SILENCER and tokens and tokens[-1][0] == "c":
            tokens.pop()
        elif char in INDEPENDENT_VOWELS:
            tokens.append(("v", INDEPENDENT_VOWELS[char]))
        elif char in DIGITS:
            tokens.append(("x", DIGITS[char]))
        elif "\u1780" <= char <= "\u17ff" or "\u19e0" <= char <= "\u19ff" or char in "\u200b\u200c\u200d":
            # Diacritics (៉ ៊ ់ ៍ ...), the repetition sign and punctuation: nothing to write, but a punctuation
            # mark or a zero-width space still ends a word.
            if char in "។៕៖\u200b" or "\u19e0" <= char <= "\u19ff":
                tokens.append(("x", " "))
        else:
            tokens.append(("x", char))
        index += 1
    return tokens


def romanise(text: str) -> str:
    """Khmer written in Latin letters (other scripts left as they are): "ម៉ូឌុលទី១" -> "moudoltei1"."""
    tokens = _clusters(text or "")
    out: list[str] = []
    closes_syllable = False  # the next bare consonant ends the syllable (it follows a vowel or an inherent one)
    for position, (kind, latin) in enumerate(tokens):
        following = tokens[position + 1][0] if position + 1 < len(tokens) else None
        if kind != "c":
            out.append(latin)
            closes_syllable = kind == "v"
            continue
        if following == "v" or closes_syllable:
            out.append(latin)  # onset of a written vowel, or the consonant closing a syllable
            closes_syllable = False
        else:
            out.append(latin + "a")  # a consonant on its own carries the inherent vowel
            closes_syllable = True
    return "".join(out)


def slug_text(text: str | None) -> str:
    """Any text as slug characters (lowercase Latin letters, digits, hyphens), Khmer romanised first."""
    slug = slugify(romanise(text or ""))
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug.strip("-")


def is_readable(slug: str | None) -> bool:
    """A slug that can stand in a URL as it is: Latin letters or digits joined by single hyphens, never "-"."""
    return bool(slug) and bool(VALID.match(slug)) and len(slug) <= MAX_LENGTH


def slug_for_titles(*, title_en: str | None, title_km: str | None) -> str:
    """The slug a page with these titles gets: English first, else the Khmer romanised, else a short stable id."""
    for title in (title_en, title_km):
        slug = slug_text(title)
        if READABLE.search(slug):
            return slug
    seed = f"{title_km or ''}|{title_en or ''}".encode()
    return "page-" + hashlib.sha1(seed, usedforsecurity=False).hexdigest()[:6]


def unique_among_siblings(slug: str, *, parent, page=None) -> str:
    """`slug`, or `slug-2`, `slug-3`... the first one no other child of `parent` uses (one query)."""
    if parent is None:
        return slug
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, suffix = slug, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{slug}-{suffix}"
    return candidate


def readable_slug(*, slug: str | None, title_en: str | None, title_km: str | None, parent, page=None) -> str:
    """The slug to store: the one given when it is readable (Khmer in it romanised), else one from the titles;
    made unique among the page's siblings."""
    cleaned = slug_text(slug) if slug else ""
    if not is_readable(cleaned):
        cleaned = slug_for_titles(title_en=title_en, title_km=title_km)
    return unique_among_siblings(cleaned, parent=parent, page=page)


class ReadableSlugMixin:
    """For Wagtail pages: before any validation or save, an unreadable, Khmer or clashing slug is replaced."""

    def _set_core_field_defaults(self):
        parent_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if parent_known:
            parent = self.get_parent()
            fixed = readable_slug(
                slug=self.slug,
                title_en=getattr(self, "title_en", None),
                title_km=getattr(self, "title_km", None) or self.title,
                parent=parent,
                page=self,
            )
            if fixed != self.slug:
                self.slug = fixed
        super()._set_core_field_defaults()


def repair_unreadable_slugs(pages) -> list[tuple[str, str]]:
    """Give every page in `pages` whose slug is unreadable (such as "-") a readable one; returns (old, new) pairs.
    Saving through Wagtail updates the URL paths of the page and its descendants."""
    repaired = []
    for page in pages:
        if is_readable(page.slug):
            continue
        old = page.slug
        page.slug = readable_slug(
            slug="", title_en=page.title_en, title_km=page.title_km or page.title, parent=page.get_parent(), page=page
        )
        page.save(clean=False)  # only the slug changes; content is validated when it is next edited
        repaired.append((old, page.slug))
    return repaired
