"""The donor summary of one funding project at 100,000 learners (budget: <= 2 s), on the synthetic population.

1. Builds the load database if it is missing (bench/reports.py: `manage.py generate_load_data`), or reuses it.
2. In a child process whose default database is the load database: adds workshops if it has none
   (devdata.workshops.workshops_generate, through the workshop services: rosters, attendance, paper tests and
   completions through workshops), with `bench-coordinator` as their trainer.
3. Times, median of `--rounds`, the donor summary of the busiest project over its whole period, national and shared
   (figures with suppression), then as its CSV lines and as its PDF; and, as the reference in the same run,
   counting the learners (one COUNT(*) over 100,000 rows). The number of queries is held fixed by
   tests/reports/test_workshop_reports.py.

    .venv/bin/python bench/donor_summary.py [--workshops 150] [--rounds 5] [--learners 100000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 2.0


def child(*, workshops: int, rounds: int) -> dict:
    # bench/ is first on the path when this file runs, and its reports.py would hide the reports app.
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count

    from devdata.databases import BENCH_COORDINATOR, USERNAME_PREFIX
    from devdata.workshops import learners_by_province, workshops_generate
    from learners.models import LearnerProfile
    from reports.scope import Scope
    from reports.workshop_exports import summary_lines
    from reports.workshop_figures import Period, donor_summary
    from workshops.models import FundingProject, Participant, Workshop

    figures: dict = {}
    if not Workshop.objects.exists():
        user, _created = get_user_model().objects.get_or_create(username=BENCH_COORDINATOR, defaults={"password": "!"})
        user.groups.add(Group.objects.get(name="National coordinator"))
        started = time.perf_counter()
        workshops_generate(
            count=workshops,
            learners_by_province=learners_by_province(username_prefix=USERNAME_PREFIX),
            trainers=[user],
            roster=(15, 30),
        )
        figures["generate_s"] = round(time.perf_counter() - started, 1)
    figures["learners"] = LearnerProfile.objects.count()
    figures["workshops"] = Workshop.objects.count()
    figures["participants"] = Participant.objects.count()
    project = FundingProject.objects.annotate(n=Count("workshops")).order_by("-n").first()
    period = Period(start=project.starts_on, end=project.ends_on)
    everywhere = Scope(provinces=None)

    def timed(work) -> float:
        times = []
        for _round in range(rounds):
            begun = time.perf_counter()
            work()
            times.append(time.perf_counter() - begun)
        return round(statistics.median(times), 4)

    def summary():
        return donor_summary(project=project, period=period, scope=everywhere, share=True)

    def csv_lines():
        return summary_lines(summary())

    def pdf_file():
        from django.template.loader import render_to_string

        from core import pdf
        from core.fonts import source_font_path

        shared = summary()
        html = render_to_string(
            "reports/donor_summary_pdf.html",
            {"summary": shared, "lines": summary_lines(shared), "font_url": source_font_path().resolve().as_uri()},
        )
        return pdf.write_pdf(pdf.render(html, base_url=str(source_font_path().parent)))

    pdf_file()  # warm: Pango and the font are loaded once per process, as in a long-running server
    figures["reference_count_s"] = timed(lambda: LearnerProfile.objects.count())
    figures["summary_s"] = timed(summary)
    figures["csv_s"] = timed(csv_lines)
    figures["pdf_s"] = timed(pdf_file)
    figures["project_workshops"] = project.workshops.count()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workshops", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--gazetteer")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(workshops=args.workshops, rounds=args.rounds)))
        return 0
    sys.path.insert(0, str(Path(__file__).parent))
    from reports import build, load_database

    build(learners=args.learners, gazetteer=args.gazetteer, rebuild=args.rebuild)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{load_database().resolve()}"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    command = [str(ROOT / ".venv" / "bin" / "python"), __file__, "--child"]
    command += ["--workshops", str(args.workshops), "--rounds", str(args.rounds)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False)  # noqa: S603
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
        return result.returncode
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if "generate_s" in figures:
        print(f"Added {figures['workshops']} workshops through the services in {figures['generate_s']:.0f} s")
    print(
        f"Donor summary: {figures['learners']:,} learners, {figures['workshops']} workshops, "
        f"{figures['participants']:,} participants; the project has {figures['project_workshops']} workshops"
    )
    print(f"  reference (count the learners): {figures['reference_count_s']:.4f} s")
    print(f"  figures, shared (suppression):  {figures['summary_s']:.3f} s")
    print(f"  CSV/XLSX lines:                 {figures['csv_s']:.3f} s")
    print(f"  PDF:                            {figures['pdf_s']:.3f} s")
    slowest = max(figures["summary_s"], figures["csv_s"], figures["pdf_s"])
    print(f"{'PASS' if slowest <= BUDGET_S else 'OVER'}: slowest form {slowest:.3f} s (budget {BUDGET_S:.0f} s)")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
