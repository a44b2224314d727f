"""Spreadsheet bombs against the real import reader: seconds and peak memory growth per file, each in a fresh process.

Builds the files itself (none is over the upload form's 2 MB), then for each one starts a child process that sets
Django up, warms the reader on a small good file, resets the kernel's peak-RSS mark (/proc/self/clear_refs) and
reads the bomb through `learners.importing.read_upload` (the learner import) or `reports.target_import.read_rows`
(the target import), as the upload views do. Budget per file: under 2 s and under 50 MB of peak RSS growth.

    .venv/bin/python bench/spreadsheet_bomb.py [--json FILE]

Files: the two from the report (a 1.6 KB sheet declaring A1:XFD30000; 500,000 real rows), then shared strings and
padding that unpack to hundreds of MB, a row of a million cells, a huge cell, and CSV with 500,000 lines or one
2 MB line. Loopback only, nothing written outside a temporary folder; every child has a time limit.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from server import PYTHON, ROOT

BUDGET_SECONDS = 2.0
BUDGET_MB = 50.0
CHILD_TIME_LIMIT = 120
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
KINDS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LEARNER_HEADER = ("full_name_km", "gender", "role", "province")
LEARNER = ("សុខ ចន្ថា", "female", "police_officer", "07")


def _xlsx(sheet_pieces, *, strings=None, dimension: str = "") -> bytes:
    """A minimal workbook written piece by piece (a part of hundreds of MB never sits in memory)."""
    relations = f'<Relationship Id="rId1" Type="{KINDS}/worksheet" Target="worksheets/sheet1.xml"/>'
    if strings is not None:
        relations += f'<Relationship Id="rId2" Type="{KINDS}/sharedStrings" Target="sharedStrings.xml"/>'
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts = {
        "[Content_Types].xml": [
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ],
        "_rels/.rels": [
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{KINDS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ],
        "xl/workbook.xml": [
            f'<workbook xmlns="{MAIN}" xmlns:r="{KINDS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ],
        "xl/_rels/workbook.xml.rels": [f'<Relationships xmlns="{RELS}">{relations}</Relationships>'],
        "xl/worksheets/sheet1.xml": [
            f'<worksheet xmlns="{MAIN}">{declared}<sheetData>',
            *sheet_pieces,
            "</sheetData></worksheet>",
        ],
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = [f'<sst xmlns="{MAIN}">', *strings, "</sst>"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, pieces in parts.items():
            with archive.open(name, "w", force_zip64=True) as part:
                for piece in pieces:
                    part.write(piece.encode())
    return buffer.getvalue()


def _inline_row(line: int, values) -> str:
    cells = "".join(
        f'<c r="{chr(65 + column)}{line}" t="inlineStr"><is><t>{value}</t></is></c>'
        for column, value in enumerate(values)
    )
    return f'<row r="{line}">{cells}</row>'


def _shared_row() -> str:
    # Cell and row references are optional; without them every row is the same bytes, and packs to almost nothing.
    return "<row>" + "".join(f'<c t="s"><v>{n + 4}</v></c>' for n in range(4)) + "</row>"


def dimension_bomb() -> bytes:
    """The reported file: two real rows, a declared range of 30,000 rows by 16,384 columns."""
    return _xlsx([_inline_row(1, LEARNER_HEADER), _inline_row(2, LEARNER)], dimension="A1:XFD30000")


def many_rows() -> bytes:
    """500,000 real rows of learners, with their text in shared strings as Excel saves it."""
    strings = [f"<si><t>{text}</t></si>" for text in (*LEARNER_HEADER, *LEARNER)]
    header = '<row r="1">' + "".join(f'<c r="{chr(65 + n)}1" t="s"><v>{n}</v></c>' for n in range(4)) + "</row>"
    return _xlsx([header, *(_shared_row() for _ in range(500_000))], strings=strings)


def shared_strings_bomb() -> bytes:
    """Shared strings unpacking to about 300 MB; the one cell uses the last of them."""
    count = 10_000_000
    strings = (f"<si><t>{'x' * 20}</t></si>" for _ in range(count))
    return _xlsx([f'<row r="1"><c r="A1" t="s"><v>{count - 1}</v></c></row>'], strings=strings)


def padding_bomb() -> bytes:
    """A sheet of 60 million empty rows (about 360 MB unpacked): nothing to keep, everything to unpack."""
    chunk = "<row/>" * 100_000
    return _xlsx([_inline_row(1, LEARNER_HEADER), *(chunk for _ in range(600))])


def wide_row() -> bytes:
    """One row of a million cells, empty formatting past the last column: ignored, until the part is too big."""
    cells = "".join('<c r="XFD2" s="1"/>' for _ in range(1000))
    return _xlsx([_inline_row(1, LEARNER_HEADER), '<row r="2">', *(cells for _ in range(1000)), "</row>"])


def huge_cell() -> bytes:
    return _xlsx([_inline_row(1, LEARNER_HEADER), _inline_row(2, ["ក" * 5_000_000])])


def csv_many_lines() -> bytes:
    return ("\ufeff" + ",".join(LEARNER_HEADER) + "\n" + (",".join(LEARNER) + "\n") * 500_000).encode()[:2_000_000]


def csv_one_line() -> bytes:
    return b"," * 2_000_000


CASES = [
    ("dimension-bomb.xlsx", dimension_bomb, "learners"),
    ("dimension-bomb.xlsx", dimension_bomb, "targets"),
    ("500000-rows.xlsx", many_rows, "learners"),
    ("500000-rows.xlsx", many_rows, "targets"),
    ("shared-strings-bomb.xlsx", shared_strings_bomb, "learners"),
    ("padding-bomb.xlsx", padding_bomb, "learners"),
    ("million-cell-row.xlsx", wide_row, "learners"),
    ("huge-cell.xlsx", huge_cell, "learners"),
    ("500000-lines.csv", csv_many_lines, "learners"),
    ("one-2mb-line.csv", csv_one_line, "learners"),
]


def _status(field: str) -> int:
    """A /proc/self/status figure in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def child(path: Path, importer: str) -> None:
    """Runs in the measured process: read the file as the upload view would, print the figures as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.utils import translation

    from learners.importing import ImportFileError, read_upload
    from reports.target_import import read_rows

    read = read_upload if importer == "learners" else read_rows
    translation.activate("en")
    good = "\n".join([",".join(LEARNER_HEADER), ",".join(LEARNER)]).encode()
    for name in ("warm.csv", "warm.xlsx"):  # load every module the reader uses before measuring
        with contextlib.suppress(ImportFileError):
            read(name=name, content=good if name.endswith(".csv") else dimension_bomb())
    content = path.read_bytes()
    Path("/proc/self/clear_refs").write_text("5")  # peak RSS (VmHWM) starts again from the current RSS
    before = _status("VmRSS")
    started = time.perf_counter()
    try:
        rows = read(name=path.name, content=content)
        outcome = f"read, {len(rows)} row(s) of data"
    except ImportFileError as error:
        outcome = f"refused: {error.messages[0]}"
    seconds = time.perf_counter() - started
    growth_mb = (_status("VmHWM") - before) / 1024
    print(json.dumps({"seconds": seconds, "rss_growth_mb": growth_mb, "outcome": outcome}))


def measure(path: Path, importer: str) -> dict:
    process = subprocess.run(
        [PYTHON, __file__, "--child", str(path), importer],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIME_LIMIT,
    )
    if process.returncode != 0:
        return {"error": process.stderr.strip().splitlines()[-1:] or ["exit status " + str(process.returncode)]}
    return json.loads(process.stdout.strip().splitlines()[-1])


def _size(count: int) -> str:
    return f"{count / 1e6:,.1f} MB" if count >= 100_000 else f"{count / 1000:,.1f} KB"


def markdown(results: list[dict]) -> list[str]:
    lines = [
        f"**Spreadsheet bombs** (the real import reader, each file in a fresh process; budget under "
        f"{BUDGET_SECONDS:g} s and under {BUDGET_MB:g} MB of peak RSS growth)",
        "",
        "| File | Size | Unpacked | Import | Outcome | Seconds | Peak RSS growth | Verdict |",
        "|---|---:|---:|---|---|---:|---:|---|",
    ]
    for row in results:
        if "error" in row:
            lines.append(f"| {row['file']} | | | {row['importer']} | failed: {row['error']} | | | **FAILED** |")
            continue
        ok = row["seconds"] < BUDGET_SECONDS and row["rss_growth_mb"] < BUDGET_MB
        lines.append(
            f"| {row['file']} | {_size(row['bytes'])} | {_size(row['unpacked'])} | {row['importer']} "
            f"| {row['outcome']} | {row['seconds']:.2f} | {row['rss_growth_mb']:.1f} MB | "
            f"{'PASS' if ok else '**OVER**'} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "IMPORT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), args.child[1])
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="spreadsheet-bombs-") as folder:
        built: dict[str, Path] = {}
        for name, build, importer in CASES:
            if name not in built:
                built[name] = Path(folder) / name
                built[name].write_bytes(build())
            path = built[name]
            content = path.read_bytes()
            unpacked = len(content)
            if name.endswith(".xlsx"):
                unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(content)).infolist())
            row = {"file": name, "importer": importer, "bytes": len(content), "unpacked": unpacked}
            row.update(measure(path, importer))
            print(json.dumps(row, ensure_ascii=False), flush=True)
            results.append(row)
    summary = markdown(results)
    print("\n".join(summary))
    if args.json:
        args.json.write_text(
            json.dumps({"results": results, "markdown": summary}, ensure_ascii=False), encoding="utf-8"
        )
    return 1 if any("error" in row for row in results) else 0  # over budget shows in the table


if __name__ == "__main__":
    sys.exit(main())
