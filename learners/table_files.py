"""Reading an uploaded .xlsx or .csv table within fixed limits, whatever the file declares about itself.

A small file can describe a huge sheet: a declared range of A1:XFD30000, a zip that unpacks to gigabytes, half a
million rows, one row of a million cells. So the .xlsx is read as a stream of XML events straight from the zip,
keeping only the cells of the first rows and columns, and reading stops at the first limit passed: the declared
dimensions are never used, blank rows are never made up, and shared strings are kept only when a kept cell uses
them. Every refusal is an ImportFileError with a message for the user.
"""

import csv
import io
import itertools
import posixpath
import zipfile
import zlib
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.exports import looks_like_formula

MAX_COLUMNS = 50  # the widest import has 11 columns; a few more for people's own notes are ignored
MAX_CELL_CHARS = 1000  # the longest value any import keeps is 254 characters (an e-mail address)
MAX_XML_BYTES = 16 * 1024 * 1024  # per part, unpacked; a full 3,000-row sheet is well under 2 MB
# Elements per part, for the time they take: a full target sheet (3,001 rows of 5 cells, each a cell, an inline
# string and its text) has about 50,000, learners about 70,000, and even 30 columns of notes fit; a few bytes per
# empty element would otherwise pack millions into a part.
MAX_XML_ELEMENTS = 300_000
MAX_SMALL_PART_BYTES = 1024 * 1024  # the workbook's list of sheets and its relationships
CHUNK_BYTES = 64 * 1024

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
FORMULA_LIKE = _(
    "“%(value)s” begins like a spreadsheet formula (= + - @). It is kept as plain text, and exports put a ' in "
    "front of it so spreadsheet programs show it instead of running it."
)

