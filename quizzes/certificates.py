"""The course certificate as a PDF (WeasyPrint: Pango/HarfBuzz shape Khmer correctly) with a QR code to /verify/.

Khmer goes in HTML text only, never inside the SVG (WeasyPrint breaks Khmer in SVG); the QR code is the only SVG.
The font is the packaged Noto Sans Khmer, so a machine without Khmer system fonts still prints Khmer, not boxes.
Dates print in each language's own form (២៤ វិច្ឆិកា ២០២៦ / 24 November 2026); copied Khmer reads as printed
(core.pdf). The issuer (settings.CERTIFICATE_ISSUER) heads the page and signs it.
"""

import base64
from datetime import date

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core import pdf
from core.dates import date_both, khmer_digits
from core.fonts import source_font_path

from .models import Certificate, CompletionSource
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


def _source_labels(code: str | None) -> dict:
    """How a module was completed, in both languages; nothing for a certificate issued before it was recorded."""
    if code not in CompletionSource.values:
        return {}
    labels = {}
    for language in ("km", "en"):
        with translation.override(language):
            labels[language] = str(CompletionSource(code).label)
    return labels


def certificate_context(*, certificate: Certificate, verify_url: str) -> dict:
    holder = certificate.holder
    return {
        "certificate": certificate,
        "holder": holder,
        "role": _labels(holder.get("role", "")),
        "modules": [
            {
                **module,
                "completed_on": date_both(date.fromisoformat(module["completed_on"])),
                "source": _source_labels(module.get("source")),
            }
            for module in certificate.modules
        ],
        "completed_on": date_both(certificate.completed_on),
        "version": {"km": khmer_digits(certificate.manual_version), "en": str(certificate.manual_version)},
        "valid_until": date_both(certificate.expires_on) if certificate.expires_on else None,
        "issuer": settings.CERTIFICATE_ISSUER,
        "verify_url": verify_url,
        "qr": qr_svg_data_uri(verify_url),
        "font_url": source_font_path().resolve().as_uri(),
    }


def certificate_html(*, certificate: Certificate, verify_url: str) -> str:
    return render_to_string(
        "quizzes/certificate_pdf.html", certificate_context(certificate=certificate, verify_url=verify_url)
    )


def certificate_document(*, certificate: Certificate, verify_url: str):
    """The certificate laid out (WeasyPrint's document: its pages and boxes), before it is written as PDF."""
    html = certificate_html(certificate=certificate, verify_url=verify_url)
    return pdf.render(html, base_url=str(source_font_path().parent))


def certificate_pdf(*, certificate: Certificate, verify_url: str) -> bytes:
    return pdf.write_pdf(certificate_document(certificate=certificate, verify_url=verify_url))
