"""Sign-in slips: one-time passwords for an import or a selection, printed on a PDF, replaced at first sign-in."""

import re
import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners import issued_passwords
from learners.hashers import ALGORITHM
from learners.issued_passwords import (
    NOTHING_CHOSEN,
    OWN_PASSWORDS,
    SAME_AS_ISSUED,
    STAFF_ACCOUNTS,
    TOO_MANY,
    PasswordState,
    password_states,
    sign_in_slips_issue,
)
from learners.models import ImportBatch, IssuedPassword, Source
from learners.services import learner_reset_password
from tests.factories import LearnerFactory, TrainerFactory
from tests.pdf_glyphs import drawn_glyphs, khmer_shaping_problems

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "my-own-Passw0rd-2026"
NAME_KM = "សុខ ស្រីពេជ្រ"
SLIPS = "/en/coordinate/slips/"


@pytest.fixture
def batch(people, places):
    """An import of three Kampot learners by the Kampot coordinator (no passwords yet, as imports make them)."""
    coordinator = people.kampot_coordinator
    batch = ImportBatch.objects.create(created_by=coordinator, file_name="kampot-workshop.csv", row_count=3)
    for number, name in enumerate([NAME_KM, "ចាន់ ដារ៉ា", "ហេង វណ្ណា"]):
        LearnerFactory(
            full_name_km=name,
            full_name_latin=f"Learner {number}",
            province=places.kampot,
            username=f"kampot-{number}",
            phone=f"012 000 00{number}" if number else "",
            password=None,
            source=Source.IMPORT,
            created_by=coordinator,
        )
    from learners.models import LearnerProfile

    LearnerProfile.objects.filter(user__username__startswith="kampot-").update(import_batch=batch)
    return batch


def learners_of(batch):
    return list(batch.learners.select_related("user").order_by("user__username"))


def sign_in(client, username, password, next_url=None):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/en/account/sign-in/", data)


# The service


def test_imported_learners_get_one_time_passwords_stored_only_as_hashes(people, batch):
    learners = learners_of(batch)
    slips = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=learners)
    assert [slip.username for slip in slips] == ["kampot-0", "kampot-1", "kampot-2"]
    assert slips[1].phone == "012 000 001" and slips[0].phone == ""
    assert len({slip.password for slip in slips}) == 3
    for learner, slip in zip(learners, slips, strict=True):
        learner.user.refresh_from_db()
        assert learner.user.password.startswith(f"{ALGORITHM}$")
        assert slip.password not in learner.user.password
        assert learner.user.check_password(slip.password)
    issued = IssuedPassword.objects.filter(user__in=[learner.user for learner in learners])
    assert issued.count() == 3 and {row.issued_by for row in issued} == {people.kampot_coordinator}


def test_password_states(people, batch):
    first, second, third = learners_of(batch)
    sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[second])
    third.user.set_password(PASSWORD)
    third.user.save()
    staff = LearnerFactory(province=batch.learners.first().province, username="staff-learner")
    staff.user.groups.add(*TrainerFactory().groups.all())
    states = password_states(actor=people.kampot_coordinator, profiles=[first, second, third, staff])
    assert states == {
        first.pk: PasswordState.NONE,
        second.pk: PasswordState.ISSUED,
        third.pk: PasswordState.OWN,
        staff.pk: PasswordState.STAFF,
    }
    # An administrator may change a staff account's credentials: for them it is an ordinary own password.
    assert password_states(actor=people.admin, profiles=[staff]) == {staff.pk: PasswordState.OWN}


def test_a_password_the_learner_chose_is_replaced_only_when_the_coordinator_says_so(people, batch):
    first, second, _third = learners_of(batch)
    second.user.set_password(PASSWORD)
    second.user.save()
    with pytest.raises(ValidationError) as refused:
        sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[first, second])
    assert refused.value.messages == [OWN_PASSWORDS % {"names": second.full_name_km}]
    first.user.refresh_from_db()
    assert not first.user.has_usable_password()  # all or nothing: nobody changed
    assert not IssuedPassword.objects.exists()
    slips = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[first, second], replace_own=True)
    second.user.refresh_from_db()
    assert not second.user.check_password(PASSWORD) and second.user.check_password(slips[1].password)


def test_a_staff_account_is_refused_to_a_coordinator(people, places):
    staff = LearnerFactory(province=places.kampot, username="also-trainer")
    staff.user.groups.add(*TrainerFactory().groups.all())
    with pytest.raises(ValidationError) as refused:
        sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[staff], replace_own=True)
    assert refused.value.messages == [STAFF_ACCOUNTS % {"names": staff.full_name_km}]
    staff.user.refresh_from_db()
    assert staff.user.check_password(PASSWORD)


