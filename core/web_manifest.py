"""The web app manifest: how the site looks when a learner adds it to a phone's home screen, in their language.

One manifest per language (/km/manifest.webmanifest, /en/...) so the name under the icon is in the reader's
language and the app opens at their language's home page; both share the id "/", so installing one and then the
other does not make two apps.

The icons are static/img/icon.svg drawn at 192 and 512 px, and static/img/icon-maskable.svg (the same motif on a
full-bleed background, kept inside the central 80% that every launcher's mask leaves visible) at 512 px, reduced
to a 32-colour palette so that the three weigh under 10 KB together.
"""

from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.json import UnicodeJSONEncoder
from core.translated import reader_language

# From the palette in static/css/site.css: --brand for the browser's bar, --paper behind the splash screen.
THEME_COLOR = "#1f5f8b"
BACKGROUND_COLOR = "#ffffff"
# (static file, size in px, purpose)
ICONS = (
    ("img/icon-192.png", 192, "any"),
    ("img/icon-512.png", 512, "any"),
    ("img/icon-maskable-512.png", 512, "maskable"),
)
MANIFEST_MAX_AGE = 60 * 60


def web_manifest_data() -> dict:
    """The manifest in the active language (the request's /km/ or /en/ prefix)."""
    language = reader_language()
    return {
        "id": "/",
        "name": _("Child-friendly police training"),
        "short_name": _("Child-friendly police"),
        "description": _("A training manual for police officers and commune councils who protect children."),
        "lang": language,
        "dir": "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": static(name), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for name, size, purpose in ICONS
        ],
    }


@require_GET
@cache_control(public=True, max_age=MANIFEST_MAX_AGE)
def web_manifest(request: HttpRequest) -> HttpResponse:
    """Public and briefly cached: the same for everyone reading in a language, and rarely changed."""
    encoder = UnicodeJSONEncoder(sort_keys=True, separators=(",", ":"))
    return HttpResponse(encoder.encode(web_manifest_data()), content_type="application/manifest+json")
