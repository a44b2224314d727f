"""Throughput of the pages learners open most, served as in production (gunicorn), next to a minimal Django view.

The reference is /health/, a Django view that touches no database: it costs the whole middleware
stack and nothing else, so lesson/reference says what rendering a lesson adds on this machine.
Both are measured in the same run, alternately (reference, lesson, reference, lesson, ...), and the
medians are reported, since absolute numbers drift on shared machines. The load generator (`wrk`, or
bench/loadgen.py when wrk is missing and cannot be installed) runs in its own process on the same
machine, so it competes with the server for the same cores; the ratio is the figure to compare.

    .venv/bin/python bench/throughput.py [--workers N | --workers auto] [--clients 8 32] [--duration 10]
                                         [--learners 200] [--no-learners]

Targets: an anonymous reader's lesson; signed-in learners reading every lesson in turn (the first read of each
lesson is recorded: the progress write is included); "Start the quiz" (the form's POST, which resumes the
learner's open attempt and redirects to its question); a question page. The signed-in targets run in a copy of
the demo database with bench learners (bench/quiz_submit.py's), each request another learner's session, so the
demo database is never written. Budgets (issue 16): anonymous lesson >= 0.5 x /health/, signed-in lesson, quiz
start and question pages >= 0.25 x, with no failed request.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from server import (
    PYTHON,
    WORKER_CLASS,
    ProductionServer,
    collectstatic,
    cores,
    database_path,
    default_workers,
    discover_lessons,
    fetch,
    production_env,
)

BENCH = Path(__file__).resolve().parent
WRK_SCRIPT = BENCH / "wrk_report.lua"
WRK_LEARNERS = BENCH / "wrk_learners.lua"  # signed-in requests, a different learner each time
BUDGETS = {"lesson": 0.5, "signed-in lesson": 0.25, "quiz start": 0.25, "question": 0.25}
# What a phone's browser sends; without it the HTML would go out uncompressed and cost less CPU.
ACCEPT_ENCODING = "gzip, deflate, br"
MAX_DURATION = 60.0  # seconds per measurement, whatever is asked
REQUEST_TIMEOUT = 10  # seconds; slower requests count as timeouts


def ensure_wrk(install: bool) -> str | None:
    """wrk if present; otherwise install it with apt when allowed and possible; otherwise None."""
    found = shutil.which("wrk")
    if found or not install:
        return found
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("wrk is missing: apt-get install -y wrk")
        result = subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", "wrk"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        if result.returncode != 0:
            print(f"apt-get could not install wrk (exit {result.returncode}); using bench/loadgen.py")
    return shutil.which("wrk")


def load(
    tool: str | None,
    url: str,
    clients: int,
    duration: float,
    server: ProductionServer | None = None,
    targets_file: Path | None = None,
) -> dict:
    """One run of the load generator; with `targets_file`, wrk sends signed-in requests (bench/wrk_learners.lua)."""
    duration = min(duration, MAX_DURATION)
    cpu_before = server.cpu_seconds() if server else 0.0
    env = None
    if targets_file is not None:
        if not tool:
            raise RuntimeError("signed-in targets need wrk (apt-get install wrk), or run with --no-learners")
        env = {**os.environ, "BENCH_TARGETS": str(targets_file), "BENCH_REPORT": str(WRK_SCRIPT)}
    if tool:
        command = [
            tool,
            "--threads",
            str(max(1, min(cores(), clients))),
            "--connections",
            str(clients),
            "--duration",
            f"{duration:g}s",
            "--timeout",
            f"{REQUEST_TIMEOUT}s",
            "--header",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            "--script",
            str(WRK_LEARNERS if targets_file is not None else WRK_SCRIPT),
            url,
        ]
    else:
        command = [
            PYTHON,
            str(BENCH / "loadgen.py"),
            "--url",
            url,
            "--connections",
            str(clients),
            "--duration",
            str(duration),
            "--timeout",
            str(REQUEST_TIMEOUT),
        ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False, env=env)
    cpu = (server.cpu_seconds() - cpu_before) if server else 0.0
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if result.returncode != 0 or line is None:
        output = f"{result.stdout[-500:]} {result.stderr[-500:]}"
        raise RuntimeError(f"load generator failed ({result.returncode}): {output}")
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = figures["duration_us"] / 1e6
    errors = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return {
        "rps": figures["requests"] / seconds if seconds else 0.0,
        "requests": figures["requests"],
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "cpu_ms": cpu * 1000 / figures["requests"] if figures["requests"] else 0.0,
        "errors": errors,
        "error_detail": {k: figures[k] for k in ("connect", "read", "write", "status", "timeout") if figures[k]},
    }


def check_targets(targets: dict[str, str]) -> None:
    for name, url in targets.items():
        status, _headers, body = fetch(url, headers={"Accept-Encoding": "identity"})
        if status != 200:
            raise RuntimeError(f"{name} {url} answered {status}, not 200")
        print(f"  {name:<9} {url}  ({len(body):,} bytes uncompressed)")


def sweep_workers(
    tool: str | None, env: dict[str, str], candidates: list[int], duration: float, rounds: int = 3
) -> dict[int, float]:
    """Lesson requests/s at 32 clients for a few worker counts.

    One server per worker count, all started at once (idle workers cost nothing), measured in turn for
    `rounds` rounds, so a busy spell on the machine does not decide the winner; medians are reported.
    """
    print(f"\nWorker sweep: lesson page, 32 clients, {duration:g} s per run, {rounds} interleaved rounds")
    samples: dict[int, list[float]] = {w: [] for w in candidates}
    with contextlib.ExitStack() as stack:
        servers = {w: stack.enter_context(ProductionServer(workers=w, env=env, quiet=True)) for w in candidates}
        lessons = {w: discover_lessons(server.base_url, "km")[0] for w, server in servers.items()}
        for lesson in lessons.values():
            load(tool, lesson, 8, 2)  # warm every worker
        for _round in range(rounds):
            for workers, lesson in lessons.items():
                samples[workers].append(load(tool, lesson, 32, duration)["rps"])
    figures = {w: statistics.median(v) for w, v in samples.items()}
    for workers, rps in figures.items():
        runs = ", ".join(f"{x:.1f}" for x in samples[workers])
        print(f"  {workers:>2} workers: {rps:8.1f} req/s (runs: {runs}; load {loadavg()})")
    return figures


def measure(
    tool: str | None,
    server: ProductionServer,
    clients: list[int],
    duration: float,
    rounds: int,
    learner_targets: dict[str, Path] | None = None,
) -> dict:
    lesson, _next = discover_lessons(server.base_url, "km")
    targets = {"reference": f"{server.base_url}/health/", "lesson": lesson}
    check_targets(targets)
    files = dict(learner_targets or {})
    targets.update(dict.fromkeys(files, server.base_url + "/"))
    for name, url in targets.items():  # warm-up: templates, renditions, every worker's first request
        if name not in files:
            load(tool, url, 8, 2)
    runs: dict[tuple[str, int], list[dict]] = {}
    for count in clients:
        for round_number in range(rounds):
            for name, url in targets.items():
                figures = load(tool, url, count, duration, server, files.get(name))
                runs.setdefault((name, count), []).append(figures)
                print(
                    f"  round {round_number + 1}/{rounds} {name:<16} {count:>3} clients: {figures['rps']:8.1f} req/s, "
                    f"p50 {figures['p50_ms']:7.1f} ms, p95 {figures['p95_ms']:7.1f} ms, "
                    f"server CPU {figures['cpu_ms']:5.2f} ms/req, errors {figures['errors']}, load {loadavg()}"
                )
    rows = []
    for count in clients:
        for name, url in targets.items():
            samples = runs[(name, count)]
            rows.append(
                {
                    "target": name,
                    "url": "(signed-in learners)" if name in files else url.removeprefix(server.base_url),
                    "clients": count,
                    "rps": statistics.median(s["rps"] for s in samples),
                    "p50_ms": statistics.median(s["p50_ms"] for s in samples),
                    "p95_ms": statistics.median(s["p95_ms"] for s in samples),
                    "cpu_ms": statistics.median(s["cpu_ms"] for s in samples),
                    "errors": sum(s["errors"] for s in samples),
                    "requests": sum(s["requests"] for s in samples),
                    "samples_rps": [round(s["rps"], 1) for s in samples],
                }
            )
    ratios: dict[str, dict[int, float]] = {}
    cpu_ratios: dict[str, dict[int, float]] = {}
    for count in clients:
        ref = next(r for r in rows if r["target"] == "reference" and r["clients"] == count)
        for row in rows:
            if row["clients"] != count or row["target"] == "reference":
                continue
            ratios.setdefault(row["target"], {})[count] = row["rps"] / ref["rps"] if ref["rps"] else 0.0
            cpu_ratios.setdefault(row["target"], {})[count] = row["cpu_ms"] / ref["cpu_ms"] if ref["cpu_ms"] else 0.0
    return {"rows": rows, "ratios": ratios, "cpu_ratios": cpu_ratios}


def prepare_learners(env: dict[str, str], var_dir: Path, learners: int) -> tuple[dict[str, str], dict[str, Path]]:
    """A copy of the demo database with bench learners (sessions, an open attempt at every quiz) in `var_dir`, and
    one targets file per signed-in page for bench/wrk_learners.lua. Returns the server's environment and the files."""
    import secrets as secrets_module

    from quiz_submit import bench_env, django_setup, make_learners_and_attempts, prepare_copy

    prepare_copy(var_dir)
    env = {**bench_env(var_dir), "SECRET_KEY": env["SECRET_KEY"]}
    django_setup(env)
    from curriculum.models import LessonPage
    from quizzes.models import Attempt

    made = make_learners_and_attempts(prefix="tp-", learners=learners)
    sessions = sorted({session for _attempt, session in made["attempts"]})
    lessons = [page.get_url() for page in LessonPage.objects.live().order_by("path")]
    quiz_of = dict(Attempt.objects.filter(pk__in=[a for a, _s in made["attempts"]]).values_list("pk", "quiz_id"))

    def line(method: str, path: str, session: str) -> str:
        return f"{method}\t{path}\t{session}\t{secrets_module.token_hex(16)}\n"

    files = {
        # Learner after learner, each reading the next lesson: every pair's first request records the reading.
        "signed-in lesson": [line("GET", lesson, s) for lesson in lessons for s in sessions],
        "quiz start": [line("POST", f"/km/training/quiz/{quiz_of[a]}/start/", s) for a, s in made["attempts"]],
        "question": [line("GET", f"/km/training/attempt/{a}/question/1/", s) for a, s in made["attempts"]],
    }
    paths = {}
    for name, lines in files.items():
        paths[name] = var_dir / f"targets-{name.replace(' ', '-')}.tsv"
        paths[name].write_text("".join(lines), encoding="utf-8")
    print(f"bench learners: {len(sessions)}, {len(lessons)} lessons, {len(made['attempts'])} open attempts")
    return env, paths