def test_nothing_and_too_many_are_refused(people, batch, monkeypatch):
    with pytest.raises(ValidationError) as refused:
        sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[])
    assert refused.value.messages == [str(NOTHING_CHOSEN)]
    monkeypatch.setattr(issued_passwords, "SLIPS_AT_MOST", 2)
    with pytest.raises(ValidationError) as refused:
        sign_in_slips_issue(actor=people.kampot_coordinator, profiles=learners_of(batch))
    assert refused.value.messages == [TOO_MANY % {"max": 2}]


def test_a_new_slip_ends_the_learners_sessions_and_the_old_slip(client, people, batch):
    learner = learners_of(batch)[0]
    old = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[learner])[0]
    sign_in(client, "kampot-0", old.password)
    assert client.session.get("_auth_user_id") == str(learner.user.pk)
    new = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[learner])[0]
    assert client.get("/en/account/").status_code == 302  # signed out: the session's password changed
    assert sign_in(client, "kampot-0", old.password).status_code == 200  # refused
    assert sign_in(client, "kampot-0", new.password).status_code == 302


# First sign-in: choose your own password, and nothing else until then


def test_first_sign_in_leads_to_choosing_a_password_then_where_the_learner_was_going(client, people, batch):
    slip = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=learners_of(batch)[:1])[0]
    response = sign_in(client, "kampot-0", slip.password, next_url="/km/account/")
    assert response["Location"] == "/en/account/"  # where they were going, in their language ...
    choose = client.get(response["Location"])
    assert choose.status_code == 302  # ... but first:
    assert choose["Location"] == "/en/account/password/choose/?next=%2Fen%2Faccount%2F"
    page = client.get(choose["Location"])
    assert page.status_code == 200
    assert 'name="next" value="/en/account/"' in page.content.decode()

    done = client.post(
        "/en/account/password/choose/",
        {
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
            "next": "/en/account/",
        },
    )
    assert done["Location"] == "/en/account/"
    assert client.get("/en/account/").status_code == 200  # everything is open again, in the same session
    assert not IssuedPassword.objects.filter(user__username="kampot-0").exists()
    user = get_user_model().objects.get(username="kampot-0")
    assert user.check_password(NEW_PASSWORD) and not user.check_password(slip.password)
    assert not user.password.startswith(f"{ALGORITHM}$")


