"""Locale handling: /km/... and /en/... decide the language; an unknown language prefix is simply not found."""

import re

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django redirects any 404 to the same path under the default language; since the manual's
    pages catch every path, /fr/x/ would become /km/fr/x/. A path that already starts with what
    looks like a language code we do not offer gets the 404 itself, in Khmer. And a 404 from a view that
    was found (an admin report for a province outside the reader's scope, say) is that view's answer: sending
    it on to a language-prefixed copy of the path would only turn "not found" into a redirect."""

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            return response
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            known = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1) not in known:
                response.setdefault("Content-Language", settings.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)


COMPRESSIBLE_TYPES = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")


class TextGZipMiddleware(GZipMiddleware):
    """Compress pages and text only. Images, fonts, audio and video are compressed already; gzipping them
    again drops Content-Length and breaks byte-range requests, which phones need to seek in a video."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
