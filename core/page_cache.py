"""Rendered manual pages kept in Django's cache, keyed by path, host, language and content version.

A lesson costs the server routing, translated-field SQL, StreamField rendering, templates and compression (the
profile is in bench/README.md); none of it depends on who reads, except a few small parts of base.html. So:

- A page a reader opens (a Wagtail page of a model named in `PAGE_CACHE_MODELS`, no view restriction, GET, no
  query string, no message waiting) is rendered once and kept in the `pages` cache (shared between workers, and
  between servers when it is Redis). What base.html shows of the reader (the account menu, `data-learner`, a
  coordinator's decision) is rendered through `{% personal_part %}`, which marks it while the page is being kept,
  so the kept copy is the page with those parts cut out.
- Anonymous readers get the kept page as it is, already gzipped, with an `ETag` and `Last-Modified`: a phone that
  holds it (its HTTP cache, or the service worker's revalidation) gets a 304 and no body.
- Signed-in readers of a model kept "for everyone" (lessons) get the same copy with their parts rendered in
  (three small templates); the `serve_cached_page` hooks (request, page id, parent id, model label, and
  `parent_place`, the parent's (path, depth)) then run in place of the page's own `before_serve_page` ones (the
  quizzes app records the reading there). Other pages are rendered for them as before. Their gzipped
  copy reuses the kept text compressed once per process (`_gzip_for_reader`): compressing the whole page for each
  reader was about a tenth of its cost.
- The content version is one key in the same cache. Any change to what these pages show (a page saved, published,
  unpublished, moved or deleted; a snippet, image, document, site, setting or view restriction saved or deleted)
  replaces it once the transaction commits, so every kept page is left behind at once, in every worker and server.

Never kept: a response that sets a cookie or used a CSRF token (a form's token belongs to one person), one marked
private or no-store, anything but a 200 HTML page. Each process also keeps the entries it served last in memory
(the key holds the version, so a stale one is never found); the version itself is read from the shared cache on
every request.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import hashlib
import os
import re
import secrets
import struct
import time
import zlib
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_ALIAS = "pages"
VERSION_KEY = "content-version"
ENTRY_TIMEOUT = 24 * 60 * 60
LOCAL_ENTRIES = 256  # per process, by key (the key holds the content version)
SHARED = "shared"  # PAGE_CACHE_MODELS value: signed-in readers get the kept copy too, with their parts
ANONYMOUS = "anonymous"  # only readers who are not signed in get the kept copy
COLLECTING = "_page_cache_collecting"
SLOT_START = "\x00cfp-part:"
SLOT_END = "\x00cfp-end\x00"
SLOT_PATTERN = re.compile("\x00cfp-part:([^\x00]+)\x00(.*?)\x00cfp-end\x00", re.S)
HOOK = "serve_cached_page"

_local: OrderedDict[str, dict] = OrderedDict()


def _cache():
    return caches[CACHE_ALIAS]


def shared_cache():
    """The cache every worker and server shares (files on one machine, Redis beyond): for small facts about a
    reader that spare a query on each page, forgotten by whoever changes them."""
    return caches[CACHE_ALIAS]


def current_version() -> str:
    version = _cache().get(VERSION_KEY)
    if version is None:
        version = _new_version()
        if not _cache().add(VERSION_KEY, version, timeout=None):
            version = _cache().get(VERSION_KEY) or version
    return version


def _new_version() -> str:
    return f"{int(time.time())}-{secrets.token_hex(4)}"


def invalidate() -> None:
    """Leave every kept page behind (now: callers in a transaction go through `invalidate_on_commit`)."""
    _cache().set(VERSION_KEY, _new_version(), timeout=None)


def invalidate_on_commit(**_kwargs) -> None:
    """Now, and again once the change is committed: a page rendered meanwhile from the data before the commit
    would otherwise be kept under the new version."""
    invalidate()
    transaction.on_commit(invalidate)


def _key(request, version: str) -> str:
    return f"{version}:{release()}:{request.get_host()}:{translation.get_language()}:{request.path}"


RELEASE_SUFFIXES = (".html", ".py", ".mo", ".txt")
NOT_RELEASE = {".git", ".venv", "var", "tests", "bench", "docs", "node_modules", "media", "__pycache__"}


@lru_cache(maxsize=1)
def release() -> str:
    """A digest of the code, templates and catalogues this process serves (and the static files' manifest): pages
    kept by another release (a server not yet upgraded, or before a template was edited) are never served."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=6)
    files = [Path(settings.STATIC_ROOT) / "staticfiles.json"]
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_RELEASE)
        files.extend(Path(folder) / name for name in sorted(names) if name.endswith(RELEASE_SUFFIXES))
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _models() -> dict[str, str]:
    return {label.lower(): kind for label, kind in getattr(settings, "PAGE_CACHE_MODELS", {}).items()}


