"""Rollout reports against 100,000 synthetic learners, served as in production (gunicorn, production settings).

1. Builds the load database if it is missing (`manage.py generate_load_data`, var/loaddata.sqlite3; about
   5-15 minutes on a busy 2-core machine), or reuses it.
2. Serves it with gunicorn exactly as server.py serves the demo, except `DATABASE_URL` names the load database
   and `MEDIA_ROOT` its media folder.
3. Signs in as `bench-coordinator` (a national coordinator created in the load database, session made directly)
   and measures the median latency of sequential requests to the coverage report, its CSV export and a province
   drill-down, with /health/ as the reference measured in the same run; and the peak resident memory (RSS) of
   the gunicorn worker that serves the CSV export.

    .venv/bin/python bench/reports.py [--requests 30] [--learners 100000] [--gazetteer DIR] [--rebuild] [--json FILE]

A report page that answers 404 is printed as "not available yet" (the views may not exist on this branch).
Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from server import HOST, PYTHON, ROOT, ProductionServer, collectstatic, cores, fetch, production_env

COORDINATOR = "bench-coordinator"  # devdata.databases.BENCH_COORDINATOR: the one account a load database may hold
NATIONAL_COORDINATOR = "National coordinator"  # learners.groups.NATIONAL_COORDINATOR
SEED = 1
REQUEST_TIMEOUT = 120.0
MAX_SECONDS_PER_TARGET = 300.0


def var_dir() -> Path:
    return Path(os.environ.get("VAR_DIR", ROOT / "var"))


def load_database() -> Path:
    return var_dir() / "loaddata.sqlite3"


def build(*, learners: int, gazetteer: str | None, rebuild: bool) -> None:
    """Run generate_load_data (it never touches the working database) unless the load database exists."""
    database = load_database()
    if database.exists() and not rebuild:
        print(f"Reusing {database} ({database.stat().st_size / 1e6:.0f} MB); --rebuild to build it again.")
        return
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    command = [PYTHON, "manage.py", "generate_load_data", "--learners", str(learners), "--seed", str(SEED), "--reset"]
    if gazetteer:
        command += ["--gazetteer", gazetteer]
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=3600)
    print(f"Built {database} in {time.monotonic() - started:.0f} s.")


def bench_env() -> dict[str, str]:
    env = production_env()
    env["DATABASE_URL"] = f"sqlite:///{load_database().resolve()}"
    env["MEDIA_ROOT"] = str(load_database().resolve().with_name("loaddata-media"))
    return env


def django_setup(env: dict[str, str]) -> None:
    """This process opens the load database with the server's settings (the same SECRET_KEY signs sessions)."""
    names = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "MEDIA_ROOT")
    os.environ.update({name: env[name] for name in names})
    os.environ["WAGTAILADMIN_BASE_URL"] = env["WAGTAILADMIN_BASE_URL"]
    os.environ.update({k: env[k] for k in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "LOG_LEVEL")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    # A migration added since the build; wagtail-modeltranslation's migrate prints with print(): keep it quiet.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", "--noinput", verbosity=0)


def coordinator_session() -> str:
    """A signed-in session of `bench-coordinator`, a national coordinator without a usable password, verified by
    an authenticator app as national coordinators' sessions are (so each request pays for that check too)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _created = get_user_model().objects.get_or_create(username=COORDINATOR, defaults={"password": "!"})
    user.groups.add(Group.objects.get(name=NATIONAL_COORDINATOR))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "learners.backends.PhoneOrUsernameBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    device, _created = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "bench", "confirmed": True})
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def largest_province() -> tuple[str, int]:
    """The province with the most learners: the heaviest drill-down."""
    from django.db.models import Count

    from learners.models import LearnerProfile

    row = LearnerProfile.objects.values("province").annotate(n=Count("pk")).order_by("-n").first()
    return (row["province"], row["n"]) if row else ("12", 0)


def module_set() -> str:
    """A module set of three live modules (the first ones of the course), as the filter form sends it."""
    from curriculum.models import ModulePage

    ids = ModulePage.objects.live().order_by("path").values_list("pk", flat=True)[:3]
    return "&".join(f"module={pk}" for pk in ids)


def population() -> dict[str, int]:
    from devdata.population import table_counts

    return table_counts()


class RssSampler(threading.Thread):
    """Samples the resident memory of gunicorn's master and workers every 10 ms (Linux /proc)."""

    def __init__(self, master_pid: int):
        super().__init__(daemon=True)
        self.master_pid = master_pid
        self.peak_kb = 0
        self.stop = threading.Event()

    def processes(self) -> list[int]:
        pids = [self.master_pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == self.master_pid:
                    pids.append(int(entry.name))
        return pids

    def rss_kb(self) -> dict[int, int]:
        sizes = {}
        for pid in self.processes():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes[pid] = int(line.split()[1])
            except OSError:
                continue
        return sizes

    def run(self) -> None:
        pids = self.processes()
        while not self.stop.is_set():
            for pid in pids:
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            self.peak_kb = max(self.peak_kb, int(line.split()[1]))
                except OSError:
                    continue
            time.sleep(0.01)


def measure(base_url: str, path: str, *, cookie: str, requests: int) -> dict:
    """Sequential GETs after two warm-up requests; the median and p90 of the timed ones."""
    url = f"{base_url}{path}"
    headers = {"Cookie": f"sessionid={cookie}", "Accept-Encoding": "gzip, deflate, br"}
    status, _headers, body = fetch(url, headers=headers, timeout=REQUEST_TIMEOUT)
    if status == 404:
        return {"path": path, "status": 404, "available": False}
    fetch(url, headers=headers, timeout=REQUEST_TIMEOUT)
    times, sizes, statuses = [], [], set()
    deadline = time.monotonic() + MAX_SECONDS_PER_TARGET
    for _n in range(requests):
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        status, response_headers, body = fetch(url, headers=headers, timeout=REQUEST_TIMEOUT)
        times.append(time.perf_counter() - started)
        sizes.append(len(body))
        statuses.add(status)
    times.sort()
    return {
        "path": path,
        "available": True,
        "status": sorted(statuses),
        "requests": len(times),
        "median_ms": round(statistics.median(times) * 1000, 1),
        "p90_ms": round(times[int(0.9 * (len(times) - 1))] * 1000, 1),
        "bytes": int(statistics.median(sizes)),
        "content_type": response_headers.get("content-type", ""),
    }


def population_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of every benchmark timed on the synthetic population (this one and learner_list.py)."""
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (sequential)")
    parser.add_argument("--learners", type=int, default=100_000, help="learners when the database is built")
    parser.add_argument("--gazetteer", help="gazetteer CSV folder for the build (real districts and communes)")
    parser.add_argument("--rebuild", action="store_true", help="build the load database again")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--json", type=Path, help="write the figures to this file")


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    population_arguments(parser)
    args = parser.parse_args(argv)

    build(learners=args.learners, gazetteer=args.gazetteer, rebuild=args.rebuild)
    env = bench_env()
    collectstatic(env)
    django_setup(env)
    cookie = coordinator_session()
    province, province_learners = largest_province()
    counts = population()
    print("Load database:", ", ".join(f"{name} {value:,}" for name, value in counts.items()))

    targets = [
        ("reference", "/health/"),
        ("coverage", "/admin/reports/provinces/"),
        ("csv", "/admin/reports/provinces/?export=csv"),
        ("province", f"/admin/reports/provinces/{province}/"),
        ("module_set", f"/admin/reports/provinces/?{module_set()}"),
        ("modules", "/admin/reports/modules/"),
        ("trend", "/admin/reports/trend/"),
    ]
    results = {}
    with ProductionServer(workers=args.workers, env=env) as server:
        for name, path in targets:
            if name == "csv":
                sampler = RssSampler(server.process.pid)
                baseline_kb = max(sampler.rss_kb().values(), default=0)
                sampler.start()
                results[name] = measure(server.base_url, path, cookie=cookie, requests=args.requests)
                sampler.stop.set()
                sampler.join()
                results[name]["rss_baseline_mb"] = round(baseline_kb / 1024, 1)
                results[name]["rss_peak_mb"] = round(sampler.peak_kb / 1024, 1)
            else:
                results[name] = measure(server.base_url, path, cookie=cookie, requests=args.requests)

    reference = results["reference"].get("median_ms") or 0
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\nReports on {counts['learners']:,} learners ({HOST}, {args.workers} gunicorn workers, {cores()} cores, "
        f"load average {load})"
    )
    print(f"{'page':<60} {'status':>8} {'median':>10} {'p90':>10} {'bytes':>10} {'× /health/':>10}")
    for name, path in targets:
        row = results[name]
        if not row["available"]:
            print(f"{path:<60} {'404':>8}  not available yet")
            continue
        ratio = row["median_ms"] / reference if reference else 0
        print(
            f"{path:<60} {','.join(map(str, row['status'])):>8} {row['median_ms']:>8.1f}ms {row['p90_ms']:>8.1f}ms "
            f"{row['bytes']:>10,} {ratio:>10.1f}"
        )
    csv = results["csv"]
    if csv["available"]:
        print(
            f"CSV export: peak RSS of gunicorn's processes {csv['rss_peak_mb']} MB "
            f"(largest process before the export: {csv['rss_baseline_mb']} MB)."
        )
    figures = {
        "learners": counts["learners"],
        "counts": counts,
        "province": province,
        "province_learners": province_learners,
        "workers": args.workers,
        "cores": cores(),
        "requests": args.requests,
        "load_average": os.getloadavg(),
        "results": results,
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
