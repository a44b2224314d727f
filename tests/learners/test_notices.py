"""A learner is told, once, on the next page they open, what a coordinator decided about their account."""

import pytest
from django.urls import reverse

from core.roles import Role
from learners import notices
from learners.confirmation import learner_confirm, learner_reject, learner_rejection_undo
from learners.models import DecisionSeen, Source
from learners.services import LearnerDetails, learner_update
from tests.factories import LearnerFactory, ProvincialCoordinatorFactory

CONFIRMED_KM = "គណនីរបស់អ្នកត្រូវបានបញ្ជាក់។"
NOT_CONFIRMED_EN = "A coordinator of Kampot did not confirm your account."
NAVIGATION = {"HTTP_SEC_FETCH_MODE": "navigate", "HTTP_SEC_FETCH_DEST": "document"}


@pytest.fixture
def coordinator(places):
    return ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot])


@pytest.fixture
def waiting(places):
    """Someone who registered themselves in Kampot and waits for its coordinator."""
    return LearnerFactory(province=places.kampot, source=Source.SELF_REGISTERED, username="sokha")


@pytest.fixture
def learner_client(client, waiting, site_tree):
    client.force_login(waiting.user)
    return client


def page(client, url="/km/", **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        NAVIGATION,
        {"HTTP_SEC_FETCH_MODE": "navigate", "HTTP_SEC_FETCH_DEST": "empty"},  # through the site's service worker
        {},  # a browser that sends no Fetch Metadata
    ],
)
def test_a_confirmation_is_shown_once_on_the_next_page_in_khmer(learner_client, waiting, coordinator, headers):
    learner_confirm(profile=waiting, actor=coordinator)
    response, html = page(learner_client, **headers)
    assert response.status_code == 200
    assert CONFIRMED_KM in html
    assert "កំពត" in html  # the province, in Khmer
    # Neither the browser nor the site's service worker keeps a copy that would show it again offline.
    assert "no-store" in response["Cache-Control"]
    assert response["X-Not-Kept"] == "1"
    assert DecisionSeen.objects.filter(decision__profile=waiting).count() == 1
    response, html = page(learner_client, **NAVIGATION)
    assert CONFIRMED_KM not in html
    assert "X-Not-Kept" not in response


def test_the_notice_is_in_the_language_of_the_page(learner_client, waiting, coordinator):
    learner_confirm(profile=waiting, actor=coordinator)
    _response, html = page(learner_client, "/en/")
    assert "Your account is confirmed." in html
    assert "A coordinator of Kampot confirmed your role" in html


def test_a_rejection_shows_the_coordinators_reason_escaped_and_how_to_correct_the_profile(
    learner_client, waiting, coordinator
):
    learner_reject(profile=waiting, actor=coordinator, reason="Not a police officer in <b>Kampot</b>")
    _response, html = page(learner_client, "/en/")
    assert NOT_CONFIRMED_EN in html
    assert "Not a police officer in &lt;b&gt;Kampot&lt;/b&gt;" in html
    assert f'href="{reverse("learners:profile_edit")}"' in html
    assert NOT_CONFIRMED_EN not in page(learner_client, "/en/")[1]


def test_an_undone_rejection_is_not_announced_and_the_next_decision_is(learner_client, waiting, coordinator):
    learner_reject(profile=waiting, actor=coordinator, reason="Wrong commune")
    learner_rejection_undo(profile=waiting, actor=coordinator)
    _response, html = page(learner_client, "/en/")
    assert "did not confirm" not in html and "Wrong commune" not in html
    learner_confirm(profile=waiting, actor=coordinator)
    assert "Your account is confirmed." in page(learner_client, "/en/")[1]


def test_a_decision_that_no_longer_stands_is_not_announced(learner_client, waiting, coordinator, places):
    """The learner changed their role after the confirmation: the new claim waits, the old decision says nothing."""
    learner_confirm(profile=waiting, actor=coordinator)
    changed = LearnerDetails(
        full_name_km=waiting.full_name_km,
        role=Role.COMMUNE_COUNCIL,
        gender=waiting.gender,
        province=places.kampot,
    )
    learner_update(profile=waiting, details=changed, actor=waiting.user)
    assert "Your account is confirmed." not in page(learner_client, "/en/")[1]


def test_nothing_is_announced_without_a_coordinators_decision(client, places, site_tree):
    """Waiting, or confirmed from the start (created by a coordinator or an import): nothing to tell."""
    for learner in (
        LearnerFactory(province=places.kampot, source=Source.SELF_REGISTERED),
        LearnerFactory(province=places.kampot, source=Source.IMPORT),
    ):
        client.force_login(learner.user)
        html = page(client, "/en/")[1]
        assert "decision-notice" not in html
    assert not DecisionSeen.objects.exists()


def test_a_learner_never_sees_someone_elses_decision(client, waiting, coordinator, places, site_tree):
    learner_confirm(profile=waiting, actor=coordinator)
    other = LearnerFactory(province=places.kampot, source=Source.SELF_REGISTERED)
    client.force_login(other.user)
    assert "decision-notice" not in page(client, "/en/")[1]
    client.force_login(coordinator)
    assert "decision-notice" not in page(client, "/en/")[1]
    assert not DecisionSeen.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_MODE": "cors", "HTTP_SEC_FETCH_DEST": "empty"},  # the page script keeping a module
        {"HTTP_PURPOSE": "prefetch"},  # a kept module's lessons
        {"HTTP_SEC_PURPOSE": "prefetch", **NAVIGATION},  # the browser guessing the next page
        {"HTTP_SEC_FETCH_MODE": "navigate", "HTTP_SEC_FETCH_DEST": "iframe"},  # a page inside another
    ],
)
def test_a_page_fetched_in_the_background_neither_shows_nor_uses_up_the_notice(
    learner_client, waiting, coordinator, headers
):
    learner_confirm(profile=waiting, actor=coordinator)
    response, html = page(learner_client, **headers)
    assert response.status_code == 200
    assert CONFIRMED_KM not in html
    assert not DecisionSeen.objects.exists()
    assert CONFIRMED_KM in page(learner_client, **NAVIGATION)[1]


def test_a_page_that_failed_shows_the_notice_without_using_it_up(learner_client, waiting, coordinator):
    learner_confirm(profile=waiting, actor=coordinator)
    response, html = page(learner_client, "/km/no-such-page/")
    assert response.status_code == 404
    assert CONFIRMED_KM in html
    assert not DecisionSeen.objects.exists()
    assert CONFIRMED_KM in page(learner_client)[1]
    assert DecisionSeen.objects.count() == 1


def test_recording_a_decision_seen_twice_keeps_one_row(waiting, coordinator):
    learner_confirm(profile=waiting, actor=coordinator)
    decision = notices.decision_to_tell(user=waiting.user)
    notices.decision_seen(decision=decision)
    notices.decision_seen(decision=decision)
    assert DecisionSeen.objects.count() == 1
    assert notices.decision_to_tell(user=waiting.user) is None


def test_finding_the_notice_costs_one_query(waiting, coordinator, django_assert_num_queries):
    learner_confirm(profile=waiting, actor=coordinator)
    with django_assert_num_queries(1):
        decision = notices.decision_to_tell(user=waiting.user)
        assert decision.profile.province.name  # province and seen-state come with it