def _enabled() -> bool:
    """On unless PAGE_CACHE_ENABLED says otherwise; off by default with DEBUG, where templates change under a
    running server."""
    return getattr(settings, "PAGE_CACHE_ENABLED", not settings.DEBUG)


def _messages_waiting(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _get(key: str) -> dict | None:
    entry = _local.get(key)
    if entry is not None:
        _local.move_to_end(key)
        return entry
    entry = _cache().get(key)
    if entry is not None:
        _remember_locally(key, entry)
    return entry


def _remember_locally(key: str, entry: dict) -> None:
    _local[key] = entry
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def forget_local() -> None:
    """Drop this process's copies (tests)."""
    _local.clear()
    _deflated_pieces.clear()
    _facts.clear()


# Facts about the manual that personal pages show ------------------------------------------------------------------

LOCAL_FACTS = 512  # per process, by key (the key holds the content version)
_facts: OrderedDict[str, object] = OrderedDict()


def kept_while_unchanged(key: str, make):
    """`make()`, computed once per process until the manual's content changes, as kept pages are: for what a
    personal page shows of a page (a module's title and address under a quiz question), which would otherwise
    cost that page a query joining the page tables on every request. `key` names the fact, language included."""
    full_key = f"{current_version()}:{key}"
    if full_key in _facts:
        _facts.move_to_end(full_key)
        return _facts[full_key]
    value = make()
    _facts[full_key] = value
    while len(_facts) > LOCAL_FACTS:
        _facts.popitem(last=False)
    return value


# Parts of base.html that belong to the reader ------------------------------------------------------------------


def personal_part(context, template_name: str) -> str:
    """Render `template_name` (the reader's part of a page); marked when the page is being kept, so that the kept
    copy can be completed for each reader."""
    request = context.get("request")
    html = render_part(template_name, request, context.get("user"))
    if request is not None and getattr(request, COLLECTING, False):
        return mark_safe(f"{SLOT_START}{template_name}\x00{html}{SLOT_END}")  # noqa: S308 - rendered templates
    return html


def render_part(template_name: str, request, user) -> str:
    return loader.get_template(template_name).render({"request": request, "user": user})


def _split(html: str) -> tuple[list[str], list[str], str]:
    """The page cut at its reader's parts (even items text, odd items template names), the parts as rendered for
    this reader, and the page as sent."""
    parts: list[str] = []
    rendered: list[str] = []
    position = 0
    for match in SLOT_PATTERN.finditer(html):
        parts.extend([html[position : match.start()], match.group(1)])
        rendered.append(match.group(2))
        position = match.end()
    parts.append(html[position:])
    return parts, rendered, SLOT_PATTERN.sub(lambda match: match.group(2), html)


def _compose(parts: list[str], request, user) -> str:
    return "".join(part if index % 2 == 0 else render_part(part, request, user) for index, part in enumerate(parts))


# gzip (RFC 1952) around raw deflate (RFC 1951). A deflate stream is a run of blocks; a piece compressed by itself
# and flushed to a byte boundary (Z_SYNC_FLUSH: no last-block mark) may follow any other. A piece may also be
# compressed against a dictionary: its back-references then reach into the text sent just before it, which the
# browser has just decompressed, so the dictionary must be exactly that text. Each piece uses the one or two
# chunks before it (the kept text and the reader's part), no more: an account menu or an empty notice is the
# same for most readers, so the large kept pieces compressed against them are computed once per process.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, unknown system
LAST_BLOCK = b"\x03\x00"  # an empty fixed-Huffman block marked last
LOCAL_DEFLATED = 1024  # per process, by kept page, piece and the reader's part before it
# Smaller kept pieces are compressed for each reader (a few microseconds): the one after the reader's own id would
# otherwise fill the memo with a copy per reader and push out the large ones.
DEFLATE_KEPT_FROM = 2048
_deflated_pieces: OrderedDict[tuple[str, int, bytes], bytes] = OrderedDict()


def _deflated(data: bytes, before: bytes = b"") -> bytes:
    compressor = (
        zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS, zdict=before[-32768:])
        if before
        else zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    )
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def _kept_piece_deflated(entry: dict, index: int, part: bytes) -> bytes:
    """Kept piece `index` (after the first) compressed against the kept piece and the reader's `part` before it."""
    texts = entry["texts"]
    if len(texts[index]) < DEFLATE_KEPT_FROM:
        return _deflated(texts[index], texts[index - 1] + part)
    key = (entry["etag"], index, part)
    found = _deflated_pieces.get(key)
    if found is None:
        found = _deflated(texts[index], texts[index - 1] + part)
        _deflated_pieces[key] = found
        while len(_deflated_pieces) > LOCAL_DEFLATED:
            _deflated_pieces.popitem(last=False)
    else:
        _deflated_pieces.move_to_end(key)
    return found


