"""The admin's "Sign-in locks" screen: administrators unlock anyone (staff, unknown names, addresses);
coordinators unlock only the learners of their own provinces."""

import pytest
from django.urls import reverse

from learners import lockout
from learners.lockout_admin import NOT_YOURS, SUPERUSER_ONLY, UNLOCKED

from .conftest import PASSWORD

LOCKS = "/admin/signin-locks/"
UNLOCK = "/admin/signin-locks/unlock/"


def fail(client, username, times=5, address="10.0.0.1"):
    for _attempt in range(times):
        client.post(reverse("learners:sign_in"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def signs_in(client, username, address="10.0.0.1") -> bool:
    response = client.post(
        reverse("learners:sign_in"), {"username": username, "password": PASSWORD}, REMOTE_ADDR=address
    )
    return response.status_code == 302


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def locked(client, people):
    for name in ("trainer", "officer", "council", "ghost"):
        fail(client, name)
    return people


def test_an_administrator_sees_and_unlocks_a_staff_account(client, locked):
    admin = client.__class__()
    admin.force_login(locked.administrator)
    page = admin.get(LOCKS)
    assert page.status_code == 200
    accounts = {row["account"] for row in page.context["rows"]}
    assert accounts == {
        f"user:{locked.trainer.pk}",
        f"user:{locked.kampot_learner.user.pk}",
        f"user:{locked.takeo_learner.user.pk}",
        "name:ghost",
    }
    response = admin.post(UNLOCK, {"kind": "user", "value": locked.trainer.pk}, follow=True)
    assert response.redirect_chain == [(LOCKS, 302)]
    assert messages_of(response) == [UNLOCKED % {"who": "trainer"}]
    assert signs_in(client, "trainer")


def test_an_administrator_unlocks_a_name_without_account_and_an_address(client, locked, settings):
    settings.LEARNERS_LOCKOUT_ADDRESS_FAILURES = 20
    admin = client.__class__()
    admin.force_login(locked.administrator)
    assert [row["address"] for row in admin.get(LOCKS).context["addresses"]] == ["10.0.0.1"]
    assert admin.post(UNLOCK, {"kind": "name", "value": "name:ghost"}).status_code == 302
    assert not lockout.locked_accounts().filter(account="name:ghost").exists()
    assert admin.post(UNLOCK, {"kind": "address", "value": "10.0.0.1"}).status_code == 302
    assert signs_in(client, "officer")


def test_a_provincial_coordinator_sees_and_unlocks_only_their_provinces_learners(client, locked):
    coordinator = client.__class__()
    coordinator.force_login(locked.kampot_coordinator)
    page = coordinator.get(LOCKS)
    assert page.status_code == 200
    assert [row["account"] for row in page.context["rows"]] == [f"user:{locked.kampot_learner.user.pk}"]
    assert page.context["addresses"] == []
    for outsider in (locked.trainer, locked.takeo_learner.user):
        response = coordinator.post(UNLOCK, {"kind": "user", "value": outsider.pk}, follow=True)
        assert messages_of(response) == [NOT_YOURS]
        assert lockout.account_locked(outsider)
    refused = coordinator.post(UNLOCK, {"kind": "address", "value": "10.0.0.1"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's answer to "not allowed"
    assert coordinator.post(UNLOCK, {"kind": "user", "value": locked.kampot_learner.user.pk}).status_code == 302
    assert signs_in(client, "officer")
    assert not signs_in(client.__class__(), "council")


def test_trainers_and_learners_have_no_such_screen(client, locked):
    trainer = client.__class__()
    trainer.force_login(locked.trainer)
    refused = trainer.get(LOCKS)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    learner = client.__class__()
    learner.force_login(locked.kampot_learner.user)
    assert learner.get(LOCKS).status_code == 302
    assert learner.post(UNLOCK, {"kind": "user", "value": locked.kampot_learner.user.pk}).status_code == 302
    assert lockout.account_locked(locked.kampot_learner.user)


def test_only_a_superuser_unlocks_a_superuser(client, people):
    fail(client, "root")
    administrator = client.__class__()
    administrator.force_login(people.administrator)  # the Administrator group, not a superuser
    response = administrator.post(UNLOCK, {"kind": "user", "value": people.admin.pk}, follow=True)
    assert messages_of(response) == [str(SUPERUSER_ONLY)]
    assert not signs_in(client, "root")
    superuser = client.__class__()
    superuser.force_login(people.admin)
    response = superuser.post(UNLOCK, {"kind": "user", "value": people.admin.pk}, follow=True)
    assert messages_of(response) == [UNLOCKED % {"who": "root"}]
