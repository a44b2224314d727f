"""Drill: SIGKILL the server in the middle of concurrent quiz submissions; nothing acknowledged may be lost.

On a copy of the demo database (never the demo database itself), bench learners submit their open attempts
concurrently to gunicorn (production settings, SQLite default). After a random short while the whole server
(master and workers) is killed with SIGKILL, no chance to clean up. Then, with the server dead:

- every submission the server acknowledged (302 to its result page) is in the database, submitted and graded
  in full (score, pass/fail, a mark for every question);
- no attempt is half-written: each is either still open with no score or submitted with everything
  (the database's check constraint makes any other state impossible; the drill checks the rows anyway);
- SQLite's integrity check passes;
- a restarted server serves the acknowledged results, and the attempts cut off by the kill can be submitted.

    .venv/bin/python bench/kill_drill.py [--rounds 3] [--clients 32] [--json FILE]

Loopback only; every loop bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import secrets
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import quiz_submit as qs
from quiz_load import submit_load
from server import ProductionServer, collectstatic, database_path, fetch

KILL_AFTER = (1.0, 3.0)  # seconds of load before the kill, chosen at random within this range


async def load_until_killed(server: ProductionServer, work: list, clients: int, kill_after: float) -> dict:
    log: list = []
    task = asyncio.create_task(submit_load(server.port, work, clients, kill_after + 10.0, log=log))
    await asyncio.sleep(kill_after)
    os.killpg(server.process.pid, signal.SIGKILL)  # master and workers: their own process group
    killed_at = time.monotonic()
    result = await task  # the clients now get connection errors and stop when the queue or time runs out
    return {"result": result, "log": log, "killed_at": killed_at}


def check_database(path: Path, acked: list[int], sent: list[int]) -> dict:
    with contextlib.closing(sqlite3.connect(path)) as db:
        # Check constraints use REGEXP, which Django's connections define; the integrity check evaluates them.
        db.create_function("REGEXP", 2, lambda pattern, value: value is not None and bool(re.search(pattern, value)))
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        wanted = set(sent)
        query = "SELECT id, status, score, passed, submitted_at, results, snapshot FROM quizzes_attempt"
        rows = {row[0]: row for row in db.execute(query) if row[0] in wanted}
    lost, partial, half_written = [], [], []
    for attempt_id in sent:
        row = rows.get(attempt_id)
        if row is None:
            lost.append(attempt_id)
            continue
        _pk, status, score, passed, submitted_at, results, snapshot = row
        questions = len(json.loads(snapshot)["questions"])
        marks = len(json.loads(results or "{}"))
        if status == "submitted":
            if score is None or passed is None or submitted_at is None or marks != questions:
                partial.append(attempt_id)
        elif score is not None or passed is not None or submitted_at is not None or marks:
            half_written.append(attempt_id)
    not_stored = [a for a in acked if a in lost or rows.get(a, (None, None))[1] != "submitted"]
    return {
        "integrity": integrity,
        "acked_not_stored": not_stored,
        "partial": partial,
        "half_written": half_written,
        "submitted_unacked": sum(1 for a in sent if a not in set(acked) and rows.get(a, (0, ""))[1] == "submitted"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="kill the server this many times (at most 10)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)  # noqa: S311  (when to kill, not a secret)

    rounds = []
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmp:
        var_dir = Path(tmp)
        print(f"Copying {database_path()} to {var_dir} ...", flush=True)
        db_path = qs.prepare_copy(var_dir)
        env = qs.bench_env(var_dir)
        qs.django_setup(env)
        data = qs.make_learners_and_attempts(prefix=f"kill-{secrets.token_hex(3)}-", learners=args.learners)
        from django.db import connections

        connections.close_all()  # this process must hold no SQLite lock while the server is killed
        collectstatic(env)
        work = list(data["attempts"])
        print(f"{len(work)} open attempts; {args.rounds} rounds of kill -9 during submissions")
        for number in range(1, max(1, min(args.rounds, 10)) + 1):
            if not work:
                break
            kill_after = rng.uniform(*KILL_AFTER)
            server = ProductionServer(env=env, quiet=True)
            with server:
                outcome = asyncio.run(load_until_killed(server, work, args.clients, kill_after))
            result = outcome["result"]
            sent = sorted({attempt_id for kind, attempt_id in outcome["log"] if kind == "sent"})
            acked = result["acked"]
            check = check_database(db_path, acked, sent)
            # The next round goes on with what was never sent or cut off: those must still be submittable.
            done = set(acked)
            work = [item for item in work if item[0] not in done]
            ok = (
                check["integrity"] == "ok"
                and not check["acked_not_stored"]
                and not check["partial"]
                and not check["half_written"]
            )
            rounds.append(
                {
                    "round": number,
                    "killed_after_s": round(kill_after, 2),
                    "sent": len(sent),
                    "acknowledged": len(acked),
                    "acknowledged_not_stored": len(check["acked_not_stored"]),
                    "partial_rows": len(check["partial"]),
                    "half_written_rows": len(check["half_written"]),
                    "stored_without_ack": check["submitted_unacked"],
                    "integrity_check": check["integrity"],
                    "ok": ok,
                }
            )
            print(
                f"round {number}: killed after {kill_after:.2f} s; {len(sent)} submissions tried, {len(acked)} "
                f"acknowledged; acknowledged but not stored: {len(check['acked_not_stored'])}; partly written: "
                f"{len(check['partial']) + len(check['half_written'])}; stored but the answer was lost in the "
                f"kill: {check['submitted_unacked']}; integrity_check: {check['integrity']} -> "
                f"{'OK' if ok else 'FAILED'}"
            )

        # After the last kill: a fresh server shows acknowledged results and accepts the cut-off submissions.
        with ProductionServer(env=env, quiet=True) as server:
            after = asyncio.run(submit_load(server.port, work[:200], 8, 20.0))
            status, _headers, _body = fetch(f"{server.base_url}/health/")
        restart_ok = status == 200 and after["errors"] == 0
        print(
            f"restart: /health/ {status}; {after['submissions']} of the remaining attempts submitted after the kills "
            f"with {after['errors']} errors -> {'OK' if restart_ok else 'FAILED'}"
        )

    ok = all(r["ok"] for r in rounds) and restart_ok and bool(rounds)
    verdict = "PASS" if ok else "FAIL"
    print(f"\nKill drill: {len(rounds)} SIGKILLs; every acknowledged submission stored whole: {verdict}")
    if args.json:
        figures = {"rounds": rounds, "restart_ok": restart_ok, "verdict": verdict}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
