"""Site middleware: locale handling (/km/... and /en/...), compression of text, security headers."""

import re

from django.conf import settings
from django.http import HttpRequest
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# A reader's language choice outlives the browser session (phones seldom close theirs, but some clear it).
LANGUAGE_CHOICE_MAX_AGE = 365 * 24 * 60 * 60
LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?)(?:/|$)")


def reader_language(request: HttpRequest) -> str:
    """The language for a path without one (`/`, `/training/`, the admin's sign-in): the one the reader chose
    (the language switch's cookie), else Khmer. The browser's Accept-Language is ignored on purpose: many Khmer
    readers' phones are set to English, and one rule for every path means a link never changes language."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


class SiteLocaleMiddleware(LocaleMiddleware):
    """A path's language comes from its prefix, else `reader_language`.

    Django redirects any 404 to the same path under the default language; since the manual's
    pages catch every path, /fr/x/ would become /km/fr/x/. A path that already starts with what
    looks like a language code we do not offer gets the 404 itself, in Khmer. And a 404 from a view that
    was found (an admin report for a province outside the reader's scope, say) is that view's answer: sending
    it on to a language-prefixed copy of the path would only turn "not found" into a redirect."""

    def process_request(self, request):
        # Wagtail's admin is for staff: it speaks their account's admin language, else their browser's (Django's
        # rule). The reader's rule below is for the manual's readers.
        if request.path_info.startswith("/admin/"):
            return super().process_request(request)
        language = translation.get_language_from_path(request.path_info) or reader_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            return response
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            known = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1) not in known:
                response.setdefault("Content-Language", settings.LANGUAGE_CODE)
                return response
        response = super().process_response(request, response)
        self._remember_language(request, response)
        return response

    @staticmethod
    def _remember_language(request, response) -> None:
        """A page read under /en/ (through the language switch, or a link) makes English the reader's choice for
        paths without a language; one read under /km/ makes it Khmer again. Set only when the choice changes, so
        pages are not sent with a cookie each time."""
        language = translation.get_language_from_path(request.path_info)
        if not language or request.method != "GET" or response.status_code != 200:
            return
        if not response.get("Content-Type", "").startswith("text/html"):
            return
        if reader_language(request) == language:
            return
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE or LANGUAGE_CHOICE_MAX_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )


COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/manifest+json",
    "application/javascript",
    "application/xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    """Compress pages and text only. Images, fonts, audio and video are compressed already; gzipping them
    again drops Content-Length and breaks byte-range requests, which phones need to seek in a video."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


def _private_path_pattern() -> re.Pattern:
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:admin/|(?:{languages})/(?:coordinate|account)/)")


class SecurityHeadersMiddleware:
    """Content-Security-Policy, Permissions-Policy, and no browser copy of pages that hold personal data.

    The public site and the coordinators' pages get a strict policy (everything from this site, no inline script
    or style); Wagtail's admin, which needs inline scripts and styles in places, a compatible one. Coordinators'
    pages, accounts, the admin (reports included) and every download sent as an attachment to a signed-in person
    (exports, certificates) are `no-store`: a shared phone or an office computer keeps no copy of them.
    Django's own debug pages (DEBUG only) use inline styles and scripts and are left without a policy, and so are
    PDFs: browsers show them with a built-in viewer that a page policy (`object-src 'none'`) can block.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.private_paths = _private_path_pattern()

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if not (settings.DEBUG and response.status_code >= 400) and not self._pdf(response):
            admin = path.startswith("/admin/")
            policy = settings.CONTENT_SECURITY_POLICY_ADMIN if admin else settings.CONTENT_SECURITY_POLICY_SITE
            response.setdefault("Content-Security-Policy", policy)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if self.private_paths.match(path) or self._personal_download(request, response):
            response["Cache-Control"] = "private, no-store"
            response.headers.pop("Expires", None)
        return response

    @staticmethod
    def _pdf(response) -> bool:
        return response.get("Content-Type", "").startswith("application/pdf")

    @staticmethod
    def _personal_download(request, response) -> bool:
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        return signed_in and response.get("Content-Disposition", "").startswith("attachment")
