"""Quiz submissions under concurrent learners, served as in production (gunicorn, SQLite default).

A copy of the demo database (never the demo database itself) gets bench learners, each with an open attempt
at every demo quiz, answers already saved (as "Next" saves them screen by screen). N concurrent clients then
POST "Submit" for distinct attempts (signed-in session cookie + CSRF token, as a browser does) until every
attempt is submitted or the time is up. Afterwards the database is checked: every submission the server
acknowledged (302 to the result page) is stored, graded and whole. /health/ is measured in the same run as the
reference (a Django view without database), since absolute figures drift on a shared machine.

    .venv/bin/python bench/quiz_submit.py [--learners 800] [--clients 32] [--duration 15] [--json FILE]

Budget (issue 4): at least 300 submissions per second with zero errors. Loopback only; bounded loops.
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
import time
from pathlib import Path

from server import (
    HOST,
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

BUDGET_RPS = 300
MAX_DURATION = 60.0
REQUEST_TIMEOUT = 20.0
CSRF_SECRET = "b" * 32  # any 32 characters: Django accepts the unmasked secret as the form token


def prepare_copy(target_dir: Path) -> Path:
    """A consistent copy of the demo SQLite database (the backup API copes with a live WAL database)."""
    source = database_path()
    if not source.exists():
        raise SystemExit(f"{source} does not exist: run `make demo` first")
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / "db.sqlite3"
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    fonts = Path(os.environ.get("VAR_DIR", ROOT / "var")) / "fonts"
    if fonts.exists():
        (target_dir / "fonts").symlink_to(fonts, target_is_directory=True)
    return target


def bench_env(var_dir: Path) -> dict[str, str]:
    env = production_env()
    env["VAR_DIR"] = str(var_dir)
    return env


def django_setup(env: dict[str, str]) -> None:
    """This process talks to the same database copy with the server's settings (same SECRET_KEY for sessions)."""
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "VAR_DIR")})
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

    from quizzes.attempts import quiz_content_snapshot, snapshot_arranged
    from quizzes.demo.loader import load_demo_quizzes
    from quizzes.models import Attempt

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


class Connection:
    """One learner's HTTP/1.1 connection, kept alive between requests as a browser keeps it.

    Servers that close after every response (gunicorn's sync workers) say `Connection: close`; the next request
    then opens a new connection. A kept connection the server closed while idle is reopened once, as browsers do.
    """

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes, timeout: float) -> tuple[int, dict[str, str]]:
        for _try in range(2):
            fresh = self.writer is None
            if fresh:
                self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), timeout)
            try:
                self.writer.write(raw)
                await self.writer.drain()
                head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), timeout)
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if fresh:
                    raise ConnectionError("connection closed before a response") from None
                continue
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1]) if lines[0].startswith("HTTP/") else 0
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length") or 0)
            try:
                if length:
                    await asyncio.wait_for(self.reader.readexactly(length), timeout)
            except asyncio.IncompleteReadError:
                self.close()
                raise ConnectionError("connection closed inside a response") from None
            if headers.get("connection", "").lower() == "close":
                self.close()
            return status, headers
        raise ConnectionError("the server closed the connection twice")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def post_submit(connection: Connection, attempt_id: int, session: str, timeout: float) -> tuple[int, str]:
    body = f"csrfmiddlewaretoken={CSRF_SECRET}".encode()
    path = f"/km/training/attempt/{attempt_id}/submit/"
    request = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{connection.port}\r\n"
        f"Cookie: sessionid={session}; csrftoken={CSRF_SECRET}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    status, headers = await connection.request(request, timeout)
    return status, headers.get("location", "")


async def get_health(connection: Connection, timeout: float) -> int:
    status, _headers = await connection.request(
        f"GET /health/ HTTP/1.1\r\nHost: {HOST}:{connection.port}\r\n\r\n".encode(), timeout
    )
    return status


