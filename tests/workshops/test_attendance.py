"""Attendance per day on the phone screen: the same sheet sent twice is recorded once, re-posting the same ticks
leaves one mark per participant and day, and nobody off the roster can be marked."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from workshops import services
from workshops.attendance_views import ATTENDANCE_REPEAT
from workshops.models import Attendance, AttendanceSheet

from .making import make_workshop


@pytest.fixture
def made(site_tree):
    return make_workshop(modules=[site_tree.module], people=3)


def marks(day):
    return dict(Attendance.objects.filter(day=day).values_list("participant_id", "present"))


def test_the_same_sheet_sent_twice_is_recorded_once(made):
    day, (first, second, third) = made.days[0], made.participants
    sheet = uuid.uuid4()
    assert services.attendance_record(day=day, present={first.pk}, actor=made.trainer, client_id=sheet)
    # The copy queued on the phone arrives after a correction made on another screen: it changes nothing.
    services.attendance_record(day=day, present={first.pk, second.pk}, actor=made.trainer)
    assert not services.attendance_record(day=day, present={first.pk}, actor=made.trainer, client_id=sheet)
    assert marks(day) == {first.pk: True, second.pk: True, third.pk: False}
    assert AttendanceSheet.objects.count() == 1


def test_someone_off_the_roster_is_refused_and_nothing_is_saved(made, site_tree):
    other = make_workshop(modules=[site_tree.module], people=1)
    with pytest.raises(ValidationError):
        services.attendance_record(
            day=made.days[0], present={made.participants[0].pk, other.participants[0].pk}, actor=made.trainer
        )
    assert not Attendance.objects.exists()


def test_the_phone_screen_lists_the_roster_and_saves_once_when_posted_twice(client, made):
    client.force_login(made.trainer)
    day, (first, _second, third) = made.days[0], made.participants
    url = reverse("workshops:attendance", args=[made.workshop.pk, day.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('name="present"') == 3
    form = {"client_id": str(uuid.uuid4()), "present": [first.pk, third.pk]}
    assert client.post(url, form).status_code == 302
    again = client.post(url, form, follow=True)
    assert Attendance.objects.filter(day=day).count() == 3
    assert marks(day)[third.pk] is True
    assert str(services.NOT_ON_ROSTER) not in again.content.decode()
    assert "រួចហើយ" in again.content.decode()  # "already saved; nothing changed", in Khmer


def test_a_tampered_form_gets_a_message_in_khmer_not_an_error_page(client, made):
    client.force_login(made.trainer)
    url = reverse("workshops:attendance", args=[made.workshop.pk, made.days[0].pk])
    response = client.post(url, {"client_id": "not-an-id", "present": ["x"]})
    assert response.status_code == 200
    assert "មិនមាននៅក្នុងបញ្ជីឈ្មោះ" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_sheet_sent_from_the_phones_queue_is_answered_in_json_and_recorded_once(client, made):
    client.force_login(made.trainer)
    day, (first, second, _third) = made.days[0], made.participants
    url = reverse("workshops:attendance", args=[made.workshop.pk, day.pk])
    queued = {"HTTP_X_QUEUED_FORM": "1", "HTTP_ACCEPT_LANGUAGE": "km"}
    sheet = {"client_id": str(uuid.uuid4()), "present": [first.pk, second.pk]}
    sent = client.post(url, sheet, **queued)
    assert sent.status_code == 200 and sent.json()["saved"] is True
    assert "2" in sent.json()["message"] and "3" in sent.json()["message"]  # 2 of 3 present
    again = client.post(url, sheet, **queued)  # the phone sends its copy again after a lost answer
    assert again.json() == {"saved": True, "message": str(ATTENDANCE_REPEAT)}
    assert AttendanceSheet.objects.count() == 1 and Attendance.objects.filter(day=day, present=True).count() == 2


def test_a_queued_sheet_naming_someone_off_the_roster_is_refused_in_json_and_saves_nothing(client, made, site_tree):
    client.force_login(made.trainer)
    other = make_workshop(modules=[site_tree.module], people=1)
    url = reverse("workshops:attendance", args=[made.workshop.pk, made.days[0].pk])
    for present in ([made.participants[0].pk, other.participants[0].pk], ["not a number"]):
        refused = client.post(url, {"client_id": str(uuid.uuid4()), "present": present}, HTTP_X_QUEUED_FORM="1")
        assert refused.status_code == 400
        assert refused.json() == {"saved": False, "message": str(services.NOT_ON_ROSTER)}
    assert not Attendance.objects.exists() and not AttendanceSheet.objects.exists()


def test_the_screen_offers_the_phone_queue_only_to_those_who_run_the_workshop(client, made):
    url = reverse("workshops:attendance", args=[made.workshop.pk, made.days[0].pk])
    client.force_login(made.trainer)
    page = client.get(url).content.decode()
    assert "data-queued-form" in page and "workshops/queue.js" in page and "data-queue-note" in page
