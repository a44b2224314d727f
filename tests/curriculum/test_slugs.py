"""Slugs: a page titled only in Khmer gets a readable, unique Latin slug, in the admin and in code; never "-"."""

import re

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from curriculum.blocks import RICH_TEXT_FEATURES
from curriculum.models import LessonPage
from curriculum.slugs import is_readable, readable_slug, repair_unreadable_slugs, romanise, slug_for_titles
from tests.factories import LessonPageFactory

pytestmark = pytest.mark.django_db

KHMER_TITLE = "សិទ្ធិកុមារ"  # "the rights of the child"


@pytest.mark.parametrize(
    ("khmer", "latin"),
    [("កុមារ", "komar"), ("ប៉ូលីស", "boulis"), ("មេរៀន", "merien"), ("ដំណើរ", "damnaeur"), ("ទី១", "ti1")],
)
def test_khmer_is_written_in_latin_letters(khmer, latin):
    assert romanise(khmer) == latin


@pytest.mark.parametrize(
    ("title_en", "title_km", "slug"),
    [
        ("Who is a child?", "តើកុមារជានរណា?", "who-is-a-child"),  # English first
        ("", KHMER_TITLE, "setthekomar"),  # Khmer only: romanised
        ("  ", "មេរៀនទី 2: ស្ត្រី", "merienti-2-stri"),  # mixed Khmer and digits
        (None, "Lesson ២ ស្ត្រី", "lesson-2-stri"),  # mixed in one title
    ],
)
def test_slug_from_the_titles(title_en, title_km, slug):
    assert slug_for_titles(title_en=title_en, title_km=title_km) == slug


def test_a_title_with_nothing_to_write_gets_a_stable_short_id():
    first = slug_for_titles(title_en="", title_km="!!! ???")
    assert first == slug_for_titles(title_en="", title_km="!!! ???")
    assert first.startswith("page-") and is_readable(first)
    assert first != slug_for_titles(title_en="", title_km="...")


@pytest.mark.parametrize("slug", ["", "-", "--", "ស្ត្រី", "a--b", "-a", "Capital"])
def test_unreadable_slugs_are_recognised(slug):
    assert not is_readable(slug)


def test_a_clash_among_siblings_gets_a_number(site_tree):
    module = site_tree.module
    LessonPageFactory(parent=module, slug="setthekomar")
    LessonPageFactory(parent=module, slug="setthekomar-2")
    slug = readable_slug(slug="", title_en="", title_km=KHMER_TITLE, parent=module)
    assert slug == "setthekomar-3"
    # Another module's lessons do not count.
    assert readable_slug(slug="", title_en="", title_km=KHMER_TITLE, parent=site_tree.empty_module) == "setthekomar"


# In code: services, the demo loader and imports save pages without the admin.


def test_a_khmer_only_page_saved_in_code_gets_a_readable_slug(site_tree):
    lesson = site_tree.module.add_child(instance=LessonPage(title=KHMER_TITLE, title_km=KHMER_TITLE, slug=""))
    assert lesson.slug == "setthekomar"
    assert lesson.url_path.endswith("/first-module/setthekomar/")


def test_a_dash_slug_in_code_is_replaced_and_a_clash_resolved(site_tree):
    module = site_tree.module
    first = module.add_child(instance=LessonPage(title=KHMER_TITLE, title_km=KHMER_TITLE, slug="-"))
    second = module.add_child(instance=LessonPage(title=KHMER_TITLE, title_km=KHMER_TITLE, slug="-"))
    third = module.add_child(instance=LessonPage(title="x", title_km=KHMER_TITLE, title_en="Lesson 1", slug="lesson-1"))
    assert (first.slug, second.slug, third.slug) == ("setthekomar", "setthekomar-2", "lesson-1-2")


def test_existing_dash_slugs_are_repaired(site_tree):
    lesson = site_tree.lessons[0]
    LessonPage.objects.filter(pk=lesson.pk).update(slug="-", url_path=lesson.url_path.replace("lesson-1", "-"))
    repaired = repair_unreadable_slugs(LessonPage.objects.all())
    lesson.refresh_from_db()
    assert repaired == [("-", "lesson-number-1")]
    assert lesson.slug == "lesson-number-1"
    assert lesson.url_path.endswith("/first-module/lesson-number-1/")


