"""Registrations waiting for confirmation, counted within the reader's provinces: on the coordination tabs and
on the admin dashboard, each with a link to the waiting list."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from learners.models import Province, Source
from tests.factories import LearnerFactory, NationalCoordinatorFactory, ProvincialCoordinatorFactory, TrainerFactory

PANEL = 'id="waiting-registrations-section"'


@pytest.fixture
def registrations(places):
    """Two waiting in Kampot, one in Takeo; a confirmed Kampot learner who waits for nobody."""
    for province in (places.kampot, places.kampot, places.takeo):
        LearnerFactory(province=province, source=Source.SELF_REGISTERED)
    LearnerFactory(province=places.kampot)


def tabs(html: str) -> str:
    start = html.index('<nav class="tabs"')
    return html[start : html.index("</nav>", start)]


def tab_count(html: str) -> str | None:
    waiting = reverse("learners:waiting")
    match = re.search(rf'href="{re.escape(waiting)}">[^<]*(?:<span class="count">(\d+)</span>)?</a>', tabs(html))
    assert match, "the tab to the waiting list"
    return match.group(1)


@pytest.mark.parametrize(("who", "expected"), [("kampot", "2"), ("takeo", "1"), ("national", "3")])
def test_the_coordination_tabs_count_the_registrations_waiting_in_the_coordinators_provinces(
    client, places, registrations, who, expected
):
    user = {
        "kampot": lambda: ProvincialCoordinatorFactory(provinces=[places.kampot]),
        "takeo": lambda: ProvincialCoordinatorFactory(provinces=[places.takeo]),
        "national": NationalCoordinatorFactory,
    }[who]()
    client.force_login(user)
    for url in (reverse("learners:learner_list"), reverse("learners:waiting")):
        assert tab_count(client.get(url).content.decode()) == expected


def test_no_count_when_nobody_waits(client, places, registrations):
    client.force_login(ProvincialCoordinatorFactory(provinces=[Province.objects.get(code="01")]))
    assert tab_count(client.get(reverse("learners:learner_list")).content.decode()) is None


def test_trainers_who_cannot_confirm_see_no_count(client, places):
    trainer = TrainerFactory()
    LearnerFactory(province=places.kampot, source=Source.TRAINER, created_by=trainer)
    client.force_login(trainer)
    nav = tabs(client.get(reverse("learners:learner_list")).content.decode())
    assert reverse("learners:waiting") not in nav
    assert 'class="count"' not in nav


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_dashboard_shows_a_coordinator_the_registrations_waiting_in_their_provinces(
    client, places, registrations
):
    html = dashboard(client, ProvincialCoordinatorFactory(provinces=[places.kampot]))
    panel = html[html.index(PANEL) :]
    with translation.override("km"):
        waiting = reverse("learners:waiting")
    assert re.search(r"\b2\b", panel[: panel.index(waiting)])
    assert f'href="{waiting}"' in panel


def test_the_dashboard_says_when_nobody_waits(client, places):
    html = dashboard(client, NationalCoordinatorFactory())
    assert PANEL in html
    assert "គ្មាននរណាម្នាក់ក្នុងខេត្តរបស់អ្នកកំពុងរង់ចាំការបញ្ជាក់ទេ។" in html


def test_trainers_have_no_waiting_panel(client, places, registrations):
    assert PANEL not in dashboard(client, TrainerFactory())
