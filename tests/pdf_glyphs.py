"""The glyphs a WeasyPrint PDF draws in one embedded font, in drawing order, to check that Khmer was shaped."""

import io
import re
import zlib
from dataclasses import dataclass

from fontTools.ttLib import TTFont

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
STREAM_START = re.compile(rb"stream\r?\n")
DIRECT_LENGTH = re.compile(rb"/Length (\d+)\s*(?=[/>])")
# Content-stream operators that matter here: a font choice, and text shown with TJ (array) or Tj (string).
TEXT_OPERATION = re.compile(rb"/([^\s/<>\[\]()]+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|(<[0-9a-fA-F]*>)\s*Tj")
HEX_STRING = re.compile(rb"<([0-9a-fA-F]*)>")
COENG, DOTTED_CIRCLE = 0x17D2, 0x25CC


def _stream(body: bytes) -> bytes | None:
    # The dictionary's /Length says where the data ends; the end-of-line before "endstream" cannot, since compressed
    # data may itself end in a carriage return (a regular expression would then drop the stream's last byte).
    head = body.split(b"stream", 1)[0]
    start, length = STREAM_START.search(body), DIRECT_LENGTH.search(head)
    if start and length:
        data = body[start.end() : start.end() + int(length.group(1))]
    else:
        found = STREAM.search(body)
        if not found:
            return None
        data = found.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in head else data


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Every object by number, including those packed in object streams (WeasyPrint packs the font dictionaries)."""
    objects = {int(match.group(1)): match.group(2) for match in OBJECT.finditer(pdf)}
    for body in list(objects.values()):
        if b"/Type /ObjStm" not in body.split(b"stream", 1)[0]:
            continue
        data = _stream(body)
        first = int(re.search(rb"/First (\d+)", body).group(1))
        numbers = [int(n) for n in data[:first].split()]
        pairs = list(zip(numbers[::2], numbers[1::2], strict=True))
        for index, (number, offset) in enumerate(pairs):
            end = pairs[index + 1][1] if index + 1 < len(pairs) else len(data) - first
            objects[number] = data[first + offset : first + end]
    return objects


def _ref(body: bytes, key: bytes) -> int:
    return int(re.search(rb"/" + key + rb"\s*\[?\s*(\d+) 0 R", body).group(1))


@dataclass
class DrawnGlyphs:
    """The glyph ids drawn with the font, in order, and the embedded font (its cmap says which glyph each character
    maps to before shaping)."""

    glyphs: list[int]
    font: TTFont

    def glyph(self, character: str) -> int | None:
        name = self.font.getBestCmap().get(ord(character))
        return None if name is None else self.font.getGlyphID(name)

    @property
    def mapped(self) -> set[int]:
        """Glyphs some character maps to directly; any other glyph drawn is a form that only shaping produces."""
        return {self.font.getGlyphID(name) for name in self.font.getBestCmap().values()}


def drawn_glyphs(pdf: bytes, *, font_name: str) -> list[DrawnGlyphs]:
    """The glyphs drawn with each embedded font whose name contains `font_name` (one per weight used). WeasyPrint
    writes CID fonts with an identity mapping, so the codes in the content stream are the embedded font's glyph ids."""
    objects = _objects(pdf)
    pattern = rb"/BaseFont /\S*" + re.escape(font_name.encode())
    fonts = [
        (number, body) for number, body in objects.items() if b"/Subtype /Type0" in body and re.search(pattern, body)
    ]
    return [_drawn(objects, number, body) for number, body in fonts]


def _drawn(objects: dict[int, bytes], number: int, body: bytes) -> DrawnGlyphs:
    cid_font = objects[_ref(body, b"DescendantFonts")]
    assert b"/CIDToGIDMap /Identity" in cid_font, "the check reads codes as glyph ids"
    font = TTFont(io.BytesIO(_stream(objects[_ref(objects[_ref(cid_font, b"FontDescriptor")], b"FontFile2")])))
    reference = re.compile(rb"/([^\s/<>]+) " + str(number).encode() + rb" 0 R")
    names = {name for other in objects.values() for name in reference.findall(other)}
    glyphs: list[int] = []
    for other in objects.values():
        content = _stream(other) if b"stream" in other else None
        if not content or b"BT" not in content:
            continue
        current = None
        for match in TEXT_OPERATION.finditer(content):
            if match.group(1):
                current = match.group(1)
                continue
            if current not in names:
                continue
            for text in HEX_STRING.findall(match.group(2) or match.group(3)):
                glyphs += [int(text[i : i + 4], 16) for i in range(0, len(text), 4)]
    return DrawnGlyphs(glyphs=glyphs, font=font)


def khmer_shaping_problems(
    fonts: list[DrawnGlyphs], *, subscript_base: str, pre_base_vowel: tuple[str, str]
) -> list[str]:
    """What shows that Khmer was not shaped by HarfBuzz, in any of `fonts`. `subscript_base` is a consonant the text
    writes with a coeng-RO (shaped: a form no character maps to, drawn on its left); `pre_base_vowel` a (vowel,
    consonant) pair the text writes consonant-first and shaping draws vowel-first."""
    if not any(drawn.glyphs for drawn in fonts):
        return ["no glyph drawn in the font"]
    problems = []
    for character, why in (
        (chr(COENG), "a coeng drawn as a glyph of its own"),
        (chr(DOTTED_CIRCLE), "a dotted circle"),
    ):
        if any(drawn.glyph(character) in drawn.glyphs for drawn in fonts):
            problems.append(why)
    if any(0 in drawn.glyphs for drawn in fonts):
        problems.append("a missing glyph (.notdef)")
    if not any(
        after == drawn.glyph(subscript_base) and before not in drawn.mapped
        for drawn in fonts
        for before, after in _pairs(drawn.glyphs)
    ):
        problems.append(f"no subscript form drawn before {subscript_base}")
    vowel, consonant = pre_base_vowel
    if not any(
        pair == (drawn.glyph(vowel), drawn.glyph(consonant)) for drawn in fonts for pair in _pairs(drawn.glyphs)
    ):
        problems.append(f"{vowel} not drawn before {consonant}")
    return problems


def _pairs(glyphs: list[int]):
    return zip(glyphs, glyphs[1:], strict=False)
