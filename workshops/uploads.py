"""Scans of paper sign-in sheets: checked by their contents (a JPEG, PNG or WebP photo, or a PDF), not by name."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SCAN_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}
MAX_SCAN_MEGABYTES = 10
HEAD_BYTES = 8192

NOT_A_SCAN = _("This file is not a photo or a PDF: take a photo of the sheet (JPEG or PNG) or scan it to PDF.")
SCAN_TOO_LARGE = _("This file is too large: at most %(megabytes)s MB.")
SCAN_EMPTY = _("The file is empty.")


def scan_checked(upload) -> str:
    """The file's type (MIME) when it is a photo or a PDF within the size limit; ValidationError otherwise."""
    if not upload.size:
        raise ValidationError(SCAN_EMPTY, code="empty")
    if upload.size > MAX_SCAN_MEGABYTES * 1024 * 1024:
        raise ValidationError(SCAN_TOO_LARGE, params={"megabytes": MAX_SCAN_MEGABYTES}, code="too_large")
    upload.seek(0)
    kind = filetype.guess(upload.read(HEAD_BYTES))
    upload.seek(0)
    if kind is None or kind.mime not in SCAN_TYPES:
        raise ValidationError(NOT_A_SCAN, code="not_a_scan")
    return kind.mime
