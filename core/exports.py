"""Spreadsheet downloads: CSV (UTF-8 with a BOM, streamed row by row) and XLSX, from a header and rows.

Every download goes through here, so every cell is made safe here: text that a spreadsheet program would run as a
formula (a name such as =HYPERLINK(...) typed at registration) is written with a ' in front, as OWASP advises
against CSV injection, and XLSX cells are written as text or numbers, never as formulas.
"""

import csv
import re
import tempfile
from collections.abc import Iterable

from django.http import FileResponse, StreamingHttpResponse
from django.utils.functional import Promise

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What starts a formula in Excel, LibreOffice or Google Sheets (the full-width forms too, typed with some input
# methods); a tab or carriage return first also makes some of them read what follows as a formula.
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
CONTROL_STARTS = ("\t", "\r")
# A signed number (-12, +855 12 345 678, -1,234.5, -3%) is data, not a formula: it has no name to call.
NUMBER = re.compile(r"[+-]?\d[\d ,.]*%?")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet program opening this text could run it: it starts (after any spaces) with = + - @,
    or with a tab or carriage return; a plain signed number does not count."""
    if text.startswith(CONTROL_STARTS):
        return True
    stripped = text.strip()
    return stripped[:1] in FORMULA_STARTS and not NUMBER.fullmatch(stripped)


def safe_cell(value):
    """The value as it may go into a spreadsheet: numbers, dates and empty cells as they are, text that looks
    like a formula with a ' in front (the program then shows it instead of running it)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def safe_row(row: Iterable) -> list:
    return [safe_cell(value) for value in row]


class _Echo:
    """A file-like object whose write() hands back what it was given, so csv.writer can feed a stream."""

    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[list], *, headers: Iterable[list] = ()):
    """Streamed, so memory stays flat however many rows there are. The BOM makes Excel on Windows read the
    file as UTF-8, so Khmer shows correctly. `headers` are extra heading rows written after `header`."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(safe_row(header))
        for extra in headers:
            yield writer.writerow(safe_row(extra))
        for row in rows:
            yield writer.writerow(safe_row(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_row(sheet, row: Iterable) -> list:
    """Text as text cells: openpyxl would otherwise store "=..." as a formula and "#N/A" as an error."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in safe_row(row):
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    return cells


# Excel refuses a sheet name longer than 31 characters or holding any of these.
SHEET_NAME_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")
SHEET_NAME_LENGTH = 31
# Column widths in Excel's units (about one Latin character each): wide enough for a heading, never absurdly so.
# Khmer letters stack and draw wider than Latin ones, so a Khmer heading gets more room per character.
MIN_WIDTH, MAX_WIDTH = 8, 60


def sheet_name(title) -> str:
    """A report's name as Excel accepts it for a worksheet tab."""
    name = SHEET_NAME_FORBIDDEN.sub(" ", str(title)).strip().strip("'")
    return " ".join(name.split())[:SHEET_NAME_LENGTH].strip() or "Sheet1"


def heading_width(text) -> float:
    """Room for the longest line of a heading (a bilingual "ខេត្ត / Province" is one line)."""
    lines = str(text or "").splitlines() or [""]
    longest = max(sum(1.6 if "\u1780" <= char <= "\u17ff" else 1 for char in line) for line in lines)
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def _size_columns(sheet, heading_rows: list[list]) -> None:
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for row in heading_rows:
        for index, value in enumerate(row, start=1):
            widths[index] = max(widths.get(index, MIN_WIDTH), heading_width(value))
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = width


def xlsx_response(filename: str, header: list[str], rows: Iterable[list], *, headers: Iterable[list] = (), title=""):
    """A write-only workbook: rows go to a temporary file as they come, and the finished file is streamed from
    disk, so memory stays flat however many rows there are (as for CSV).

    The sheet is named after the report (`title`), its heading rows stay in view while the reader scrolls, and each
    column is as wide as its heading (the rows are not measured: they are written as they are read). A shared file's
    first row is one long sentence, so it does not size its column."""
    from openpyxl import Workbook

    headers = [list(extra) for extra in headers]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_name(title or filename.rsplit(".", 1)[0]))
    # Set before the first row is written: a write-only sheet writes its settings ahead of its rows.
    _size_columns(sheet, headers if headers else [header])
    sheet.freeze_panes = f"A{2 + len(headers)}"
    sheet.append(_xlsx_row(sheet, header))
    for extra in headers:
        sheet.append(_xlsx_row(sheet, extra))
    for row in rows:
        sheet.append(_xlsx_row(sheet, row))
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent, which removes it)
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
