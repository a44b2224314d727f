"""What an uploaded table may hold (columns, cell length, rows), the refusals' messages, and their counter."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_COLUMNS = 50  # the widest import has 11 columns; a few more for people's own notes are ignored
MAX_CELL_CHARS = 1000  # the longest value any import keeps is 254 characters (an e-mail address)

NOT_UTF8 = _("The CSV file is not in UTF-8. In Excel, use “Save as… CSV UTF-8”, or upload the .xlsx file.")
NOT_XLSX = _("This is not an Excel .xlsx file that can be read.")
NOT_CSV = _("This is not a CSV file that can be read. Save the sheet as “CSV UTF-8”, or upload the .xlsx file.")
TOO_MANY_ROWS = _("The file has more than %(max)s rows. Split it into smaller files.")
TOO_MANY_COLUMNS = _(
    "Line %(line)s has a value in column %(column)s: a file may use at most %(max)s columns. Delete the extra columns."
)
CELL_TOO_LONG = _("Line %(line)s has a cell of more than %(max)s characters. Shorten it.")
TOO_BIG_UNPACKED = _(
    "The workbook is too large once unpacked. Copy only the rows you need into a new file and upload that."
)


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (format, encoding, columns, size)."""


class Limits:
    """Counts kept rows and checks each cell as it arrives, so reading stops at the first limit passed."""

    def __init__(self, max_rows: int):
        self.max_rows = max_rows
        self.rows: list[tuple[int, list[str]]] = []

    def cell(self, *, line: int, column: int, text: str) -> bool:
        """Whether to keep the cell; refuses a long cell, or any value beyond the last allowed column."""
        if not text.strip():
            return False
        if len(text) > MAX_CELL_CHARS:
            raise ImportFileError(CELL_TOO_LONG % {"line": line, "max": MAX_CELL_CHARS})
        if column > MAX_COLUMNS:
            raise ImportFileError(TOO_MANY_COLUMNS % {"line": line, "column": column, "max": MAX_COLUMNS})
        return True

    def row(self, *, line: int, cells: list[str]) -> None:
        if all(cell == "" for cell in cells):  # a shared string's index may be 0
            return
        # The first non-blank row names the columns; `max_rows` rows of data may follow it.
        if len(self.rows) > self.max_rows:
            raise ImportFileError(TOO_MANY_ROWS % {"max": self.max_rows})
        self.rows.append((line, cells))
