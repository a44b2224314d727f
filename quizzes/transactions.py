"""Write transactions that queue fairly on SQLite.

SQLite admits one writer at a time; the others wait in its busy handler, which polls with sleeps growing
to 100 ms. Under many concurrent quiz submissions most of the time is then spent asleep (measured here:
about 20 submissions/s on 2 cores). Taking an exclusive lock on a file next to the database before BEGIN
IMMEDIATE makes the waiting processes queue in the kernel instead, each woken the moment the previous
writer commits. PostgreSQL needs none of this (row locks, SELECT ... FOR UPDATE).

While one writer holds the lock every other writer waits, so the busiest path (quiz submission) prepares its
statements (`Statement`) *before* taking the lock and only runs them inside it (`run`): building a query costs
the ORM about 0.5 ms of CPU, running a prepared one on SQLite about 0.05 ms.
"""

import contextlib
import fcntl
import os
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections, transaction


class Statement(NamedTuple):
    """One SQL statement with its parameters already prepared for the database (`Field.get_db_prep_save`)."""

    sql: str
    params: tuple
    using: str = DEFAULT_DB_ALIAS


def run(statement: Statement) -> tuple[int, tuple | None]:
    """Run a prepared statement: (rows changed, first row returned or None)."""
    with connections[statement.using].cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        row = cursor.fetchone() if cursor.description else None
        return cursor.rowcount, row


def _lock_path(connection) -> str | None:
    if connection.vendor != "sqlite":
        return None
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return f"{name}.write-lock"


class write_transaction(contextlib.ContextDecorator):  # noqa: N801  (used like transaction.atomic)
    """transaction.atomic for a service that writes; on a SQLite file, writers first queue on a file lock.

    Inside an outer transaction it is a plain savepoint (the outer transaction already holds the write lock).
    """

    def __init__(self, using: str = DEFAULT_DB_ALIAS):
        self.using = using
        self._stack: list[tuple[int | None, transaction.Atomic]] = []

    def _recreate_cm(self):
        # A fresh instance per decorated call: the state kept on enter must not be shared between threads.
        return type(self)(self.using)

    def __enter__(self):
        connection = connections[self.using]
        path = None if connection.in_atomic_block else _lock_path(connection)
        fd = None
        if path is not None:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
        atomic = transaction.atomic(using=self.using)
        try:
            atomic.__enter__()
        except BaseException:
            if fd is not None:
                os.close(fd)  # closing releases the lock
            raise
        self._stack.append((fd, atomic))
        return self

    def __exit__(self, *exc_info):
        fd, atomic = self._stack.pop()
        try:
            return atomic.__exit__(*exc_info)
        finally:
            if fd is not None:
                os.close(fd)
