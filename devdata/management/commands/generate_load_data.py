"""`manage.py generate_load_data --learners 100000 --seed 1`: a synthetic population in a database of its own.

The command runs in two steps. This process checks the target (never the working database), resets it if asked,
then runs itself again with DATABASE_URL pointing at the target: Wagtail pages (the demo manual the learners
train on) are written through the default connection only, so the simplest robust way to fill another database
is a process whose default connection *is* that database. The second process migrates it, loads the manual and
its quizzes if missing, imports the gazetteer if given, and generates the population (devdata.population).

Serve or benchmark the result with the normal settings and
`DATABASE_URL=sqlite:////abs/path/var/loaddata.sqlite3 MEDIA_ROOT=/abs/path/var/loaddata-media`.
"""

import contextlib
import io
import os
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from devdata import databases, population
from devdata.curriculum import NoCurriculum, curriculum_read

CHILD_FAILED = gettext_lazy("Generating the load data failed (exit status %(status)s).")
NOT_THE_TARGET = gettext_lazy(
    "--in-target is internal: run generate_load_data without it (DATABASE_URL must name the --database-url)."
)
NOT_A_LOAD_DATABASE = gettext_lazy("The database holds tables but no accounts table: it is not a load database.")
BAD_DATE = gettext_lazy("%(value)s is not a date (YYYY-MM-DD).")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(BAD_DATE % {"value": value}) from None


