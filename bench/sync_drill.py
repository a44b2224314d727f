"""Drill: offline quiz attempts of many learners, sent again and again, in any order, cut halfway; none lost or doubled.

The drill of tests/quizzes/test_sync_drill.py at a larger size (tests/quizzes/sync_drill.py holds it): in a
throwaway database (a SQLite file in a temporary directory, or with --database postgres a test database next to
DATABASE_URL's, dropped afterwards), a manual of three modules with lessons and a quiz of every question type,
and N learners whose phones each hold offline attempts and lessons read. Every phone sends through the real
sync endpoint (Django's test client: URL routing, middleware, CSRF token, session) until each attempt is
acknowledged: batches of its waiting attempts in random order, now and then one twice in a request, one already
acknowledged sent again, an upload cut halfway (its first half arrives, the response is lost, the whole batch is
sent again), a response lost. Then the database is counted against the plan: lost, duplicated, answers
differing from those sent, scores differing from `quizzes.grading.grade` on the same answers, question outcomes,
attempt numbers, lessons read, module completions.

    .venv/bin/python bench/sync_drill.py [--learners 200] [--attempts 2000] [--seed 1] [--database sqlite|postgres]
                                         [--json FILE]

Figures, not a test: it prints them and a PASS / FAIL line (0 lost, 0 duplicated, every score as grading gives).
In-process, no network; every loop bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/bench_sync_drill"  # as on these machines (TESTING.md)


def django_setup(database: str, directory: Path) -> None:
    """Test settings (fast hasher, local-memory cache) on a throwaway database made as the test runner makes it."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["VAR_DIR"] = str(directory)
    if database == "postgres":
        os.environ.setdefault("DATABASE_URL", POSTGRES_URL)
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    if database == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(directory / "drill.sqlite3")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--attempts", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    learners = max(1, min(args.learners, 5000))
    attempts = max(1, min(args.attempts, 50_000))

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        django_setup(args.database, Path(tmp))
        from django.db import connection
        from django.test.utils import setup_test_environment, teardown_test_environment

        from tests.quizzes.sync_drill import drill_run, drill_summary

        setup_test_environment()
        print(f"Migrating a throwaway {args.database} database ...", flush=True)
        old_name = connection.settings_dict["NAME"]
        with contextlib.redirect_stdout(io.StringIO()):  # migrations' own chatter (translation fields added)
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            started = time.perf_counter()
            report = drill_run(learners=learners, attempts=attempts, seed=args.seed, prefix="bench")
            total = time.perf_counter() - started
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

    print(f"\nSync drill ({args.database}, seed {args.seed}): {drill_summary(report)}")
    print(f"  whole run with the content and learners made: {total:.1f} s")
    if report.problems:
        print("  problems:", report.problems[:10])
    if args.json:
        figures = {
            "database": args.database,
            "seed": args.seed,
            "learners": report.learners,
            "attempts": report.attempts,
            "lessons": report.lessons,
            "requests": report.requests,
            "copies_sent": report.copies_sent,
            "duplicates_in_a_request": report.duplicates_in_a_request,
            "sent_again_after_acknowledged": report.sent_again_after_acknowledged,
            "partial_uploads": report.partial_uploads,
            "lost_responses": report.lost_responses,
            "statuses": dict(report.statuses),
            "seconds": round(report.seconds, 2),
            "lost": report.lost,
            "duplicated": report.duplicated,
            "wrong_answers": report.wrong_answers,
            "wrong_scores": report.wrong_scores,
            "wrong_outcomes": report.wrong_outcomes,
            "wrong_numbers": report.wrong_numbers,
            "wrong_lessons": report.wrong_lessons,
            "wrong_completions": report.wrong_completions,
            "verdict": "PASS" if report.ok else "FAIL",
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