RELATIONSHIPS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (format, encoding, columns, size)."""


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
        return _XlsxReader(content, max_rows=max_rows).rows()
    return _csv_rows(content, max_rows=max_rows)


class _Limits:
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


def _csv_rows(content: bytes, *, max_rows: int) -> list[tuple[int, list[str]]]:
    if content.startswith(b"PK\x03\x04"):  # an .xlsx (a zip) renamed .csv
        raise ImportFileError(NOT_CSV)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(NOT_UTF8) from error
    if "\x00" in text:  # a binary file renamed .csv; PostgreSQL would refuse NUL characters anyway
        raise ImportFileError(NOT_CSV)
    limits = _Limits(max_rows)
    try:
        # Row by row from the text: reading stops at the row limit instead of splitting the whole file first.
        for line, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
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


def _local(name: str) -> str:
    """`{namespace}row` or `x:row` -> `row`: strict and transitional files, with or without prefixes."""
    return name.rpartition("}")[2].rpartition(":")[2]


def _column_number(reference: str) -> int:
    number = 0
    for char in reference:
        if not ("A" <= char <= "Z"):
            break
        number = number * 26 + ord(char) - 64
    return number


def _number_text(text: str) -> str:
    # Phone numbers typed into Excel become numbers (12111222, or 1.2111222E7); give them back as digits.
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() and abs(number) < 1e16 else text


class _Stop(Exception):
    """The part has told us all we need (the end of the sheet's data, the last shared string wanted)."""


class _XlsxReader:
    def __init__(self, content: bytes, *, max_rows: int):
        self.content = content
        self.limits = _Limits(max_rows)

    def rows(self) -> list[tuple[int, list[str]]]:
        try:
            with zipfile.ZipFile(io.BytesIO(self.content)) as archive:
                self.archive = archive
                sheet_path, strings_path = self._parts()
                shared: dict[int, int] = {}  # shared string index -> first line using it
                rows = self._sheet(sheet_path, shared)
                strings = self._shared_strings(strings_path, shared) if shared else {}
        except ImportFileError:
            raise
        except (*ZIP_ERRORS, expat.ExpatError, KeyError) as error:  # damaged, encrypted or foreign files
            raise ImportFileError(NOT_XLSX) from error
        for _line, cells in rows:
            for index, cell in enumerate(cells):
                if isinstance(cell, int):
                    if cell not in strings:
                        raise ImportFileError(NOT_XLSX)
                    cells[index] = strings[cell]
        return rows

    def _parse(self, path: str, *, start=None, end=None, text=None, limit: int | None = None) -> None:
        """Feed one part to expat chunk by chunk, refusing DTDs (entity bombs), and parts unpacking past `limit`
        bytes or MAX_XML_ELEMENTS elements."""
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True

        def refuse(*args):
            raise ImportFileError(NOT_XLSX)

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        elements = [0, MAX_XML_ELEMENTS]

        def on_start(name, attrs):
            elements[0] += 1
            if elements[0] > elements[1]:
                raise ImportFileError(TOO_BIG_UNPACKED)
            if start:
                start(_local(name), attrs)

        parser.StartElementHandler = on_start
        if end:
            parser.EndElementHandler = lambda name: end(_local(name))
        if text:
            parser.CharacterDataHandler = text
        limit = limit or MAX_XML_BYTES
        read = 0
        try:
            with self.archive.open(path) as part:
                while chunk := part.read(CHUNK_BYTES):
                    read += len(chunk)
                    if read > limit:
                        raise ImportFileError(TOO_BIG_UNPACKED)
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except _Stop:
            pass

    def _elements(self, path: str, wanted: str) -> list[dict[str, str]]:
        found = []

        def start(name, attrs):
            if name == wanted:
                found.append({_local(key): value for key, value in attrs.items()})

        self._parse(path, start=start, limit=MAX_SMALL_PART_BYTES)
        return found

    def _relationships(self, path: str) -> dict[str, tuple[str, str]]:
        """{id: (type, part path)} of a part's relationships (its `_rels/<name>.rels`)."""
        folder, name = posixpath.split(path)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        found = {}
        for item in self._elements(rels, "Relationship"):
            target = item.get("Target", "")
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[item.get("Id", "")] = (item.get("Type", "").rpartition("/")[2], target)
        return found

    def _parts(self) -> tuple[str, str | None]:
        """The first worksheet (as openpyxl's `worksheets[0]`) and the shared strings, found through the package's
        relationships rather than assumed names."""
        package = self._relationships("")
        workbook = next((path for kind, path in package.values() if kind == "officeDocument"), "xl/workbook.xml")
        related = self._relationships(workbook)
        for sheet in self._elements(workbook, "sheet"):
            kind, path = related.get(sheet.get("id", ""), ("", ""))
            if kind == "worksheet":
                strings = next((path for kind, path in related.values() if kind == "sharedStrings"), None)
                return path, strings
        raise ImportFileError(NOT_XLSX)

    def _sheet(self, path: str, shared: dict[int, int]) -> list[tuple[int, list[str]]]:
        state = {"line": 0, "column": 0, "type": "", "capture": False, "phonetic": False}
        cells: list = []
        buffer: list[str] = []
        length = [0]

        def start(name, attrs):
            if name == "row":
                state["line"] = int(attrs["r"]) if "r" in attrs else state["line"] + 1
                state["column"] = 0
                cells.clear()
            elif name == "c":
                reference = attrs.get("r")
                state["column"] = _column_number(reference) if reference else state["column"] + 1
                state["type"] = attrs.get("t", "n")
                buffer.clear()
                length[0] = 0
            elif name == "rPh":
                state["phonetic"] = True
            elif name in ("v", "t") and not state["phonetic"]:
                state["capture"] = True

        def text(data):
            if state["capture"]:
                length[0] += len(data)
                if length[0] > MAX_CELL_CHARS:
                    raise ImportFileError(CELL_TOO_LONG % {"line": state["line"], "max": MAX_CELL_CHARS})
                buffer.append(data)

        def end(name):
            if name in ("v", "t"):
                state["capture"] = False
            elif name == "rPh":
                state["phonetic"] = False
            elif name == "c":
                self._cell(state, "".join(buffer), cells, shared)
            elif name == "row":
                self.limits.row(line=state["line"], cells=list(cells))
            elif name == "sheetData":
                raise _Stop

        self._parse(path, start=start, end=end, text=text)
        return self.limits.rows

    def _cell(self, state: dict, raw: str, cells: list, shared: dict[int, int]) -> None:
        if not raw:  # a formatted empty cell, the commonest padding
            return
        kind, line, column = state["type"], state["line"], state["column"]
        if kind == "s":
            if not raw.strip():
                return
            if column > MAX_COLUMNS:  # its text is not known yet, but a shared string is there to be shown
                raise ImportFileError(TOO_MANY_COLUMNS % {"line": line, "column": column, "max": MAX_COLUMNS})
            value = int(raw)  # an index, resolved once the shared strings are read
            shared.setdefault(value, line)
        else:
            if kind == "n":
                value = _number_text(raw.strip())
            elif kind == "b" and raw.strip():
                value = "TRUE" if raw.strip() == "1" else "FALSE"
            else:  # str (a formula's last result), inlineStr, e (#N/A...), d (ISO date)
                value = raw
            if not self.limits.cell(line=line, column=column, text=value):
                return
        cells.extend([""] * (column - len(cells)))
        cells[column - 1] = value

    def _shared_strings(self, path: str | None, wanted: dict[int, int]) -> dict[int, str]:
        if path is None:
            raise ImportFileError(NOT_XLSX)
        last = max(wanted)
        strings: dict[int, str] = {}
        state = {"index": -1, "capture": False, "phonetic": False}
        buffer: list[str] = []
        length = [0]

        def start(name, attrs):
            if name == "si":
                state["index"] += 1
                buffer.clear()
                length[0] = 0
            elif name == "rPh":
                state["phonetic"] = True
            elif name == "t" and not state["phonetic"] and state["index"] in wanted:
                state["capture"] = True

        def text(data):
            if state["capture"]:
                length[0] += len(data)
                if length[0] > MAX_CELL_CHARS:
                    line = wanted[state["index"]]
                    raise ImportFileError(CELL_TOO_LONG % {"line": line, "max": MAX_CELL_CHARS})
                buffer.append(data)

        def end(name):
            if name == "t":
                state["capture"] = False
            elif name == "rPh":
                state["phonetic"] = False
            elif name == "si" and state["index"] in wanted:
                strings[state["index"]] = "".join(buffer)
                if state["index"] >= last:
                    raise _Stop

        self._parse(path, start=start, end=end, text=text)
        return strings
