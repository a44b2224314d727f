"""Who may change whose sign-in details. A learner promoted to staff keeps a profile in their old province, so a
provincial coordinator still reaches it; changing its e-mail (where Wagtail mails password-reset links), phone
(which signs in), password or lock would hand them the account. Only administrators may, and a superuser's only a
superuser; everyone may change their own."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from learners import groups
from learners.importing import DUPLICATE_PHONE_DB, DUPLICATE_USERNAME_DB, read_upload, validate
from learners.models import LearnerProfile, Province
from learners.services import (
    PRIVILEGED_ACCOUNT,
    PRIVILEGED_CREDENTIALS,
    PRIVILEGED_UNLOCK,
    LearnerDetails,
    coordinator_scope_set,
    learner_reset_password,
    learner_unlock,
    learner_update,
    may_change_credentials,
)
from tests.factories import PASSWORD, LearnerFactory, ProvincialCoordinatorFactory

STAFF_EMAIL = "promoted@example.org"
ATTACKER_EMAIL = "attacker@example.org"


@pytest.fixture
def promoted(places, people):
    """Registered as a Kampot learner, then made coordinator of Takeo."""
    learner = LearnerFactory(province=places.kampot, username="promoted", phone="011 222 333", email=STAFF_EMAIL)
    learner.user.groups.add(Group.objects.get(name=groups.PROVINCIAL_COORDINATOR))
    coordinator_scope_set(user=learner.user, provinces=[places.takeo])
    return learner


def same_details(profile, **changes):
    values = {
        "full_name_km": profile.full_name_km,
        "full_name_latin": profile.full_name_latin,
        "role": profile.role,
        "gender": profile.gender,
        "province": profile.province,
        "unit": profile.unit,
        "phone": profile.phone,
        "email": profile.user.email,
    }
    values.update(changes)
    return LearnerDetails(**values)


@pytest.mark.parametrize("field", ["email", "phone"])
@pytest.mark.parametrize("who", ["kampot_coordinator", "national", "trainer"])
def test_coordinators_cannot_change_a_staff_accounts_email_or_phone(places, people, promoted, field, who):
    actor = getattr(people, who)
    new_value = {"email": ATTACKER_EMAIL, "phone": "099 888 777"}[field]
    with pytest.raises(ValidationError) as raised:
        learner_update(profile=promoted, details=same_details(promoted, **{field: new_value}), actor=actor)
    assert raised.value.message_dict == {field: [str(PRIVILEGED_CREDENTIALS)]}
    promoted.refresh_from_db()
    promoted.user.refresh_from_db()
    assert (promoted.user.email, promoted.phone) == (STAFF_EMAIL, "+85511222333")


def test_other_fields_of_a_staff_account_stay_editable(places, people, promoted):
    learner_update(
        profile=promoted, details=same_details(promoted, unit="Takeo police"), actor=people.kampot_coordinator
    )
    promoted.refresh_from_db()
    assert promoted.unit == "Takeo police"


@pytest.mark.parametrize(
    ("staff", "may"),
    [
        (lambda user: user.groups.add(Group.objects.get(name=groups.TRAINER)), False),
        (lambda user: user.groups.add(Group.objects.get(name=groups.NATIONAL_COORDINATOR)), False),
        (lambda user: user.user_permissions.add(Permission.objects.get(codename="access_admin")), False),
        (lambda user: setattr(user, "is_staff", True) or user.save(), False),
        (lambda user: None, True),  # a plain learner
    ],
)
def test_every_kind_of_staff_right_protects_the_account(places, people, staff, may):
    learner = LearnerFactory(province=places.kampot, username="someone", email=STAFF_EMAIL)
    staff(learner.user)
    user = get_user_model().objects.get(pk=learner.user.pk)
    assert may_change_credentials(actor=people.kampot_coordinator, user=user) is may


def test_administrators_may_and_a_superuser_only_by_a_superuser(places, people, promoted):
    assert may_change_credentials(actor=people.administrator, user=promoted.user)
    assert may_change_credentials(actor=people.admin, user=promoted.user)
    assert not may_change_credentials(actor=people.administrator, user=people.admin)
    assert may_change_credentials(actor=people.admin, user=people.admin)
    learner_update(
        profile=promoted, details=same_details(promoted, email="new@example.org"), actor=people.administrator
    )
    promoted.user.refresh_from_db()
    assert promoted.user.email == "new@example.org"


def test_staff_change_their_own_email(places, promoted):
    learner_update(profile=promoted, details=same_details(promoted, email="mine@example.org"), actor=promoted.user)
    promoted.user.refresh_from_db()
    assert promoted.user.email == "mine@example.org"


def test_a_plain_learners_email_is_still_the_coordinators_to_correct(places, people):
    learner = people.kampot_learner
    learner_update(profile=learner, details=same_details(learner, email="fixed@example.org"), actor=people.national)
    learner.user.refresh_from_db()
    assert learner.user.email == "fixed@example.org"


def edit_form(promoted, **changes):
    return {
        "full_name_km": promoted.full_name_km,
        "gender": promoted.gender,
        "role": promoted.role,
        "province": promoted.province.code,
        "phone": promoted.phone_display,
        "email": promoted.user.email,
        **changes,
    }


def test_the_edit_screen_shows_a_staff_accounts_email_and_phone_read_only(client, people, promoted):
    client.force_login(people.kampot_coordinator)
    url = reverse("learners:learner_edit", args=[promoted.pk])
    form = client.get(url).context["form"]
    assert form.fields["email"].disabled and form.fields["phone"].disabled
    assert form.fields["email"].help_text == PRIVILEGED_CREDENTIALS
    # A crafted POST changes nothing: disabled fields keep their value.
    response = client.post(url, edit_form(promoted, email=ATTACKER_EMAIL, phone="099 888 777", unit="Post 2"))
    assert response.status_code == 302
    promoted.refresh_from_db()
    promoted.user.refresh_from_db()
    assert (promoted.user.email, promoted.phone, promoted.unit) == (STAFF_EMAIL, "+85511222333", "Post 2")


def test_an_administrator_edits_them_on_the_same_screen(client, people, promoted):
    client.force_login(people.administrator)
    url = reverse("learners:learner_edit", args=[promoted.pk])
    assert not client.get(url).context["form"].fields["email"].disabled
    assert client.post(url, edit_form(promoted, email="new@example.org")).status_code == 302
    promoted.user.refresh_from_db()
    assert promoted.user.email == "new@example.org"


def test_reset_is_refused_for_staff_on_the_screen_too(client, people, promoted):
    client.force_login(people.kampot_coordinator)
    response = client.post(reverse("learners:learner_password", args=[promoted.pk]), follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [str(PRIVILEGED_ACCOUNT)]
    promoted.user.refresh_from_db()
    assert promoted.user.check_password(PASSWORD)
    assert learner_reset_password(profile=promoted, actor=people.administrator)  # an administrator may


@pytest.fixture
def unlocked(monkeypatch):
    """The accounts whose lock was lifted (however the lockout keeps its records)."""
    calls = []
    monkeypatch.setattr("learners.lockout.unlock", lambda *, user: calls.append(user.username) or 1)
    return calls


def test_a_coordinator_cannot_unlock_a_staff_account(client, people, promoted, unlocked):
    client.force_login(people.kampot_coordinator)
    response = client.post(reverse("learners:learner_unlock", args=[promoted.pk]), follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [str(PRIVILEGED_UNLOCK)]
    with pytest.raises(ValidationError) as raised:
        learner_unlock(profile=promoted, actor=people.national)
    assert raised.value.messages == [str(PRIVILEGED_UNLOCK)]
    assert unlocked == []
    learner_unlock(profile=promoted, actor=people.administrator)
    assert unlocked == ["promoted"]


def test_a_coordinator_still_unlocks_a_learner(client, people, unlocked):
    client.force_login(people.kampot_coordinator)
    response = client.post(reverse("learners:learner_unlock", args=[people.kampot_learner.pk]))
    assert response.status_code == 302
    assert unlocked == ["officer"]


def test_an_import_never_touches_an_existing_account(places, people, promoted):
    """Rows naming a staff account's username (in any case) or phone are refused, never merged into it."""
    content = (
        "full_name_km,gender,role,province,phone,email,username\n"
        f"ក,male,police_officer,07,,{ATTACKER_EMAIL},PROMOTED\n"
        f"ខ,male,police_officer,07,011 222 333,{ATTACKER_EMAIL},\n"
    ).encode()
    rows = validate(rows=read_upload(name="list.csv", content=content), provinces=Province.objects.all())
    assert rows[0].errors == {"username": [str(DUPLICATE_USERNAME_DB)]}
    assert rows[1].errors == {"phone": [str(DUPLICATE_PHONE_DB)]}
    promoted.user.refresh_from_db()
    assert promoted.user.email == STAFF_EMAIL
    assert LearnerProfile.objects.filter(user__email=ATTACKER_EMAIL).count() == 0


