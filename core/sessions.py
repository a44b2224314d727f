"""The database session store, reading a session with one ready-made SQL statement.

Every signed-in request loads its session. Django's store builds that SELECT with the ORM each time, which costs
several times what SQLite takes to run it; on the quiz-submission path (the busiest write of the site) that is
a measurable share of the CPU. Behaviour is Django's: an expired, unknown or malformed key reads as no session.
Use with SESSION_ENGINE = "core.sessions".
"""

import functools
import logging

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.exceptions import SuspiciousOperation
from django.db import connections, router
from django.utils import timezone


@functools.cache
def _select_sql(model, vendor: str) -> str:
    """Built once per process and database vendor: names come from the model's _meta, never from input."""
    opts = model._meta
    q = connections[router.db_for_read(model)].ops.quote_name
    key, data, expiry = (opts.get_field(name).column for name in ("session_key", "session_data", "expire_date"))
    return f"SELECT {q(data)} FROM {q(opts.db_table)} WHERE {q(key)} = %s AND {q(expiry)} > %s"  # noqa: S608


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        """The session row (only its data is read from it), or None with the key forgotten, as Django's does."""
        model = self.model
        connection = connections[router.db_for_read(model)]
        row = None
        try:
            session_key = self.session_key
            now = model._meta.get_field("expire_date").get_db_prep_value(timezone.now(), connection)
            with connection.cursor() as cursor:
                cursor.execute(_select_sql(model, connection.vendor), [session_key, now])
                row = cursor.fetchone()
        except SuspiciousOperation as error:
            logging.getLogger(f"django.security.{error.__class__.__name__}").warning(str(error))
        if row is None:
            self._session_key = None
            return None
        return model(session_key=session_key, session_data=row[0])
