"""Site-wide views: the root redirect, media serving for single-machine deployments, health, error pages."""

import sys

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.static import serve

from core.health import is_storage_full, storage_problems
from core.middleware import reader_language

MEDIA_MAX_AGE = 60 * 60 * 24 * 7
STORAGE_FULL_RETRY_AFTER = 5 * 60
ERROR_PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'"
)


def root_redirect(request: HttpRequest) -> HttpResponse:
    """Send `/` to the Khmer site unless the reader chose another language before: the rule of every path
    without a language (core.middleware.reader_language)."""
    return HttpResponseRedirect(f"/{reader_language(request)}/")


@cache_control(public=True, max_age=MEDIA_MAX_AGE)
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, renditions, audio and video, for deployments without a separate media server."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: 200 "ok" while the site can save what people submit, else 503
    with the reasons (see core.health: a rolled-back write, and free disk space where SQLite and media live)."""
    problems = storage_problems()
    if problems:
        return HttpResponse("\n".join(problems), content_type="text/plain; charset=utf-8", status=503)
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """A bilingual page that needs no database, no context processors and no translation catalogue.

    When the failure was a full database or disk, the page says the site cannot save for now (503, try later):
    what people typed was not lost through their own fault, and a generic "something went wrong" sends them
    to retry at once or give up.
    """
    storage_full = is_storage_full(sys.exc_info()[1])
    with translation.override(settings.LANGUAGE_CODE):
        template = loader.get_template("500.html")
        response = HttpResponse(template.render({"storage_full": storage_full}), status=503 if storage_full else 500)
    if storage_full:
        response["Retry-After"] = str(STORAGE_FULL_RETRY_AFTER)
    # The page's one inline style block; it shows no data, so nothing else needs to be allowed.
    response["Content-Security-Policy"] = ERROR_PAGE_CSP
    return response