async def submit_load(port: int, work: list, clients: int, duration: float, log: list | None = None) -> dict:
    """`clients` concurrent learners submit the attempts in `work` (each once) until done or time is up."""
    queue = list(reversed(work))
    latencies: list[float] = []
    acked: list[int] = []
    errors: dict[str, int] = {"status": 0, "connect": 0, "timeout": 0, "wrong_location": 0}
    started = time.monotonic()
    stop_at = started + min(duration, MAX_DURATION)

    async def learner():
        connection = Connection(port)
        while queue and time.monotonic() < stop_at:
            attempt_id, session = queue.pop()
            if log is not None:
                log.append(("sent", attempt_id))
            t0 = time.perf_counter()
            try:
                status, location = await post_submit(connection, attempt_id, session, REQUEST_TIMEOUT)
            except TimeoutError:
                errors["timeout"] += 1
                connection.close()
                continue
            except OSError:
                errors["connect"] += 1
                connection.close()
                continue
            latencies.append(time.perf_counter() - t0)
            if status != 302:
                errors["status"] += 1
            elif not location.endswith(f"/attempt/{attempt_id}/result/"):
                errors["wrong_location"] += 1
            else:
                acked.append(attempt_id)
                if log is not None:
                    log.append(("acked", attempt_id))
        connection.close()

    await asyncio.gather(*(learner() for _ in range(clients)))
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "submissions": len(acked),
        "seconds": elapsed,
        "rps": len(acked) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "acked": acked,
    }


async def health_load(port: int, clients: int, duration: float) -> dict:
    count = [0]
    errors = [0]
    stop_at = time.monotonic() + min(duration, MAX_DURATION)
    started = time.monotonic()

    async def client():
        connection = Connection(port)
        while time.monotonic() < stop_at:
            try:
                status = await get_health(connection, REQUEST_TIMEOUT)
            except (TimeoutError, OSError):
                errors[0] += 1
                connection.close()
                continue
            count[0] += 1
            if status != 200:
                errors[0] += 1
        connection.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.monotonic() - started
    return {"rps": count[0] / elapsed, "errors": errors[0]}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=800, help="bench learners (5 open attempts each)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent learners submitting")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds of submitting (at most 60)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default 2 × cores + 1)")
    parser.add_argument("--worker-class", default=WORKER_CLASS, choices=["gthread", "sync"], help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=THREADS, help="threads per gthread worker")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-quiz-") as tmp:
        var_dir = Path(tmp)
        print(f"Copying {database_path()} to {var_dir} ...", flush=True)
        prepare_copy(var_dir)
        env = bench_env(var_dir)
        django_setup(env)
        prefix = f"bench-{secrets.token_hex(3)}-"
        data = make_learners_and_attempts(prefix=prefix, learners=max(1, min(args.learners, 5000)))
        print(f"{args.learners} bench learners, {len(data['attempts'])} open attempts ({data['quizzes']} quizzes)")
        collectstatic(env)
        workers = args.workers or default_workers()
        serving = {"worker_class": args.worker_class, "threads": args.threads}
        with ProductionServer(workers=workers, env=env, **serving) as server:
            reference = asyncio.run(health_load(server.port, args.clients, 5.0))
            cpu_before = server.cpu_seconds()
            result = asyncio.run(submit_load(server.port, data["attempts"], args.clients, args.duration))
            cpu = server.cpu_seconds() - cpu_before
            if result["errors"]:
                print(server.log_tail())
        stored = check_stored(result["acked"])

    ok = result["errors"] == 0 and not stored["problems"] and result["rps"] >= BUDGET_RPS
    figures = {
        "cores": cores(),
        "workers": workers,
        "clients": args.clients,
        "submissions": result["submissions"],
        "seconds": round(result["seconds"], 2),
        "rps": round(result["rps"], 1),
        "p50_ms": round(result["p50_ms"], 1),
        "p95_ms": round(result["p95_ms"], 1),
        "errors": result["errors"],
        "error_kinds": result["error_kinds"],
        "cpu_ms_per_submission": round(cpu * 1000 / max(1, result["submissions"]), 2),
        "reference_rps": round(reference["rps"], 1),
        "ratio": round(result["rps"] / reference["rps"], 3) if reference["rps"] else 0.0,
        "stored_checked": stored["checked"],
        "stored_problems": len(stored["problems"]),
        "budget_rps": BUDGET_RPS,
        "verdict": "PASS" if ok else "OVER",
    }
    print(
        f"\nQuiz submissions: {figures['submissions']} in {figures['seconds']} s = {figures['rps']} /s "
        f"({args.clients} concurrent learners, {workers} gunicorn workers, {cores()} cores)\n"
        f"  latency p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms; errors {figures['errors']} "
        f"{figures['error_kinds']}; server CPU {figures['cpu_ms_per_submission']} ms per submission\n"
        f"  reference /health/: {figures['reference_rps']} /s; submissions / reference = {figures['ratio']}\n"
        f"  stored and whole: {figures['stored_checked'] - figures['stored_problems']} of {figures['stored_checked']}"
        f" acknowledged\n  budget: >= {BUDGET_RPS} /s with 0 errors -> {figures['verdict']}"
    )
    if stored["problems"]:
        print("  problems:", stored["problems"][:10])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
