"""Counts on the coverage pages link to the learners behind them: each linked count equals the rows of the learner
list it opens, within the reader's scope; nothing links when figures are shared outside NGOCRC, nor where the list
could not show the same people. People: tests/reports/still_population.py."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from learners import groups
from reports.named_lists import still_to_finish_list

from . import population, still_population

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    return still_population.build()


@pytest.fixture
def national_user(places):
    return population.staff("ngocrc", groups.NATIONAL_COORDINATOR)


@pytest.fixture
def kampot_user(places):
    return population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot])


PAGES = [
    reverse("reports:provinces"),
    reverse("reports:province", args=["07"]),
    reverse("reports:district", args=["07", "0701"]),
    reverse("reports:district", args=["07", "0708"]),
]


def linked_cells(response) -> list[tuple[str, int, str]]:
    """(column key, count shown, link) of every linked count on a coverage page, its totals row included."""
    table = response.context["table"]
    keys = [column.key for column in table.columns]
    rows = [cells for _row, cells, _link in response.context["rows"]]
    if response.context["total_cells"]:
        rows.append(response.context["total_cells"])
    return [
        (key, int(cell.text), cell.link) for cells in rows for key, cell in zip(keys, cells, strict=True) if cell.link
    ]


def listed(client, link: str) -> int:
    """How many learners the learner list shows for a link, over all its pages."""
    response = client.get(link)
    assert response.status_code == 200, link
    return response.context["page"].paginator.count


def without_disabled_accounts():
    """Leave out the one learner whose account is disabled (k6): reports do not count them, and the learner list
    still shows them (see the test after the next)."""
    get_user_model().objects.filter(is_active=False).delete()


@pytest.mark.parametrize("breakdown", ["none", "role", "gender"])
@pytest.mark.parametrize("page", PAGES)
def test_every_linked_count_equals_the_rows_of_the_list_it_opens(client, national_user, page, breakdown):
    without_disabled_accounts()
    client.force_login(national_user)
    response = client.get(f"{page}?breakdown={breakdown}")
    cells = linked_cells(response)
    assert cells, "the page links its counts"
    for key, count, link in cells:
        assert listed(client, link) == count, (key, link)


def test_a_disabled_account_is_neither_counted_nor_listed(client, national_user):
    client.force_login(national_user)
    response = client.get(reverse("reports:provinces") + "?breakdown=none")
    kampot = next(cells for row, cells, _link in response.context["rows"] if row.code == "07")
    registered = kampot[1]  # k6 (Kampot, completed, account disabled) is not among the 6
    assert listed(client, registered.link) == int(registered.text)


def test_counts_that_link_and_those_that_do_not(client, national_user):
    client.force_login(national_user)
    response = client.get(reverse("reports:province", args=["07"]) + "?breakdown=gender")
    keys = {key for key, _count, _link in linked_cells(response)}
    assert keys == {"registered", "completed"}  # not "started" (no one status of the list), not a gender's count
    by_row = {row.code: cells for row, cells, _link in response.context["rows"]}
    assert not any(cell.link for cell in by_row[""])  # learners with no district: the list cannot select them
    response = client.get(reverse("reports:province", args=["07"]) + "?breakdown=role")
    assert {key for key, _count, _link in linked_cells(response)} >= {"registered_police_officer", "completed"}


def test_a_link_carries_the_place_the_role_and_the_status(client, national_user):
    client.force_login(national_user)
    response = client.get(reverse("reports:district", args=["07", "0701"]) + "?breakdown=role&role=police_officer")
    keys = [column.key for column in response.context["table"].columns]
    commune = next(cells for row, cells, _link in response.context["rows"] if row.code == "070101")
    links = {key: cell.link for key, cell in zip(keys, commune, strict=True) if cell.link}
    # k1 (completed) and ស្រីពេជ្រ, both police; the other roles are not chosen, so their cells show nobody
    assert set(links) == {"registered", "registered_police_officer", "completed", "completed_police_officer"}
    assert parse_qs(urlsplit(links["registered"]).query) == {
        "province": ["07"],
        "district": ["0701"],
        "commune": ["070101"],
        "role": ["police_officer"],
        "confirmation": ["confirmed"],
    }
    total = dict(zip(keys, response.context["total_cells"], strict=True))
    assert parse_qs(urlsplit(total["completed"].link).query) == {
        "province": ["07"],
        "district": ["0701"],
        "role": ["police_officer"],
        "progress": ["completed"],
        "confirmation": ["confirmed"],
    }


def test_links_stay_within_a_provincial_coordinator_s_scope(client, kampot_user):
    without_disabled_accounts()
    client.force_login(kampot_user)
    response = client.get(reverse("reports:provinces") + "?breakdown=none")
    cells = linked_cells(response)
    assert cells
    for _key, count, link in cells:
        assert parse_qs(urlsplit(link).query).get("province", ["07"]) == ["07"]
        assert listed(client, link) == count


def test_shared_figures_link_to_no_names(client, national_user):
    client.force_login(national_user)
    for page in PAGES:
        response = client.get(f"{page}?share=on")
        assert response.status_code == 200
        assert linked_cells(response) == []
        assert response.context["still_to_finish_url"] is None
        assert all(finish is None for _row, finish in response.context["needing_finish"])
        html = response.content.decode()
        assert reverse("learners:learner_list") + "?" not in html  # (the admin menu links the list itself)
        assert not re.search(r"/provinces/[^\"]*still-to-finish", html)  # (the admin menu links the reader's own)


def test_with_dates_or_modules_chosen_counts_do_not_link(client, national_user):
    client.force_login(national_user)
    response = client.get(reverse("reports:province", args=["07"]) + "?start=2026-01-01")
    assert linked_cells(response) == []
    assert all(finish is None for _row, finish in response.context["needing_finish"])


def test_readers_who_may_not_open_the_list_get_no_links(client, places):
    from django.contrib.auth.models import Permission

    user = population.staff("ngocrc", groups.NATIONAL_COORDINATOR)
    group = user.groups.get()
    group.permissions.remove(Permission.objects.get(codename="view_learnerprofile"))
    client.force_login(get_user_model().objects.get(pk=user.pk))
    response = client.get(reverse("reports:province", args=["07"]))
    assert linked_cells(response) == []
    assert response.context["still_to_finish_url"] is None


def test_places_that_still_need_training_link_to_who_has_not_finished(client, national_user):
    client.force_login(national_user)
    response = client.get(reverse("reports:province", args=["07"]))
    needing = {row.code: finish for row, finish in response.context["needing_finish"]}
    # Angkor Chey: 3 registered, 1 completed (target 6); Kampot town: 2 registered, none completed (target 2).
    assert needing == {"0701": (still_to_finish_list("07", "0701"), 2), "0708": (still_to_finish_list("07", "0708"), 2)}
    for url, count in needing.values():
        assert client.get(url).context["total"] == count
    assert response.context["still_to_finish_url"] == still_to_finish_list("07")
    assert still_to_finish_list("07", "0701") in response.content.decode()
