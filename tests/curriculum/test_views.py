"""What readers see at /km/... and /en/...: language, fallback, navigation, errors, media and the query budget."""

import html
import re

import pytest
from django.urls import translate_url
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.factories import KHMER_SAMPLE, DocumentFactory, LessonPageFactory, block, every_block_body, text_block

pytestmark = pytest.mark.django_db

LESSON_QUERY_BUDGET = 8  # issue 2, "Budgets"
FALLBACK_NOTICE_CLASS = 'class="notice" role="note"'
NOT_FOUND_EXPLANATION = "We could not find this page. It may have moved, or the address may be mistyped."


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def heading(response) -> tuple[str | None, str]:
    """The page's <h1>: its lang attribute (if any) and its text."""
    match = re.search(r'<h1(?: lang="([^"]*)")?>(.*?)</h1>', response.content.decode(), re.S)
    return match.group(1), match.group(2)


def content_block(response) -> tuple[str, str]:
    """The lesson body's wrapper: its lang attribute and the HTML inside it, up to the end of the article."""
    match = re.search(r'</header>\s*<div lang="([^"]*)">(.*)</div>\s*</article>', response.content.decode(), re.S)
    return match.group(1), match.group(2)


def card_links(response) -> list[str]:
    """The links of the page's contents list (modules of the manual, lessons of a module), in order."""
    cards = re.search(r'<ol class="cards".*?</ol>', response.content.decode(), re.S).group(0)
    return re.findall(r'<a href="([^"]+)"', cards)


