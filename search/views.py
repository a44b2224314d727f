"""The results page: /km/search/ and /en/search/, a plain GET form that works without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.translated import reader_language

from .forms import SearchForm
from .selectors import search, snippet

RESULTS_PER_PAGE = 10


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    language = reader_language()
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "query": request.GET.get("q", "")[:500]}
    if form.is_bound and form.is_valid():
        number = form.cleaned_data.get("page") or 1
        offset = (number - 1) * RESULTS_PER_PAGE
        results = search(
            text=form.cleaned_data["q"], language=language, request=request, limit=RESULTS_PER_PAGE, offset=offset
        )
        terms = (results.corrected or results.query).terms
        context.update(
            results=results,
            items=[{"entry": entry, "snippet": snippet(entry, terms)} for entry in results.entries],
            first_number=offset + 1,
            previous_page=number - 1 if number > 1 else None,
            next_page=number + 1 if offset + RESULTS_PER_PAGE < results.total else None,
            other_language=results.language != language,
        )
    return render(request, "search/results.html", context, status=200)
