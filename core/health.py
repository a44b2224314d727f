"""What /health/ checks and what the error page recognises: can the site still save what people submit?

The check is two-fold, because no single cheap probe sees a full disk on both databases:
- a write that is rolled back (a session row, through the ORM, in its own transaction): it proves the database takes
  writes at all (not read-only, not out of connections, not locked for good). On PostgreSQL it also reaches the
  server, which is where a full disk shows (the app cannot see the database server's disk);
- on SQLite, the free space where the database file (and its write-ahead log) lives: SQLite keeps a rolled-back
  write in memory and a committed one reuses the log's old space, so only free space tells that the next real
  write (an import, a quiz submission that grows the file) will fail with "database or disk is full".
The media folder's free space is checked too: uploads fail the same way. And every cache in CACHES must answer
(a value written and read back): with Redis, a server that cannot reach it serves stale sessions or none.
"""

import errno
import secrets
import shutil
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

# Below this, the disk is reported full: an import of a few thousand learners grows SQLite by a few megabytes.
DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024
POSTGRES_DISK_FULL = "53100"
STORAGE_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_last: tuple[str, float, list[str]] | None = None


def _sqlite_io_error(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_IOERR
    return isinstance(error, DatabaseError) and "disk I/O error" in str(error)


def _sqlite_disk_nearly_full(using: str = "default") -> bool:
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    return _free_space_problem("database", Path(connection.settings_dict["NAME"]).parent) is not None


def is_storage_full(error: BaseException | None) -> bool:
    """True when this error, or one it was raised from, is a database or disk that has no room left.

    SQLite in WAL mode often reports a full disk as "disk I/O error" (it cannot grow its shared-memory or log
    file), measured here on a full file system: that error counts when the database's disk is nearly full too.
    """
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            return True
        if isinstance(error, DatabaseError) and "database or disk is full" in str(error):
            return True
        if POSTGRES_DISK_FULL in {getattr(error, "sqlstate", None), getattr(error, "pgcode", None)}:
            return True
        if isinstance(error, OSError) and error.errno in STORAGE_FULL_ERRNOS:
            return True
        if _sqlite_io_error(error) and _sqlite_disk_nearly_full():
            return True
        error = error.__cause__ or error.__context__
    return False


def _free_space_problem(label: str, path: Path) -> str | None:
    minimum = getattr(settings, "HEALTH_MIN_FREE_BYTES", DEFAULT_MIN_FREE_BYTES)
    existing = path if path.exists() else path.parent
    try:
        free = shutil.disk_usage(existing).free
    except OSError:
        return f"{label}: folder missing"
    if free < minimum:
        return f"{label}: disk nearly full ({free // (1024 * 1024)} MB free)"
    return None


def _write_problem(using: str) -> str | None:
    probe = Session(
        session_key=f"health-{secrets.token_hex(16)}", session_data="", expire_date=timezone.now() + timedelta(1)
    )
    try:
        with transaction.atomic(using=using):
            probe.save(using=using, force_insert=True)
            transaction.set_rollback(True, using=using)
    except DatabaseError as error:
        return "database: disk full" if is_storage_full(error) else "database: cannot write"
    return None


def storage_problems(using: str = "default") -> list[str]:
    """Short, non-secret reasons the site cannot save right now; empty when it can.

    The answer is kept for HEALTH_CHECK_SECONDS in each process: load balancers ask every few seconds, and the
    benchmarks use /health/ as their reference of a minimal request, so it must stay nearly free.
    """
    global _last  # noqa: PLW0603 - one remembered answer per process
    now = time.monotonic()
    if _last is not None and _last[0] == using and now - _last[1] < getattr(settings, "HEALTH_CHECK_SECONDS", 5):
        return _last[2]
    problems = _check(using)
    _last = (using, now, problems)
    return problems


def forget() -> None:
    """Check afresh on the next request (tests, after changing what the check sees)."""
    global _last  # noqa: PLW0603
    _last = None


def _check(using: str) -> list[str]:
    problems = []
    write = _write_problem(using)
    if write:
        problems.append(write)
    connection = connections[using]
    if connection.vendor == "sqlite" and not write:
        problems.append(_free_space_problem("database", Path(connection.settings_dict["NAME"]).parent))
    problems.append(_free_space_problem("media", Path(settings.MEDIA_ROOT)))
    problems.extend(_cache_problem(alias) for alias in settings.CACHES)
    return [problem for problem in problems if problem]


def _cache_problem(alias: str) -> str | None:
    key, value = f"health-{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache = caches[alias]
        cache.set(key, value, timeout=30)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any backend's connection or file error means the same here
        return f"cache {alias}: unreachable"
    return None if found == value else f"cache {alias}: does not keep values"
