"""Scans of the paper sign-in sheet: a photo or PDF within the size limit, kept outside the public media folder,
opened only by those who see the workshop; anything else is refused with a message in Khmer, nothing saved."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from workshops import uploads
from workshops.models import SignInScan

from .making import make_workshop


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def made(site_tree):
    return make_workshop(modules=[site_tree.module])


def upload_url(made):
    return reverse("workshops:scan_upload", args=[made.workshop.pk, made.days[0].pk])


def test_a_photo_is_kept_privately_and_shown_only_in_scope(client, made, site_tree):
    client.force_login(made.trainer)
    client.post(upload_url(made), {"file": SimpleUploadedFile("sheet.png", png(), "image/png")})
    scan = SignInScan.objects.get()
    assert scan.content_type == "image/png"
    stored = Path(scan.file.path).resolve()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    url = reverse("workshops:scan_file", args=[made.workshop.pk, scan.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png()
    other = make_workshop(modules=[site_tree.module])
    client.force_login(other.trainer)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("sheet.png", b"<html><script>alert(1)</script></html>", uploads.NOT_A_SCAN),
        ("sheet.pdf", "ឈ្មោះ, ថ្ងៃ\n".encode() * 20, uploads.NOT_A_SCAN),
    ],
)
def test_a_file_that_is_not_a_photo_or_pdf_is_refused_in_khmer(client, made, name, content, message):
    client.force_login(made.trainer)
    response = client.post(upload_url(made), {"file": SimpleUploadedFile(name, content)}, follow=True)
    assert not SignInScan.objects.exists()
    text = response.content.decode()
    assert str(message) in text
    with translation.override("en"):
        assert str(message) not in text  # the page speaks Khmer


def test_a_file_over_the_limit_is_refused(made, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_SCAN_MEGABYTES", 0.001)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        uploads.scan_checked(SimpleUploadedFile("sheet.png", png() + b"0" * 2000))
    assert refused.value.code == "too_large"