def test_until_then_pages_lead_back_and_other_requests_are_refused(client, people, batch):
    slip = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=learners_of(batch)[:1])[0]
    sign_in(client, "kampot-0", slip.password)
    for path in ("/en/", "/km/account/edit/", "/en/training/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/account/password/choose/" in response["Location"], path
    form = client.post("/en/account/edit/", {"full_name_km": "x"})
    assert form.status_code == 403
    upload = client.post("/en/training/sync/", data="{}", content_type="application/json")
    assert upload.status_code == 403
    assert upload.json()["message"]
    # The page script's own requests are refused too, never answered with the choosing page.
    script = client.get("/en/training/offline/modules.json?ids=1", headers={"Sec-Fetch-Mode": "cors"})
    assert script.status_code == 403 and script.json()["message"]
    assert client.get("/en/", headers={"Sec-Fetch-Mode": "navigate"}).status_code == 302
    # Choosing, signing out and switching language stay open.
    assert client.get("/km/account/password/choose/").status_code == 200
    assert client.post("/en/account/sign-out/").status_code == 302
    assert client.get("/en/account/").status_code == 302  # signed out


def test_the_password_given_cannot_be_chosen_again(client, people, batch):
    slip = sign_in_slips_issue(actor=people.kampot_coordinator, profiles=learners_of(batch)[:1])[0]
    sign_in(client, "kampot-0", slip.password)
    response = client.post(
        "/en/account/password/choose/", {"new_password1": slip.password, "new_password2": slip.password}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(str(SAME_AS_ISSUED) in message for message in errors.get("new_password1", []))
    assert IssuedPassword.objects.filter(user__username="kampot-0").exists()


def test_a_learner_with_their_own_password_is_not_asked(client, people):
    client.force_login(people.kampot_learner.user)
    assert client.get("/en/account/").status_code == 200
    assert client.get("/en/account/password/choose/")["Location"] == "/en/"


def test_a_password_reset_by_a_coordinator_is_replaced_at_first_sign_in_too(client, people):
    password = learner_reset_password(profile=people.kampot_learner, actor=people.kampot_coordinator)
    response = sign_in(client, "officer", password)
    assert client.get(response["Location"])["Location"].startswith("/en/account/password/choose/")


# The coordinators' page and the PDF


def test_the_import_page_lists_the_learners_ticking_those_without_a_password(client, people, batch):
    first, second, third = learners_of(batch)
    sign_in_slips_issue(actor=people.kampot_coordinator, profiles=[second])
    third.user.set_password(PASSWORD)
    third.user.save()
    client.force_login(people.kampot_coordinator)
    response = client.get(f"{SLIPS}?batch={batch.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    ticked = set(re.findall(r'name="ticked" value="(\d+)"[^>]* checked', html))
    listed = set(re.findall(r'name="ticked" value="(\d+)"', html))
    assert listed == {str(first.pk), str(second.pk), str(third.pk)}
    assert ticked == {str(first.pk)}  # an unused slip and an own password are never replaced by default
    assert "kampot-workshop.csv" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_printing_sets_the_passwords_and_sends_the_pdf(client, people, batch):
    client.force_login(people.kampot_coordinator)
    learners = learners_of(batch)
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [learner.pk for learner in learners]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="sign-in-slips-')
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    assert IssuedPassword.objects.filter(user__in=[learner.user for learner in learners]).count() == 3


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_the_pdf_text_layer_has_every_slip(client, people, batch, tmp_path, monkeypatch):
    passwords = iter(["abcd-efgh", "jkmn-pqrs", "tuvw-xyz2"])
    monkeypatch.setattr(issued_passwords.services, "handover_password", lambda: next(passwords))
    client.force_login(people.kampot_coordinator)
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [learner.pk for learner in learners_of(batch)]})
    pdf = tmp_path / "slips.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    for expected in ("kampot-0", "kampot-1", "kampot-2", "abcd-efgh", "jkmn-pqrs", "tuvw-xyz2", "012 000 001"):
        assert expected in text, expected
    assert "Learner 0" in text and re.search(r"One-time\s+password", text) and "testserver" in text
    assert "kampot-workshop.csv" in text
    # Khmer is in the text layer (pdftotext reorders shaped clusters, so whole words are not compared).
    assert "សុខ" in text
    assert sum(1 for ch in text if "\u1780" <= ch <= "\u17ff") >= 60
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    assert "Slip-Khmer" in fonts  # the packaged font, embedded


def test_the_pdf_draws_khmer_shaped(client, people, batch):
    client.force_login(people.kampot_coordinator)
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [learners_of(batch)[0].pk]})
    drawn = drawn_glyphs(response.content, font_name="Slip-Khmer")
    assert khmer_shaping_problems(drawn, subscript_base="ស", pre_base_vowel=("េ", "ព")) == []


def test_a_refusal_shows_the_page_again_and_changes_nobody(client, people, batch):
    first, second, _third = learners_of(batch)
    second.user.set_password(PASSWORD)
    second.user.save()
    client.force_login(people.kampot_coordinator)
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [first.pk, second.pk]})
    assert response.status_code == 400
    assert str(OWN_PASSWORDS % {"names": second.full_name_km}) in response.content.decode()
    assert not IssuedPassword.objects.exists()
    replaced = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [first.pk, second.pk], "replace_own": "on"})
    assert replaced["Content-Type"] == "application/pdf"


def test_a_selection_of_learners(client, people, batch):
    first, _second, third = learners_of(batch)
    client.force_login(people.kampot_coordinator)
    response = client.get(f"{SLIPS}?learner={first.pk}&learner={third.pk}")
    assert set(re.findall(r'name="ticked" value="(\d+)"', response.content.decode())) == {str(first.pk), str(third.pk)}
    printed = client.post(f"{SLIPS}?learner={first.pk}&learner={third.pk}", {"ticked": [third.pk]})
    assert printed["Content-Type"] == "application/pdf"
    assert list(IssuedPassword.objects.values_list("user_id", flat=True)) == [third.user_id]


def test_scope_learners_and_imports_of_others_are_not_found(client, people, batch):
    takeo = people.takeo_learner
    client.force_login(people.kampot_coordinator)
    assert client.get(f"{SLIPS}?learner={takeo.pk}").status_code == 404
    assert client.get(f"{SLIPS}?learner=abc").status_code == 404
    # A learner of another province slipped into the ticks of a page about Kampot's import.
    assert client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [takeo.pk]}).status_code == 404
    other = ImportBatch.objects.create(created_by=people.national, file_name="other.csv", row_count=0)
    assert client.get(f"{SLIPS}?batch={other.pk}").status_code == 404
    # A national coordinator sees every import.
    client.force_login(people.national)
    assert client.get(f"{SLIPS}?batch={batch.pk}").status_code == 200
    assert not IssuedPassword.objects.exists()


