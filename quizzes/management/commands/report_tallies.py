"""Check the per-group quiz tallies against the attempts, or compute them anew (quizzes.tallies)."""

from django.core.management.base import BaseCommand

from quizzes.tallies import tallies_as_computed, tallies_as_kept, tallies_rebuild


class Command(BaseCommand):
    help = (
        "Compare the quiz tallies the modules report reads with what the attempts say; exit 1 when they differ. "
        "--rebuild computes them anew from the attempts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Compute the tallies anew from the attempts.")

    def handle(self, *args, rebuild: bool = False, **options):
        if rebuild:
            quizzes, questions = tallies_rebuild()
            self.stdout.write(f"Tallies computed anew: {quizzes} quiz rows, {questions} question rows.")
            return
        kept, computed = tallies_as_kept(), tallies_as_computed()
        differing = sum(len(a ^ b) for a, b in zip(kept, computed, strict=True))
        self.stdout.write(f"Tally rows that differ from the attempts: {differing}.")
        if differing:
            self.stderr.write("Run `manage.py report_tallies --rebuild` to compute them anew.")
            raise SystemExit(1)
