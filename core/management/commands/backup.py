"""`manage.py backup`: one archive with a consistent database snapshot, the media files and a manifest."""

from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BACKUP_ERRORS, backup_create


class Command(BaseCommand):
    help = "Back up the database and the media files into one archive (safe while the site runs)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive file to write. Default: backups/backup-<UTC time>.tar under VAR_DIR.",
        )
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, **options):
        output = options["output"]
        if not output:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            output = Path(settings.VAR_DIR) / "backups" / f"backup-{stamp}.tar"
        output = Path(output)
        if output.exists():
            raise CommandError(f"{output} exists already; choose another --output.")
        try:
            manifest = backup_create(output=output, using=options["database"], media_root=Path(settings.MEDIA_ROOT))
        except BACKUP_ERRORS as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["row_counts"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(
            f"{output}: {manifest['engine']} database, {len(manifest['row_counts'])} tables, {rows} rows, "
            f"{media} media files, {output.stat().st_size} bytes."
        )
