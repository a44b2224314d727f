"""Who sees which workshop: an organisation's trainers only their organisation's, a provincial coordinator only
those in their provinces (reading, not running them), NGOCRC all; anyone else's workshop by direct URL is a 404."""

import pytest
from django.urls import reverse

from tests.factories.people import LearnerFactory, NationalCoordinatorFactory, ProvincialCoordinatorFactory
from tests.factories.places import ProvinceFactory

from .making import make_workshop

TAKEO = "21"


@pytest.fixture
def kampot(site_tree):
    return make_workshop(modules=[site_tree.module])


@pytest.fixture
def takeo(site_tree):
    return make_workshop(modules=[site_tree.module], province_code=TAKEO)


def urls(made):
    workshop, day = made.workshop, made.days[0]
    return [
        reverse("workshops:detail", args=[workshop.pk]),
        reverse("workshops:attendance", args=[workshop.pk, day.pk]),
        reverse("workshops:scores", args=[workshop.pk, "post"]),
        reverse("workshops:roster_add", args=[workshop.pk]),
    ]


def test_a_trainer_sees_only_their_organisations_workshops(client, kampot, takeo):
    client.force_login(kampot.trainer)
    listing = client.get(reverse("workshops:list")).content.decode()
    assert reverse("workshops:detail", args=[kampot.workshop.pk]) in listing
    assert reverse("workshops:detail", args=[takeo.workshop.pk]) not in listing
    for url in urls(kampot):
        assert client.get(url).status_code == 200, url
    for url in urls(takeo):
        assert client.get(url).status_code == 404, url
    attendance = reverse("workshops:attendance", args=[takeo.workshop.pk, takeo.days[0].pk])
    assert client.post(attendance, {"present": [takeo.participants[0].pk]}).status_code == 404


def test_a_provincial_coordinator_reads_only_their_provinces_workshops(client, kampot, takeo):
    coordinator = ProvincialCoordinatorFactory(provinces=[ProvinceFactory(code="07")])
    client.force_login(coordinator)
    assert client.get(urls(kampot)[0]).status_code == 200
    assert client.get(urls(kampot)[1]).status_code == 200
    assert client.get(urls(takeo)[0]).status_code == 404
    # Reading is not running: the Kampot organisation's roster and attendance are not theirs to change.
    attendance = urls(kampot)[1]
    assert client.post(attendance, {"present": [kampot.participants[0].pk]}).status_code == 403
    assert client.get(urls(kampot)[3]).status_code == 403


def test_ngocrc_sees_every_workshop(client, kampot, takeo):
    client.force_login(NationalCoordinatorFactory())
    for made in (kampot, takeo):
        assert client.get(urls(made)[0]).status_code == 200


def test_a_learner_has_no_access(client, kampot):
    client.force_login(LearnerFactory().user)
    assert client.get(reverse("workshops:list")).status_code == 403
    assert client.get(urls(kampot)[0]).status_code == 403


def test_a_signed_out_visitor_is_sent_to_sign_in(client, kampot):
    assert client.get(urls(kampot)[0]).status_code == 302