def readings_recorded() -> int:
    from quizzes.models import LessonView

    return LessonView.objects.filter(learner__username__startswith="tp-").count()


def loadavg() -> str:
    """The machine's 1-minute load average: other programs' work shows up here (and in req/s)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def print_table(results: dict) -> None:
    print(
        f"\nThroughput (gunicorn, {results['workers']} {WORKER_CLASS} workers, {results['cores']} cores, "
        f"{results['tool']}, {results['duration']:g} s x {results['rounds']} alternating rounds, medians)"
    )
    print(
        f"  {'target':<16} {'path':<22} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'CPU ms/req':>10} {'errors':>7}  ratio"
    )
    for row in results["rows"]:
        ratio = results["ratios"].get(row["target"], {}).get(row["clients"])
        cpu = results["cpu_ratios"].get(row["target"], {}).get(row["clients"])
        print(
            f"  {row['target']:<16} {row['url'][:22]:<22} {row['clients']:>7} {row['rps']:>9.1f} "
            f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['cpu_ms']:>10.2f} {row['errors']:>7}  "
            + (f"{ratio:.3f} of reference (CPU {cpu:.1f}x)" if ratio is not None else "")
        )
    errors = sum(r["errors"] for r in results["rows"])
    for target, budget in BUDGETS.items():
        figures = results["ratios"].get(target)
        if figures:
            worst = min(figures.values())
            verdict = "PASS" if worst >= budget and errors == 0 else "OVER"
            print(f"  {verdict}: {target} {worst:.3f} x /health/ at worst (budget >= {budget}), {errors} errors")
    if "recorded" in results:
        print(f"  readings recorded by the signed-in lesson runs: {results['recorded']}")


def run(
    *, workers: str, clients: list[int], duration: float, rounds: int, install_wrk: bool, learners: int = 0
) -> dict:
    tool = ensure_wrk(install_wrk)
    tool_name = "wrk" if tool else "bench/loadgen.py (wrk unavailable)"
    env = production_env()
    print(f"database: {database_path()}\nload generator: {tool_name}")
    collectstatic(env)
    sweep = {}
    if workers == "auto":
        candidates = sorted({cores(), cores() + 1, default_workers(), 4 * cores()})
        sweep = sweep_workers(tool, env, candidates, min(duration, 4.0))
        chosen = max(sweep, key=sweep.get)
        how = f"best of the sweep ({', '.join(str(w) for w in candidates)}); 2*cores+1 = {default_workers()}"
    else:
        chosen = int(workers) if workers != "default" else default_workers()
        how = "2*cores+1" if chosen == default_workers() else "as asked"
    print(f"\nMain run with {chosen} workers ({how})")
    with tempfile.TemporaryDirectory(prefix="bench-throughput-") as var_dir:
        files = None
        if learners:
            env, files = prepare_learners(env, Path(var_dir), learners)
            collectstatic(env)
            before = readings_recorded()
        with ProductionServer(workers=chosen, env=env) as server:
            results = measure(tool, server, clients, duration, rounds, files)
        if learners:
            results["recorded"] = readings_recorded() - before
    results.update(
        workers=chosen,
        workers_how=how,
        sweep={str(k): round(v, 1) for k, v in sweep.items()},
        cores=cores(),
        tool=tool_name,
        duration=min(duration, MAX_DURATION),
        rounds=rounds,
    )
    print_table(results)
    results["ratios"] = {t: {str(k): v for k, v in r.items()} for t, r in results["ratios"].items()}
    results["cpu_ratios"] = {t: {str(k): v for k, v in r.items()} for t, r in results["cpu_ratios"].items()}
    return results


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default="default", help="a number, 'default' (2*cores+1) or 'auto' (sweep)")
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--duration", type=float, default=10.0, help=f"seconds per run (at most {MAX_DURATION:g})")
    parser.add_argument("--rounds", type=int, default=3, help="alternating reference/lesson rounds (at most 9)")
    parser.add_argument("--no-install", action="store_true", help="never apt-get install wrk")
    parser.add_argument("--learners", type=int, default=200, help="bench learners for the signed-in targets")
    parser.add_argument("--no-learners", action="store_true", help="anonymous lesson only (the demo database)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = run(
        workers=args.workers,
        clients=args.clients,
        duration=args.duration,
        rounds=max(1, min(args.rounds, 9)),
        install_wrk=not args.no_install,
        learners=0 if args.no_learners else max(1, args.learners),
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
