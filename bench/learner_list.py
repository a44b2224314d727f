"""The coordinators' learner list with progress columns against 100,000 synthetic learners, served as in production.

Built, served and signed in exactly as bench/reports.py does (the same load database, var/loaddata.sqlite3, made by
`manage.py generate_load_data` if missing; gunicorn with production settings; `bench-coordinator`, a national
coordinator verified by an authenticator app). Then:

1. Query counts, in this process through Django's test client: the list's first page (50 learners), its last
   page (fewer), and pages filtered to a province, a commune and certificate holders (populations from the whole
   country down to a few dozen) must cost the same number of queries.
2. The median and p90 latency of sequential requests to the list, 50 a page, in each order and with each progress
   filter, as the national coordinator (100,000 learners in scope) and as the coordinator of the largest province
   (the same account given that province for the second half, and made national again at the end), with
   /health/ as the reference measured in the same run. Budget: median <= 150 ms.
3. The province's export (its coordinator's whole list), CSV and XLSX, and the whole country's CSV, with the peak
   resident memory (RSS) of gunicorn's processes during each against the largest process before it: the files
   stream, so memory stays flat whatever their length.

    .venv/bin/python bench/learner_list.py [--requests 30] [--learners 100000] [--rebuild] [--json FILE]

Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

from server import HOST, ProductionServer, collectstatic, cores

# bench/reports.py builds, serves and signs in to the load database; it is loaded under another name, since the
# site has an app called `reports` too.
_spec = importlib.util.spec_from_file_location("bench_reports", Path(__file__).with_name("reports.py"))
bench_reports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_reports)

BUDGET_MS = 150.0
EXPORT_REQUESTS = 3
PROVINCIAL_COORDINATOR = "Provincial coordinator"  # learners.groups.PROVINCIAL_COORDINATOR
LIST = "/km/coordinate/"


def national_targets(province: str) -> list[tuple[str, str]]:
    return [
        ("by name", LIST),
        ("by last activity", f"{LIST}?sort=activity"),
        ("not started", f"{LIST}?progress=not_started"),
        ("in progress, by activity", f"{LIST}?progress=in_progress&sort=activity"),
        ("completed", f"{LIST}?progress=completed"),
        ("certificate, by activity", f"{LIST}?progress=certificate&sort=activity"),
        ("commune council members", f"{LIST}?role=commune_council&sort=activity"),
        ("largest province, in progress", f"{LIST}?province={province}&progress=in_progress"),
        ("page 100 (offset 4,950)", f"{LIST}?page=100"),
    ]


def provincial_targets() -> list[tuple[str, str]]:
    return [
        ("by name", LIST),
        ("by last activity", f"{LIST}?sort=activity"),
        ("not started", f"{LIST}?progress=not_started"),
        ("certificate", f"{LIST}?progress=certificate"),
    ]


def comparable_pages() -> list[tuple[str, str, str]]:
    """Pairs of list pages with the same filters (so the same form) over different populations or page sizes:
    (what they share, first page, second page)."""
    from django.db.models import Count

    from learners.models import LearnerProfile

    def extremes(field: str) -> tuple[str, str]:
        rows = LearnerProfile.objects.exclude(**{f"{field}__isnull": True}).values(field).annotate(n=Count("pk"))
        return rows.order_by("-n").first()[field], rows.order_by("n").first()[field]

    council = LearnerProfile.objects.filter(role="commune_council").count()
    big_province, small_province = extremes("province")
    big_commune, small_commune = extremes("commune")
    return [
        ("everyone", f"{LIST}", f"{LIST}?page=2000"),
        (
            "a role (first page, last page)",
            f"{LIST}?role=commune_council",
            f"{LIST}?role=commune_council&page={-(-council // 50)}",
        ),
        ("a province (largest, smallest)", f"{LIST}?province={big_province}", f"{LIST}?province={small_province}"),
        ("a commune (largest, smallest)", f"{LIST}?commune={big_commune}", f"{LIST}?commune={small_commune}"),
        (
            "certificate holders by activity, page 1 and 2",
            f"{LIST}?progress=certificate&sort=activity",
            f"{LIST}?progress=certificate&sort=activity&page=2",
        ),
    ]


def query_counts(cookie: str) -> list[dict]:
    """Queries per list page, counted in this process, for pairs of pages that differ only in population or rows."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.cookies["sessionid"] = cookie
    client.get(LIST)  # per-process caches (content types, site root) warm up once, as in a long-lived worker

    def count(path: str) -> dict:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # One card title per learner on the page.
        return {
            "path": path,
            "status": response.status_code,
            "queries": len(queries),
            "rows": response.content.count(b'class="card-title"'),
        }

    return [{"name": name, "pages": [count(first), count(second)]} for name, first, second in comparable_pages()]