def test_only_those_who_may_reset_passwords_print_slips(client, people, batch):
    client.force_login(people.kampot_learner.user)
    assert client.get(f"{SLIPS}?batch={batch.pk}").status_code == 403
    client.logout()
    assert client.get(f"{SLIPS}?batch={batch.pk}").status_code == 302  # to sign in


def test_printing_needs_the_csrf_token(people, batch):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people.kampot_coordinator)
    response = strict.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [learners_of(batch)[0].pk]})
    assert response.status_code == 403
    assert not IssuedPassword.objects.exists()


def test_the_page_costs_the_same_queries_for_more_learners(client, people, batch, places):
    client.force_login(people.kampot_coordinator)
    client.get(f"{SLIPS}?batch={batch.pk}")
    with CaptureQueriesContext(connection) as small:
        client.get(f"{SLIPS}?batch={batch.pk}")
    for number in range(10):
        learner = LearnerFactory(province=places.kampot, username=f"more-{number}", password=None)
        learner.import_batch = batch
        learner.save()
    with CaptureQueriesContext(connection) as large:
        client.get(f"{SLIPS}?batch={batch.pk}")
    assert len(large) == len(small)


def test_the_import_result_page_offers_the_slips(client, people, places):
    from tests.learners.test_import import GOOD_ROWS, HEADER, preview

    client.force_login(people.kampot_coordinator)
    preview(client, "workshop.csv", HEADER + GOOD_ROWS)
    done = client.post(reverse("learners:import_confirm"))
    batch = ImportBatch.objects.get()
    assert f'href="/km/coordinate/slips/?batch={batch.pk}"' in done.content.decode()


def test_a_learners_reset_page_offers_a_slip_for_them(client, people):
    client.force_login(people.kampot_coordinator)
    learner = people.kampot_learner
    page = client.get(reverse("learners:learner_password", args=[learner.pk])).content.decode()
    assert f'href="/km/coordinate/slips/?learner={learner.pk}"' in page


@pytest.fixture
def outbox(settings):
    from core import sms

    settings.SMS_BACKEND = "core.sms.MemoryBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def test_with_texts_on_the_passwords_can_also_go_to_the_learners_phones(client, people, batch, outbox, monkeypatch):
    passwords = iter(["abcd-efgh", "jkmn-pqrs", "tuvw-xyz2"])
    monkeypatch.setattr(issued_passwords.services, "handover_password", lambda: next(passwords))
    client.force_login(people.kampot_coordinator)
    assert 'name="text"' in client.get(f"{SLIPS}?batch={batch.pk}").content.decode()
    ticked = [learner.pk for learner in learners_of(batch)]
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": ticked, "text": "on"})
    assert response["Content-Type"] == "application/pdf"
    # kampot-0 has no phone: a slip only.
    assert [(message.to, "jkmn-pqrs" in message.body or "tuvw-xyz2" in message.body) for message in outbox] == [
        ("+85512000001", True),
        ("+85512000002", True),
    ]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)  # noqa: S603, S607
        assert text.stdout.decode().count("Also sent by text message.") == 2


def test_with_texts_off_nothing_is_offered_or_sent(client, people, batch, settings):
    from core import sms

    settings.SMS_BACKEND = "core.sms.DisabledBackend"
    client.force_login(people.kampot_coordinator)
    assert 'name="text"' not in client.get(f"{SLIPS}?batch={batch.pk}").content.decode()
    sms.outbox.clear()
    response = client.post(f"{SLIPS}?batch={batch.pk}", {"ticked": [learners_of(batch)[1].pk], "text": "on"})
    assert response["Content-Type"] == "application/pdf" and sms.outbox == []


def test_the_learner_list_offers_slips_for_what_it_shows(client, people, batch, places, monkeypatch):
    from learners import slip_views

    client.force_login(people.kampot_coordinator)
    listing = client.get("/en/coordinate/?q=kampot-").content.decode()
    assert 'href="/en/coordinate/slips/?q=kampot-"' in listing
    page = client.get(f"{SLIPS}?q=kampot-")
    assert {row["learner"] for row in page.context["rows"]} == set(learners_of(batch))
    # The list's scope and filters hold: another province is not found, a long list asks to be narrowed.
    assert client.get(f"{SLIPS}?province={places.takeo.code}").status_code == 404
    monkeypatch.setattr(slip_views, "LIST_AT_MOST", 2)
    narrowed = client.get(f"{SLIPS}?q=kampot-")
    assert narrowed.context["too_many"] and narrowed.context["rows"] == []
    assert client.post(f"{SLIPS}?q=kampot-", {"ticked": [learners_of(batch)[0].pk]}).status_code == 404
    assert not IssuedPassword.objects.exists()
