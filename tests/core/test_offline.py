"""The service worker and the offline page: where they are served from, how they are cached, what they say."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from core.offline import PRECACHED_STATIC, service_worker_source

pytestmark = pytest.mark.django_db
JS_BUDGET = 15_000  # bytes, compressed: the service worker and every script a page loads


def test_the_service_worker_is_served_from_the_root_and_revalidated_within_the_hour(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "max-age=3600"
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and not again.content
    body = response.content.decode()
    assert body.startswith("const CONFIG = {")
    for name in PRECACHED_STATIC:
        assert f"/static/{name}" in body
    assert '"/km/offline/"' in body and '"/en/offline/"' in body


def test_its_version_follows_the_files_it_keeps(tmp_path, settings):
    """A changed script must reach phones: the worker's bytes (and so its version) change with the files it keeps."""
    before = re.search(r'"version": "(\w+)"', service_worker_source()).group(1)
    folder = tmp_path / "static"
    for name in PRECACHED_STATIC:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((Path(settings.BASE_DIR) / "static" / name).read_bytes() + b"\n/* changed */")
    settings.STATICFILES_DIRS = [folder, *settings.STATICFILES_DIRS[1:]]
    service_worker_source.cache_clear()
    try:
        after = re.search(r'"version": "(\w+)"', service_worker_source()).group(1)
    finally:
        service_worker_source.cache_clear()
    assert after != before


@pytest.mark.parametrize(("language", "heading"), [("km", "អ្នកគ្មានអ៊ីនធឺណិត"), ("en", "You are offline")])
def test_the_offline_page_speaks_the_readers_language_and_holds_no_one_s_data(language, heading, site_tree):
    response = Client().get(f"/{language}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "data-offline-list" in html and "data-learner" not in html
    assert "public" in response["Cache-Control"]


def test_every_page_loads_the_offline_scripts_from_files_and_says_whose_it_is(client, site_tree, django_user_model):
    html = client.get("/km/first-module/").content.decode()
    scripts = re.findall(r'<script src="([^"]+)" defer></script>', html)
    assert scripts == ["/static/js/store.js", "/static/js/site.js"]
    assert "data-learner" not in html  # nobody is signed in
    user = django_user_model.objects.create_user("reader", password="a-long-test-password")
    client.force_login(user)
    assert f'data-learner="{user.pk}"' in client.get("/km/first-module/").content.decode()


def test_the_service_worker_and_all_scripts_stay_within_the_budget(client):
    """The issue's budget for slow, metered links, compressed as the server sends text."""
    total = len(gzip.compress(client.get("/sw.js").content, 9))
    for name in ("js/store.js", "js/site.js"):
        total += len(gzip.compress((Path(settings.BASE_DIR) / "static" / name).read_bytes(), 9))
    assert total <= JS_BUDGET, total
