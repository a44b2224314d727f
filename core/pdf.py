"""WeasyPrint PDFs whose Khmer copies and extracts as the Khmer that was printed.

Why this is needed: WeasyPrint (70) draws HarfBuzz's shaped glyphs and maps each glyph id to text once, in the font's
ToUnicode table, from the first place it is drawn. Khmer breaks both halves of that: a pre-base vowel (េ of ពេ) and
the coeng-RO form (្រ of ស្រី) are drawn before the consonant they follow in the text, so readers that follow drawing
order put them first; and a glyph drawn inside a cluster keeps the cluster's text of its first use everywhere else
(or none at all), so copying "ស្រីពេជ្រ" gave "សី ពេ ជ្រ". No ToUnicode table can say both "this glyph is េ" and "it
comes after the next one", so each drawn line of Khmer is wrapped in a marked-content span carrying the line's text
as /ActualText (PDF 32000-1, 14.9.4), which text extraction and copying use instead of the glyphs (poppler's
pdftotext and viewers, PDFium, Acrobat). The glyphs and their layout are unchanged.

WeasyPrint has no hook for this, so its per-line drawing function is wrapped once; the wrapper does its work only
while `write_pdf` below runs (a context variable), so other callers of WeasyPrint get exactly WeasyPrint's output.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
# Word-break marks inserted for line breaking are not part of the text a reader copies.
INVISIBLE_BREAKS = str.maketrans("", "", "\u200b\u00ad")

_text_layer = ContextVar("khmer_text_layer", default=False)
_installed = False


def actual_text(text: str) -> str | None:
    """What a drawn line of text should copy as, or None where the glyphs already say it (no Khmer)."""
    if not KHMER.search(text):
        return None
    return text.translate(INVISIBLE_BREAKS)


def _install() -> None:
    global _installed  # noqa: PLW0603 - installed once per process, whoever asks first
    if _installed:
        return
    import pydyf
    from weasyprint.draw import text as weasyprint_text

    draw_first_line = weasyprint_text.draw_first_line

    def draw_first_line_with_actual_text(stream, textbox, *args, **kwargs):
        replacement = actual_text(textbox.text) if _text_layer.get() else None
        if replacement is None:
            return draw_first_line(stream, textbox, *args, **kwargs)
        # Marked content may sit inside the text object (BT ... ET) that draw_text opened around this call.
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(replacement)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    weasyprint_text.draw_first_line = draw_first_line_with_actual_text
    _installed = True


@contextmanager
def khmer_text_layer():
    """While inside, every line of Khmer WeasyPrint draws carries its text for copying and extraction."""
    _install()
    token = _text_layer.set(True)
    try:
        yield
    finally:
        _text_layer.reset(token)


def render(html: str, *, base_url: str):
    """The laid-out document (pages and boxes, for checks of the layout); `write_pdf` turns it into bytes."""
    from weasyprint import HTML  # imported on use: loading Pango costs time every process would otherwise pay

    return HTML(string=html, base_url=base_url).render()


def write_pdf(document) -> bytes:
    """A rendered WeasyPrint document as PDF bytes, with the Khmer text layer."""
    with khmer_text_layer():
        return document.write_pdf()
