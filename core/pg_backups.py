"""PostgreSQL's side of backups: pg_dump and pg_restore (Debian's postgresql-client), run from one snapshot.

The only SQL written by hand in the backup code lives here: PostgreSQL offers no other way to share a snapshot
with pg_dump, and that shared snapshot is what makes the manifest's row counts those of the dump.
"""

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from django.db import connections, transaction
from django.utils.translation import gettext_lazy as _

ERROR_NO_CLIENT = _(
    "%(program)s is not installed. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client)."
)
ERROR_CLIENT_FAILED = _("%(program)s failed: %(detail)s")


class ClientProgramError(Exception):
    """pg_dump or pg_restore is missing or failed; the message says which and why."""


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ClientProgramError(ERROR_NO_CLIENT % {"program": name})
    return path


def _connection_args(using: str) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for the client programs; the password goes in the environment."""
    settings = connections[using].settings_dict
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args.append(f"{option}={settings[key]}")
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = " ".join((result.stderr or result.stdout).strip().splitlines()[-3:])
        raise ClientProgramError(ERROR_CLIENT_FAILED % {"program": Path(command[0]).name, "detail": detail})


def dump(*, using: str, output: Path, count: Callable[[], tuple[dict, dict]]) -> tuple[dict, dict]:
    """pg_dump into `output`, and `count()` read in the very snapshot the dump sees."""
    program = _program("pg_dump")
    args, env = _connection_args(using)
    connection = connections[using]
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            # REPEATABLE READ keeps one snapshot for the whole transaction; exporting it lets pg_dump use it too.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        command = [program, *args, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
        _run([*command, f"--file={output}", connection.settings_dict["NAME"]], env)
        counts = count()
    return counts


def has_tables(*, using: str) -> bool:
    return bool(connections[using].introspection.table_names())


def restore(*, using: str, dump: Path, clean: bool) -> None:
    """pg_restore in one transaction: a failure leaves the database as it was."""
    program = _program("pg_restore")
    args, env = _connection_args(using)
    connections[using].close()
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        options += ["--clean", "--if-exists"]
    _run([program, *args, *options, f"--dbname={connections[using].settings_dict['NAME']}", str(dump)], env)