@pytest.mark.parametrize("who", ["kampot_coordinator", "national", "trainer"])
def test_coordinators_cannot_reach_wagtails_user_screens(client, people, promoted, who):
    client.force_login(getattr(people, who))
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[promoted.user.pk]),
        reverse("wagtailusers_users:add"),
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
    response = client.post(
        reverse("wagtailusers_users:edit", args=[promoted.user.pk]),
        {
            "username": "promoted",
            "email": ATTACKER_EMAIL,
            "password1": "x-Good-passw0rd",
            "password2": "x-Good-passw0rd",
        },
    )
    assert response.status_code == 302
    promoted.user.refresh_from_db()
    assert promoted.user.email == STAFF_EMAIL and promoted.user.check_password(PASSWORD)


def test_only_administrators_hold_wagtails_user_permissions(db):
    holders = Group.objects.filter(permissions__content_type__app_label="auth").distinct()
    assert {group.name for group in holders} == {groups.ADMINISTRATOR}
    # Nor can anyone else give themselves provinces.
    scope_editors = Group.objects.filter(
        permissions__codename__in=["add_coordinatorscope", "change_coordinatorscope", "delete_coordinatorscope"]
    ).distinct()
    assert {group.name for group in scope_editors} == {groups.ADMINISTRATOR}