# In the admin: the trainer may leave the slug empty, or Wagtail's script may have filled it with "-".


def add_lesson_url(module) -> str:
    return f"/admin/pages/add/curriculum/lessonpage/{module.pk}/"


def lesson_data(**overrides) -> dict:
    data = {
        "title_km": KHMER_TITLE,
        "title_en": "",
        "slug": "",
        "summary_km": "",
        "summary_en": "",
        "body_km": streamfield([("text", rich_text("<p>ស្ត្រី និងកុមារ</p>", features=RICH_TEXT_FEATURES))]),
        "body_en": streamfield([]),
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **overrides})


def saved(response):
    if response.status_code == 200:
        pytest.fail(f"not saved: {response.context['form'].errors.as_data()!r}")
    assert response.status_code == 302
    return LessonPage.objects.order_by("-pk").first()


@pytest.mark.parametrize(
    ("overrides", "slug"),
    [
        ({}, "setthekomar"),  # Khmer only, slug left empty
        ({"slug": "-"}, "setthekomar"),  # what Wagtail's script makes of a Khmer title
        ({"slug": "ស្ត្រី"}, "stri"),  # a Khmer slug typed by hand
        ({"title_en": "Rights of the child", "slug": "-"}, "rights-of-the-child"),  # English title wins
        ({"title_km": "មេរៀនទី 4 ស្ត្រី", "slug": ""}, "merienti-4-stri"),  # mixed
        ({"title_en": "The rights", "slug": "My Own Slug!"}, "my-own-slug"),  # typed slug kept, cleaned
    ],
)
def test_the_admin_gives_a_readable_slug(admin_client, site_tree, overrides, slug):
    lesson = saved(admin_client.post(add_lesson_url(site_tree.module), lesson_data(**overrides)))
    assert lesson.slug == slug
    assert lesson.live
    assert admin_client.get(f"/km/first-module/{slug}/").status_code == 200


def test_the_admin_resolves_a_clash_instead_of_refusing(admin_client, site_tree):
    slugs = [
        saved(admin_client.post(add_lesson_url(site_tree.module), lesson_data(slug=slug))).slug
        for slug in ("", "-", "setthekomar")
    ]
    assert slugs == ["setthekomar", "setthekomar-2", "setthekomar-3"]
    clash = saved(admin_client.post(add_lesson_url(site_tree.module), lesson_data(slug="lesson-1")))
    assert clash.slug == "lesson-1-2"


def test_editing_a_page_with_a_dash_slug_repairs_it(admin_client, site_tree):
    lesson = site_tree.lessons[1]
    LessonPage.objects.filter(pk=lesson.pk).update(slug="-")
    data = lesson_data(title_km=lesson.title_km, title_en=lesson.title_en, slug="-")
    assert saved(admin_client.post(f"/admin/pages/{lesson.pk}/edit/", data)) is not None
    lesson.refresh_from_db()
    assert lesson.slug == "lesson-number-2"
    assert lesson.url_path.endswith("/first-module/lesson-number-2/")


def test_the_slug_field_is_optional_and_says_so(admin_client, site_tree):
    content = admin_client.get(add_lesson_url(site_tree.module)).content.decode()
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', content).group(0)
    title_input = re.search(r'<input[^>]*name="title_km"[^>]*>', content).group(0)
    assert " required" not in slug_input
    assert " required" in title_input  # control: a required field is marked so


def test_a_refused_promote_field_is_named_in_the_banner(admin_client, site_tree):
    """A title too long for the search engines' field (on the Promote tab) is listed at the top of the editor."""
    response = admin_client.post(add_lesson_url(site_tree.module), lesson_data(seo_title_km="ក" * 300))
    assert response.status_code == 200
    form = response.context["form"]
    assert "seo_title_km" in form.errors
    assert form.non_field_errors()
    assert not LessonPage.objects.filter(title_km=KHMER_TITLE).exists()