def _gzip_for_reader(entry: dict, rendered: list[bytes]) -> bytes:
    """The kept page with the reader's parts as one gzip member, compressing only what differs between readers."""
    texts = entry["texts"]
    out = [GZIP_HEADER, entry["first_deflated"]]
    crc, size = zlib.crc32(texts[0]), len(texts[0])
    for index, part in enumerate(rendered, start=1):
        out.append(_deflated(part, texts[index - 1]))
        out.append(_kept_piece_deflated(entry, index, part))
        for data in (part, texts[index]):
            crc = zlib.crc32(data, crc)
            size += len(data)
    out.append(LAST_BLOCK + struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(out)


def _etag(body: bytes) -> str:
    return f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


def _reader_etag(entry: dict, rendered: list[bytes]) -> str:
    """A signed-in reader's copy differs from the next reader's only in their parts: the kept text's ETag and those
    parts name it (hashing the whole page again for each request cost more)."""
    return _etag(entry["etag"].encode() + b"\x00" + b"\x00".join(rendered))


def _accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "")


# Serving ------------------------------------------------------------------------------------------------------------


def _response(request, content, *, etag: str, last_modified: int | None, entry: dict):
    """The kept page, or a 304. `content(gzipped)` gives the body, gzipped when asked. Last-Modified only on the
    anonymous copy: a signed-in reader's parts change without the page changing, so their copy is revalidated by
    its ETag alone."""
    response = HttpResponse(content_type=entry["content_type"])
    response["ETag"] = etag
    # Kept by browsers and the service worker, but asked again each time (a 304 when unchanged).
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if conditional is not response:
        return conditional
    gzipped = _accepts_gzip(request)
    response.content = content(gzipped)
    if gzipped:
        response["Content-Encoding"] = "gzip"
    return response


def _serve_kept(request, entry: dict):
    user = request.user
    if not user.is_authenticated:
        return _response(
            request,
            lambda gzipped: entry["gzip"] if gzipped else entry["body"],
            etag=entry["etag"],
            last_modified=entry["last_modified"],
            entry=entry,
        )
    for hook in hooks.get_hooks(HOOK):
        result = hook(request, entry["page_id"], entry["parent_id"], entry["model"], parent_place=entry["parent_place"])
        if isinstance(result, HttpResponse):
            return result
    rendered = [render_part(name, request, user).encode() for name in entry["part_names"]]
    etag = _reader_etag(entry, rendered)

    def content(gzipped: bool) -> bytes:
        if gzipped:
            return _gzip_for_reader(entry, rendered)
        texts = entry["texts"]
        return b"".join(chunk for index, part in enumerate(rendered) for chunk in (texts[index], part)) + texts[-1]

    return _response(request, content, etag=etag, last_modified=None, entry=entry)


