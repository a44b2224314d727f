"""Uploaded tables are read within fixed limits: spreadsheet and zip bombs are refused early with a message."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from learners import csv_table, xlsx_table
from learners.importing import read_upload
from learners.models import ImportBatch, LearnerProfile
from learners.table_files import read_table
from learners.table_limits import (
    CELL_TOO_LONG,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    NOT_CSV,
    NOT_XLSX,
    TOO_BIG_UNPACKED,
    TOO_MANY_COLUMNS,
    TOO_MANY_ROWS,
    ImportFileError,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
KINDS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ["full_name_km", "gender", "role", "province"]
LEARNER = ["សុខ ចន្ថា", "female", "police_officer", "07"]


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def inline_row(line: int, values) -> str:
    cells = "".join(
        f'<c r="{column_letters(column)}{line}" t="inlineStr"><is><t>{value}</t></is></c>'
        for column, value in enumerate(values, start=1)
    )
    return f'<row r="{line}">{cells}</row>'


def xlsx(rows="", *, dimension="", strings=None, head="") -> bytes:
    """A minimal .xlsx as Excel lays it out; `rows` and `strings` (the shared strings' <si> elements) may be
    iterables of text, written piece by piece so a test can build a large part without holding it."""
    sheet_rels = f'<Relationship Id="rId1" Type="{KINDS}/worksheet" Target="worksheets/sheet1.xml"/>'
    if strings is not None:
        sheet_rels += f'<Relationship Id="rId2" Type="{KINDS}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
    parts = {
        "_rels/.rels": f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{KINDS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{KINDS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{RELS}">{sheet_rels}</Relationships>',
        "xl/worksheets/sheet1.xml": [
            f'{head}<worksheet xmlns="{MAIN}">{dimension and f"<dimension ref={dimension!r}/>"}<sheetData>',
            *([rows] if isinstance(rows, str) else rows),
            "</sheetData></worksheet>",
        ],
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = [f'<sst xmlns="{MAIN}">', *strings, "</sst>"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            with archive.open(name, "w") as part:
                for piece in [content] if isinstance(content, str) else content:
                    part.write(piece.encode())
    return buffer.getvalue()


@pytest.fixture
def unpacked(monkeypatch):
    """Bytes read out of the zip, to show reading stopped early."""
    counted = {"bytes": 0}
    real_read = zipfile.ZipExtFile.read

    def read(self, n=-1):
        data = real_read(self, n)
        counted["bytes"] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", read)
    return counted


def refusal(name: str, content: bytes, *, max_rows: int = 2000) -> str:
    with pytest.raises(ImportFileError) as raised:
        read_table(name=name, content=content, max_rows=max_rows)
    return raised.value.messages[0]


def test_declared_dimensions_are_ignored():
    """The 1.6 KB file that declared A1:XFD30000 once made 491 million empty cells: only real cells count now."""
    content = xlsx(inline_row(1, HEADER) + inline_row(2, LEARNER), dimension="A1:XFD30000")
    assert len(content) < 2000
    assert read_table(name="bomb.xlsx", content=content, max_rows=2000) == [(1, HEADER), (2, LEARNER)]
    assert [row.values["full_name_km"] for row in read_upload(name="bomb.xlsx", content=content)] == [LEARNER[0]]


def test_missing_rows_are_not_made_up():
    content = xlsx(inline_row(1, HEADER) + inline_row(1_048_576, LEARNER))
    assert read_table(name="gap.xlsx", content=content, max_rows=2000) == [(1, HEADER), (1_048_576, LEARNER)]


def test_too_many_rows_stop_the_reading(unpacked):
    rows = (inline_row(line, LEARNER) for line in range(1, 100_001))
    content = xlsx(rows)
    assert refusal("many.xlsx", content) == TOO_MANY_ROWS % {"max": 2000}
    assert unpacked["bytes"] < 1_000_000  # of about 26 MB: stopped after row 2,001


def test_a_value_beyond_the_last_column_is_refused():
    wide = inline_row(3, [f"v{column}" for column in range(1, MAX_COLUMNS + 2)])
    content = xlsx(inline_row(1, HEADER) + wide)
    message = TOO_MANY_COLUMNS % {"line": 3, "column": MAX_COLUMNS + 1, "max": MAX_COLUMNS}
    assert refusal("wide.xlsx", content) == message
    # Empty or blank cells far to the right (formatting only) are not values.
    content = xlsx(
        inline_row(1, HEADER) + '<row r="2"><c r="XFD2" s="1"/><c r="XFC2" t="inlineStr"><is><t> </t></is></c></row>'
    )
    assert read_table(name="formatted.xlsx", content=content, max_rows=2000) == [(1, HEADER)]


def test_a_huge_cell_is_refused_while_reading():
    content = xlsx(inline_row(1, HEADER) + inline_row(2, ["ក" * (MAX_CELL_CHARS + 1)]))
    assert refusal("cell.xlsx", content) == CELL_TOO_LONG % {"line": 2, "max": MAX_CELL_CHARS}
    shared = xlsx(
        inline_row(1, HEADER) + '<row r="7"><c r="A7" t="s"><v>1</v></c></row>',
        strings=["<si><t>short</t></si>", f"<si><t>{'x' * (MAX_CELL_CHARS + 1)}</t></si>"],
    )
    assert refusal("cell.xlsx", shared) == CELL_TOO_LONG % {"line": 7, "max": MAX_CELL_CHARS}


def test_shared_strings_are_read_only_as_far_as_the_sheet_needs(unpacked):
    """A small zip can hold millions of shared strings: only those the kept cells use are read and kept."""
    cells = "".join(f'<c r="{column_letters(n + 1)}1" t="s"><v>{n}</v></c>' for n in range(4))
    strings = [f"<si><t>{word}</t></si>" for word in HEADER]
    strings += (f"<si><r><t>filler {n}</t></r></si>" for n in range(300_000))
    content = xlsx(f'<row r="1">{cells}</row>', strings=strings)
    assert read_table(name="strings.xlsx", content=content, max_rows=2000) == [(1, HEADER)]
    assert unpacked["bytes"] < 1_000_000  # of over 10 MB


def test_a_part_that_unpacks_too_far_is_refused(monkeypatch, unpacked):
    monkeypatch.setattr(xlsx_table, "MAX_XML_BYTES", 200_000)
    padding = ("<row/>" for _ in range(100_000))  # rows with no cells: nothing counts, everything unpacks
    content = xlsx(padding)
    assert refusal("padded.xlsx", content) == TOO_BIG_UNPACKED
    assert unpacked["bytes"] <= 200_000 + xlsx_table.CHUNK_BYTES


def test_a_part_with_too_many_elements_is_refused(monkeypatch):
    """Millions of empty elements fit in a few MB and each costs time: their number is capped too."""
    monkeypatch.setattr(xlsx_table, "MAX_XML_ELEMENTS", 1000)
    content = xlsx(inline_row(1, HEADER) + "<row/>" * 995)
    assert refusal("padded.xlsx", content) == TOO_BIG_UNPACKED
    content = xlsx(inline_row(1, HEADER) + "<row/>" * 980)
    assert read_table(name="padded.xlsx", content=content, max_rows=2000) == [(1, HEADER)]


def test_rich_text_and_phonetic_runs_and_numbers():
    strings = ["<si><r><t>សុខ </t></r><r><t>ចន្ថា</t></r><rPh><t>ignored</t></rPh></si>"]
    row = (
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><v>1.2111222E7</v></c>'
        '<c r="D2"><f>1+1</f><v>2</v></c><c r="E2"><v>2.5</v></c><c r="F2" t="e"><v>#N/A</v></c></row>'
    )
    content = xlsx(inline_row(1, "ABCDEF") + row, strings=strings)
    rows = read_table(name="types.xlsx", content=content, max_rows=2000)
    assert rows[1] == (2, ["សុខ ចន្ថា", "TRUE", "12111222", "2", "2.5", "#N/A"])


def test_a_file_saved_by_a_spreadsheet_program_reads_the_same():
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(LEARNER)
    workbook.active.append([None, None, None, None])
    workbook.active.append(["ព្រំ វណ្ណា", "male", "police_officer", 7])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_table(name="saved.xlsx", content=buffer.getvalue(), max_rows=2000)
    assert rows == [(1, HEADER), (2, LEARNER), (4, ["ព្រំ វណ្ណា", "male", "police_officer", "7"])]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("entities.xlsx", xlsx(head='<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'), NOT_XLSX),
        ("text.xlsx", b"full_name_km,gender\n", NOT_XLSX),
        ("empty-zip.xlsx", b"PK\x05\x06" + bytes(18), NOT_XLSX),  # a zip with nothing in it
        ("workbook.csv", xlsx(), NOT_CSV),
        ("broken.xlsx", xlsx("<row><c t='s'><v>not a number</v></c></row>", strings=[]), NOT_XLSX),
    ],
)
def test_wrong_and_damaged_files_are_refused(name, content, message):
    assert refusal(name, content) == str(message)


def test_csv_rows_stop_at_the_limit(monkeypatch):
    seen = []
    real_reader = csv_table.csv.reader

    def reader(lines, **options):
        for row in real_reader(lines, **options):
            seen.append(1)
            yield row

    monkeypatch.setattr(csv_table.csv, "reader", reader)
    content = ("\n".join(["a,b"] * 500_000)).encode()
    assert refusal("many.csv", content) == TOO_MANY_ROWS % {"max": 2000}
    assert len(seen) == 2002


def test_csv_wide_rows_and_huge_cells_are_refused():
    wide = ",".join(["x"] * (MAX_COLUMNS + 1))
    assert refusal("wide.csv", f"a\n{wide}\n".encode()) == TOO_MANY_COLUMNS % {
        "line": 2,
        "column": MAX_COLUMNS + 1,
        "max": MAX_COLUMNS,
    }
    assert read_table(name="commas.csv", content=b"a,b" + b"," * 100_000 + b"\n", max_rows=5) == [(1, ["a", "b"])]
    long = "x" * (MAX_CELL_CHARS + 1)
    assert refusal("long.csv", f"a\n{long}\n".encode()) == CELL_TOO_LONG % {"line": 2, "max": MAX_CELL_CHARS}
    assert refusal("giant.csv", b'a\n"' + b"x" * 200_000 + b"\n") == str(NOT_CSV)  # an unclosed quote


def test_a_bomb_through_the_page_gets_the_message_and_saves_nothing(client, people):
    client.force_login(people.kampot_coordinator)
    content = xlsx(inline_row(line, LEARNER) for line in range(1, 5_000))
    response = client.post(reverse("learners:import_upload"), {"file": SimpleUploadedFile("bomb.xlsx", content)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [TOO_MANY_ROWS % {"max": 2000}]
    assert "learners_import" not in client.session
    assert not LearnerProfile.objects.filter(import_batch__isnull=False).exists() and not ImportBatch.objects.exists()


def test_the_limits_are_explained_in_the_users_language():
    content = f"a\n{'x' * (MAX_CELL_CHARS + 1)}\n".encode()
    with translation.override("en"):
        assert refusal("long.csv", content) == "Line 2 has a cell of more than 1000 characters. Shorten it."
    with translation.override("km"):
        assert refusal("long.csv", content) == "ជួរទី 2 មានក្រឡាមួយដែលវែងជាង 1000 តួអក្សរ។ សូមសរសេរវាឲ្យខ្លីជាងនេះ។"
