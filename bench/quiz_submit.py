"""Quiz submissions under concurrent learners, served as in production (gunicorn; SQLite, or PostgreSQL).

A database of the bench's own (a copy of the demo database if `make demo` filled one, else a fresh one with the
demo manual; on PostgreSQL a throwaway database, dropped afterwards) gets bench learners, each with an open
attempt at every demo quiz, answers already saved (as "Next" saves them screen by screen). In each of --rounds
rounds, on the same server, /health/ (a Django view without database) is measured first, then N concurrent
clients POST "Submit" for distinct attempts (signed-in session cookie + CSRF token, as a browser does). The
figure is the median over the rounds of submissions per second divided by /health/ requests per second, since
absolute figures drift on a shared machine. Afterwards the database is checked: every submission the server
acknowledged (302 to the result page) is stored, graded and whole.

    .venv/bin/python bench/quiz_submit.py [--database sqlite|postgres] [--rounds 5] [--clients 32] [--json FILE]

Budget: submissions per second >= 0.15 x /health/ requests per second, with zero errors, on SQLite (the same
ratio is reported on PostgreSQL). Loopback only; bounded loops.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from quiz_load import health_load, submit_load
from server import (
    ROOT,
    THREADS,
    WORKER_CLASS,
    ProductionServer,
    collectstatic,
    cores,
    database_path,
    default_workers,
    production_env,
)

BUDGET_RATIO = 0.15
HEALTH_SECONDS = 3.0  # per round, like --duration for submissions, in SLICES alternating slices
SLICES = 3
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"  # as on these machines (TESTING.md)


def prepare_copy(target_dir: Path) -> Path:
    """A consistent copy of the demo SQLite database (the backup API copes with a live WAL database), or the
    path of a fresh one (migrated and given the demo manual by `django_setup` and `make_learners_and_attempts`)."""
    source = database_path()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / "db.sqlite3"
    if source.exists():
        with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
    link_fonts(target_dir)
    return target


def link_fonts(target_dir: Path) -> None:
    """The Khmer web font `make fonts` put in var/, which collectstatic needs."""
    fonts = Path(os.environ.get("VAR_DIR", ROOT / "var")) / "fonts"
    if fonts.exists() and not (target_dir / "fonts").exists():
        (target_dir / "fonts").symlink_to(fonts, target_is_directory=True)


def bench_env(var_dir: Path, database_url: str | None = None) -> dict[str, str]:
    env = production_env()
    env["VAR_DIR"] = str(var_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@contextlib.contextmanager
def postgres_database():
    """A throwaway PostgreSQL database for one bench run (its URL), dropped afterwards."""
    import psycopg

    name = f"bench_quiz_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def django_setup(env: dict[str, str]) -> None:
    """This process talks to the same database copy with the server's settings (same SECRET_KEY for sessions)."""
    os.environ.pop("DATABASE_URL", None)
    names = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "VAR_DIR", "DATABASE_URL")
    os.environ.update({k: env[k] for k in names if k in env})
    os.environ.update({k: env[k] for k in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "LOG_LEVEL")})
    os.environ["WAGTAILADMIN_BASE_URL"] = env["WAGTAILADMIN_BASE_URL"]
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def make_learners_and_attempts(*, prefix: str, learners: int, seed: int = 4) -> dict:
    """Bench learners with a signed-in session and one open attempt per demo quiz, answers saved.

    Returns {"cookies": {username: session key}, "attempts": [(attempt id, session key), ...], "quizzes": n}.
    """
    import io
    import random

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from core.roles import Role
    from curriculum.demo.loader import load_manual
    from curriculum.models import ModulePage
    from learners.models import Confirmation, Gender, LearnerProfile, Province
    from quizzes.attempts import quiz_content_snapshot, snapshot_arranged
    from quizzes.demo.loader import load_demo_quizzes
    from quizzes.models import Attempt

    if not ModulePage.objects.exists():
        load_manual(stdout=io.StringIO())  # a fresh database: the demo manual, its modules and lessons
    quizzes = load_demo_quizzes(stdout=io.StringIO())
    if not quizzes:
        raise SystemExit("the demo manual has no modules with quizzes: run `make demo` first")
    rng = random.Random(seed)  # noqa: S311  (benchmark data)
    User = get_user_model()
    now = timezone.now()
    with transaction.atomic():
        User.objects.bulk_create(
            [User(username=f"{prefix}{n:05d}", password="!") for n in range(learners)],  # noqa: S106  (unusable)
            batch_size=500,
        )
        users = list(User.objects.filter(username__startswith=prefix).order_by("username"))
        # Registered, confirmed learners whose first activity of the day (starting these attempts) is noted.
        province = Province.objects.order_by("code").first()
        LearnerProfile.objects.bulk_create(
            [
                LearnerProfile(
                    user=user,
                    full_name_km=user.username,
                    role=Role.POLICE_OFFICER,
                    gender=Gender.FEMALE,
                    province=province,
                    confirmation=Confirmation.CONFIRMED,
                    training_started_at=now,
                    training_active_on=timezone.localdate(now),
                )
                for user in users
            ],
            batch_size=500,
        )
        sessions = {}
        for user in users:
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "learners.backends.PhoneOrUsernameBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session.create()
            sessions[user.pk] = session.session_key
        contents = {quiz.pk: quiz_content_snapshot(quiz=quiz) for quiz in quizzes}
        rows = []
        for user in users:
            for quiz in quizzes:
                snapshot = snapshot_arranged(contents[quiz.pk], rng=rng)
                answers = {}
                for question in snapshot["questions"]:
                    right = [c["id"] for c in question["choices"] if c["correct"]]
                    wrong = [c["id"] for c in question["choices"] if not c["correct"]]
                    pick = right if rng.random() < 0.75 or not wrong else [rng.choice(wrong)]
                    answers[str(question["id"])] = pick
                rows.append(
                    Attempt(learner=user, quiz=quiz, number=1, started_at=now, snapshot=snapshot, answers=answers)
                )
        Attempt.objects.bulk_create(rows, batch_size=500)
    attempts = list(
        Attempt.objects.filter(learner__username__startswith=prefix).values_list("pk", "learner_id").order_by("pk")
    )
    rng.shuffle(attempts)  # learners submit in no particular order, different quizzes interleaved
    return {"attempts": [(pk, sessions[learner]) for pk, learner in attempts], "quizzes": len(quizzes)}


