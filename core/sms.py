"""Text messages (SMS) to people's phones, through a backend chosen in settings, as Django does for e-mail.

`SMS_BACKEND` names the backend class. Nothing is sent unless it is configured: the default, `DisabledBackend`,
sends nothing and says so (`is_enabled()` is false), so callers can tell a coordinator "no text was sent" instead
of pretending. For development and tests: `ConsoleBackend` prints each message, `FileBackend` writes one file per
batch under `SMS_FILE_PATH`, `MemoryBackend` keeps them in `outbox`. A provider's gateway is a subclass of
`BaseBackend` named in `SMS_BACKEND`; the project itself never calls one, in tests or elsewhere.
"""

import re
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.utils.module_loading import import_string

DISABLED = "core.sms.DisabledBackend"
# International form only (+ country code, number): the form learners.phone stores, so nothing is guessed here.
INTERNATIONAL_NUMBER = re.compile(r"\+[1-9]\d{7,14}")

# GSM 03.38's basic alphabet: a message written only in it travels 7 bits a character (160 a segment); anything
# else, Khmer included, goes as UCS-2 (70 a segment), which is why Khmer texts must stay short.
GSM_ALPHABET = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")  # two 7-bit characters each

outbox: list["TextMessage"] = []  # what MemoryBackend "sent", in order (tests empty it)


@dataclass(frozen=True)
class TextMessage:
    to: str  # +85512345678
    body: str

    def __post_init__(self):
        if not INTERNATIONAL_NUMBER.fullmatch(self.to or ""):
            raise ValueError(f"A text message needs a number in international form (+855...), not {self.to!r}.")
        if not self.body.strip():
            raise ValueError("A text message needs a body.")

    @property
    def segments(self) -> int:
        """How many SMS the network carries (and a provider bills) for this body."""
        if all(char in GSM_ALPHABET or char in GSM_EXTENSION for char in self.body):
            length = sum(2 if char in GSM_EXTENSION else 1 for char in self.body)
            single, part = 160, 153
        else:
            length = sum(2 if ord(char) > 0xFFFF else 1 for char in self.body)  # UCS-2 code units
            single, part = 70, 67
        return 1 if length <= single else -(-length // part)


class BaseBackend:
    """Sends a batch of messages; returns how many left. Subclasses implement `send_messages`."""

    enabled = True

    def __init__(self, *, fail_silently: bool = False, **kwargs):
        self.fail_silently = fail_silently

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        raise NotImplementedError


class DisabledBackend(BaseBackend):
    """The default: no text leaves the server."""

    enabled = False

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        return 0


def _render(message: TextMessage) -> str:
    return f"To: {message.to}\nSegments: {message.segments}\n\n{message.body}\n{'-' * 40}\n"


class ConsoleBackend(BaseBackend):
    """Prints each message (development: they appear in `make run`'s output)."""

    _lock = threading.Lock()

    def __init__(self, *, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        with self._lock:
            for message in messages:
                self.stream.write(_render(message))
            self.stream.flush()
        return len(messages)


class FileBackend(BaseBackend):
    """Writes each batch to its own file under `SMS_FILE_PATH` (development and tests, read back afterwards)."""

    def __init__(self, *, file_path: str | Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self.directory = Path(file_path or settings.SMS_FILE_PATH)

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        if not messages:
            return 0
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{datetime.now():%Y%m%d-%H%M%S}-{uuid4().hex[:8]}.txt"
        (self.directory / name).write_text("".join(_render(message) for message in messages), encoding="utf-8")
        return len(messages)


class MemoryBackend(BaseBackend):
    """Keeps messages in `core.sms.outbox` (tests)."""

    def send_messages(self, messages: Sequence[TextMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend(path: str | None = None, **kwargs) -> BaseBackend:
    return import_string(path or getattr(settings, "SMS_BACKEND", DISABLED))(**kwargs)


def is_enabled() -> bool:
    """Whether texts can be sent at all; callers offer or announce them only then."""
    return get_backend().enabled


def send_text(*, to: str, body: str, backend: BaseBackend | None = None) -> bool:
    """Send one message; true when it left (false when texts are off)."""
    return (backend or get_backend()).send_messages([TextMessage(to=to, body=body)]) == 1
