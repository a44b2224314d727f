"""JSON stored as UTF-8 text: Khmer takes 3 bytes a character instead of the 6 of a \\uXXXX escape."""

from django.core.serializers.json import DjangoJSONEncoder


class UnicodeJSONEncoder(DjangoJSONEncoder):
    """For JSONField(encoder=...): an attempt's snapshot, mostly Khmer and English text, halves in size, and so
    does what SQLite rewrites each time the attempt row is updated (every saved answer and the submission)."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)
