"""Site-wide views: the bilingual 500 page, which must work when nothing else does."""

import pytest
from django.test import Client, RequestFactory

from core.views import server_error
from curriculum.models import LessonPage


def assert_bilingual_error_page(response):
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="km">' in html
    assert "មានបញ្ហាមួយបានកើតឡើង" in html
    assert '<div lang="en">' in html
    assert "Something went wrong" in html
    assert 'href="/km/"' in html
    assert 'href="/en/"' in html


def test_server_error_page_is_bilingual_and_needs_no_database():
    """No django_db mark: any database access here would raise, as it may when the database is what failed."""
    response = server_error(RequestFactory().get("/en/some-lesson/"))
    assert_bilingual_error_page(response)


def test_server_error_handler_is_installed():
    from config import urls

    assert urls.handler500 == "core.views.server_error"
    assert urls.handler404 == "core.views.page_not_found"


@pytest.mark.django_db
def test_an_exception_in_a_page_gives_the_bilingual_500(site_tree, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(LessonPage, "get_context", broken)
    response = Client(raise_request_exception=False).get("/en/first-module/lesson-1/")
    assert_bilingual_error_page(response)
