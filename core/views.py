"""Site-wide views: the root redirect, media serving for single-machine deployments, error pages."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.static import serve

MEDIA_MAX_AGE = 60 * 60 * 24 * 7


def root_redirect(request: HttpRequest) -> HttpResponse:
    """Send `/` to the Khmer site unless the reader chose another language before.

    Browsers' Accept-Language is ignored on purpose: many Khmer readers' phones are set to English.
    """
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    known = {code for code, _name in settings.LANGUAGES}
    language = chosen if chosen in known else settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")


@cache_control(public=True, max_age=MEDIA_MAX_AGE)
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, renditions, audio and video, for deployments without a separate media server."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and uptime checks: the process answers, without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"request_path": request.path}, request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """A bilingual page that needs no database, no context processors and no translation catalogue."""
    with translation.override(settings.LANGUAGE_CODE):
        template = loader.get_template("500.html")
        return HttpResponse(template.render({}), status=500)
