"""Where scans of paper sign-in sheets are kept: outside MEDIA_ROOT, which the site serves to anyone."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files only views that check the reader's scope hand out (never a public URL). The folder is
    PRIVATE_MEDIA_ROOT when set, else MEDIA_ROOT's sibling "<media>-private", read at each use so tests'
    temporary media folders keep their private files beside them."""

    @property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        return str(configured or f"{Path(settings.MEDIA_ROOT)}-private")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL.")


_storage = PrivateStorage()


def private_storage() -> PrivateStorage:
    return _storage
