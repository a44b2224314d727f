"""Throughput of a lesson page served as in production (gunicorn), next to a minimal Django view.

The reference is /health/, a Django view that touches no database: it costs the whole middleware
stack and nothing else, so lesson/reference says what rendering a lesson adds on this machine.
Both are measured in the same run, alternately (reference, lesson, reference, lesson, ...), and the
medians are reported, since absolute numbers drift on shared machines. The load generator (`wrk`, or
bench/loadgen.py when wrk is missing and cannot be installed) runs in its own process on the same
machine, so it competes with the server for the same cores; the ratio is the figure to compare.

    .venv/bin/python bench/throughput.py [--workers N | --workers auto] [--clients 8 32] [--duration 10]
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
from pathlib import Path

from server import (
    PYTHON,
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


def load(tool: str | None, url: str, clients: int, duration: float, server: ProductionServer | None = None) -> dict:
    duration = min(duration, MAX_DURATION)
    cpu_before = server.cpu_seconds() if server else 0.0
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
            str(WRK_SCRIPT),
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
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=False)
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


def measure(tool: str | None, server: ProductionServer, clients: list[int], duration: float, rounds: int) -> dict:
    lesson, _next = discover_lessons(server.base_url, "km")
    targets = {"reference": f"{server.base_url}/health/", "lesson": lesson}
    check_targets(targets)
    for url in targets.values():  # warm-up: templates, renditions, every worker's first request
        load(tool, url, 8, 2)
    runs: dict[tuple[str, int], list[dict]] = {}
    for count in clients:
        for round_number in range(rounds):
            for name, url in targets.items():
                figures = load(tool, url, count, duration, server)
                runs.setdefault((name, count), []).append(figures)
                print(
                    f"  round {round_number + 1}/{rounds} {name:<9} {count:>3} clients: {figures['rps']:8.1f} req/s, "
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
                    "url": url.removeprefix(server.base_url),
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
    ratios, cpu_ratios = {}, {}
    for count in clients:
        ref = next(r for r in rows if r["target"] == "reference" and r["clients"] == count)
        les = next(r for r in rows if r["target"] == "lesson" and r["clients"] == count)
        ratios[count] = les["rps"] / ref["rps"] if ref["rps"] else 0.0
        cpu_ratios[count] = les["cpu_ms"] / ref["cpu_ms"] if ref["cpu_ms"] else 0.0
    return {"rows": rows, "ratios": ratios, "cpu_ratios": cpu_ratios}


def loadavg() -> str:
    """The machine's 1-minute load average: other programs' work shows up here (and in req/s)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def print_table(results: dict) -> None:
    print(
        f"\nThroughput (gunicorn, {results['workers']} gthread workers, {results['cores']} cores, "
        f"{results['tool']}, {results['duration']:g} s x {results['rounds']} alternating rounds, medians)"
    )
    print(
        f"  {'target':<10} {'path':<22} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'CPU ms/req':>10} {'errors':>7}  ratio"
    )
    for row in results["rows"]:
        ratio = results["ratios"][row["clients"]] if row["target"] == "lesson" else None
        print(
            f"  {row['target']:<10} {row['url'][:22]:<22} {row['clients']:>7} {row['rps']:>9.1f} "
            f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['cpu_ms']:>10.2f} {row['errors']:>7}  "
            + (
                f"{ratio:.3f} of reference (CPU {results['cpu_ratios'][row['clients']]:.0f}x)"
                if ratio is not None
                else ""
            )
        )
    errors = sum(r["errors"] for r in results["rows"])
    verdict = "PASS" if errors == 0 else "OVER"
    print(
        f"  {verdict}: the budget is to report a lesson next to the reference in one run with no failed request; "
        f"{errors} errors"
    )


def run(*, workers: str, clients: list[int], duration: float, rounds: int, install_wrk: bool) -> dict:
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
    with ProductionServer(workers=chosen, env=env) as server:
        results = measure(tool, server, clients, duration, rounds)
    results.update(
        workers=chosen,
        workers_how=how,
        sweep={str(k): round(v, 1) for k, v in sweep.items()},
        cores=cores(),
        tool=tool_name,
        duration=min(duration, MAX_DURATION),
        rounds=rounds,
        ratios={str(k): v for k, v in results["ratios"].items()},
        cpu_ratios={str(k): v for k, v in results["cpu_ratios"].items()},
    )
    print_table(
        {
            **results,
            "ratios": {int(k): v for k, v in results["ratios"].items()},
            "cpu_ratios": {int(k): v for k, v in results["cpu_ratios"].items()},
        }
    )
    return results


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default="default", help="a number, 'default' (2*cores+1) or 'auto' (sweep)")
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--duration", type=float, default=10.0, help=f"seconds per run (at most {MAX_DURATION:g})")
    parser.add_argument("--rounds", type=int, default=3, help="alternating reference/lesson rounds (at most 9)")
    parser.add_argument("--no-install", action="store_true", help="never apt-get install wrk")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = run(
        workers=args.workers,
        clients=args.clients,
        duration=args.duration,
        rounds=max(1, min(args.rounds, 9)),
        install_wrk=not args.no_install,
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
