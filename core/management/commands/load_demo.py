"""Load the demo manual and accounts; safe to run again (it adds only what is missing)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import demo_loaders


class Command(BaseCommand):
    help = "Load realistic demo content in Khmer and English. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also create demo accounts when DEBUG is off (never in production).",
        )

    def handle(self, *args, **options):
        for loader in demo_loaders():
            with transaction.atomic():
                loader.load(stdout=self.stdout, force=options["force"])
