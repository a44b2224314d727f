"""The permission matrix: scope is enforced on the server, whatever URL is typed.

A Kampot coordinator gets 404 (not the data) for a Takeo learner; a learner sees only their own profile; a trainer
sees no one's personal data but that of the people they enrolled at a workshop; national coordinators and
administrators see every province.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import downloads

# (url name, method) for every screen that shows or changes one learner.
PER_LEARNER = [
    ("learners:learner_detail", "get"),
    ("learners:learner_edit", "get"),
    ("learners:learner_edit", "post"),
    ("learners:learner_password", "get"),
    ("learners:learner_password", "post"),
    ("learners:learner_export", "get"),
    ("learners:learner_unlock", "post"),
    ("learners:learner_confirm", "post"),
    ("learners:learner_reject", "post"),
    ("learners:learner_unreject", "post"),
]


def request(client, name, method, learner):
    url = reverse(name, args=[learner.pk])
    return client.post(url, {}) if method == "post" else client.get(url)


def as_user(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("name", "method"), PER_LEARNER)
def test_kampot_coordinator_gets_404_for_a_takeo_learner(client, people, name, method):
    response = request(as_user(client, people.kampot_coordinator), name, method, people.takeo_learner)
    assert response.status_code == 404
    assert people.takeo_learner.full_name_km not in response.content.decode()
    people.takeo_learner.refresh_from_db()
    assert people.takeo_learner.user.check_password("a-Good-passw0rd")  # the POST changed nothing


@pytest.mark.parametrize(("name", "method"), [(n, m) for n, m in PER_LEARNER if m == "get"])
def test_kampot_coordinator_reaches_a_kampot_learner(client, people, name, method):
    response = request(as_user(client, people.kampot_coordinator), name, method, people.kampot_learner)
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["national", "administrator", "admin"])
@pytest.mark.parametrize(("name", "method"), [(n, m) for n, m in PER_LEARNER if m == "get"])
def test_national_coordinators_and_administrators_see_every_province(client, people, who, name, method):
    response = request(as_user(client, getattr(people, who)), name, method, people.takeo_learner)
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "method"), PER_LEARNER)
def test_learners_are_refused(client, people, name, method):
    response = request(as_user(client, people.kampot_learner.user), name, method, people.takeo_learner)
    assert response.status_code == 403
    assert people.takeo_learner.phone_display not in response.content.decode()


# Trainers enrol and reset the passwords of the people at their workshops, nothing more.
TRAINER_CAN = {"learners:learner_detail", "learners:learner_password"}


@pytest.mark.parametrize(("name", "method"), PER_LEARNER)
def test_trainers_reach_no_learner_they_did_not_enrol(client, people, name, method):
    response = request(as_user(client, people.trainer), name, method, people.kampot_learner)
    assert response.status_code == (404 if name in TRAINER_CAN else 403)
    assert people.kampot_learner.phone_display not in response.content.decode()
    people.kampot_learner.user.refresh_from_db()
    assert people.kampot_learner.user.check_password("a-Good-passw0rd")


def test_a_trainer_enrols_a_workshop_participant_and_resets_their_password(client, people, places):
    client.force_login(people.trainer)
    response = client.post(
        reverse("learners:learner_create"),
        {"full_name_km": "ទេព រដ្ឋា", "gender": "male", "role": "police_officer", "province": places.takeo.code},
    )
    assert response.status_code == 200 and response.context["password"]
    enrolled = response.context["learner"]
    assert enrolled.created_by == people.trainer
    listing = client.get(reverse("learners:learner_list")).content.decode()
    assert enrolled.full_name_km in listing
    assert people.kampot_learner.full_name_km not in listing and people.takeo_learner.full_name_km not in listing
    reset = client.post(reverse("learners:learner_password", args=[enrolled.pk]))
    assert reset.status_code == 200 and reset.context["password"]
    assert client.get(reverse("learners:learner_edit", args=[enrolled.pk])).status_code == 403


@pytest.mark.parametrize(("name", "method"), PER_LEARNER)
def test_anonymous_visitors_are_sent_to_sign_in(client, people, name, method):
    response = request(client, name, method, people.kampot_learner)
    url = reverse(name, args=[people.kampot_learner.pk])
    assert (response.status_code, response["Location"]) == (302, f"{reverse('learners:sign_in')}?next={quote(url)}")


@pytest.mark.parametrize(
    ("name", "trainer_status"),
    [
        ("learners:learner_list", 200),
        ("learners:learner_create", 200),
        ("learners:waiting", 403),
        ("learners:import_upload", 403),
        ("learners:learners_export", 403),
    ],
)
def test_coordination_pages_refuse_learners_and_limit_trainers(client, people, name, trainer_status):
    client.force_login(people.kampot_learner.user)
    assert client.get(reverse(name)).status_code == 403
    client.force_login(people.trainer)
    assert client.get(reverse(name)).status_code == trainer_status


def test_lists_and_exports_hold_only_the_coordinators_provinces(client, people):
    client.force_login(people.kampot_coordinator)
    listing = client.get(reverse("learners:learner_list")).content.decode()
    assert people.kampot_learner.full_name_km in listing
    assert people.takeo_learner.full_name_km not in listing
    export = downloads.text(client.get(reverse("learners:learners_export")))
    assert export.startswith("\ufeff")
    assert "officer" in export and "council" not in export
    # Asking for Takeo by URL is "not found", not an empty or full list.
    assert client.get(reverse("learners:learners_export") + "?province=21").status_code == 404
    assert client.get(reverse("learners:learner_list") + "?province=21").status_code == 404


def test_national_coordinator_export_covers_all_provinces(client, people):
    client.force_login(people.national)
    export = downloads.text(client.get(reverse("learners:learners_export")))
    assert "officer" in export and "council" in export


def test_a_coordinator_cannot_create_a_learner_outside_their_provinces(client, people, places):
    client.force_login(people.kampot_coordinator)
    response = client.post(
        reverse("learners:learner_create"),
        {"full_name_km": "ថ្មី", "gender": "male", "role": "police_officer", "province": places.takeo.code},
    )
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert not people.takeo_learner.__class__.objects.filter(full_name_km="ថ្មី").exists()


def test_a_coordinator_cannot_move_a_learner_to_another_province(client, people, places):
    client.force_login(people.kampot_coordinator)
    url = reverse("learners:learner_edit", args=[people.kampot_learner.pk])
    response = client.post(
        url, {"full_name_km": "x", "gender": "male", "role": "police_officer", "province": places.takeo.code}
    )
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    people.kampot_learner.refresh_from_db()
    assert people.kampot_learner.province == places.kampot


def test_a_learner_sees_only_their_own_profile(client, people):
    client.force_login(people.kampot_learner.user)
    page = client.get(reverse("learners:profile")).content.decode()
    assert people.kampot_learner.full_name_km in page
    assert people.takeo_learner.full_name_km not in page


def test_trainer_admin_has_places_read_only_and_no_people(client, people):
    client.force_login(people.trainer)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/province/").status_code == 200
    assert client.get("/admin/district/?province=07").status_code == 200
    assert client.get("/admin/commune/?q=070101").status_code == 200
    assert client.get("/admin/commune/inspect/070101/").status_code == 200
    # Wagtail refuses an admin page by sending the user back to the dashboard (with a message), never a 500.
    for url in ("/admin/province/edit/07/", "/admin/province/new/", "/admin/users/", "/admin/coordinatorscope/"):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home")), url


def test_administrator_can_edit_places(client, people):
    client.force_login(people.administrator)
    assert client.get("/admin/province/edit/07/").status_code == 200
    assert client.get("/admin/district/new/").status_code == 200


def test_excel_export_is_scoped_too(client, people):
    import io

    from openpyxl import load_workbook

    client.force_login(people.kampot_coordinator)
    response = client.get(reverse("learners:learners_export_xlsx"))
    rows = list(load_workbook(io.BytesIO(downloads.body(response))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["officer"]
    assert rows[1][1] == people.kampot_learner.full_name_km
    assert client.get(reverse("learners:learners_export_xlsx") + "?province=21").status_code == 404


def test_admin_menu_links_coordinators_to_their_pages(client, people):
    client.force_login(people.kampot_coordinator)
    assert reverse("learners:learner_list") in client.get("/admin/").content.decode()
    editor = get_user_model().objects.create_user(username="editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's own group: admin access, no learners
    client.force_login(editor)
    assert reverse("learners:learner_list") not in client.get("/admin/").content.decode()


def test_a_trainers_enrolment_waits_for_the_provinces_coordinator(client, people, places):
    from learners.coordinate_views import ENROLMENT_WAITS
    from learners.models import Confirmation, Source

    data = {"full_name_km": "ទេព រដ្ឋា", "gender": "male", "role": "police_officer", "province": places.kampot.code}
    client.force_login(people.trainer)
    response = client.post(reverse("learners:learner_create"), data)
    enrolled = response.context["learner"]
    assert (enrolled.source, enrolled.confirmation) == (Source.TRAINER, Confirmation.PENDING)
    assert ENROLMENT_WAITS % {"name": "ទេព រដ្ឋា", "province": places.kampot.name} in [
        str(message) for message in response.context["messages"]
    ]
    client.force_login(people.kampot_coordinator)
    assert enrolled.full_name_km in client.get(reverse("learners:waiting")).content.decode()
    created = client.post(reverse("learners:learner_create"), data).context["learner"]
    assert (created.source, created.confirmation) == (Source.COORDINATOR, Confirmation.CONFIRMED)
