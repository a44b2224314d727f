"""Uploads are checked by their contents: documents by their first bytes, images by their number of pixels."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from curriculum.uploads import WRONG_CONTENT

# Just the first bytes of each kind of file, as a recorder or a phone writes them.
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 200
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 200
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 200
OGG = b"OggS\x00\x02" + b"\x00" * 200
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200
WEBM = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d") + b"\x00" * 200
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 200
HTML = b"<!doctype html><html><script>alert(document.cookie)</script></html>"


def wrong_content(name: str, extension: str) -> str:
    return str(WRONG_CONTENT % {"name": name, "extension": extension})


def add_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/", {"title": "Lesson media", "file": SimpleUploadedFile(name, content), "collection": "1"}
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [("talk.mp4", MP4), ("talk.m4a", M4A), ("talk.mp3", MP3), ("talk.ogg", OGG), ("talk.oga", OGG)]
    + [("talk.wav", WAV), ("talk.webm", WEBM), ("handout.pdf", PDF)],
)
def test_real_media_documents_are_accepted(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Lesson media").count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("lesson.mp4", HTML), ("lesson.mp3", HTML), ("lesson.webm", MP4), ("lesson.wav", MP3), ("lesson.pdf", HTML)],
)
def test_a_document_whose_contents_do_not_match_its_name_is_refused(admin_client, name, content):
    response = add_document(admin_client, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [wrong_content(name, name.rsplit(".", 1)[1])]
    assert not get_document_model().objects.exists()


def test_the_refusal_is_in_the_admin_language_khmer_by_default(admin_client):
    response = add_document(admin_client, "lesson.mp4", HTML)
    with translation.override("km"):
        khmer = wrong_content("lesson.mp4", "mp4")
    with translation.override("en"):
        english = wrong_content("lesson.mp4", "mp4")
    assert response.context["form"].errors["file"] == [khmer]
    assert khmer != english


def test_the_drag_and_drop_uploader_refuses_it_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("lesson.mp4", HTML)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert wrong_content("lesson.mp4", "mp4") in payload["error_message"]
    assert not get_document_model().objects.exists()


def test_replacing_a_document_file_is_checked(admin_client):
    add_document(admin_client, "talk.mp3", MP3)
    document = get_document_model().objects.get()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Lesson media", "file": SimpleUploadedFile("talk.mp3", HTML), "collection": "1"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [wrong_content("talk.mp3", "mp3")]
    document.refresh_from_db()
    assert document.file.read().startswith(b"ID3")


def png_of(width: int, height: int) -> bytes:
    """A 1-bit PNG: big in pixels, tiny in bytes and memory."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_images_over_25_megapixels_are_refused(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Huge", "file": SimpleUploadedFile("huge.png", png_of(5001, 5000)), "collection": "1"},
    )
    assert response.status_code == 200
    message = "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    with translation.override("km"):  # the admin's language, Khmer by default; our catalogue translates Wagtail's
        expected = gettext(message) % {"num_pixels": 25005000, "max_pixels_count": 25000000}
    assert response.context["form"].errors["file"] == [expected]
    assert expected.startswith("ឯកសារនេះមានភីកសែលច្រើនពេក (25005000)")
    assert not get_image_model().objects.exists()


def test_a_phone_photo_size_image_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Photo", "file": SimpleUploadedFile("photo.png", png_of(6000, 4000)), "collection": "1"},
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Photo").exists()
