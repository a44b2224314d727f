"""The course certificate as a PDF (WeasyPrint: Pango/HarfBuzz shape Khmer correctly) with a QR code to /verify/.

Khmer goes in HTML text only, never inside the SVG (WeasyPrint breaks Khmer in SVG); the QR code is the only SVG.
The font is the packaged Noto Sans Khmer, so a machine without Khmer system fonts still prints Khmer, not boxes.
"""

import base64
from datetime import date

import qrcode
import qrcode.image.svg
from django.template.loader import render_to_string
from django.utils import translation

from core.fonts import source_font_path

from .models import Certificate
from .selectors import role_label


def qr_svg_data_uri(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _labels(code: str) -> dict:
    labels = {}
    for language in ("km", "en"):
        with translation.override(language):
            labels[language] = role_label(code)
    return labels


def certificate_context(*, certificate: Certificate, verify_url: str) -> dict:
    holder = certificate.holder
    return {
        "certificate": certificate,
        "holder": holder,
        "role": _labels(holder.get("role", "")),
        "modules": [
            {**module, "completed_on": date.fromisoformat(module["completed_on"])} for module in certificate.modules
        ],
        "verify_url": verify_url,
        "qr": qr_svg_data_uri(verify_url),
        "font_url": source_font_path().resolve().as_uri(),
    }


def certificate_html(*, certificate: Certificate, verify_url: str) -> str:
    return render_to_string(
        "quizzes/certificate_pdf.html", certificate_context(certificate=certificate, verify_url=verify_url)
    )


def certificate_pdf(*, certificate: Certificate, verify_url: str) -> bytes:
    from weasyprint import HTML  # imported on use: loading Pango costs time every process would otherwise pay

    html = certificate_html(certificate=certificate, verify_url=verify_url)
    return HTML(string=html, base_url=str(source_font_path().parent)).write_pdf()
