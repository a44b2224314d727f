"""Text messages: off unless configured, backends for development and tests, numbers and segment counts."""

import io

import pytest

from core import sms


@pytest.fixture(autouse=True)
def _empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def test_texts_are_off_unless_a_backend_is_configured(settings):
    """The base settings (used in production) send nothing; a caller can tell before promising a text."""
    from config.settings import base

    assert base.SMS_BACKEND == sms.DISABLED
    settings.SMS_BACKEND = base.SMS_BACKEND
    assert not sms.is_enabled()
    assert sms.send_text(to="+85512345678", body="Hello") is False
    assert sms.outbox == []


def test_the_memory_backend_keeps_what_was_sent(settings):
    settings.SMS_BACKEND = "core.sms.MemoryBackend"
    assert sms.is_enabled()
    assert sms.send_text(to="+85512345678", body="សួស្តី") is True
    assert sms.outbox == [sms.TextMessage(to="+85512345678", body="សួស្តី")]


def test_the_console_backend_prints_the_number_segments_and_body():
    stream = io.StringIO()
    backend = sms.ConsoleBackend(stream=stream)
    assert backend.send_messages([sms.TextMessage(to="+85512345678", body="សួស្តី")]) == 1
    assert stream.getvalue().startswith("To: +85512345678\nSegments: 1\n\nសួស្តី\n")


def test_the_file_backend_writes_each_batch_to_its_own_utf8_file(settings, tmp_path):
    settings.SMS_BACKEND = "core.sms.FileBackend"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    assert sms.send_text(to="+85512345678", body="មេរៀនទី១")
    assert sms.send_text(to="+855977654321", body="Second")
    files = sorted((tmp_path / "sms").iterdir())
    assert len(files) == 2
    texts = [path.read_text(encoding="utf-8") for path in files]
    assert any("To: +85512345678" in text and "មេរៀនទី១" in text for text in texts)
    assert any("To: +855977654321" in text and "Second" in text for text in texts)
    assert sms.FileBackend(file_path=tmp_path / "empty").send_messages([]) == 0
    assert not (tmp_path / "empty").exists()


@pytest.mark.parametrize("number", ["012345678", "85512345678", "+855 12 345 678", "", "+0123456789"])
def test_a_message_needs_a_number_in_international_form(number):
    with pytest.raises(ValueError, match="international form"):
        sms.TextMessage(to=number, body="Hello")


def test_a_message_needs_a_body():
    with pytest.raises(ValueError, match="body"):
        sms.TextMessage(to="+85512345678", body="  ")


@pytest.mark.parametrize(
    ("body", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # the euro sign takes two 7-bit characters
        ("€" * 81, 2),
        ("ក" * 70, 1),  # Khmer goes as UCS-2
        ("ក" * 71, 2),
        ("ក" * 134, 2),
        ("ក" * 135, 3),
        ("a" * 69 + "ក", 1),  # one character outside GSM's alphabet turns the whole message to UCS-2
        ("a" * 70 + "ក", 2),
    ],
)
def test_segments_follow_the_encoding_the_network_uses(body, segments):
    assert sms.TextMessage(to="+85512345678", body=body).segments == segments


def test_a_configured_backend_class_is_used(settings):
    settings.SMS_BACKEND = "core.sms.ConsoleBackend"
    assert isinstance(sms.get_backend(), sms.ConsoleBackend)
    assert isinstance(sms.get_backend("core.sms.FileBackend"), sms.FileBackend)
