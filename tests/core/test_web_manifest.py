"""The installable web app: the manifest in each language, its icons, and the links every page carries to it."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db

NAMES = {
    "km": ("វគ្គបណ្តុះបណ្តាលប៉ូលីសកុមារមេត្រី", "ប៉ូលីសកុមារមេត្រី"),
    "en": ("Child-friendly police training", "Child-friendly police"),
}
ICON_FILES = ("img/icon-192.png", "img/icon-512.png", "img/icon-maskable-512.png")


def css_colour(name: str) -> str:
    """A colour of the site's palette (static/css/site.css), as #rrggbb."""
    palette = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    value = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{3,6}})\b", palette).group(1).lower()
    return "#" + "".join(digit * 2 for digit in value[1:]) if len(value) == 4 else value


def manifest(client, language: str) -> dict:
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "public" in response["Cache-Control"] and "max-age=3600" in response["Cache-Control"]
    return json.loads(response.content.decode("utf-8"))


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_manifest_speaks_the_readers_language_and_opens_their_home_page(client, language):
    data = manifest(client, language)

    assert (data["name"], data["short_name"]) == NAMES[language]
    assert data["description"]
    assert data["lang"] == language
    assert data["dir"] == "ltr"
    assert data["start_url"] == f"/{language}/"
    assert (data["id"], data["scope"], data["display"]) == ("/", "/", "standalone")


def test_both_languages_describe_one_app_with_the_sites_colours(client):
    khmer, english = manifest(client, "km"), manifest(client, "en")

    assert khmer["id"] == english["id"]
    assert khmer["description"] != english["description"]
    for data in (khmer, english):
        assert data["theme_color"] == css_colour("brand")
        assert data["background_color"] == css_colour("paper")


def test_the_home_page_opened_by_the_app_exists(client, site_tree):
    for language in ("km", "en"):
        assert client.get(manifest(client, language)["start_url"]).status_code == 200


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_icons_exist_with_the_sizes_the_manifest_states(client, language):
    icons = manifest(client, language)["icons"]

    assert {(icon["sizes"], icon["purpose"]) for icon in icons} == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
    }
    for icon in icons:
        assert icon["src"].startswith("/static/img/") and icon["type"] == "image/png"
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]


def _rgba(path: str) -> Image.Image:
    with Image.open(finders.find(path)) as image:
        return image.convert("RGBA")


def test_the_maskable_icon_fills_its_square_and_keeps_the_motif_in_the_safe_zone():
    """A launcher may cut the icon to a circle of 80% of its width: everything outside that circle must be plain
    background, and nothing may be transparent."""
    image = _rgba("img/icon-maskable-512.png")
    size = image.width
    background = image.getpixel((0, 0))
    centre, radius = size / 2, 0.4 * size
    pixels = image.load()
    assert background[3] == 255
    for x in range(0, size, 4):
        for y in range(0, size, 4):
            assert pixels[x, y][3] == 255
            if (x - centre) ** 2 + (y - centre) ** 2 > radius**2:
                assert pixels[x, y] == background, (x, y)
    # The motif is there (white shield in the middle).
    assert pixels[size // 2, int(size * 0.3)] == (255, 255, 255, 255)


def test_the_icons_are_small():
    assert sum(Path(finders.find(name)).stat().st_size for name in ICON_FILES) < 10_000


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_page_links_the_manifest_of_its_language(client, site_tree, language):
    html = client.get(f"/{language}/").content.decode()

    assert f'<link rel="manifest" href="/{language}/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#1f5f8b">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/icon-maskable-512.png">' in html


def test_only_reading_is_allowed(client):
    assert client.post("/en/manifest.webmanifest").status_code == 405
