"""Reminders to finish: who is due, the dry run, sending, and the limits (per learner, per run, per minute)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from core import sms
from learners import reminders
from learners.models import LearnerProfile, Source, TextReminder
from tests.factories import LearnerFactory, ProvincialCoordinatorFactory


@pytest.fixture
def outbox(settings):
    settings.SMS_BACKEND = "core.sms.MemoryBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def progress(profile, *, active_days_ago=None, completed=False):
    """The progress columns the quizzes completion service keeps on the profile."""
    today = timezone.localdate()
    LearnerProfile.objects.filter(pk=profile.pk).update(
        training_started_at=timezone.now() if active_days_ago is not None else None,
        training_active_on=today - timedelta(days=active_days_ago) if active_days_ago is not None else None,
        course_completed_at=timezone.now() if completed else None,
    )


@pytest.fixture
def population(places):
    """Who is due (idle in Kampot, never started in Takeo) and everyone who is not, for one reason each."""
    kampot, takeo = places.kampot, places.takeo
    idle = LearnerFactory(province=kampot, phone="012 000 001", username="idle")
    progress(idle, active_days_ago=30)
    never_started = LearnerFactory(province=takeo, phone="012 000 002", username="never")
    finished = LearnerFactory(province=kampot, phone="012 000 003", username="finished")
    progress(finished, active_days_ago=30, completed=True)
    busy = LearnerFactory(province=kampot, phone="012 000 004", username="busy")
    progress(busy, active_days_ago=2)
    no_phone = LearnerFactory(province=kampot, phone="", username="nophone")
    waiting = LearnerFactory(province=kampot, phone="012 000 005", username="waiting", source=Source.SELF_REGISTERED)
    disabled = LearnerFactory(province=kampot, phone="012 000 006", username="disabled")
    get_user_model().objects.filter(pk=disabled.user_id).update(is_active=False)
    return {
        "due": [never_started, idle],
        "not_due": [finished, busy, no_phone, waiting, disabled],
    }


def candidates(**overrides):
    now = timezone.now()
    arguments = {
        "provinces": None,
        "inactive_since": timezone.localdate() - timedelta(days=7),
        "reminded_since": now - timedelta(days=14),
        **overrides,
    }
    return list(reminders.reminder_candidates(**arguments))


def test_confirmed_learners_with_a_phone_who_have_not_finished_and_are_idle_are_due(population):
    """Never started first, then the longest idle; finished, recently active, phoneless, unconfirmed and disabled
    accounts are left alone."""
    assert candidates() == population["due"]


def test_a_province_limits_who_is_due(population, places):
    assert candidates(provinces=places.kampot.__class__.objects.filter(pk=places.kampot.pk)) == [population["due"][1]]


def test_a_learner_reminded_recently_is_not_due_again(population):
    never_started, idle = population["due"]
    TextReminder.objects.create(profile=idle, phone=idle.phone, sent_at=timezone.now() - timedelta(days=3))
    TextReminder.objects.create(
        profile=never_started, phone=never_started.phone, sent_at=timezone.now() - timedelta(days=20)
    )
    assert candidates() == [never_started]


def test_the_dry_run_sends_and_records_nothing(population, outbox, capsys):
    call_command("send_reminders", verbosity=2)
    out = capsys.readouterr().out
    assert "Dry run: 2 of 2 learners due would get a reminder; nothing was sent." in out
    assert "012 000 001" in out and "012 000 002" in out and "012 000 003" not in out
    assert "Add --send" in out
    assert outbox == []
    assert not TextReminder.objects.exists()


def test_sending_needs_texts_to_be_turned_on(population, settings):
    settings.SMS_BACKEND = sms.DISABLED
    with pytest.raises(CommandError, match="Text messages are off"):
        call_command("send_reminders", send=True)
    assert not TextReminder.objects.exists()


def test_sending_texts_each_learner_due_in_khmer_once(population, outbox, capsys):
    call_command("send_reminders", send=True, per_minute=0)
    assert [message.to for message in outbox] == ["+85512000002", "+85512000001"]
    assert all(message.body.startswith("សុខ ចន្ថា") for message in outbox)
    assert TextReminder.objects.count() == 2
    assert "Sent 2 reminders" in capsys.readouterr().out
    call_command("send_reminders", send=True, per_minute=0)  # the next day's run: nobody is due again yet
    assert len(outbox) == 2
    assert "Nobody to remind." in capsys.readouterr().out


def test_a_run_sends_at_most_its_limit_and_the_rest_wait_for_the_next(population, outbox):
    call_command("send_reminders", send=True, limit=1, per_minute=0)
    assert [message.to for message in outbox] == ["+85512000002"]
    call_command("send_reminders", send=True, limit=1, per_minute=0)
    assert [message.to for message in outbox] == ["+85512000002", "+85512000001"]


def test_texts_are_paced_per_minute(population, outbox, monkeypatch):
    pauses = []
    monkeypatch.setattr("learners.management.commands.send_reminders.time.sleep", pauses.append)
    call_command("send_reminders", send=True, per_minute=30)
    assert pauses == [2.0]  # between the two texts, not before the first or after the last
    assert len(outbox) == 2


def test_a_coordinator_reminds_their_own_provinces_only(population, places, outbox):
    ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot])
    call_command("send_reminders", send=True, coordinator="kampot-coordinator", per_minute=0)
    assert [message.to for message in outbox] == ["+85512000001"]


def test_a_province_is_found_by_name_or_code(population, outbox):
    call_command("send_reminders", send=True, province=["Takeo"], per_minute=0)
    call_command("send_reminders", send=True, province=["07"], per_minute=0)
    assert [message.to for message in outbox] == ["+85512000002", "+85512000001"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"coordinator": "idle"}, "is not a coordinator"),
        ({"coordinator": "nobody"}, "is not a coordinator"),
        ({"province": ["Atlantis"]}, "No province"),
        ({"limit": -1}, "cannot be negative"),
    ],
)
def test_bad_options_are_refused_before_anything_is_sent(population, outbox, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("send_reminders", send=True, **options)
    assert outbox == []


class FailingBackend(sms.BaseBackend):
    """Accepts one message, then fails like a gateway that stopped answering."""

    sent = 0

    def send_messages(self, messages):
        if FailingBackend.sent:
            raise ConnectionError("gateway timeout")
        FailingBackend.sent += len(messages)
        return len(messages)


def test_a_failing_gateway_stops_the_run_and_only_what_left_is_recorded(population, settings):
    settings.SMS_BACKEND = f"{__name__}.FailingBackend"
    FailingBackend.sent = 0
    with pytest.raises(CommandError, match="Stopped after 1 sent: 012 000 001: gateway timeout"):
        call_command("send_reminders", send=True, per_minute=0)
    assert list(TextReminder.objects.values_list("phone", flat=True)) == ["+85512000002"]
