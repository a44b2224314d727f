"""The fragments of base.html kept per process and language (settings.TEMPLATE_FRAGMENTS)."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_each_language_keeps_its_own_fragments(client, site_tree):
    khmer = client.get("/km/help/").content.decode()
    english = client.get("/en/help/").content.decode()
    assert "Help for learners" in english and "Help for learners" not in khmer
    assert 'placeholder="Search the manual"' in english and 'placeholder="Search the manual"' not in khmer
    assert 'href="/km/manifest.webmanifest"' in khmer and 'href="/en/manifest.webmanifest"' in english
    again = client.get("/km/help/").content.decode()
    assert again == khmer  # the kept fragments give the page exactly as first rendered


def test_the_header_search_box_is_empty_on_the_results_page(client, site_tree):
    page = client.get("/en/search/?q=lesson").content.decode()
    assert 'id="search-q-header" type="search" name="q" value=""' in page
    assert 'id="search-q-page" type="search" name="q" value="lesson"' in page


def test_a_changed_setting_forgets_them(client, site_tree):
    client.get("/en/help/")
    fragments = caches[settings.TEMPLATE_FRAGMENTS]
    assert fragments._cache  # noqa: SLF001 - LocMemCache's store: the fragments were kept
    with override_settings(LANGUAGE_COOKIE_NAME="other"):
        assert not fragments._cache  # noqa: SLF001