class Command(BaseCommand):
    help = gettext_lazy(
        "Build a synthetic population (learners over all provinces, 24 months of reading, attempts, answers and "
        "completions, targets) in a separate database for the report benchmarks. Never writes to the working "
        "database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=100_000, help=gettext_lazy("How many learners."))
        parser.add_argument("--seed", type=int, default=1, help=gettext_lazy("Random seed: same seed, same data."))
        parser.add_argument(
            "--now",
            type=_date,
            default=None,
            help=gettext_lazy("The day the 24 months end (YYYY-MM-DD); today by default."),
        )
        parser.add_argument(
            "--database-url",
            default=None,
            help=gettext_lazy(
                "Target database (default: sqlite:///<VAR_DIR>/loaddata.sqlite3). Never the working one."
            ),
        )
        parser.add_argument("--reset", action="store_true", help=gettext_lazy("Drop the target and build it again."))
        parser.add_argument(
            "--gazetteer",
            default=None,
            help=gettext_lazy(
                "A folder of gazetteer CSV files to import first, so learners live in real districts and communes "
                "(default: whatever places the target already has)."
            ),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=population.DEFAULT_BATCH_SIZE,
            help=gettext_lazy("Learners per transaction."),
        )
        parser.add_argument(
            "--full-snapshots",
            action="store_true",
            help=gettext_lazy("Keep question texts in every attempt's snapshot (about 16 KB each instead of 1.3 KB)."),
        )
        parser.add_argument("--in-target", action="store_true", help=gettext_lazy("Internal: the second step."))

    def handle(self, *args, **options):
        url = options["database_url"] or databases.default_database_url()
        target = databases.database_settings(url)
        if options["in_target"]:
            return self.fill(url=url, target=target, options=options)
        if databases.same_database(target, connections["default"].settings_dict):
            raise CommandError(databases.SAME_AS_WORKING_DATABASE % {"target": databases.shown_url(url)})
        media = self.media_root(target)
        if options["reset"] and databases.is_sqlite(target):
            self.remove_sqlite(Path(target["NAME"]), media)
        if databases.is_sqlite(target):
            Path(target["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        self.stdout.write(_("Load database: %(url)s") % {"url": databases.shown_url(url)})
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "generate_load_data", "--in-target"]
        command += ["--database-url", url, "--learners", str(options["learners"]), "--seed", str(options["seed"])]
        command += ["--batch-size", str(options["batch_size"])]
        if options["now"]:
            command += ["--now", options["now"].isoformat()]
        if options["gazetteer"]:
            command += ["--gazetteer", str(Path(options["gazetteer"]).resolve())]
        if options["full_snapshots"]:
            command.append("--full-snapshots")
        if options["reset"] and not databases.is_sqlite(target):
            command.append("--reset")
        env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "PYTHONUNBUFFERED": "1"}
        # The command line is built above from our own options only (no shell).
        result = subprocess.run(command, env=env, cwd=settings.BASE_DIR, check=False)  # noqa: S603
        if result.returncode:
            raise CommandError(CHILD_FAILED % {"status": result.returncode})

    @staticmethod
    def media_root(target: dict) -> Path:
        """Uploaded files of the load database's manual (illustrations, recordings) beside it, not in var/media."""
        if databases.is_sqlite(target):
            name = Path(target["NAME"]).resolve()
            return name.with_name(f"{name.stem}-media")
        return Path(settings.VAR_DIR) / "loaddata-media"

    def remove_sqlite(self, path: Path, media: Path) -> None:
        for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            name.unlink(missing_ok=True)
        if media.is_dir():
            shutil.rmtree(media)
        self.stdout.write(_("Removed %(path)s.") % {"path": path})

    # --- The second step, with DATABASE_URL pointing at the target ---------------------------------------

    def fill(self, *, url: str, target: dict, options: dict) -> None:
        working = Path(settings.VAR_DIR) / "db.sqlite3"
        if not os.environ.get("DATABASE_URL") or not databases.same_database(target, connection.settings_dict):
            raise CommandError(NOT_THE_TARGET)
        if databases.same_database(target, {"ENGINE": "django.db.backends.sqlite3", "NAME": working}):
            raise CommandError(databases.SAME_AS_WORKING_DATABASE % {"target": databases.shown_url(url)})
        settings.DEBUG = False  # no SQL logging: it would format every bulk INSERT's parameters
        started = time.monotonic()
        if options["reset"] and connection.vendor != "sqlite":
            self.reset_server_database()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")  # stays with the file: readers and a writer coexist
                cursor.execute("PRAGMA synchronous=OFF")  # this connection only: a crash just means --reset
        self.stdout.write(_("Migrating…"))
        # wagtail-modeltranslation's migrate prints its column sync with print(): keep it out of the output.
        with contextlib.redirect_stdout(io.StringIO()):
            call_command("migrate", "--noinput", verbosity=0, stdout=io.StringIO())
        databases.refuse_foreign_database()
        if options["gazetteer"]:
            from learners.gazetteer import import_gazetteer

            import_gazetteer(targets=[options["gazetteer"]])
        self.ensure_curriculum()
        now = timezone.make_aware(datetime.combine(options["now"] or timezone.localdate(), clock_time.min))
        self.stdout.write(
            _("Generating %(learners)s learners (seed %(seed)s, 24 months up to %(now)s)…")
            % {"learners": f"{options['learners']:,}", "seed": options["seed"], "now": now.date().isoformat()}
        )
        generated = time.monotonic()
        try:
            counts = population.generate_population(
                learners=options["learners"],
                seed=options["seed"],
                now=now,
                batch_size=options["batch_size"],
                full_snapshots=options["full_snapshots"],
                progress=population.ProgressBar(total=options["learners"], stream=self.stderr._out),
            )
        except NoCurriculum as error:
            raise CommandError(str(error)) from None
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("ANALYZE")  # the query planner's statistics, as a long-lived database has
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.report(counts, started=started, generated=generated)

    def reset_server_database(self) -> None:
        """Drop every table of a PostgreSQL load database, after checking it holds only synthetic accounts."""
        tables = connection.introspection.table_names()
        if tables:
            if "auth_user" not in tables:
                raise CommandError(NOT_A_LOAD_DATABASE)
            databases.refuse_foreign_database(allow_synthetic=True)
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        self.stdout.write(_("Dropped every table of the load database."))

    def ensure_curriculum(self) -> None:
        """The demo manual and its quizzes (idempotent loaders; no demo accounts): what learners train on."""
        try:
            curriculum_read()
            return
        except NoCurriculum:
            pass
        from curriculum.demo.loader import load_manual
        from quizzes.demo.loader import load_demo_quizzes

        self.stdout.write(_("Loading the demo manual and quizzes…"))
        load_manual(stdout=io.StringIO())
        load_demo_quizzes(stdout=io.StringIO())

    def report(self, counts: population.Counts, *, started: float, generated: float) -> None:
        done = time.monotonic()
        size = databases.database_size()
        self.stdout.write(
            _(
                "Done in %(total).0f s (population %(population).0f s). Database: %(size).0f MB. "
                "Learners %(learners)s, lesson views %(views)s, attempts %(attempts)s (%(open)s in progress), "
                "answers %(answers)s, module completions %(completions)s, learners who started %(started)s, "
                "certificates %(certificates)s, targets %(targets)s."
            )
            % {
                "total": done - started,
                "population": done - generated,
                "size": size / 1e6,
                "learners": f"{counts.learners:,}",
                "views": f"{counts.lesson_views:,}",
                "attempts": f"{counts.attempts:,}",
                "open": f"{counts.attempts_in_progress:,}",
                "answers": f"{counts.answers:,}",
                "completions": f"{counts.completions:,}",
                "started": f"{counts.started:,}",
                "certificates": f"{counts.certificates:,}",
                "targets": f"{counts.targets:,}",
            }
        )