def as_provincial_coordinator(province: str):
    """Make bench-coordinator the coordinator of `province` only; returns a function that makes them national."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from learners.models import CoordinatorScope, Province

    user = get_user_model().objects.get(username=bench_reports.COORDINATOR)
    national = Group.objects.get(name=bench_reports.NATIONAL_COORDINATOR)
    provincial = Group.objects.get(name=PROVINCIAL_COORDINATOR)
    user.groups.remove(national)
    user.groups.add(provincial)
    scope, _created = CoordinatorScope.objects.get_or_create(user=user)
    scope.provinces.set([Province.objects.get(code=province)])

    def restore() -> None:
        user.groups.remove(provincial)
        user.groups.add(national)
        CoordinatorScope.objects.filter(user=user).delete()

    return restore


def measure_export(server, path: str, *, cookie: str, requests: int = EXPORT_REQUESTS) -> dict:
    sampler = bench_reports.RssSampler(server.process.pid)
    baseline_kb = max(sampler.rss_kb().values(), default=0)
    sampler.start()
    try:
        row = bench_reports.measure(server.base_url, path, cookie=cookie, requests=requests)
    finally:
        sampler.stop.set()
        sampler.join()
    row["rss_baseline_mb"] = round(baseline_kb / 1024, 1)
    row["rss_peak_mb"] = round(sampler.peak_kb / 1024, 1)
    return row


def print_table(title: str, targets: list[tuple[str, str]], results: dict, reference: float) -> None:
    print(f"\n{title}")
    print(f"{'page':<34} {'status':>7} {'median':>10} {'p90':>10} {'bytes':>9} {'× /health/':>10}  budget")
    for name, _path in targets:
        row = results[name]
        if not row.get("available", True):
            print(f"{name:<34} {'404':>7}  not available")
            continue
        verdict = "PASS" if row["median_ms"] <= BUDGET_MS else "OVER"
        ratio = row["median_ms"] / reference if reference else 0
        print(
            f"{name:<34} {','.join(map(str, row['status'])):>7} {row['median_ms']:>8.1f}ms {row['p90_ms']:>8.1f}ms "
            f"{row['bytes']:>9,} {ratio:>10.1f}  {verdict}"
        )


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    bench_reports.population_arguments(parser)
    args = parser.parse_args(argv)

    bench_reports.build(learners=args.learners, gazetteer=args.gazetteer, rebuild=args.rebuild)
    env = bench_reports.bench_env()
    collectstatic(env)
    bench_reports.django_setup(env)
    cookie = bench_reports.coordinator_session()
    province, province_learners = bench_reports.largest_province()
    counts = bench_reports.population()
    print("Load database:", ", ".join(f"{name} {value:,}" for name, value in counts.items()))

    queries = query_counts(cookie)
    print("\nQueries per list page (50 a page), counted in-process, for pages that differ only in population or rows:")
    for pair in queries:
        print(f"  {pair['name']}")
        for page in pair["pages"]:
            print(f"    {page['status']}  {page['queries']:>3} queries  {page['rows']:>2} learners  {page['path']}")
    same = all(len({page["queries"] for page in pair["pages"]}) == 1 for pair in queries)
    print(f"  {'SAME' if same else 'DIFFERENT'}: queries independent of the page's rows and of the population")

    national = national_targets(province)
    provincial = provincial_targets()
    results: dict[str, dict] = {"national": {}, "provincial": {}, "exports": {}}
    started = time.monotonic()
    with ProductionServer(workers=args.workers, env=env) as server:
        reference = bench_reports.measure(server.base_url, "/health/", cookie=cookie, requests=args.requests)
        for name, path in national:
            results["national"][name] = bench_reports.measure(
                server.base_url, path, cookie=cookie, requests=args.requests
            )
        restore = as_provincial_coordinator(province)
        try:
            for name, path in provincial:
                results["provincial"][name] = bench_reports.measure(
                    server.base_url, path, cookie=cookie, requests=args.requests
                )
            for name, path in (
                ("province csv", "/km/coordinate/export.csv"),
                ("province xlsx", "/km/coordinate/export.xlsx"),
            ):
                results["exports"][name] = measure_export(server, path, cookie=cookie)
        finally:
            restore()
        # The whole country once (after two warm-up requests): ten times the province's rows, the same memory.
        results["exports"]["country csv"] = measure_export(
            server, "/km/coordinate/export.csv", cookie=cookie, requests=1
        )

    health = reference["median_ms"]
    print(
        f"\nLearner list on {counts['learners']:,} learners ({HOST}, {args.workers} gunicorn workers, {cores()} cores; "
        f"/health/ median {health:.1f} ms)"
    )
    print_table(
        f"National coordinator ({counts['learners']:,} learners in scope)", national, results["national"], health
    )
    print_table(
        f"Coordinator of province {province} ({province_learners:,} learners in scope)",
        provincial,
        results["provincial"],
        health,
    )
    print("\nExports with progress columns (streamed), and the peak memory of gunicorn's processes meanwhile")
    for name, rows in (
        ("province csv", province_learners),
        ("province xlsx", province_learners),
        ("country csv", counts["learners"]),
    ):
        row = results["exports"][name]
        print(
            f"  {name:<14} {','.join(map(str, row['status']))}  {rows:>7,} rows, median {row['median_ms']:>7,.0f} ms, "
            f"{row['bytes']:>11,} bytes; peak RSS {row['rss_peak_mb']} MB (largest process before: "
            f"{row['rss_baseline_mb']} MB)"
        )
    medians = [row["median_ms"] for group in ("national", "provincial") for row in results[group].values()]
    worst = max(medians)
    print(
        f"\n{'PASS' if worst <= BUDGET_MS and same else 'OVER'}: slowest list median {worst:.1f} ms "
        f"(budget {BUDGET_MS:.0f} ms), median of medians {statistics.median(medians):.1f} ms; "
        f"{time.monotonic() - started:.0f} s measuring."
    )
    if args.json:
        figures = {
            "learners": counts["learners"],
            "counts": counts,
            "province": province,
            "province_learners": province_learners,
            "workers": args.workers,
            "cores": cores(),
            "requests": args.requests,
            "reference": reference,
            "queries": queries,
            "results": results,
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
