"""Where a page's time goes, in one process: routing, SQL, StreamField rendering, templates, compression.

Django's test client with the production settings (as gunicorn runs them) against the demo database (VAR_DIR),
a browser's Accept-Encoding, 300 requests per case after a warm-up. For each case: milliseconds per request
without the profiler next to `/health/`, then cProfile's cumulative share of a few stages (they nest: the
templates' share includes the StreamField and the SQL run from templates).

    .venv/bin/python bench/page_profile.py [--requests 300] [--cache on|off|both]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project before bench/: bench/search.py and bench/reports.py would otherwise stand in for the apps of the same
# name when Django imports them in this process.
sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != ROOT / "bench"]
sys.path.append(str(ROOT / "bench"))

from server import production_env  # noqa: E402

ACCEPT = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
# (label, file name ending, function name): cumulative time of that call.
STAGES = [
    ("whole request", "django/core/handlers/base.py", "get_response"),
    ("page cache: serve a kept page", "core/page_cache.py", "_serve_kept"),
    ("routing (find the page)", "wagtail/models/pages.py", "route_for_request"),
    ("before-serve hooks (reading recorded)", "wagtail/views.py", "serve"),
    ("SQL: build, run, read rows (anywhere)", "django/db/models/sql/compiler.py", "execute_sql"),
    ("templates (incl. StreamField, their SQL)", "django/template/response.py", "render"),
    ("StreamField blocks", "wagtail/blocks/stream_block.py", "render"),
    ("session and account", "django/contrib/auth/middleware.py", "get_user"),
    ("compression (gzip)", "django/middleware/gzip.py", "process_response"),
]


def setup(cache: bool) -> None:
    os.environ.update(production_env())
    import django

    django.setup()
    from django.conf import settings

    settings.PAGE_CACHE_ENABLED = cache


def timed(client, url: str, count: int, **headers) -> float:
    start = time.perf_counter()
    for _ in range(count):
        response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - start) * 1000 / count


def stage_shares(client, url: str, count: int) -> list[tuple[str, float]]:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(count):
        client.get(url, **ACCEPT)
    profile.disable()
    stats = pstats.Stats(profile).stats
    totals = {}
    for (filename, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.items():
        for label, ending, function in STAGES:
            if name == function and filename.endswith(ending):
                totals[label] = totals.get(label, 0.0) + cumulative
    whole = totals.get("whole request") or 1.0
    return [(label, totals.get(label, 0.0) / whole) for label, _e, _f in STAGES[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--cache", choices=["on", "off", "both"], default="both")
    args = parser.parse_args(argv)
    setup(cache=True)
    import logging

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from curriculum.models import LessonPage

    logging.disable(logging.CRITICAL)
    settings.ALLOWED_HOSTS = ["testserver"]
    lesson = LessonPage.objects.live().order_by("path").first()
    url = lesson.get_url()
    learner = get_user_model().objects.filter(username="officer").first()
    anonymous, reader, health = Client(), Client(), Client()
    if learner is not None:
        reader.force_login(learner)
    modes = {"on": [True], "off": [False], "both": [False, True]}[args.cache]
    count = max(20, args.requests)
    print(f"{url} ({count} requests per case, load average {os.getloadavg()[0]:.2f})")
    for cache in modes:
        settings.PAGE_CACHE_ENABLED = cache
        cases = [("anonymous lesson", anonymous)] + ([("signed-in lesson", reader)] if learner else [])
        for label, client in cases:
            timed(client, url, 20, **ACCEPT)
            timed(health, "/health/", 20)
            reference = timed(health, "/health/", count)
            page = timed(client, url, count, **ACCEPT)
            print(
                f"\n{label}, page cache {'on' if cache else 'off'}: {page:.2f} ms per request, /health/ "
                f"{reference:.2f} ms (ratio {reference / page:.2f})"
            )
            for stage, share in stage_shares(client, url, count):
                if share:
                    print(f"  {stage:<44} {share * 100:5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