def test_a_second_coordinator_account_is_protected_like_any_staff(places, people):
    colleague = ProvincialCoordinatorFactory(username="takeo-coordinator", provinces=[places.takeo])
    assert not may_change_credentials(actor=people.kampot_coordinator, user=colleague)
    assert not may_change_credentials(actor=people.national, user=colleague)


def test_the_detail_page_says_why_there_is_no_reset_button(client, people, promoted):
    from learners.services import STAFF_ACCOUNT_NOTICE

    reset_url = reverse("learners:learner_password", args=[promoted.pk])
    client.force_login(people.kampot_coordinator)
    page = client.get(reverse("learners:learner_detail", args=[promoted.pk])).content.decode()
    assert str(STAFF_ACCOUNT_NOTICE) in page and reset_url not in page
    client.force_login(people.administrator)
    page = client.get(reverse("learners:learner_detail", args=[promoted.pk])).content.decode()
    assert str(STAFF_ACCOUNT_NOTICE) not in page and reset_url in page


def wagtail_user_form(user, **changes):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": "A",
        "last_name": "B",
        "is_active": "on",
        **changes,
    }


def test_an_administrator_cannot_take_over_a_superuser_in_wagtails_admin(client, people):
    people.admin.email = "root@example.org"
    people.admin.save()
    client.force_login(people.administrator)
    url = reverse("wagtailusers_users:edit", args=[people.admin.pk])
    assert (client.get(url).status_code, client.get(url)["Location"]) == (302, "/admin/")
    response = client.post(url, wagtail_user_form(people.admin, email=ATTACKER_EMAIL, password1="x-Good-passw0rd"))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    people.admin.refresh_from_db()
    assert people.admin.email == "root@example.org" and people.admin.check_password(PASSWORD)


def test_an_administrator_cannot_make_anyone_a_superuser(client, people, promoted):
    client.force_login(people.administrator)
    edit = reverse("wagtailusers_users:edit", args=[promoted.user.pk])
    response = client.post(edit, wagtail_user_form(promoted.user, is_superuser="on"))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    promoted.user.refresh_from_db()
    assert not promoted.user.is_superuser
    new = {**wagtail_user_form(promoted.user, username="mint", is_superuser="on")}
    response = client.post(
        reverse("wagtailusers_users:add"), {**new, "password1": "x-Good-passw0rd", "password2": "x-Good-passw0rd"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not get_user_model().objects.filter(username="mint").exists()


def test_administrators_still_manage_staff_in_wagtails_admin(client, people, promoted):
    client.force_login(people.administrator)
    edit = reverse("wagtailusers_users:edit", args=[promoted.user.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, wagtail_user_form(promoted.user, email="new@example.org"))
    assert response.status_code == 302 and response["Location"] != "/admin/"
    promoted.user.refresh_from_db()
    assert promoted.user.email == "new@example.org"
    client.force_login(people.admin)  # a superuser edits a superuser
    assert client.get(reverse("wagtailusers_users:edit", args=[people.admin.pk])).status_code == 200
