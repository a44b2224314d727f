"""Write transactions for the quiz services: one writer per learner at a time, queued fairly on SQLite.

Every service that writes a learner's quiz or reading progress runs `with write_transaction(): lock_learner(...)`
and reads what it changes after that, inside the lock, so two requests of the same learner (a double tap, an
answer saved while the quiz is submitted) queue up and the second sees what the first wrote.

PostgreSQL: the lock is the learner's account row (SELECT ... FOR UPDATE). SQLite: IMMEDIATE transactions admit
one writer at a time; waiting writers poll in SQLite's busy handler with sleeps growing to 100 ms, so under many
concurrent submissions most time is spent asleep. Where the platform has `fcntl`, writers first take an exclusive
lock on a file next to the database, so they queue in the kernel and each wakes the moment the previous one
commits. Without `fcntl` (Windows) the busy handler alone still keeps writes correct, only slower under load.
"""

import contextlib
import os

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections, transaction

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


def lock_learner(learner, using: str = DEFAULT_DB_ALIAS) -> None:
    """Queue this learner's writes behind each other (inside a write transaction). SQLite needs no row lock:
    its IMMEDIATE transaction already holds the database's write lock, so the query is skipped there."""
    if connections[using].features.has_select_for_update:
        users = get_user_model().objects.using(using).select_for_update()
        list(users.filter(pk=learner.pk).values_list("pk", flat=True))


def _lock_path(connection) -> str | None:
    if fcntl is None or connection.vendor != "sqlite":
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
