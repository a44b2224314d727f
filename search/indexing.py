"""Keeping the search index: what of a page is indexed in each language, and writing it (the only writer)."""

import html
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from core.translated import languages
from curriculum.models import LessonPage, ModulePage

from .models import SearchEntry, SearchWord
from .text import fold, normalise, word_field, words

# Parts of a block that are not text a reader reads: ids, choices and chosen files (a figure's alternative text,
# a caption, a transcript are read and indexed).
NOT_TEXT = frozenset({"id", "type", "image", "file", "style", "status"})


def _plain(value: str) -> str:
    return html.unescape(strip_tags(value.replace("<", " <")))


def block_text(raw_blocks) -> str:
    """The words of a lesson body, block by block, from StreamField's raw data (Do/Don't cards, scenarios, key
    points, legal references, procedures, transcripts and captions included)."""
    parts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            parts.append(_plain(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in NOT_TEXT:
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for block in raw_blocks or []:
        walk(block.get("value"))
    return " ".join(parts)


def _field(page, name: str, language: str) -> str:
    return getattr(page, f"{name}_{language}", None) or ""


def _body(page, language: str) -> str:
    if isinstance(page, ModulePage):
        return _field(page, "learning_objectives", language)
    stream = getattr(page, f"body_{language}", None)
    return block_text(stream.raw_data if stream else [])


def page_entries(page, module: ModulePage, *, language: str) -> SearchEntry | None:
    """The entry of a module or lesson in one language; None when that language has no title or text (the reader
    of that language is then shown the other one, which its own entry finds)."""
    title = normalise(_field(page, "title", language))
    summary = normalise(_field(page, "summary", language))
    body = normalise(_body(page, language))
    if not title or not (summary or body):
        return None
    with translation.override(language):
        url = page.get_url()
    if not url:
        return None
    return SearchEntry(
        page_id=page.pk,
        language=language,
        path=page.path,
        url=url,
        module_number=module.number,
        module_title=normalise(_field(module, "title", language)),
        title=title,
        summary=summary,
        body=body,
        title_words=word_field(title),
        words=word_field(f"{summary} {body}"),
        folded=fold(f"{title} {summary} {body}"),
    )


def _visible(page: Page) -> bool:
    """Live, and so is every page above it (a lesson of a withdrawn module is not served)."""
    return page.live and not page.get_ancestors().filter(depth__gt=1, live=False).exists()


def _write(entries: list[SearchEntry], *, replacing) -> None:
    """Replace the entries `replacing` (a queryset) by `entries`; their words of Latin script join the
    vocabulary of "did you mean"."""
    replacing.delete()
    SearchEntry.objects.bulk_create(entries, batch_size=200)
    vocabulary = {
        (entry.language, word)
        for entry in entries
        for word in words(f"{entry.title_words} {entry.words}")
        if word.isascii() and word.isalpha() and 3 <= len(word) <= 64
    }
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word, length=len(word)) for language, word in sorted(vocabulary)],
        batch_size=500,
        ignore_conflicts=True,
    )


def _entries(pages: Iterable[Page], modules: dict[str, ModulePage]) -> list[SearchEntry]:
    entries = []
    for page in pages:
        module = page if isinstance(page, ModulePage) else modules.get(page.path[: -Page.steplen])
        if module is None:
            continue
        for language in languages():
            entry = page_entries(page, module, language=language)
            if entry is not None:
                entries.append(entry)
    return entries


@transaction.atomic
def page_index(*, page: Page) -> int:
    """Bring the index up to date for a page that was published, unpublished, moved or withdrawn: the page and
    the pages under it (a module's title and address are part of its lessons' entries). Returns entries written."""
    page = page.specific
    pages: list[Page] = []
    modules: dict[str, ModulePage] = {}
    if _visible(page):
        if isinstance(page, ModulePage):
            modules[page.path] = page
            pages = [page, *LessonPage.objects.child_of(page).live()]
        elif isinstance(page, LessonPage):
            module = ModulePage.objects.filter(path=page.path[: -Page.steplen]).first()
            if module is not None:
                modules[module.path] = module
                pages = [page]
        else:
            modules = {module.path: module for module in ModulePage.objects.descendant_of(page).live()}
            pages = [*modules.values(), *LessonPage.objects.descendant_of(page).live()]
            pages = [candidate for candidate in pages if _visible(candidate)]
    entries = _entries(pages, modules)
    # By id as well as by path: a moved page's entries still carry the path it had.
    subtree = Page.objects.descendant_of(page, inclusive=True).values("pk")
    _write(entries, replacing=SearchEntry.objects.filter(Q(path__startswith=page.path) | Q(page__in=subtree)))
    return len(entries)


@transaction.atomic
def index_rebuild() -> int:
    """The whole index anew from the live manual. Returns the number of entries."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    hidden = list(Page.objects.filter(depth__gt=1, live=False).values_list("path", flat=True))

    def shown(page: Page) -> bool:
        return not any(page.path.startswith(path) for path in hidden)

    modules = {module.path: module for module in ModulePage.objects.live() if shown(module)}
    lessons = [lesson for lesson in LessonPage.objects.live() if shown(lesson)]
    entries = _entries([*modules.values(), *lessons], modules)
    _write(entries, replacing=SearchEntry.objects.none())
    return len(entries)
