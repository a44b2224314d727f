"""Pages of the manual that are not Wagtail pages: the learners' word list."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from core.glossary import learner_terms


def glossary(request: HttpRequest) -> HttpResponse:
    """Words used in this manual, each with its name in the other language: officers meet terms such as diversion,
    referral or CCWC here for the first time, and hear them in both languages at work."""
    language = "en" if get_language() == "en" else "km"
    other = "km" if language == "en" else "en"
    terms = [
        {
            "key": term.key,
            "term": term.term(language),
            "other": term.term(other),
            "definition": term.definition(language),
        }
        for term in learner_terms()
    ]
    return render(request, "curriculum/glossary.html", {"terms": terms, "other_language": other})
