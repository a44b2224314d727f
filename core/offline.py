"""The site as an installable web app that reads and takes quizzes offline: the service worker and the page shown
when a page is not kept on the phone.

The service worker is served from the site's root (a worker controls only the paths below its own URL) and rendered
from a template, so it names the static files by their deployed, hashed URLs and changes whenever one of them does:
browsers compare its bytes to decide on an update, and an update drops the old caches.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import etag, require_GET

# Kept at install time, so that the first page a reader cannot reach already has something to show.
PRECACHED_STATIC = ("css/site.css", "js/store.js", "js/site.js", "img/icon.svg")
SERVICE_WORKER_MAX_AGE = 60 * 60


SOURCE = Path(__file__).with_name("sw.js")


@lru_cache(maxsize=1)
def service_worker_source() -> str:
    config = {
        "store": static("js/store.js"),
        "precache": [static(name) for name in PRECACHED_STATIC],
        "offline": [f"/{code}/offline/" for code, _name in settings.LANGUAGES],
    }
    digest = hashlib.sha256(SOURCE.read_bytes())
    # The files' bytes too: in development their URLs carry no hash, and a changed script must still reach phones.
    for name in PRECACHED_STATIC:
        digest.update(Path(finders.find(name)).read_bytes())
    config["version"] = digest.hexdigest()[:12]
    body = SOURCE.read_text(encoding="utf-8")
    return f"const CONFIG = {json.dumps(config, sort_keys=True)};\n{body}"


def _service_worker_etag(request: HttpRequest) -> str:
    return hashlib.sha256(service_worker_source().encode()).hexdigest()[:16]


@require_GET
@cache_control(max_age=SERVICE_WORKER_MAX_AGE)
@etag(_service_worker_etag)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Browsers check the worker for an update after every page they open. The page script registers it with
    `updateViaCache: "all"`, so for an hour those checks are answered by the phone's own HTTP cache (a kept lesson
    opened again costs no byte), then by a 304 of a few hundred bytes; a new release reaches phones within the hour
    (browsers never wait longer than a day, whatever the header says)."""
    response = HttpResponse(service_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@cache_control(public=True, max_age=60 * 60)
def offline_page(request: HttpRequest) -> HttpResponse:
    """What a phone shows for a page it has not kept while there is no connection, in the reader's language; the
    page script lists what is kept. Kept by the service worker as an anonymous copy (no one's name or answers)."""
    return render(request, "core/offline.html")