def _keepable(request, response) -> dict | None:
    """What a freshly rendered page response needs to be kept, or None when it must not be."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    if not response.get("Content-Type", "").startswith("text/html") or response.has_header("Content-Encoding"):
        return None
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return None  # the page holds a CSRF token: it belongs to this reader
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or response.has_header("X-Not-Kept"):
        return None
    page = (getattr(response, "context_data", None) or {}).get("page")
    if page is None:
        return None
    kind = _models().get(page._meta.label_lower)
    if kind is None or list(page.get_view_restrictions()):
        return None
    parent_path = page.path[: -page.steplen]
    return {"page": page, "kind": kind, "parent_path": parent_path}


def _store(request, key: str, response, found: dict) -> None:
    page = found["page"]
    html = response.content.decode(response.charset)
    parts, rendered, sent = _split(html)
    if "csrfmiddlewaretoken" in sent:
        return
    user = request.user
    anonymous_html = sent if not user.is_authenticated else _compose(parts, _as_anonymous(request), _anonymous())
    body = anonymous_html.encode()
    parent_id = getattr(page, "tree_ancestors", None)
    parent_id = parent_id[-1].pk if parent_id else page.get_parent().pk
    entry = {
        # The templates of the reader's parts, the text between them, and its first piece compressed
        # (_gzip_for_reader).
        "part_names": parts[1::2],
        "texts": [text.encode() for text in parts[0::2]],
        "first_deflated": _deflated(parts[0].encode()),
        "body": body,
        "gzip": gzip.compress(body, compresslevel=6, mtime=0),
        "etag": _etag(body),
        "last_modified": int(time.time()),
        "content_type": response["Content-Type"],
        "page_id": page.pk,
        "parent_id": parent_id,
        "parent_place": (found["parent_path"], page.depth - 1),  # the parent page's (path, depth)
        "model": page._meta.label_lower,
        "kind": found["kind"],
    }
    _cache().set(key, entry, timeout=ENTRY_TIMEOUT)
    _remember_locally(key, entry)
    response.content = sent.encode(response.charset)
    # The same validators as the kept copy's, so the phone's next visit can already be a 304.
    response["Cache-Control"] = "no-cache"
    if user.is_authenticated:
        response["ETag"] = _reader_etag(entry, [part.encode() for part in rendered])
    else:
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["last_modified"])


def _as_anonymous(request):
    """The same request as someone not signed in sees it: parts read `request.user` (a decision to tell)."""
    stranger = copy.copy(request)
    stranger.user = _anonymous()
    return stranger


@lru_cache(maxsize=1)
def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


class PageCacheMiddleware:
    """Serve kept manual pages; keep the ones rendered here (see the module's docstring). Last in MIDDLEWARE: the
    response of a kept page still passes through every other middleware (security headers, language, sessions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        pending = getattr(request, "_page_cache_key", None)
        if pending is not None:
            found = _keepable(request, response)
            if found is not None and (found["kind"] == SHARED or not request.user.is_authenticated):
                _store(request, pending, response, found)
            elif getattr(request, COLLECTING, False):
                self._unmark(response)
        return response

    @staticmethod
    def _unmark(response) -> None:
        if not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode(response.charset)
            if SLOT_START in html:
                response.content = SLOT_PATTERN.sub(lambda match: match.group(2), html).encode(response.charset)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or not _enabled():
            return None
        if request.method != "GET" or request.META.get("QUERY_STRING") or _messages_waiting(request):
            return None
        key = _key(request, current_version())
        entry = _get(key)
        if entry is not None:
            if entry["kind"] == SHARED or not request.user.is_authenticated:
                return _serve_kept(request, entry)
            return None
        request._page_cache_key = key
        setattr(request, COLLECTING, True)
        return None


def watched_models() -> tuple[type, ...]:
    """Models whose rows the kept pages show, or whose changes change who may see them."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    from_settings = [apps.get_model(label) for label in getattr(settings, "PAGE_CACHE_WATCHED_MODELS", [])]
    site_settings = [model for model in apps.get_models() if _is_setting(model)]
    return (
        Page,
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
        *site_settings,
        *from_settings,
    )


def _is_setting(model) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def connect() -> None:
    """Replace the content version whenever something kept pages show changes (called from CoreConfig.ready)."""
    watched = None

    def changed(sender, instance, **kwargs):
        nonlocal watched
        if watched is None:
            watched = watched_models()
        if isinstance(instance, watched):
            invalidate_on_commit()

    post_save.connect(changed, dispatch_uid="core.page_cache.saved", weak=False)
    post_delete.connect(changed, dispatch_uid="core.page_cache.deleted", weak=False)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_on_commit, dispatch_uid=f"core.page_cache.{id(signal)}", weak=False)
