"""Reading an uploaded UTF-8 .csv row by row within the table limits, comma-, semicolon- or tab-separated."""

import csv
import io
import itertools

from .table_limits import MAX_COLUMNS, NOT_CSV, NOT_UTF8, ImportFileError, Limits

DELIMITERS = (",", ";", "\t")


def delimiter(text: str) -> str:
    """The separator of the heading row: Excel on a computer set to a region that writes decimals with a comma
    (French, for one) saves "CSV" with semicolons, and some programs with tabs. The heading row names the columns,
    so the separator it uses most, outside quotes, is the file's; a comma when it has none."""
    heading = next((line for line in io.StringIO(text) if line.strip()), "")  # without splitting the whole file
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in heading:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda candidate: counts[candidate])  # the first (a comma) on a tie
    return best if counts[best] else ","


def csv_rows(content: bytes, *, max_rows: int) -> list[tuple[int, list[str]]]:
    if content.startswith(b"PK\x03\x04"):  # an .xlsx (a zip) renamed .csv
        raise ImportFileError(NOT_CSV)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(NOT_UTF8) from error
    if "\x00" in text:  # a binary file renamed .csv; PostgreSQL would refuse NUL characters anyway
        raise ImportFileError(NOT_CSV)
    limits = Limits(max_rows)
    try:
        # Row by row from the text: reading stops at the row limit instead of splitting the whole file first.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
        for line, cells in enumerate(reader, start=1):
            # Past the last column only blanks may follow (a sheet saved as CSV often has empty columns).
            extra = itertools.islice(enumerate(cells, start=1), MAX_COLUMNS, None)
            column, cell = next(((n, cell) for n, cell in extra if cell.strip()), (0, ""))
            if column:
                limits.cell(line=line, column=column, text=cell)  # refuses it
            kept = [
                cell if limits.cell(line=line, column=n, text=cell) else ""
                for n, cell in enumerate(cells[:MAX_COLUMNS], 1)
            ]
            while kept and not kept[-1]:
                kept.pop()
            limits.row(line=line, cells=kept)
    except csv.Error as error:  # a field over csv's size limit, a stray quote: not a CSV file we can read
        raise ImportFileError(NOT_CSV) from error
    return limits.rows
