"""Spreadsheet downloads: CSV (UTF-8 with a BOM, streamed row by row) and XLSX, from a header and rows."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose write() hands back what it was given, so csv.writer can feed a stream."""

    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[list], *, headers: Iterable[list] = ()):
    """Streamed, so memory stays flat however many rows there are. The BOM makes Excel on Windows read the
    file as UTF-8, so Khmer shows correctly. `headers` are extra heading rows written after `header`."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for extra in headers:
            yield writer.writerow(extra)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(filename: str, header: list[str], rows: Iterable[list], *, headers: Iterable[list] = ()):
    """A write-only workbook: rows go to a temporary file as they come rather than staying in memory."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    for extra in headers:
        sheet.append(extra)
    for row in rows:
        sheet.append(row)
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response
