"""The printed workshop pack of a five-module manual: time to render it and peak memory (budget: <= 10 s, <= 300 MB).

Runs against the demo database (`make demo`; VAR_DIR as for the site), in a child process so that its peak resident
memory (RSS) is the pack's alone plus Django's. Inside one transaction that is rolled back, a workshop covering every
live module of the manual is made, with a roster of up to 30 of the demo learners and three days; then the
learner-facing pack (handout, attendance sheet, pre- and post-test) and the trainer's answer key are rendered in
Khmer and in English, each timed. Django's start-up (importing the apps) is reported as the reference.

    .venv/bin/python bench/workshop_pack.py [--participants 30] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS_BUDGET, RSS_BUDGET_MB = 10.0, 300.0


class Rollback(Exception):
    pass


def child(participants: int) -> dict:
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.db import transaction

    from curriculum.models import ManualPage, ModulePage
    from learners.models import LearnerProfile, Province
    from workshops import pack
    from workshops.models import Organisation, Participant, Workshop, WorkshopDay

    setup_seconds = time.perf_counter() - started
    figures: dict = {"django_setup_s": round(setup_seconds, 2)}
    manual = ManualPage.objects.live().first()
    modules = list(ModulePage.objects.child_of(manual).live()) if manual else []
    figures["modules"] = len(modules)
    try:
        with transaction.atomic():
            owner = get_user_model().objects.filter(is_superuser=True).first()
            organisation = Organisation.objects.create(name_km="អង្គការវាស់ល្បឿន", name_en="Bench NGO")
            workshop = Workshop.objects.create(
                title_km="វគ្គបណ្តុះបណ្តាលសាកល្បង",
                title_en="Bench workshop",
                organisation=organisation,
                province=Province.objects.get(code="07"),
                venue="Kampot",
                created_by=owner,
            )
            workshop.modules.set(modules)
            for day in (2, 3, 4):
                WorkshopDay.objects.create(workshop=workshop, date=date(2026, 3, day))
            Participant.objects.bulk_create(
                Participant(workshop=workshop, learner_id=profile.user_id, added_by=owner)
                for profile in LearnerProfile.objects.order_by("pk")[:participants]
            )
            figures["participants"] = workshop.participants.count()
            for language in ("km", "en"):
                for part, render in (("pack", pack.pack_pdf), ("answer_key", pack.answer_key_pdf)):
                    begun = time.perf_counter()
                    data = render(workshop=workshop, language=language)
                    figures[f"{part}_{language}_s"] = round(time.perf_counter() - begun, 2)
                    figures[f"{part}_{language}_kb"] = len(data) // 1024
                    figures[f"{part}_{language}_pages"] = data.count(b"/Type /Page\n") or data.count(b"/Type /Page")
            raise Rollback
    except Rollback:
        pass
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.participants)))
        return 0
    python = ROOT / ".venv" / "bin" / "python"
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [str(python), __file__, "--child", "--participants", str(args.participants)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
        return result.returncode
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"Workshop pack: {figures['modules']} modules, {figures['participants']} participants, 3 days")
    print(f"  reference: Django start-up {figures['django_setup_s']:.2f} s")
    for language in ("km", "en"):
        for part in ("pack", "answer_key"):
            print(
                f"  {part:<11} {language}: {figures[f'{part}_{language}_s']:6.2f} s  "
                f"{figures[f'{part}_{language}_kb']:6d} KB"
            )
    slowest = max(figures[f"pack_{language}_s"] for language in ("km", "en"))
    print(f"  peak RSS (whole process, all four documents): {figures['peak_rss_mb']:.0f} MB")
    ok = slowest <= SECONDS_BUDGET and figures["peak_rss_mb"] <= RSS_BUDGET_MB
    print(
        f"{'PASS' if ok else 'OVER'}: slowest pack {slowest:.2f} s (budget {SECONDS_BUDGET:.0f} s), "
        f"peak RSS {figures['peak_rss_mb']:.0f} MB (budget {RSS_BUDGET_MB:.0f} MB)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
