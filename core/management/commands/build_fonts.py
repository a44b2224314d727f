"""Cut the self-hosted Khmer web font (run by `make run` and `make test`; quick when already built)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.fonts import build_web_font, is_current


class Command(BaseCommand):
    help = "Build the Khmer subset web font into VAR_DIR/fonts."
    # Runs before the font folder exists, which the static-files check would warn about.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild even if the font is up to date.")

    def handle(self, *args, **options):
        target_dir = settings.VAR_DIR / "fonts"
        if is_current(target_dir) and not options["force"]:
            return
        path = build_web_font(target_dir)
        self.stdout.write(f"Built {path} ({path.stat().st_size // 1024} KB)")
