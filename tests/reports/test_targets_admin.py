"""Training targets in the Wagtail admin: every change lands in the history with its author, and each coordinator
reaches only their provinces' targets (trainers and learners none)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from learners import groups
from reports.models import Target, TargetChange, TargetChangeSource
from reports.services import target_save
from reports.targets.forms import DUPLICATE_TARGET
from tests.reports.target_fixtures import make_people, make_places

TARGET_FORM = {"district": "", "commune": "", "role": "police_officer"}


@pytest.fixture
def places(db):
    return make_places()


@pytest.fixture
def people(places):
    return make_people(places)


@pytest.fixture
def targets(people, places):
    """One target in each province, set by the national coordinator."""
    kampot = target_save(target=Target(province=places.kampot, role="police_officer", people=100), user=people.national)
    takeo = target_save(target=Target(province=places.takeo, role="police_officer", people=80), user=people.national)
    return kampot, takeo


def login(client, user):
    client.force_login(user)
    return client


def add(client, **values):
    return client.post(reverse("targets:add"), {**TARGET_FORM, **values})


def test_create_edit_delete_each_recorded_with_user_and_before_after(client, people, places):
    login(client, people.kampot_coordinator)

    response = add(client, province="07", district="0701", people="40")
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.province, target.district, target.people, target.updated_by) == (
        places.kampot,
        places.angkor_chey,
        40,
        people.kampot_coordinator,
    )

    # Only the number can change: place and role in the edit form are ignored (disabled fields).
    response = client.post(
        reverse("targets:edit", args=[target.pk]),
        {"province": "21", "district": "", "commune": "", "role": "other", "people": "55"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.province_id, target.district_id, target.role, target.people) == ("07", "0701", "police_officer", 55)

    response = client.post(reverse("targets:delete", args=[target.pk]))
    assert response.status_code == 302
    assert not Target.objects.exists()

    history = list(TargetChange.objects.order_by("pk").values_list("people_before", "people_after", "changed_by"))
    coordinator = people.kampot_coordinator.pk
    assert history == [(None, 40, coordinator), (40, 55, coordinator), (55, None, coordinator)]
    change = TargetChange.objects.order_by("pk").last()
    assert (change.province_id, change.district_id, change.role, change.source, change.target) == (
        "07",
        "0701",
        "police_officer",
        TargetChangeSource.ADMIN,
        None,
    )


def test_saving_the_same_number_records_nothing(client, people, targets):
    kampot, _takeo = targets
    login(client, people.kampot_coordinator)
    client.post(reverse("targets:edit", args=[kampot.pk]), {"people": "100"})
    assert TargetChange.objects.filter(target=kampot).count() == 1


def test_a_commune_brings_its_district(client, people, places):
    login(client, people.kampot_coordinator)
    assert add(client, province="07", commune="070801", role="commune_council", people="3").status_code == 302
    target = Target.objects.get()
    assert (target.district, target.commune) == (places.kampot_town, places.kampong_kandal)


def test_duplicate_target_is_a_form_error(client, people, targets):
    login(client, people.kampot_coordinator)
    response = add(client, province="07", people="7")
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert Target.objects.count() == 2 and TargetChange.objects.count() == 2


def test_duplicate_message_names_the_existing_target(client, people, targets):
    profile = UserProfile.get_for_user(people.kampot_coordinator)
    profile.preferred_language = "en"  # the admin speaks the user's language
    profile.save()
    login(client, people.kampot_coordinator)
    response = add(client, province="07", people="7")
    with translation.override("en"):
        expected = str(DUPLICATE_TARGET % {"role": "Police officer", "place": "Kampot", "people": 100})
    assert response.context["form"].errors["role"] == [expected]


def test_district_outside_the_province_is_a_form_error(client, people):
    login(client, people.national)
    response = add(client, province="21", district="0701", people="7")
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Target.objects.exists()


# Scope


def test_provincial_coordinator_lists_only_their_provinces(client, people, targets):
    login(client, people.kampot_coordinator)
    response = client.get(reverse("targets:index"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [targets[0]]
    province_filter = response.context["filters"].form.fields["province"]
    assert [province.code for province in province_filter.queryset] == ["07"]


def test_national_coordinator_lists_every_province(client, people, targets):
    login(client, people.national)
    response = client.get(reverse("targets:index"))
    assert set(response.context["object_list"]) == set(targets)


def test_provincial_coordinator_cannot_edit_or_delete_another_province(client, people, targets):
    _kampot, takeo = targets
    login(client, people.kampot_coordinator)
    # (Django's LocaleMiddleware first redirects an admin 404 to /km/admin/..., which is not found either.)
    assert client.get(reverse("targets:edit", args=[takeo.pk]), follow=True).status_code == 404
    assert client.post(reverse("targets:edit", args=[takeo.pk]), {"people": "1"}, follow=True).status_code == 404
    assert client.get(reverse("targets:delete", args=[takeo.pk]), follow=True).status_code == 404
    assert client.post(reverse("targets:delete", args=[takeo.pk]), follow=True).status_code == 404
    takeo.refresh_from_db()
    assert takeo.people == 80


def test_provincial_coordinator_posting_another_province_gets_a_form_error(client, people, places):
    login(client, people.kampot_coordinator)
    response = add(client, province="21", people="9")
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    response = add(client, province="07", district="2101", people="9")
    assert "district" in response.context["form"].errors
    response = add(client, province="07", commune="210101", people="9")
    assert "commune" in response.context["form"].errors
    assert not Target.objects.exists()


def test_form_offers_only_places_in_the_users_provinces(client, people, places):
    login(client, people.kampot_coordinator)
    form = client.get(reverse("targets:add")).context["form"]
    assert [p.code for p in form.fields["province"].queryset] == ["07"]
    assert [d.code for d in form.fields["district"].queryset] == ["0701", "0708"]
    assert [c.code for c in form.fields["commune"].queryset] == ["070101", "070801"]


def test_history_is_scoped_and_linked_from_the_edit_page(client, people, targets):
    kampot, takeo = targets
    login(client, people.kampot_coordinator)
    edit = client.get(reverse("targets:edit", args=[kampot.pk]))
    history_url = reverse("target_changes:index") + f"?target={kampot.pk}"
    assert history_url in edit.content.decode()

    response = client.get(reverse("target_changes:index"))
    assert response.status_code == 200
    assert [change.province_id for change in response.context["object_list"]] == ["07"]
    # Asking for another province's target shows nothing of it.
    response = client.get(reverse("target_changes:index"), {"target": takeo.pk})
    assert list(response.context["object_list"]) == []


def test_history_lists_who_when_and_before_after(client, people, targets):
    kampot, _takeo = targets
    kampot.people = 150
    target_save(target=kampot, user=people.kampot_coordinator)
    login(client, people.national)
    response = client.get(reverse("target_changes:index"), {"target": kampot.pk})
    changes = list(response.context["object_list"])
    assert [(c.people_before, c.people_after, c.changed_by) for c in changes] == [
        (100, 150, people.kampot_coordinator),
        (None, 100, people.national),
    ]
    html = response.content.decode()
    assert "100 → 150" in html and "– → 100" in html and "kampot-coordinator" in html


def test_history_cannot_be_edited(client, people, targets):
    login(client, people.admin)
    assert client.get("/admin/reports/target-history/new/", follow=True).status_code == 404
    change = TargetChange.objects.first()
    assert client.get(f"/admin/reports/target-history/edit/{change.pk}/", follow=True).status_code == 404


@pytest.mark.parametrize("who", ["trainer", "learner"])
def test_trainers_and_learners_get_no_access(client, people, targets, who):
    user = getattr(people, who)
    login(client, user)
    kampot, _takeo = targets
    for url in (
        reverse("targets:index"),
        reverse("targets:add"),
        reverse("targets:edit", args=[kampot.pk]),
        reverse("targets:delete", args=[kampot.pk]),
        reverse("targets:import"),
        reverse("targets:import_template"),
        reverse("target_changes:index"),
    ):
        response = client.get(url)
        if who == "learner":  # no admin access at all: the admin's sign-in page, coming back here afterwards
            expected = (302, f"/admin/login/?next={url}")
        elif url == reverse("targets:delete", args=[kampot.pk]):  # the delete view looks only in their provinces
            expected = (404, None)
        else:  # Wagtail refuses an admin page by sending the user back to the dashboard with a message
            expected = (302, reverse("wagtailadmin_home"))
        assert (response.status_code, response.get("Location")) == expected, url
    add(client, province="07", people="1")
    client.post(reverse("targets:edit", args=[kampot.pk]), {"people": "1"})
    client.post(reverse("targets:delete", args=[kampot.pk]))
    kampot.refresh_from_db()
    assert kampot.people == 100 and Target.objects.count() == 2


def test_trainer_menu_has_no_targets(client, people):
    login(client, people.trainer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("targets:index") not in html


def test_coordinator_menu_has_targets_and_history(client, people):
    login(client, people.kampot_coordinator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("targets:index") in html and reverse("target_changes:index") in html


@pytest.mark.parametrize(
    ("group", "granted"),
    [
        (groups.PROVINCIAL_COORDINATOR, True),
        (groups.NATIONAL_COORDINATOR, True),
        (groups.ADMINISTRATOR, True),
        (groups.TRAINER, False),
        (groups.LEARNER, False),
    ],
)
def test_group_permissions_from_the_migration(db, group, granted):
    codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
    wanted = {"add_target", "change_target", "delete_target", "view_target", "view_targetchange"}
    assert (wanted <= codenames) is granted
    assert not codenames & {"add_targetchange", "change_targetchange", "delete_targetchange"}
