"""The keep list of one module and the versions of several, read by the page script to keep modules on a phone.

Both are public (reading the manual is) and revalidated on every use: `no-cache` with the content version as the
ETag, so a phone that already holds the current answer pays a 304 and no body.
"""

import hashlib
import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.converters import ID_MAX
from core.json import UnicodeJSONEncoder

from .offline_modules import kept_modules, module_keep_list

MAX_VERSION_IDS = 100
BAD_MODULE_IDS = _("Give the module numbers as whole numbers separated by commas.")
TOO_MANY_MODULE_IDS = _("Ask for at most %(limit)s modules at a time.")


class ModuleIdsError(ValueError):
    pass


def _revalidated(request: HttpRequest, response: HttpResponse, version: str) -> HttpResponse:
    """Mark the answer for revalidation and answer a phone that already holds this version with a 304."""
    etag = f'"{version}"'
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional is not response:  # a 304 carries the validators again so the phone keeps its copy current
        conditional["ETag"] = etag
        conditional["Cache-Control"] = "no-cache"
    return conditional


def _json(data: dict, status: int = 200) -> JsonResponse:
    # Khmer titles as UTF-8 (3 bytes a character) rather than \\u escapes (6).
    return JsonResponse(data, status=status, encoder=UnicodeJSONEncoder)


@require_GET
def offline_module(request: HttpRequest, module_id: int) -> HttpResponse:
    kept = kept_modules(module_ids=[module_id], request=request).get(module_id)
    if kept is None:
        raise Http404
    return _revalidated(request, _json(module_keep_list(kept=kept, request=request)), kept.version)


def parse_module_ids(raw: str) -> list[int]:
    """`1,2,3` as distinct ids in the order given (nothing: none); anything else raises ModuleIdsError."""
    items = [item.strip() for item in raw.split(",")] if raw.strip() else []
    if not all(item.isascii() and item.isdigit() and len(item) <= 19 and 0 < int(item) <= ID_MAX for item in items):
        raise ModuleIdsError(BAD_MODULE_IDS)
    ids = list(dict.fromkeys(int(item) for item in items))
    if len(ids) > MAX_VERSION_IDS:
        raise ModuleIdsError(TOO_MANY_MODULE_IDS % {"limit": MAX_VERSION_IDS})
    return ids


@require_GET
def offline_versions(request: HttpRequest) -> HttpResponse:
    """`{"modules": {"<id>": "<version>" | null}}`: null for a module that is gone, unpublished or not readable."""
    try:
        ids = parse_module_ids(request.GET.get("ids", ""))
    except ModuleIdsError as error:
        return _json({"message": str(error)}, status=400)
    kept = kept_modules(module_ids=ids, request=request)
    versions = {str(pk): kept[pk].version if pk in kept else None for pk in ids}
    encoded = json.dumps(versions, sort_keys=True, separators=(",", ":")).encode()
    return _revalidated(request, _json({"modules": versions}), hashlib.sha256(encoded).hexdigest()[:12])
