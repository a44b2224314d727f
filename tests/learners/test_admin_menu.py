"""The admin menu's "Learners" link opens the learner list in the language of the admin who reads it, whoever
opened the admin first since the process started (Wagtail builds its menu once)."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import NationalCoordinatorFactory

pytestmark = pytest.mark.django_db


def menu_items(node):
    """Every item of the sidebar's props, however deeply the modules nest them."""
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            yield from menu_items(child)


def learners_link(client, user, language: str) -> str:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    found = [item["url"] for item in menu_items(json.loads(props[1])) if item.get("name") == "learners"]
    assert len(found) == 1, found
    return found[0]


def test_the_learners_link_follows_each_admin_s_language(client, places):
    english, khmer = NationalCoordinatorFactory(), NationalCoordinatorFactory()
    assert learners_link(client, english, "en") == "/en/coordinate/"  # the first since start-up reads English
    assert learners_link(client, khmer, "km") == "/km/coordinate/"
    assert learners_link(client, english, "en") == "/en/coordinate/"
