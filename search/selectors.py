"""Reading the search index: the reader's words found in the manual, best first, in the reader's language or,
for words written in the other language's script, in that language."""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import PageViewRestriction

from .models import SearchEntry, SearchWord
from .text import KHMER_RUN, fold, fold_normalised, has_khmer, normalise, words

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
SNIPPET_LENGTH = 180
# English words too common to narrow a search; dropped when the query has other words.
STOP_WORDS_TEXT = (
    "a an and are as at be by can do does for from how i in is it my of on or the to what when where who why"
)
STOP_WORDS_TEXT += " with you your"
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())
# How much each kind of match counts: a word of the title first, then a whole word of the text, then a word's
# beginning, then Khmer letters found inside a longer word.
TITLE_WORD, TITLE_START = 100, 40
TEXT_WORD, TEXT_START, TEXT_INSIDE = 10, 4, 1
PHRASE = 30


@dataclass(frozen=True)
class Query:
    text: str  # as typed, normalised
    terms: tuple[str, ...]  # folded words
    folded: str
    # Khmer written together in the query (between spaces) is found written together: "ការការពារ" is not any page
    # with both ការ and ការពារ.
    chunks: tuple[str, ...] = ()

    @property
    def khmer(self) -> bool:
        return has_khmer(self.text)


@dataclass
class Results:
    query: Query
    language: str  # of the entries found
    entries: list = field(default_factory=list)
    total: int = 0
    corrected: Query | None = None  # "did you mean": the query searched instead of one that found nothing


def parse_query(text: str) -> Query:
    """The reader's words, cut as the index cuts them; at most MAX_QUERY_WORDS, common English words dropped."""
    normal = normalise(text)[:MAX_QUERY_LENGTH]
    folded = " ".join(words(fold(normal)))
    terms = list(dict.fromkeys(folded.split()))
    meaningful = [term for term in terms if term not in STOP_WORDS]
    chunks = tuple(KHMER_RUN.findall(fold(normal)))[:MAX_QUERY_WORDS]
    return Query(text=normal, terms=tuple((meaningful or terms)[:MAX_QUERY_WORDS]), folded=fold(normal), chunks=chunks)


def refused_paths(request) -> list[str]:
    """Paths of pages whose view restriction this request does not pass (with everything under them)."""
    return [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page")
        if not restriction.accept_request(request)
    ]


def _term_filter(term: str) -> Q:
    match = Q(title_words__contains=f" {term}") | Q(words__contains=f" {term}")
    if has_khmer(term):
        match |= Q(folded__contains=term)
    return match


def _term_score(term: str):
    whole, start = f" {term} ", f" {term}"
    title = Case(
        When(title_words__contains=whole, then=Value(TITLE_WORD)),
        When(title_words__contains=start, then=Value(TITLE_START)),
        default=Value(0),
    )
    text = Case(
        When(words__contains=whole, then=Value(TEXT_WORD)),
        When(words__contains=start, then=Value(TEXT_START)),
        When(folded__contains=term, then=Value(TEXT_INSIDE)),
        default=Value(0),
    )
    return title + text


def matching_entries(query: Query, *, language: str, refused: list[str]) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.filter(language=language)
    for term in query.terms:
        entries = entries.filter(_term_filter(term))
    for chunk in query.chunks:
        entries = entries.filter(folded__contains=chunk)
    for path in refused:
        entries = entries.exclude(path__startswith=path)
    score = sum((_term_score(term) for term in query.terms), Value(0))
    if len(query.terms) > 1:
        score += Case(When(folded__contains=query.folded, then=Value(PHRASE)), default=Value(0))
    return entries.annotate(score=score).order_by(F("score").desc(), "module_number", "path")


def _correction(query: Query, *, language: str) -> Query | None:
    """The query with each English word that begins no word of the manual replaced by the closest one that does."""
    if query.khmer:
        return None
    changed = False
    terms = []
    for term in query.terms:
        known = SearchWord.objects.filter(language=language, word__startswith=term)
        if term.isdigit() or len(term) < 3 or known.exists():
            terms.append(term)
            continue
        nearby = SearchWord.objects.filter(
            language=language, length__gte=len(term) - 2, length__lte=len(term) + 2
        ).values_list("word", flat=True)
        close = difflib.get_close_matches(term, list(nearby), n=1, cutoff=0.75)
        if not close:
            return None
        terms.append(close[0])
        changed = True
    if not changed:
        return None
    text = " ".join(terms)
    return Query(text=text, terms=tuple(terms), folded=text)


def search_languages(query: Query, reader_language: str) -> list[str]:
    """The reader's language first; then the language the query's script is written in, when it is the other."""
    written_in = "km" if query.khmer else "en"
    return list(dict.fromkeys([reader_language, written_in]))


def search(*, text: str, language: str, request, limit: int = 20, offset: int = 0) -> Results:
    """Entries for `text`, best first: in the reader's language, else in the language the words are written in
    (English words on a Khmer page find the English manual); a misspelt English word is corrected when that
    finds something."""
    query = parse_query(text)
    refused = refused_paths(request)
    candidates = [(query, code) for code in search_languages(query, language)]
    for code in search_languages(query, language):
        corrected = _correction(query, language=code)
        if corrected is not None:
            candidates.append((corrected, code))
    for candidate, code in candidates:
        # One ranked read of the ids (the total is their number), then only the shown entries in full.
        ranked = list(matching_entries(candidate, language=code, refused=refused).values_list("pk", flat=True))
        total = len(ranked)
        if total:
            shown = ranked[offset : offset + limit]
            by_pk = SearchEntry.objects.in_bulk(shown)
            found = [by_pk[pk] for pk in shown]
            results = Results(query=query, language=code, entries=found, total=total)
            if candidate is not query:
                results.corrected = candidate
            return results
    return Results(query=query, language=language)


def snippet(entry: SearchEntry, terms: tuple[str, ...], length: int = SNIPPET_LENGTH) -> SafeString:
    """A piece of the page's text around the first word found, with every word found marked (<mark>)."""
    text = entry.body or entry.summary
    folded = fold_normalised(text)
    positions = [folded.find(term) for term in terms if term in folded]
    first = min(positions) if positions else 0
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    return mark_safe(  # noqa: S308 (every piece of text is escaped here)
        ("… " if start else "") + highlight(text[start:end], terms) + (" …" if end < len(text) else "")
    )


def highlight(text: str, terms: tuple[str, ...]) -> str:
    """`text` escaped, each occurrence of a term (compared folded) inside <mark>."""
    if not terms:
        return escape(text)
    folded = fold_normalised(text)
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)))
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)
