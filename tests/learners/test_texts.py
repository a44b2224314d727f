"""Texts to learners: a one-time password and a reminder, in Khmer, short, and sent only when texts are on."""

import pytest
from django.utils import translation

from core import sms
from learners import texts
from tests.factories import LearnerFactory

KHMER = range(0x1780, 0x1800)


@pytest.fixture
def outbox(settings):
    settings.SMS_BACKEND = "core.sms.MemoryBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def khmer_letters(text: str) -> int:
    return sum(ord(char) in KHMER for char in text)


def test_the_one_time_password_text_is_in_khmer_whatever_the_page_language(places):
    learner = LearnerFactory(province=places.kampot, phone="012 345 678", username="sokha")
    with translation.override("en"):
        body = texts.one_time_password_text(profile=learner, password="k7mq-x3pr")
    assert khmer_letters(body) > 20
    assert "k7mq-x3pr" in body
    assert "012 345 678" in body  # the number the text arrives on signs in
    assert "http://testserver/km/account/sign-in/" in body
    assert sms.TextMessage(to=learner.phone, body=body).segments <= 3


def test_the_reminder_is_in_khmer_names_the_learner_and_stays_short(places):
    learner = LearnerFactory(province=places.kampot, phone="012 345 678", full_name_km="សុខ ចន្ថា ស្រីមុំ")
    with translation.override("en"):
        body = texts.reminder_text(profile=learner)
    assert body.startswith("សុខ ចន្ថា ស្រីមុំ")
    assert khmer_letters(body) > 30
    assert "http://testserver/km/" in body
    assert sms.TextMessage(to=learner.phone, body=body).segments <= 2


def test_a_one_time_password_is_texted_to_the_learners_phone(places, outbox):
    learner = LearnerFactory(province=places.kampot, phone="012 345 678")
    assert texts.send_one_time_password(profile=learner, password="k7mq-x3pr") is True
    assert [message.to for message in outbox] == ["+85512345678"]
    assert "k7mq-x3pr" in outbox[0].body


def test_no_text_without_a_phone(places, outbox):
    learner = LearnerFactory(province=places.kampot, phone="")
    assert texts.send_one_time_password(profile=learner, password="k7mq-x3pr") is False
    assert outbox == []


def test_no_text_while_texts_are_off(places, settings):
    settings.SMS_BACKEND = sms.DISABLED
    learner = LearnerFactory(province=places.kampot, phone="012 345 678")
    assert texts.send_one_time_password(profile=learner, password="k7mq-x3pr") is False
