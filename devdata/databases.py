"""Which database a load population goes to: never the working one, never one holding real accounts."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import connections
from django.utils.translation import gettext_lazy

USERNAME_PREFIX = "load-"
BENCH_COORDINATOR = "bench-coordinator"  # created by bench/reports.py; allowed in a load database
DEFAULT_PORTS = {"postgresql": "5432", "mysql": "3306"}

SAME_AS_WORKING_DATABASE = gettext_lazy(
    "%(target)s is the working database. Synthetic learners go to a database of their own: "
    "choose another --database-url."
)
FOREIGN_ACCOUNTS = gettext_lazy(
    "This database holds %(count)s accounts that generate_load_data did not create: refusing to write into it."
)
ALREADY_POPULATED = gettext_lazy(
    "This database already holds %(count)s synthetic learners. Use --reset to build it again."
)


def default_database_url() -> str:
    """var/loaddata.sqlite3 next to the working database (VAR_DIR), as an absolute sqlite URL."""
    var_dir = Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var"))
    return f"sqlite:///{(var_dir / 'loaddata.sqlite3').resolve()}"


def database_settings(url: str) -> dict:
    """The connection settings a URL gives, parsed the way config.settings.base.database_from_env parses it."""
    return dj_database_url.parse(url)


def _identity(config: dict) -> tuple:
    """What makes two connection settings the same database: the file for SQLite, server and name otherwise."""
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        name = str(config.get("NAME") or "")
        if name in ("", ":memory:") or name.startswith("file:"):
            return ("sqlite", name)
        return ("sqlite", str(Path(name).expanduser().resolve()))
    vendor = engine.rsplit(".", 1)[-1]
    host = (config.get("HOST") or "localhost").lower()
    host = "localhost" if host in ("127.0.0.1", "::1", "") else host
    port = str(config.get("PORT") or DEFAULT_PORTS.get(vendor, ""))
    return (vendor, host, port, config.get("NAME"))


def same_database(first: dict, second: dict) -> bool:
    return _identity(first) == _identity(second)


def is_sqlite(config: dict) -> bool:
    return config.get("ENGINE", "").endswith("sqlite3")


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def refuse_foreign_database(*, using: str = "default", allow_synthetic: bool = False) -> None:
    """Refuse a database that holds accounts this generator did not make: it might be somebody's real data.

    Also refuse one already populated (unless `allow_synthetic`): adding a second population would mix seeds.
    """
    users = get_user_model().objects.using(using)
    foreign = users.exclude(username__startswith=USERNAME_PREFIX).exclude(username=BENCH_COORDINATOR).count()
    if foreign:
        raise CommandError(FOREIGN_ACCOUNTS % {"count": foreign})
    existing = users.filter(username__startswith=USERNAME_PREFIX).count()
    if existing and not allow_synthetic:
        raise CommandError(ALREADY_POPULATED % {"count": existing})


def database_size(*, using: str = "default") -> int:
    """Bytes the database takes: the SQLite file (and its WAL), or PostgreSQL's own figure."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        return sum(path.stat().st_size for path in (name, Path(f"{name}-wal")) if path.exists())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    return 0
