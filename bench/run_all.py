"""Run every benchmark (`make bench` calls this after `make demo`) and print a summary for the README.

Each benchmark runs in its own process and writes its figures as JSON; this script then prints one
markdown block. A benchmark that fails does not stop the others; the exit status says so.

    .venv/bin/python bench/run_all.py [--quick] [--markdown-out FILE]

--quick skips the every-lesson page-weight pass and the gunicorn worker sweep (minutes instead of a quarter hour).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from server import PYTHON, ROOT, cores, database_path, kb

BENCH = Path(__file__).resolve().parent
TIME_LIMIT = 30 * 60  # seconds per benchmark, whatever happens


def run_benchmark(script: str, args: list[str], json_path: Path) -> dict | None:
    print(f"\n{'=' * 100}\n== {script} {' '.join(args)}\n{'=' * 100}", flush=True)
    started = time.monotonic()
    process = subprocess.Popen([PYTHON, str(BENCH / script), *args, "--json", str(json_path)], cwd=ROOT)
    try:
        returncode = process.wait(timeout=TIME_LIMIT)
    except BaseException:  # time limit or Ctrl-C: SIGTERM lets the benchmark stop its server first
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        print(f"{script} stopped before it finished (time limit {TIME_LIMIT} s or interrupted)")
        if not isinstance(sys.exc_info()[1], subprocess.TimeoutExpired):
            raise
        return None
    print(f"({script}: {time.monotonic() - started:.0f} s, exit {returncode})", flush=True)
    if returncode != 0 or not json_path.exists():
        return None
    return json.loads(json_path.read_text(encoding="utf-8"))


def sync_markdown(sync: dict | None) -> str:
    if not sync:
        return "**Sync drill**: the benchmark failed (see above)."
    return (
        f"**Sync drill** (offline quiz attempts sent later): {sync['attempts']:,} attempts by {sync['learners']} "
        f"learners, {sync['copies_sent']:,} copies in {sync['requests']:,} requests ({sync['partial_uploads']} cut "
        f"uploads, {sync['lost_responses']} lost responses): lost {sync['lost']}, duplicated {sync['duplicated']}, "
        f"scores differing from grading {sync['wrong_scores']}: {sync['verdict']} in {sync['seconds']} s."
    )


def verdict(value: int, budget: int) -> str:
    return "PASS" if value <= budget else "**OVER**"


def page_weight_markdown(results: dict) -> list[str]:
    visits = {(mode, v["language"], v["kind"]): v for mode, vs in results["modes"].items() for v in vs}
    lines = [
        "**Page weight of a lesson** (headless Chromium at 360×740, DPR 1; bytes over the network, "
        "compressed bodies plus headers; 1 KB = 1000 bytes)",
        "",
        "| Visit | Khmer (/km/) | English (/en/) | Budget | Verdict |",
        "|---|---:|---:|---:|---|",
    ]
    cases = [
        ("system", "first", "First visit, a phone with a Khmer font"),
        ("no-khmer-font", "first", "First visit, Khmer system fonts hidden (worst case)"),
        ("system", "warm", "Next lesson, warm cache, a phone with a Khmer font"),
        ("no-khmer-font", "warm", "Next lesson, warm cache, Khmer system fonts hidden"),
    ]
    for mode, kind, label in cases:
        km, en = visits.get((mode, "km", kind)), visits.get((mode, "en", kind))
        if not km or not en:
            continue
        budget = km["budget"]
        worst = max(km["transferred"], en["transferred"])
        font_note = ""
        if kind == "first":
            fetched = [lang for lang, v in (("km", km), ("en", en)) if v["web_font_fetched"]]
            font_note = f"; web font fetched: {', '.join(fetched) or 'no'}"
        lines.append(
            f"| {label}{font_note} | {kb(km['transferred'])} ({len(km['wire_requests'])} req) "
            f"| {kb(en['transferred'])} ({len(en['wire_requests'])} req) | {kb(budget)} "
            f"| {verdict(worst, budget)} |"
        )
    kept = {(mode, k["language"]): k for mode, rows in results.get("kept", {}).items() for k in rows}
    for key, label in (
        ("online", "Kept lesson opened again (first page after keeping)"),
        ("again", "Kept lesson opened again (another)"),
        ("offline", "Kept lesson, network cut"),
    ):
        km, en = (
            kept.get(("no-khmer-font", "km")) or kept.get(("system", "km")),
            kept.get(("no-khmer-font", "en")) or kept.get(("system", "en")),
        )
        if not km or not en:
            continue
        rendered = "" if km[key]["rendered"] and en[key]["rendered"] else " (**not rendered**)"
        lines.append(
            f"| {label}{rendered} | {km[key]['transferred']:,} B | {en[key]['transferred']:,} B | 0 B "
            f"| {verdict(max(km[key]['transferred'], en[key]['transferred']), 0)} |"
        )
    every = results.get("every_lesson")
    if every:

        def heaviest(key: str, language: str) -> str:
            rows = [r for r in every if r["language"] == language and r[key] is not None]
            if not rows:
                return "-"
            row = max(rows, key=lambda r: r[key])
            return f"{kb(row[key])} `{row['path'].rstrip('/').rsplit('/', 1)[-1]}`"

        def worst(key: str) -> int:
            return max((r[key] for r in every if r[key] is not None), default=0)

        count = len({r["path"].split("/", 2)[-1] for r in every})
        lines.append(
            f"| Heaviest of all {count} lessons, first visit, Khmer system fonts hidden | {heaviest('first', 'km')} "
            f"| {heaviest('first', 'en')} | 100.0 KB | {verdict(worst('first'), 100_000)} |"
        )
        lines.append(
            f"| Heaviest 'next lesson' step of the manual, warm cache | {heaviest('warm', 'km')} "
            f"| {heaviest('warm', 'en')} | 20.0 KB | {verdict(worst('warm'), 20_000)} |"
        )
    scripts = results.get("scripts")
    if scripts:
        totals = scripts["totals"]
        lines += [
            "",
            f"Service worker plus all JavaScript: {totals['served']:,} bytes as served to Chromium, "
            f"{totals['gzip']:,} with gzip only ({totals['plain']:,} plain), budget {scripts['budget']:,}: "
            f"{verdict(totals['served'], scripts['budget'])}.",
        ]
    compression = results.get("html_compression", {})
    if compression:
        lines += [
            "",
            f"Lesson HTML: {compression['identity']['bytes']:,} bytes uncompressed, "
            f"{compression['gzip']['bytes']:,} bytes with Content-Encoding {compression['gzip']['encoding']}.",
        ]
    return lines


def throughput_markdown(results: dict) -> list[str]:
    lines = [
        f"**Throughput** (gunicorn, {results['workers']} sync workers ({results['workers_how']}), "
        f"{results['cores']} cores shared with the load generator ({results['tool']}); medians of "
        f"{results['rounds']} alternating {results['duration']:g}-second runs per row)",
        "",
        "| Target | Clients | Requests/s | p50 latency | p95 latency | Server CPU per request | Errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["rows"]:
        name = f"{row['target']}: `{row['url']}`"
        if row["target"] == "reference":
            name = "Reference: `/health/` (no database)"
        lines.append(
            f"| {name} | {row['clients']} | {row['rps']:.1f} | {row['p50_ms']:.1f} ms | {row['p95_ms']:.1f} ms "
            f"| {row['cpu_ms']:.2f} ms | {row['errors']} |"
        )
    for target, by_clients in results["ratios"].items():
        for clients, ratio in by_clients.items():
            cpu_ratio = results.get("cpu_ratios", {}).get(target, {}).get(clients, 0.0)
            lines.append(f"| **{target} / reference** | {clients} | **{ratio:.3f}** | | | {cpu_ratio:.1f}× the CPU | |")
    if results.get("sweep"):
        sweep = ", ".join(f"{w} workers {rps} req/s" for w, rps in results["sweep"].items())
        lines += ["", f"Worker sweep (lesson, 32 clients): {sweep}."]
    return lines


def quiz_markdown(quiz: dict | None, drill: dict | None) -> list[str]:
    """Issue 4: quiz submissions under concurrent learners, and the SIGKILL drill."""
    lines = []
    if quiz:
        lines.append(
            f"**Quiz submissions** (gunicorn, {quiz['workers']} workers, {quiz['clients']} concurrent learners): "
            f"{quiz['rps']} /s, p50 {quiz['p50_ms']} ms, p95 {quiz['p95_ms']} ms, {quiz['errors']} errors, "
            f"{quiz['cpu_ms_per_submission']} ms server CPU each; /health/ {quiz['reference_rps']} /s in the same run "
            f"(ratio {quiz['ratio']}); {quiz['stored_checked'] - quiz['stored_problems']} of "
            f"{quiz['stored_checked']} acknowledged stored whole. "
            f"Budget: ratio >= {quiz['budget_ratio']}: {quiz['verdict']}"
        )
    else:
        lines.append("**Quiz submissions**: the benchmark failed (see above).")
    if drill:
        rounds = drill["rounds"]
        killed = ", ".join(f"{r['acknowledged']} acknowledged ({r['acknowledged_not_stored']} lost)" for r in rounds)
        lines.append(f"**Kill drill** ({len(rounds)} × SIGKILL during submissions): {killed}: {drill['verdict']}")
    else:
        lines.append("**Kill drill**: failed (see above).")
    return lines


def reports_markdown(results: dict | None) -> list[str]:
    """The rollout reports on the synthetic population (bench/reports.py)."""
    if not results:
        return ["**Reports at 100,000 learners**: the benchmark failed (see above)."]
    counts = results["counts"]
    lines = [
        f"**Reports at {counts['learners']:,} learners** (`var/loaddata.sqlite3` from `generate_load_data`: "
        f"{counts['attempts']:,} attempts, {counts['answers']:,} answers, {counts['completions']:,} module "
        f"completions; gunicorn, {results['workers']} workers; medians of {results['requests']} sequential requests)",
        "",
        "| Page | Median | p90 | Size | × /health/ |",
        "|---|---:|---:|---:|---:|",
    ]
    reference = results["results"]["reference"].get("median_ms") or 0
    for row in results["results"].values():
        if not row["available"]:
            lines.append(f"| `{row['path']}` | not available yet | | | |")
            continue
        ratio = row["median_ms"] / reference if reference else 0
        lines.append(
            f"| `{row['path']}` | {row['median_ms']:.1f} ms | {row['p90_ms']:.1f} ms | {kb(row['bytes'])} "
            f"| {ratio:.0f} |"
        )
    csv = results["results"].get("csv", {})
    if csv.get("available"):
        lines += [
            "",
            f"CSV export: peak RSS of a gunicorn process {csv['rss_peak_mb']} MB ({csv['rss_baseline_mb']} MB before).",
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the every-lesson pass and the worker sweep")
    parser.add_argument("--markdown-out", type=Path, help="also write the summary block to this file")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-results-") as tmp:
        weight_args = [] if args.quick else ["--every-lesson"]
        throughput_args = ["--workers", "default" if args.quick else "auto"]
        weight = run_benchmark("page_weight.py", weight_args, Path(tmp) / "page_weight.json")
        throughput = run_benchmark("throughput.py", throughput_args, Path(tmp) / "throughput.json")
        quiz = run_benchmark("quiz_submit.py", [], Path(tmp) / "quiz_submit.json")  # issue 4
        drill = run_benchmark("kill_drill.py", [], Path(tmp) / "kill_drill.json")  # issue 4
        reports = run_benchmark("reports.py", [], Path(tmp) / "reports.json")  # 100,000 synthetic learners
        bombs = run_benchmark("spreadsheet_bomb.py", [], Path(tmp) / "spreadsheet_bomb.json")  # upload limits
        sync = run_benchmark("sync_drill.py", [], Path(tmp) / "sync_drill.json")  # offline attempts sent later
        search = run_benchmark("search.py", [], Path(tmp) / "search.json")  # 10x the demo manual (issue 15)

    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = ["?"]
    database = database_path()
    shown = database.relative_to(ROOT) if database.is_relative_to(ROOT) else database
    lines = [
        f"### Benchmarks ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `make bench`)",
        "",
        f"Machine: {cores()} cores, {platform.python_implementation()} {platform.python_version()}, "
        f"load average at the end {' '.join(load)}; database `{shown}` (SQLite, demo content).",
        "",
    ]
    lines += page_weight_markdown(weight) if weight else ["**Page weight**: the benchmark failed (see above)."]
    lines.append("")
    lines += throughput_markdown(throughput) if throughput else ["**Throughput**: the benchmark failed (see above)."]
    lines += ["", *quiz_markdown(quiz, drill)]
    lines += ["", *reports_markdown(reports)]
    lines += ["", *(bombs["markdown"] if bombs else ["**Spreadsheet bombs**: the benchmark failed (see above)."])]
    lines += ["", sync_markdown(sync)]
    lines += ["", *(search["markdown"] if search else ["**Search**: the benchmark failed (see above)."])]
    summary = "\n".join(lines)
    print(f"\n{'=' * 100}\n== Summary for the README (markdown)\n{'=' * 100}\n{summary}\n")
    if args.markdown_out:
        args.markdown_out.write_text(summary + "\n", encoding="utf-8")
    return 0 if weight and throughput else 1


if __name__ == "__main__":
    sys.exit(main())