def language_switch_links(response) -> dict[str, str]:
    """hreflang -> href of the language switch's links (the current language is not a link)."""
    nav = re.search(r'<nav class="lang-switch".*?</nav>', response.content.decode(), re.S).group(0)
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)"[^>]*hreflang="([^"]+)"', nav)}


# Language of the page and its content


@pytest.mark.parametrize(
    ("prefix", "title", "body", "other_body"),
    [
        ("km", "មេរៀនទី1 ស្ត្រី", "អត្ថបទខ្មែរ 1 ព្រះរាជាណាចក្រ", "English body 1"),
        ("en", "Lesson number 1", "English body 1", "អត្ថបទខ្មែរ 1"),
    ],
)
def test_lesson_renders_the_requested_language(client, site_tree, prefix, title, body, other_body):
    """Each prefix shows that language's title and body, declares it in <html lang> and on the content."""
    response = client.get(f"/{prefix}/first-module/lesson-1/")
    assert response.status_code == 200
    assert html_lang(response) == prefix
    assert heading(response) == (prefix, title)
    assert content_block(response)[0] == prefix
    assert body in content_block(response)[1]
    assertNotContains(response, other_body)
    assertNotContains(response, FALLBACK_NOTICE_CLASS)


@pytest.mark.parametrize(("prefix", "title"), [("km", "ម៉ូឌុល 1"), ("en", "Module title 1")])
def test_module_renders_the_requested_language(client, site_tree, prefix, title):
    response = client.get(f"/{prefix}/first-module/")
    assert html_lang(response) == prefix
    assert heading(response) == (prefix, title)
    assertNotContains(response, FALLBACK_NOTICE_CLASS)


@pytest.mark.parametrize(
    ("prefix", "title", "intro"),
    [
        ("km", "សៀវភៅណែនាំប៉ូលីសមិត្តភាពកុមារ", "សៀវភៅណែនាំនេះសម្រាប់ប៉ូលីស"),
        ("en", "Child-friendly police manual", "This manual is for police officers"),
    ],
)
def test_manual_renders_the_requested_language(client, site_tree, prefix, title, intro):
    response = client.get(f"/{prefix}/")
    assert response.status_code == 200
    assert html_lang(response) == prefix
    assert heading(response) == (prefix, title)
    assertContains(response, intro)


def test_english_request_for_untranslated_lesson_shows_khmer_with_notice(client, site_tree):
    """An empty English body is never a blank page: the Khmer body is shown, marked lang="km", with a notice."""
    LessonPageFactory(
        parent=site_tree.module,
        slug="khmer-only",
        title_en="",
        body_km=[text_block(f"<p>{KHMER_SAMPLE}</p>")],
        body_en=[],
    )
    response = client.get("/en/first-module/khmer-only/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assertContains(response, FALLBACK_NOTICE_CLASS)
    with translation.override("en"):
        notice = translation.gettext("This page has not been translated yet. It is shown in %(shown)s.") % {
            "shown": "ខ្មែរ"
        }
    assertContains(response, notice)
    assert heading(response)[0] == "km"  # the title falls back too, and says so
    content_lang, content = content_block(response)
    assert content_lang == "km"
    assert KHMER_SAMPLE in content


def test_khmer_request_for_english_only_lesson_shows_english_with_notice(client, site_tree):
    LessonPageFactory(
        parent=site_tree.module,
        slug="english-only",
        body_km=[],
        body_en=[text_block("<p>Only written in English so far.</p>")],
    )
    response = client.get("/km/first-module/english-only/")
    assert response.status_code == 200
    assert html_lang(response) == "km"
    assertContains(response, FALLBACK_NOTICE_CLASS)
    content_lang, content = content_block(response)
    assert content_lang == "en"
    assert "Only written in English so far." in content


def test_english_request_for_untranslated_module_shows_khmer_summary_with_notice(client, site_tree):
    site_tree.module.summary_en = ""
    site_tree.module.save()
    response = client.get("/en/first-module/")
    assertContains(response, FALLBACK_NOTICE_CLASS)
    assert re.search(r'<div lang="km">\s*<p class="lead">សេចក្ដីសង្ខេបនៃម៉ូឌុល។</p>', response.content.decode())


# Navigation


@pytest.mark.parametrize(("prefix", "other"), [("km", "en"), ("en", "km")])
@pytest.mark.parametrize("path", ["", "first-module/", "first-module/lesson-2/"])
def test_language_switch_links_to_the_same_page_in_the_other_language(client, site_tree, prefix, other, path):
    response = client.get(f"/{prefix}/{path}")
    assert language_switch_links(response) == {other: f"/{other}/{path}"}


def test_language_switch_on_a_404_keeps_the_path(client, site_tree):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert language_switch_links(response) == {"km": "/km/no-such-page/"}


@pytest.mark.parametrize(
    "path",
    ["search/?q=%E1%9E%83%E1%9E%BB%E1%9F%86&page=2", "help/", "account/sign-in/?next=/km/training/", "verify/"],
)
def test_language_switch_of_a_view_is_django_s_translate_url_of_its_address(client, site_tree, path):
    """Views other than manual pages: built from the request's own match, as translate_url would resolve it."""
    response = client.get(f"/km/{path}")
    assert response.status_code == 200
    expected = translate_url(f"/km/{path}", "en")
    assert expected == f"/en/{path}"
    assert {lang: html.unescape(href) for lang, href in language_switch_links(response).items()} == {"en": expected}
    alternate = f'<link rel="alternate" hreflang="en" href="http://testserver{html.escape(expected)}">'
    assert alternate in response.content.decode()


def test_middle_lesson_links_previous_and_next_and_counts_only_live_lessons(client, site_tree):
    response = client.get("/en/first-module/lesson-2/")
    assertContains(response, "Lesson 2 of 3")  # the draft lesson is not counted
    assertContains(response, '<a class="prev" href="/en/first-module/lesson-1/" rel="prev">')
    assertContains(response, '<a class="next" href="/en/first-module/lesson-3/" rel="next">')


def test_first_lesson_has_no_previous_link(client, site_tree):
    response = client.get("/en/first-module/lesson-1/")
    assertContains(response, "Lesson 1 of 3")
    assertNotContains(response, 'rel="prev"')
    assertContains(response, '<a class="next" href="/en/first-module/lesson-2/" rel="next">')


def test_last_lesson_leads_back_to_the_module(client, site_tree):
    response = client.get("/en/first-module/lesson-3/")
    assertContains(response, "Lesson 3 of 3")
    assertContains(response, '<a class="prev" href="/en/first-module/lesson-2/" rel="prev">')
    assertNotContains(response, 'rel="next"')
    assertContains(response, '<a class="next" href="/en/first-module/">')


def test_lesson_breadcrumb_lists_manual_and_module(client, site_tree):
    response = client.get("/en/first-module/lesson-2/")
    assertContains(
        response,
        '<ol><li><a href="/en/">Child-friendly police manual</a></li>'
        '<li><a href="/en/first-module/">Module title 1</a></li>'
        '<li aria-current="page">Lesson number 2</li></ol>',
        html=True,
    )


def test_module_breadcrumb_lists_the_manual(client, site_tree):
    response = client.get("/km/first-module/")
    assertContains(
        response,
        '<ol><li><a href="/km/">សៀវភៅណែនាំប៉ូលីសមិត្តភាពកុមារ</a></li><li aria-current="page">ម៉ូឌុល 1</li></ol>',
        html=True,
    )


def test_module_lists_only_live_lessons_in_order(client, site_tree):
    response = client.get("/en/first-module/")
    assert card_links(response) == [f"/en/first-module/lesson-{i}/" for i in (1, 2, 3)]
    assertNotContains(response, "Unpublished draft")


def test_draft_lesson_is_not_found(client, site_tree):
    assert client.get("/en/first-module/draft-lesson/").status_code == 404


def test_manual_lists_modules_with_live_lesson_counts(client, site_tree):
    response = client.get("/en/")
    assert card_links(response) == ["/en/first-module/", "/en/second-module/"]
    assertContains(response, "Module 1 · about 20 minutes · 3 lessons", html=True)
    assertContains(response, "Module 2 · about 20 minutes · 0 lessons", html=True)


def test_lesson_shows_reading_time(client, site_tree):
    assertContains(client.get("/en/first-module/lesson-1/"), '<p class="meta">1 min read</p>', html=True)


# Entry points and errors


def test_root_redirects_to_khmer(client, site_tree):
    assertRedirects(client.get("/"), "/km/", fetch_redirect_response=False)


def test_root_honours_the_language_cookie(client, site_tree):
    client.cookies["django_language"] = "en"
    assertRedirects(client.get("/"), "/en/", fetch_redirect_response=False)


def test_root_ignores_an_unknown_language_cookie(client, site_tree):
    client.cookies["django_language"] = "fr"
    assertRedirects(client.get("/"), "/km/", fetch_redirect_response=False)


def test_root_ignores_accept_language(client, site_tree):
    """Many Khmer readers' phones are set to English: only an explicit choice moves them off Khmer."""
    assertRedirects(client.get("/", HTTP_ACCEPT_LANGUAGE="en"), "/km/", fetch_redirect_response=False)


@pytest.mark.parametrize("path", ["/km/no-such-module/", "/km/first-module/no-such-lesson/", "/km/a/b/c/d/"])
def test_unknown_slug_under_km_gives_khmer_404(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) == "km"
    with translation.override("km"):
        expected_heading = translation.gettext("Page not found")
        explanation = translation.gettext(NOT_FOUND_EXPLANATION)
    assert heading(response)[1] == expected_heading
    assertContains(response, '<a href="/km/">', status_code=404)
    assert explanation != NOT_FOUND_EXPLANATION, "the 404 page's text has no Khmer translation (locale/km catalogue)"
    assertContains(response, explanation, status_code=404)


@pytest.mark.parametrize("path", ["/en/no-such-module/", "/en/first-module/no-such-lesson/"])
def test_unknown_slug_under_en_gives_english_404(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert heading(response)[1] == "Page not found"
    assertContains(response, '<a href="/en/">', status_code=404)


@pytest.mark.parametrize("path", ["/fr/anything/", "/fr/", "/zh-hans/first-module/", "/xyz/first-module/lesson-1/"])
def test_unknown_language_prefix_is_a_404_not_a_redirect(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response
    assert html_lang(response) == "km"


def test_unknown_page_without_prefix_ends_in_a_404(client, site_tree):
    response = client.get("/no-such-page-at-all/", follow=True)
    assert response.status_code == 404


def test_health_answers_ok(client, db):  # the check writes (and rolls back) a probe row
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


# Blocks, media and the query budget


EVERY_BLOCK_MARKER = {
    "text": '<div class="block text">',
    "image": '<figure class="block"><img alt="A picture"',
    "practice": '<div class="practice">',
    "scenario": '<section class="block scenario">',
    "key_points": '<section class="block key-points">',
    "legal_reference": '<section class="block legal">',
    "procedure": '<section class="block procedure">',
    "audio": "<audio ",
    "video": "<video ",
}


@pytest.fixture
def full_lesson(site_tree, image, audio, video):
    return LessonPageFactory(
        parent=site_tree.module,
        slug="every-block",
        body_km=every_block_body(language="km", image=image, audio=audio, video=video),
        body_en=every_block_body(language="en", image=image, audio=audio, video=video),
    )


def test_every_block_type_renders(client, full_lesson):
    """A lesson using every block type renders each of them (no 500 from any block template)."""
    from curriculum.blocks import LessonBodyBlock

    assert {b["type"] for b in full_lesson.body_en.raw_data} == set(LessonBodyBlock.base_blocks)
    assert set(EVERY_BLOCK_MARKER) == set(LessonBodyBlock.base_blocks)
    for prefix in ("km", "en"):
        response = client.get(f"/{prefix}/first-module/every-block/")
        assert response.status_code == 200
        if prefix == "en":
            for marker in EVERY_BLOCK_MARKER.values():
                assertContains(response, marker)


def test_media_blocks_load_nothing_before_play_and_show_their_size(client, full_lesson):
    response = client.get("/en/first-module/every-block/")
    html = response.content.decode()
    for tag in ("audio", "video"):
        opening = re.search(rf"<{tag} [^>]*>", html).group(0)
        assert 'preload="none"' in opening
        assert "autoplay" not in opening
    assertContains(response, "Audio file: 2.9\xa0KB. Nothing is downloaded until you press play.")
    assertContains(response, "Video file: 244.1\xa0KB. Nothing is downloaded until you press play.")


def test_rendered_lesson_points_at_no_third_party_host(client, full_lesson):
    """No CDN, player or font from elsewhere: every absolute URL (if any) is this site's."""
    for prefix in ("km", "en"):
        html = client.get(f"/{prefix}/first-module/every-block/").content.decode()
        hosts = set(re.findall(r"(?:https?:)?//([^/\"'\s>)]+)", html))
        assert hosts <= {"testserver"}, hosts


def test_image_block_serves_phone_sized_renditions(client, full_lesson):
    response = client.get("/en/first-module/every-block/")
    assertContains(response, "width-360.format-webp.webp 360w, ")
    assertContains(response, 'loading="lazy"')


def test_lesson_view_stays_within_the_query_budget(client, rich_lesson, django_assert_max_num_queries):
    """Text, image, practice, scenario, key points, legal reference, procedure and audio: at most 8 queries."""
    url = "/en/first-module/rich/"
    assert client.get(url).status_code == 200  # fills the rendition cache
    with django_assert_max_num_queries(LESSON_QUERY_BUDGET):
        assert client.get(url).status_code == 200


def test_lesson_with_audio_and_video_stays_within_the_query_budget(
    client, site_tree, image, audio, video, django_assert_max_num_queries
):
    body = every_block_body(language="km", image=image, audio=audio, video=video)
    LessonPageFactory(parent=site_tree.module, slug="av", body_km=body, body_en=body)
    url = "/km/first-module/av/"
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(LESSON_QUERY_BUDGET):
        assert client.get(url).status_code == 200


def test_lesson_query_count_does_not_grow_with_more_media_blocks(
    client, site_tree, image, audio, django_assert_max_num_queries
):
    """Documents and images are fetched in bulk: ten audio blocks cost what one does."""
    others = [DocumentFactory() for _ in range(9)]
    body = every_block_body(language="en", image=image, audio=audio)
    body += [block("audio", {"title": f"Track {i}", "file": doc.pk, "transcript": ""}) for i, doc in enumerate(others)]
    LessonPageFactory(parent=site_tree.module, slug="many", body_km=body, body_en=body)
    url = "/en/first-module/many/"
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(LESSON_QUERY_BUDGET):
        assert client.get(url).status_code == 200
