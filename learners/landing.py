"""Where people land after signing in: a coordinator on their coordinator page, a learner where they were going.

"Where they were going" is the `?next=` the sign-in page was opened with, carried across the language switch (the
switch keeps the query string) and then brought into the language the person signed in with: a learner who
opened /km/account/sign-in/?next=/km/lesson/, switched to English and signed in lands on /en/lesson/.
"""

import re
from functools import cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from . import selectors


def home_url() -> str:
    return f"/{translation.get_language()}/"


@cache
def _language_prefix() -> re.Pattern:
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/({codes})(/|$)")


def in_language(url: str, language: str) -> str:
    """A path of this site in `language`: its URL in that language, the query string kept."""
    match = _language_prefix().match(url)
    if match is None or match.group(1) == language:
        return url
    translated = translate_url(url, language)
    if translated == url:  # not a path Django resolves: the prefix is the only language in it
        translated = f"/{language}/{url[match.end() :]}"
    return translated


def is_home(url: str) -> bool:
    return url.split("?", 1)[0] in {f"/{code}/" for code, _name in settings.LANGUAGES} | {"/"}


def next_in_language(url: str) -> str:
    """A safe `next` (already checked by the caller) in the current language; "" for the home page, which says
    nothing about where someone was going (the header's Sign in link passes the page it was clicked on)."""
    if not url:
        return ""
    url = in_language(url, translation.get_language())
    return "" if is_home(url) else url


def safe_next(request: HttpRequest, url: str | None) -> str:
    """`url` when it stays on this site, else ""."""
    allowed = {request.get_host()}
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=allowed, require_https=request.is_secure()):
        return url
    return ""


def landing_url(user) -> str:
    """Where someone lands who was going nowhere in particular."""
    if selectors.is_coordinator(user):
        return reverse("learners:learner_list")
    return home_url()
