"""Chromium accepts the site as an installable web app: its manifest parses without errors and nothing in it (or
in the icons it names) stands in the way of adding the site to a phone's home screen."""

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, VIEWPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("language", ["km", "en"])
def test_chromium_reads_the_manifest_and_finds_nothing_in_the_way_of_installing(
    live_server, site_tree, playwright, tmp_path, language
):
    # A profile on disk, as on a phone: Chromium never offers to install from an incognito window.
    phone = playwright.chromium.launch_persistent_context(
        str(tmp_path), executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, viewport=VIEWPORT
    )
    try:
        page = phone.new_page()
        assert page.goto(f"{live_server.url}/{language}/", wait_until="networkidle").status == 200
        devtools = phone.new_cdp_session(page)
        manifest = devtools.send("Page.getAppManifest")
        installability = devtools.send("Page.getInstallabilityErrors")

        assert manifest["url"] == f"{live_server.url}/{language}/manifest.webmanifest"
        assert manifest["errors"] == []
        assert installability["installabilityErrors"] == []
    finally:
        phone.close()
