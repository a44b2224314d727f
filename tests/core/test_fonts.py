"""The self-hosted Khmer fallback font: small, complete for Khmer, and able to shape stacked consonants."""

import pytest
from fontTools.ttLib import TTFont

from core.fonts import KHMER_UNICODES, WEB_FONT_NAME, build_web_font

MAX_BYTES = 60 * 1024


@pytest.fixture(scope="module")
def web_font(tmp_path_factory):
    path = build_web_font(tmp_path_factory.mktemp("fonts"))
    return path, TTFont(path)


def test_writes_a_woff2_under_the_size_budget(web_font):
    path, font = web_font
    assert path.name == WEB_FONT_NAME
    assert path.read_bytes()[:4] == b"wOF2"
    assert font.flavor == "woff2"
    assert 5 * 1024 < path.stat().st_size < MAX_BYTES


def test_has_glyphs_for_the_khmer_alphabet(web_font):
    _path, font = web_font
    cmap = font.getBestCmap()
    for code in (0x1780, 0x179F, 0x17D2, 0x17B8, 0x17BE, 0x17E0, 0x17E9):  # ក ស coeng ី ើ ០ ៩
        assert code in cmap, hex(code)
    assert 0x25CC in cmap  # dotted circle, drawn for an isolated mark


def test_is_khmer_only(web_font):
    """Latin text uses the device's own font; the subset carries nothing else (apart from the space)."""
    _path, font = web_font
    assert set(font.getBestCmap()) <= set(KHMER_UNICODES)
    assert ord("A") not in font.getBestCmap()


def test_keeps_the_khmer_shaping_tables(web_font):
    """Without GSUB/GPOS for the khmr script, subscript consonants (ស្ត្រី) render as separate glyphs."""
    _path, font = web_font
    for table in ("GSUB", "GPOS"):
        assert table in font
        scripts = {record.ScriptTag for record in font[table].table.ScriptList.ScriptRecord}
        assert "khmr" in scripts, (table, scripts)


def test_keeps_a_weight_axis(web_font):
    _path, font = web_font
    assert [axis.axisTag for axis in font["fvar"].axes] == ["wght"]
