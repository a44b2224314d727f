"""Reading the first sheet of an uploaded .xlsx as a stream of XML events straight from the zip, within limits.

The declared dimensions are never used, blank rows are never made up, and shared strings are kept only when a
kept cell uses them; each part is refused past a number of unpacked bytes or elements.
"""

import io
import posixpath
import zipfile
import zlib
from xml.parsers import expat

from .table_limits import (
    CELL_TOO_LONG,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    NOT_XLSX,
    TOO_BIG_UNPACKED,
    TOO_MANY_COLUMNS,
    ImportFileError,
    Limits,
)

MAX_XML_BYTES = 16 * 1024 * 1024  # per part, unpacked; a full 3,000-row sheet is well under 2 MB
# Elements per part, for the time they take: a full target sheet (3,001 rows of 5 cells, each a cell, an inline
# string and its text) has about 50,000, learners about 70,000, and even 30 columns of notes fit; a few bytes per
# empty element would otherwise pack millions into a part.
MAX_XML_ELEMENTS = 300_000
MAX_SMALL_PART_BYTES = 1024 * 1024  # the workbook's list of sheets and its relationships
CHUNK_BYTES = 64 * 1024

RELATIONSHIPS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError)


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


class XlsxReader:
    def __init__(self, content: bytes, *, max_rows: int):
        self.content = content
        self.limits = Limits(max_rows)

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
