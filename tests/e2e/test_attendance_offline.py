"""A workshop's attendance taken on a phone that loses its connection, in headless Chromium: the sheet saved with
the network cut stays on the phone, is shown as waiting, and reaches the server once, when the connection
returns."""

import pytest

from tests.e2e.test_without_javascript import sign_in
from tests.workshops.making import make_workshop
from workshops.models import Attendance, AttendanceSheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_attendance_saved_offline_is_sent_once_when_back_online(live_server, site_tree, new_page):
    made = make_workshop(modules=[site_tree.module], people=3)
    made.trainer.username = "trainer-a"
    made.trainer.save()
    day = made.days[0]
    path = f"/km/workshops/{made.workshop.pk}/days/{day.pk}/"
    page, base = new_page(javascript=True), live_server.url
    sign_in(page, base, "trainer-a", path)
    note = page.locator("[data-queue-note]")

    page.context.set_offline(True)
    boxes = page.locator('input[name="present"]')
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.click("button.save-bar")
    page.wait_for_selector("[data-queue-note]:visible")
    assert "ទូរសព្ទនេះ" in note.inner_text()  # "Saved on this phone…"
    assert not Attendance.objects.exists()

    # One sheet waits on the phone, under the screen's address.
    waiting = page.evaluate("cfpStore.all('forms')")
    assert [item["key"] for item in waiting] == [path]

    page.context.set_offline(False)  # the "online" event sends the queue
    for _ in range(150):
        if not page.evaluate("cfpStore.all('forms')"):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("cfpStore.all('forms')") == []
    present = set(Attendance.objects.filter(day=day, present=True).values_list("participant_id", flat=True))
    ticked = sorted(made.participants, key=lambda p: p.learner.learner_profile.full_name_km)
    assert present == {ticked[0].pk, ticked[2].pk}
    assert AttendanceSheet.objects.count() == 1
    page.wait_for_function("document.querySelector('[data-queue-note]').textContent.includes('3')")
    assert "ទូរសព្ទនេះ" not in note.inner_text()  # the server's answer, "… 2 of 3 present", in Khmer

    # Sent again by a phone that did not hear the answer: recorded once.
    page.reload()
    assert AttendanceSheet.objects.count() == 1
