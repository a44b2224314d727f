"""Problems found in an uploaded table, each introduced by its column's name in the reader's language.

A file's headings are fixed codes (`full_name_km`, `phone`), which read as noise inside a Khmer sentence: the
message starts with the column's label, and gives the heading after it so the reader finds the column in the file.
"""

from django.utils.translation import gettext_lazy as _

COLUMN_MESSAGE = _("%(column)s (%(heading)s): %(message)s")


def column_message(*, labels: dict, column: str, message) -> str:
    """`message` about `column`, under its label (`labels`: column -> lazy label); a problem of the whole row
    (a column without a label, such as Django's "__all__") is the message alone."""
    label = labels.get(column)
    if label is None:
        return str(message)
    return str(COLUMN_MESSAGE % {"column": label, "heading": column, "message": message})
