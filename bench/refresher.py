"""Marking refreshers at 100,000 synthetic learners: what a significant change of a module costs when published.

Uses the load database of bench/reports.py (built by `manage.py generate_load_data` if missing, or reused) and,
inside transactions that are rolled back (the database is left as it was), measures:

- the marking itself (quizzes.refresher.completions_mark) for the module with the most completions: its time and
  number of queries, against the same statement for one learner's completion, measured in the same run;
- a whole significant change as the publish hook runs it (quizzes.refresher.significant_change_apply: the
  manual's next version, the changed lessons, the marking, the record): time and queries;
- a certificate's status as /verify/ asks it, and the coverage report's grouped query with the refresher count.

    .venv/bin/python bench/refresher.py [--repeat 5] [--learners 100000] [--gazetteer DIR] [--rebuild]

Loopback only (no server is started); every loop is bounded by --repeat.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

# bench/reports.py, loaded under another name: the project's `reports` app must stay importable as `reports`.
_spec = importlib.util.spec_from_file_location("bench_reports", Path(__file__).with_name("reports.py"))
bench_reports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_reports)
bench_env, build, django_setup, load_database = (
    bench_reports.bench_env,
    bench_reports.build,
    bench_reports.django_setup,
    bench_reports.load_database,
)


class Rollback(Exception):
    """Raised to leave the load database as it was."""


def timed(function, *, repeat: int) -> tuple[float, int, object]:
    """Median seconds and the queries of one run of `function` (run `repeat` times, each rolled back)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    seconds, queries, result = [], 0, None
    for _ in range(repeat):
        try:
            with transaction.atomic(), CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                result = function()
                seconds.append(time.perf_counter() - started)
                queries = len(captured)
                raise Rollback
        except Rollback:
            pass
    return statistics.median(seconds), queries, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--gazetteer")
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    repeat = max(1, min(options.repeat, 50))

    build(learners=options.learners, gazetteer=options.gazetteer, rebuild=options.rebuild)
    django_setup(bench_env())

    from django.db.models import Count
    from django.utils import timezone

    from curriculum.models import LessonPage, ModulePage
    from learners.models import LearnerProfile
    from quizzes.models import Certificate, ModuleCompletion
    from quizzes.refresher import certificate_status, completions_mark, significant_change_apply
    from reports.areas import province_report
    from reports.filters import Filters
    from reports.scope import Scope

    learners = LearnerProfile.objects.count()
    per_module = ModuleCompletion.objects.values("module_id").annotate(n=Count("pk"))
    busiest = per_module.order_by("-n").values_list("module_id", "n").first()
    if busiest is None:
        print("No module completions in the load database: nothing to mark.")
        return 1
    module_id, completions = busiest
    one = ModuleCompletion.objects.filter(module_id=module_id).values_list("pk", flat=True).first()
    print(f"Load database: {load_database()} ({learners:,} learners; module {module_id}: {completions:,} completions)")

    def mark_one():
        return ModuleCompletion.objects.filter(pk=one, completed_at__lt=timezone.now()).update(
            refresher_since=timezone.now(), refresher_read=[]
        )

    reference, reference_queries, _ = timed(mark_one, repeat=repeat)
    marking, marking_queries, marked = timed(
        lambda: completions_mark(module_id=module_id, now=timezone.now()), repeat=repeat
    )

    lesson = LessonPage.objects.child_of(ModulePage.objects.get(pk=module_id)).live().first().specific
    lesson.change_significant = True
    lesson.change_note_km, lesson.change_note_en = "ការផ្លាស់ប្តូរសាកល្បង", "A benchmark change"
    lesson.live_revision_id = None  # no revision: recorded even if the page's live revision was recorded before
    whole, whole_queries, change = timed(lambda: significant_change_apply(page=lesson), repeat=repeat)

    certificate = Certificate.objects.order_by("pk").first()
    status_seconds, status_queries, _ = (
        timed(lambda: certificate_status(certificate=certificate), repeat=repeat) if certificate else (0.0, 0, None)
    )
    report_seconds, report_queries, _ = timed(
        lambda: province_report(scope=Scope(provinces=None), filters=Filters()), repeat=repeat
    )

    print(f"Reference: one completion marked:           {reference * 1000:8.1f} ms  {reference_queries} queries")
    print(
        f"All {marked:,} completions marked:           {marking * 1000:8.1f} ms  {marking_queries} queries"
        f"  ({marking / reference:,.0f} x the reference, {marking / max(marked, 1) * 1e6:.1f} µs a completion)"
    )
    print(
        f"Whole significant change (publish hook):    {whole * 1000:8.1f} ms  {whole_queries} queries"
        f"  ({getattr(change, 'completions_marked', 0):,} marked)"
    )
    print(f"A certificate's status (/verify/):          {status_seconds * 1000:8.1f} ms  {status_queries} queries")
    print(f"Coverage by province, with refresher counts:{report_seconds * 1000:8.1f} ms  {report_queries} queries")
    print(f"(medians of {repeat} runs, each rolled back)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
