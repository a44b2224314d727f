"""`manage.py import_gazetteer [DIR_OR_FILES...]`: districts and communes from NCDD gazetteer CSV files (by
default the gazetteer that comes with the project)."""

from django.core.management.base import BaseCommand, CommandError

from learners.gazetteer import BUNDLED, GazetteerError, import_gazetteer


class Command(BaseCommand):
    help = (
        "Import provinces' names, districts and communes from gazetteer CSV files "
        "(columns code, name_km, name_en, unit or unit_en/unit_km, parent_code). "
        "All or nothing; safe to run again; never deletes a place. Without files, loads the gazetteer that comes "
        "with the project."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "targets",
            nargs="*",
            help=f"A folder of CSV files, or CSV files (default: {BUNDLED.name}/ in learners/data).",
        )

    def handle(self, *args, targets, **options):
        try:
            summary = import_gazetteer(targets=targets or [BUNDLED])
        except GazetteerError as error:
            lines = "\n".join(f"  {message}" for message in error.messages)
            raise CommandError(f"Nothing was imported. Problems found:\n{lines}") from error
        for level in ("province", "district", "commune"):
            self.stdout.write(f"{level}: {summary.created[level]} created, {summary.updated[level]} updated")
        self.stdout.write(f"unchanged: {summary.unchanged}")
