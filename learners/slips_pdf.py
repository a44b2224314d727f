"""The sheet of sign-in slips as a PDF: one slip per learner, six to an A4 page, with lines to cut along.

Pages and rows are made here (a table per page) rather than left to the PDF engine's flowing of boxes, so a slip
is never split across two pages.

WeasyPrint with the packaged Noto Sans Khmer (it has Latin letters too), as the certificate: Pango and HarfBuzz
shape Khmer, and no fonts of the machine are needed. Every label is printed in Khmer, then English.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from core import pdf
from core.fonts import source_font_path

from .issued_passwords import Slip
from .models import ImportBatch

PER_ROW, ROWS_PER_PAGE = 2, 3


def _chunks(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def slips_html(*, slips: list[Slip], batch: ImportBatch | None, site_url: str) -> str:
    return render_to_string(
        "learners/coordinate/slips_pdf.html",
        {
            "pages": [_chunks(page, PER_ROW) for page in _chunks(slips, PER_ROW * ROWS_PER_PAGE)],
            "batch": batch,
            "site_url": site_url,
            "printed_on": timezone.localdate(),
            "font_url": source_font_path().resolve().as_uri(),
        },
    )


def slips_pdf(*, slips: list[Slip], batch: ImportBatch | None, site_url: str) -> bytes:
    html = slips_html(slips=slips, batch=batch, site_url=site_url)
    # core.pdf adds the Khmer text layer, so a name copied from the PDF reads as it was printed.
    return pdf.write_pdf(pdf.render(html, base_url=str(source_font_path().parent)))
