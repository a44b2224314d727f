"""Exit 0 when the PostgreSQL server in the given URL accepts a connection (used by `make test`)."""

import sys

try:
    import psycopg
except ImportError:  # pragma: no cover
    sys.exit(1)

try:
    with psycopg.connect(sys.argv[1], connect_timeout=3):
        pass
except Exception:
    sys.exit(1)
