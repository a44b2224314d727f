"""Reading an uploaded .xlsx or .csv table within fixed limits, whatever the file declares about itself.

A small file can describe a huge sheet: a declared range of A1:XFD30000, a zip that unpacks to gigabytes, half a
million rows, one row of a million cells. So the .xlsx is read as a stream of XML events straight from the zip,
keeping only the cells of the first rows and columns, and reading stops at the first limit passed: the declared
dimensions are never used, blank rows are never made up, and shared strings are kept only when a kept cell uses
them. Every refusal is an ImportFileError with a message for the user.
"""

from django.utils.translation import gettext_lazy as _

from core.exports import looks_like_formula

from .csv_table import csv_rows
from .xlsx_table import XlsxReader

FORMULA_LIKE = _(
    "“%(value)s” begins like a spreadsheet formula (= + - @). It is kept as plain text, and exports put a ' in "
    "front of it so spreadsheet programs show it instead of running it."
)


def formula_warnings(values: dict[str, str], *, columns) -> dict[str, str]:
    """{column: warning} for the values a spreadsheet program would run as a formula if exported as they are."""
    return {
        column: str(FORMULA_LIKE % {"value": values[column]})
        for column in columns
        if values.get(column) and looks_like_formula(values[column])
    }


def read_table(*, name: str, content: bytes, max_rows: int) -> list[tuple[int, list[str]]]:
    """The non-blank rows of an uploaded .xlsx (first sheet) or UTF-8 .csv (with or without a BOM), as
    (line number as the spreadsheet program shows it, cells as text), at most `max_rows` after the heading row."""
    if name.lower().endswith(".xlsx"):
        return XlsxReader(content, max_rows=max_rows).rows()
    return csv_rows(content, max_rows=max_rows)
