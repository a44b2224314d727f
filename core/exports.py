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


def xlsx_response(filename: str, header: list[str], rows: Iterable[list], *, headers: Iterable[list] = ()):
    """A write-only workbook: rows go to a temporary file as they come, and the finished file is streamed from
    disk, so memory stays flat however many rows there are (as for CSV)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(_xlsx_row(sheet, header))
    for extra in headers:
        sheet.append(_xlsx_row(sheet, extra))
    for row in rows:
        sheet.append(_xlsx_row(sheet, row))
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent, which removes it)
    workbook.save(output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
