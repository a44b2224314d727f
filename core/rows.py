"""One model instance from one ready-made SELECT, converted as the ORM converts it.

For the few reads on the busiest paths (the session, the signed-in account, the attempt a quiz submission
closes): building the query with the ORM costs several times what SQLite takes to run it, and RawQuerySet still
works out its column mapping on every call. Here the converters are worked out once per model and database.
"""

import functools

from django.db import connections


@functools.cache
def _converters(model, alias: str) -> tuple:
    """Per concrete field, in _meta order: the functions turning a database value into the Python value."""
    connection = connections[alias]
    result = []
    for field in model._meta.concrete_fields:
        column = field.get_col(model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        result.append((column, tuple(functions)))
    return tuple(result)


def select_columns(model, alias: str = "default") -> str:
    """The column list `fetch_one` expects first, table-qualified and in _meta order."""
    q = connections[alias].ops.quote_name
    table = q(model._meta.db_table)
    return ", ".join(f"{table}.{q(field.column)}" for field in model._meta.concrete_fields)


def fetch_one(model, sql: str, params, *, extra: tuple[str, ...] = (), alias: str = "default"):
    """Run `sql` (selecting `select_columns(model)` first, then one column per name in `extra`) and return
    the first row as an instance with the extra values as attributes, or None."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    converters = _converters(model, alias)
    values = []
    for (column, functions), value in zip(converters, row, strict=False):
        for convert in functions:
            value = convert(value, column, connection)
        values.append(value)
    instance = model.from_db(alias, [field.attname for field in model._meta.concrete_fields], values)
    for name, value in zip(extra, row[len(converters) :], strict=True):
        setattr(instance, name, value)
    return instance
