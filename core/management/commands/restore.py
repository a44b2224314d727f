"""`manage.py restore ARCHIVE`: verify a backup archive, then put its database and media files back."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BACKUP_ERRORS, backup_restore, backup_verify


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the configured database and MEDIA_ROOT. Stop the site first. "
        "Refuses a database or media folder that holds data unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by manage.py backup.")
        parser.add_argument("--force", action="store_true", help="Replace a database and media that hold data.")
        parser.add_argument(
            "--check", action="store_true", help="Only verify the archive's manifest and checksums; change nothing."
        )
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file.")
        try:
            if options["check"]:
                manifest = backup_verify(archive=archive)
                files = len(manifest["files"])
                self.stdout.write(f"{archive}: every checksum matches; made {manifest['created_at']}, {files} files.")
                return
            result = backup_restore(
                archive=archive,
                using=options["database"],
                media_root=Path(settings.MEDIA_ROOT),
                force=options["force"],
            )
        except BACKUP_ERRORS as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {archive} (made {result.manifest['created_at']}): "
            f"{sum(result.row_counts.values())} rows in {len(result.row_counts)} tables match the manifest, "
            f"{result.media_files} media files."
        )
