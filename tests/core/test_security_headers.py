"""Every response carries a Content-Security-Policy and a Permissions-Policy; personal data is never stored."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import NationalCoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_public_site_gets_the_strict_policy(site_tree):
    response = Client().get("/km/first-module/lesson-1/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY_SITE
    assert response["Permissions-Policy"] == settings.PERMISSIONS_POLICY
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "no-store" not in response.get("Cache-Control", "")  # lessons may stay in the back/forward cache


def test_wagtail_admin_gets_the_compatible_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY_ADMIN
    assert "script-src 'self' 'unsafe-inline';" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "private, no-store"


def test_the_policies_allow_nothing_from_another_site():
    for policy in (settings.CONTENT_SECURITY_POLICY_SITE, settings.CONTENT_SECURITY_POLICY_ADMIN):
        for directive in policy.split(";"):
            sources = directive.split()[1:]
            assert set(sources) <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}, directive
    assert "camera=()" in settings.PERMISSIONS_POLICY
    assert "microphone=()" in settings.PERMISSIONS_POLICY
    assert "geolocation=()" in settings.PERMISSIONS_POLICY


def test_coordinator_pages_and_exports_are_not_stored():
    client = Client()
    client.force_login(NationalCoordinatorFactory())
    for path in ("/en/coordinate/", "/en/coordinate/export.csv", "/km/coordinate/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "private, no-store", path
        assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY_SITE, path


def test_account_pages_are_not_stored():
    client = Client()
    client.force_login(UserFactory())
    response = client.get("/en/account/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    sign_in = Client().get("/en/account/sign-in/")
    assert sign_in["Cache-Control"] == "private, no-store"


def test_a_download_for_a_signed_in_person_is_not_stored(site_tree, rf):
    """Any attachment sent to someone signed in (exports, certificates), wherever its view lives."""
    from django.http import HttpResponse

    from core.middleware import SecurityHeadersMiddleware

    def download(request):
        response = HttpResponse(b"name,phone\n", content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="people.csv"'
        response["Cache-Control"] = "max-age=3600"
        return response

    request = rf.get("/en/training/certificate.pdf")
    request.user = UserFactory()
    response = SecurityHeadersMiddleware(download)(request)
    assert response["Cache-Control"] == "private, no-store"
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    assert SecurityHeadersMiddleware(download)(request)["Cache-Control"] == "max-age=3600"


def test_media_files_get_the_strict_policy(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "lesson.mp4").write_bytes(b"<html><script>alert(1)</script></html>")
    response = Client().get("/media/lesson.mp4")
    assert response.status_code == 200
    assert response["Content-Type"] == "video/mp4"
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY_SITE
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pdfs_get_no_page_policy_that_could_block_the_browsers_viewer(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "handout.pdf").write_bytes(b"%PDF-1.4\n")
    response = Client().get("/media/handout.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response
    assert response["Permissions-Policy"] == settings.PERMISSIONS_POLICY


def test_the_error_page_allows_only_its_own_inline_style():
    from django.test import RequestFactory

    from core.views import ERROR_PAGE_CSP, server_error

    response = server_error(RequestFactory().get("/en/"))
    assert response["Content-Security-Policy"] == ERROR_PAGE_CSP
    assert "script-src" not in ERROR_PAGE_CSP
    assert ERROR_PAGE_CSP.startswith("default-src 'none';")
