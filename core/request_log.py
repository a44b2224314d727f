"""One JSON line per request (time, method, path, status, duration, size) for a log collector.

Logged to the `core.requests` logger (LOGGING decides where: production sends it to standard error, which
gunicorn and systemd/journald collect). The query string is left out (it can hold a sign-in `next` or a token),
and so is anything about the person.
"""

import json
import logging
import time

from django.utils import timezone

logger = logging.getLogger("core.requests")


class RequestLogMiddleware:
    """First in MIDDLEWARE, so the duration covers every other middleware and the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        line = {
            "time": timezone.now().isoformat(timespec="milliseconds"),
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 2),
            "bytes": None if response.streaming else len(response.content),
        }
        logger.info(json.dumps(line, ensure_ascii=False))
        return response
