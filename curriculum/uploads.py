"""Uploads checked by their contents: a lesson's audio, video or PDF document must be what its name says.

Wagtail accepts documents by extension alone, so an HTML page named `.mp4` would be stored and served from this
site. Every document upload path of the admin (add, edit, chooser, multiple upload) builds its form on
WAGTAILDOCS_DOCUMENT_FORM_BASE, which points here. Images are checked by Wagtail itself (format, size, and
WAGTAILIMAGES_MAX_IMAGE_PIXELS); its pixel message is listed below so our catalogue translates it.
"""

import filetype
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.documents.forms import BaseDocumentForm

# What the first bytes of a file with this extension may be (MIME types as the `filetype` package names them).
# An M4A is an MP4 container: some recorders write the generic video brand.
EXPECTED_CONTENT = {
    "mp3": {"audio/mpeg"},
    "m4a": {"audio/mp4", "video/mp4"},
    "ogg": {"audio/ogg"},
    "oga": {"audio/ogg"},
    "wav": {"audio/x-wav"},
    "mp4": {"video/mp4", "video/x-m4v"},
    "webm": {"video/webm"},
    "pdf": {"application/pdf"},
}
HEAD_BYTES = 8192

WRONG_CONTENT = _(
    "“%(name)s” is not really a .%(extension)s file: its contents are of another kind. "
    "Upload the audio, video or PDF file itself."
)

# Wagtail's own messages for images, with the same msgids: Wagtail ships no Khmer.
WAGTAIL_IMAGE_MESSAGES = (
    gettext_noop("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."),
    gettext_noop("unknown number"),
)


def content_matches_extension(upload: UploadedFile) -> bool:
    """Whether the file's first bytes are a kind its extension promises; unknown extensions are Wagtail's to judge."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    expected = EXPECTED_CONTENT.get(extension)
    if expected is None:
        return True
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind is not None and kind.mime in expected


class LessonDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # On an edit without a new file, this is the stored file, checked when it was uploaded.
        if isinstance(upload, UploadedFile) and not content_matches_extension(upload):
            extension = upload.name.rsplit(".", 1)[-1].lower()
            if not self.instance.file:
                # Document.clean() checks the extension of the instance's file; with none it would add a second,
                # misleading error ("extension “” is not allowed"). The invalid form saves nothing.
                self.instance.file = upload
            raise forms.ValidationError(
                WRONG_CONTENT, code="wrong_content", params={"name": upload.name, "extension": extension}
            )
        return upload
