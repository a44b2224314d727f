"""PDFs whose Khmer text layer extracts (pdftotext) as the Khmer that was printed, lines and words in order."""

import shutil
import subprocess

import pytest
from weasyprint import HTML

from core.fonts import source_font_path
from core.pdf import actual_text, khmer_text_layer, render, write_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")

# A coeng-RO (ស្រី), pre-base vowels (ពេ, ការ), stacked subscripts (បណ្តុះបណ្តាល, ប្រឹក្សា) and a line that wraps.
NAME = "សុខ ស្រីពេជ្រ"
TITLE = "ការបញ្ជូនបន្ត និងការរាយការណ៍ ជាមួយក្រុមប្រឹក្សាឃុំ/សង្កាត់ CCWC"


def page(body: str) -> str:
    font = source_font_path().resolve().as_uri()
    style = f'@font-face {{ font-family: "Cert Khmer"; src: url("{font}"); }} p {{ font-family: "Cert Khmer" }}'
    return f'<html lang="km"><style>{style}</style>{body}</html>'


BODY = f'<p>{NAME}</p><p style="width: 45mm">{TITLE}</p><p lang="en">Sok Sreypich</p>'


def extracted(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def test_khmer_extracts_as_printed(tmp_path):
    text = extracted(write_pdf(render(page(BODY), base_url=".")), tmp_path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == NAME
    # The wrapped title: each printed line extracts whole, and together they are the title
    assert "".join(lines[1:-1]).replace(" ", "") == TITLE.replace(" ", "")
    assert lines[-1] == "Sok Sreypich"


def test_the_check_catches_weasyprints_own_text_layer(tmp_path):
    """Without the text layer, WeasyPrint's glyph-by-glyph ToUnicode map scrambles the same Khmer."""
    text = extracted(HTML(string=page(BODY)).write_pdf(), tmp_path)
    assert NAME not in text
    assert "Sok Sreypich" in text


def test_the_text_layer_is_only_added_where_asked(tmp_path):
    document = render(page(BODY), base_url=".")
    assert b"/ActualText" not in document.write_pdf(uncompressed_pdf=True)
    with khmer_text_layer():
        assert b"/ActualText" in document.write_pdf(uncompressed_pdf=True)
    assert b"/ActualText" not in document.write_pdf(uncompressed_pdf=True)


def test_actual_text_only_for_khmer_and_without_break_marks():
    assert actual_text("Sok Sreypich") is None
    assert actual_text("12 / 2026") is None
    assert actual_text("ការ\u200bបញ្ជូន\u00ad") == "ការបញ្ជូន"
    assert actual_text("ម៉ូឌុល CCWC") == "ម៉ូឌុល CCWC"