def check_stored(acked: list[int]) -> dict:
    """Every acknowledged submission is in the database, graded and whole."""
    from quizzes.models import Attempt, AttemptStatus

    problems = []
    found = {a.pk: a for a in Attempt.objects.filter(pk__in=acked)}
    for attempt_id in acked:
        attempt = found.get(attempt_id)
        if attempt is None:
            problems.append((attempt_id, "missing"))
        elif attempt.status != AttemptStatus.SUBMITTED or attempt.score is None or attempt.submitted_at is None:
            problems.append((attempt_id, f"not submitted ({attempt.status})"))
        elif len(attempt.results) != len(attempt.snapshot["questions"]) or attempt.passed is None:
            problems.append((attempt_id, "partly graded"))
    return {"checked": len(acked), "problems": problems}


def measure_rounds(port: int, work: list, *, rounds: int, clients: int, duration: float) -> list[dict]:
    """Each round on the same server: /health/ and submissions in alternating short slices, so that load from
    elsewhere on a shared machine weighs on both alike; the round's ratio is of the two rates."""
    results = []
    for _round in range(rounds):
        if not work:
            break
        health = {"requests": 0, "seconds": 0.0, "errors": 0}
        parts = []
        for _slice in range(SLICES):
            reference = asyncio.run(health_load(port, clients, HEALTH_SECONDS / SLICES))
            for key in health:
                health[key] += reference[key]
            part = asyncio.run(submit_load(port, work, clients, duration / SLICES))
            done = set(part["acked"])
            work[:] = [item for item in work if item[0] not in done]
            parts.append(part)
        latencies = sorted(x for part in parts for x in part["latencies"])
        seconds = sum(part["seconds"] for part in parts)
        result = {
            "submissions": sum(part["submissions"] for part in parts),
            "acked": [attempt_id for part in parts for attempt_id in part["acked"]],
            "errors": sum(part["errors"] for part in parts),
            "error_kinds": {k: sum(part["error_kinds"][k] for part in parts) for k in parts[0]["error_kinds"]},
            "p50_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
            "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else 0.0,
        }
        result["rps"] = result["submissions"] / seconds if seconds else 0.0
        result["reference_rps"] = health["requests"] / health["seconds"] if health["seconds"] else 0.0
        result["reference_errors"] = health["errors"]
        result["ratio"] = result["rps"] / result["reference_rps"] if result["reference_rps"] else 0.0
        results.append(result)
        print(
            f"  round {len(results)}: /health/ {result['reference_rps']:.1f} /s, submissions {result['rps']:.1f} /s "
            f"(p50 {result['p50_ms']:.0f} ms), ratio {result['ratio']:.3f}, errors {result['errors']}",
            flush=True,
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--learners", type=int, default=1200, help="bench learners (5 open attempts each)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent learners submitting")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of /health/ then submissions (at most 10)")
    parser.add_argument("--duration", type=float, default=6.0, help="seconds of submitting per round (at most 60)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default 2 × cores + 1)")
    parser.add_argument("--worker-class", default=WORKER_CLASS, choices=["gthread", "sync"], help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per gthread worker")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp, contextlib.ExitStack() as stack:
        var_dir = Path(tmp)
        database_url = None
        if args.database == "postgres":
            database_url = stack.enter_context(postgres_database())
            link_fonts(var_dir)
            print("A throwaway PostgreSQL database ...", flush=True)
        else:
            print(f"Copying {database_path()} to {var_dir} (or a fresh database) ...", flush=True)
            prepare_copy(var_dir)
        env = bench_env(var_dir, database_url)
        django_setup(env)
        prefix = f"bench-{secrets.token_hex(3)}-"
        data = make_learners_and_attempts(prefix=prefix, learners=max(1, min(args.learners, 5000)))
        print(f"{args.learners} bench learners, {len(data['attempts'])} open attempts ({data['quizzes']} quizzes)")
        from django.db import connections

        connections.close_all()
        collectstatic(env)
        workers = args.workers or default_workers()
        serving = {"worker_class": args.worker_class, "threads": args.threads}
        work = list(data["attempts"])
        rounds = max(1, min(args.rounds, 10))
        with ProductionServer(workers=workers, env=env, **serving) as server:
            cpu_before = server.cpu_seconds()
            results = measure_rounds(server.port, work, rounds=rounds, clients=args.clients, duration=args.duration)
            cpu = server.cpu_seconds() - cpu_before
            if any(r["errors"] for r in results):
                print(server.log_tail())
        acked = [attempt_id for r in results for attempt_id in r["acked"]]
        stored = check_stored(acked)

    def median(key: str) -> float:
        return statistics.median(r[key] for r in results) if results else 0.0

    errors = sum(r["errors"] + r["reference_errors"] for r in results)
    error_kinds = {kind: sum(r["error_kinds"][kind] for r in results) for kind in results[0]["error_kinds"]}
    ratio = median("ratio")
    ok = errors == 0 and not stored["problems"] and ratio >= BUDGET_RATIO
    submissions = sum(r["submissions"] for r in results)
    figures = {
        "database": args.database,
        "cores": cores(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "workers": workers,
        "clients": args.clients,
        "rounds": len(results),
        "submissions": submissions,
        "rps": round(median("rps"), 1),
        "p50_ms": round(median("p50_ms"), 1),
        "p95_ms": round(median("p95_ms"), 1),
        "errors": errors,
        "error_kinds": error_kinds,
        "cpu_ms_per_submission": round(cpu * 1000 / max(1, submissions), 2),
        "reference_rps": round(median("reference_rps"), 1),
        "ratio": round(ratio, 3),
        "ratios": [round(r["ratio"], 3) for r in results],
        "stored_checked": stored["checked"],
        "stored_problems": len(stored["problems"]),
        "budget_ratio": BUDGET_RATIO,
        "verdict": "PASS" if ok else "OVER",
    }
    print(
        f"\nQuiz submissions ({args.database}): median of {len(results)} rounds {figures['rps']} /s "
        f"({args.clients} concurrent learners, {workers} gunicorn workers, {cores()} cores, "
        f"load average {figures['load_average']})\n"
        f"  latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms; errors {errors} {error_kinds}; "
        f"server CPU {figures['cpu_ms_per_submission']} ms per submission (/health/ rounds included)\n"
        f"  reference /health/: {figures['reference_rps']} /s; submissions / reference = {figures['ratio']} "
        f"(rounds: {figures['ratios']})\n"
        f"  stored and whole: {figures['stored_checked'] - figures['stored_problems']} of {figures['stored_checked']}"
        f" acknowledged\n  budget: ratio >= {BUDGET_RATIO} with 0 errors -> {figures['verdict']}"
    )
    if stored["problems"]:
        print("  problems:", stored["problems"][:10])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
