"""Kept manual pages (core.page_cache): served again without rendering, left behind on every change they show,
completed for each signed-in reader with their own parts only, and never holding anyone's CSRF token."""

import gzip

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core import page_cache
from learners.confirmation import learner_confirm
from learners.models import Source
from quizzes.models import LessonView
from tests.factories import (
    ImageFactory,
    LearnerFactory,
    LessonPageFactory,
    ModulePageFactory,
    ProvincialCoordinatorFactory,
    UserFactory,
)
from tests.places import make_places
from tests.quizzes.conftest import make_quiz

MY_TRAINING = b'href="/km/training/"'
SIGN_IN = b'href="/km/account/sign-in/'


def rendered(response, template="curriculum/lesson_page.html") -> bool:
    """True when the page was rendered for this request, False when it came from the cache."""
    return template in [t.name for t in response.templates]


@pytest.fixture
def lesson(site_tree):
    return site_tree.lessons[0]


@pytest.fixture
def learner(db):
    return UserFactory(username="reader-a", password="a-long-test-password")


@pytest.fixture
def other(db):
    return UserFactory(username="reader-b", password="a-long-test-password")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_lesson_is_rendered_once_and_revalidated_with_a_304(client, lesson):
    first = client.get(lesson.url)
    second = client.get(lesson.url)
    assert first.status_code == second.status_code == 200
    assert rendered(first) and not rendered(second)
    assert second.content == first.content
    assert first["ETag"] == second["ETag"] and first["Last-Modified"] == second["Last-Modified"]
    assert second["ETag"].startswith('W/"') and second["Last-Modified"]
    assert second["Cache-Control"] == "no-cache"
    assert "Cookie" in second["Vary"] and "Accept-Encoding" in second["Vary"]
    assert "Set-Cookie" not in second.headers
    revalidated = client.get(lesson.url, HTTP_IF_NONE_MATCH=second["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert client.get(lesson.url, HTTP_IF_NONE_MATCH='W/"other"').status_code == 200
    since = client.get(lesson.url, HTTP_IF_MODIFIED_SINCE=second["Last-Modified"])
    assert since.status_code == 304
    zipped = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == first.content


def test_each_language_and_module_page_is_kept_apart(client, site_tree, lesson):
    km = client.get(lesson.url)
    en = client.get(lesson.url.replace("/km/", "/en/", 1))
    assert b"English body 1" in en.content and b"English body 1" not in km.content
    module = client.get(site_tree.module.url)
    again = client.get(site_tree.module.url)
    assert rendered(module, "curriculum/module_page.html")
    assert not rendered(again, "curriculum/module_page.html") and again.content == module.content


def test_query_strings_and_waiting_messages_are_rendered(client, lesson):
    client.get(lesson.url)
    assert rendered(client.get(lesson.url + "?utm=1"))


def test_publishing_a_change_is_served_at_once(client, lesson, site_tree):
    client.get(lesson.url)
    client.get(site_tree.module.url)
    lesson.title_km = "ចំណងជើងថ្មី"
    lesson.save_revision().publish()
    fresh = client.get(lesson.url)
    assert rendered(fresh) and "ចំណងជើងថ្មី" in fresh.content.decode()
    assert "ចំណងជើងថ្មី" in client.get(site_tree.module.url).content.decode()  # the module lists its lessons


def test_an_unpublished_lesson_is_gone_at_once(client, site_tree):
    lesson = site_tree.lessons[0]
    assert client.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_moved_lesson_leaves_its_old_address_and_its_old_module(client, site_tree, lesson):
    old_url = lesson.url
    client.get(old_url)
    client.get(site_tree.module.url)
    lesson.move(site_tree.empty_module, pos="last-child")
    lesson.refresh_from_db()
    assert client.get(old_url).status_code in {301, 404}  # Wagtail may leave a redirect to the new address
    assert client.get(lesson.url).status_code == 200
    assert lesson.title_km not in client.get(site_tree.module.url).content.decode()


def test_snippet_image_and_restriction_changes_leave_kept_pages_behind(client, site_tree, lesson):
    client.get(lesson.url)
    quiz = make_quiz(site_tree.module)
    assert rendered(client.get(lesson.url))
    quiz.pass_mark = 70
    quiz.save()
    assert rendered(client.get(lesson.url))
    ImageFactory()
    assert rendered(client.get(lesson.url))
    restriction = site_tree.module.view_restrictions.create(restriction_type="login")
    assert client.get(lesson.url).status_code == 302  # now for signed-in readers only: never from the cache
    restriction.delete()
    assert client.get(lesson.url).status_code == 200


def test_a_new_lesson_appears_in_the_kept_previous_lesson(client, site_tree):
    lesson = site_tree.lessons[2]
    client.get(lesson.url)
    version = page_cache.current_version()
    LessonPageFactory(parent=site_tree.module, slug="brand-new")
    assert page_cache.current_version() != version
    assert "brand-new" in client.get(lesson.url).content.decode()  # the next-lesson link


def test_restricted_pages_are_never_kept(client, site_tree, learner):
    site_tree.module.view_restrictions.create(restriction_type="login")
    reader = signed_in(learner)
    lesson = site_tree.lessons[0]
    assert reader.get(lesson.url).status_code == 200
    assert rendered(reader.get(lesson.url))
    assert client.get(lesson.url).status_code == 302


def test_signed_in_readers_get_the_kept_lesson_with_their_own_parts(client, lesson, learner, other):
    anonymous = client.get(lesson.url)
    assert b"data-learner" not in anonymous.content
    first = signed_in(learner).get(lesson.url)
    second = signed_in(other).get(lesson.url)
    assert not rendered(first) and not rendered(second)
    assert f'data-learner="{learner.pk}"'.encode() in first.content
    assert f'data-learner="{other.pk}"'.encode() in second.content
    assert f'data-learner="{learner.pk}"'.encode() not in second.content
    for page in (first, second):
        assert MY_TRAINING in page.content and SIGN_IN not in page.content
    assert first["ETag"] != second["ETag"] and not first.has_header("Last-Modified")
    again = client.get(lesson.url)
    assert again.content == anonymous.content and b"data-learner" not in again.content


def test_a_signed_in_reader_s_copy_is_gzipped_whole_and_revalidated(lesson, learner):
    """The kept text is compressed once and the reader's parts per request: the pieces make one valid gzip file
    equal to the page sent uncompressed, and the ETag of the first (rendered) visit already gives a 304."""
    reader = signed_in(learner)
    first = reader.get(lesson.url)
    assert rendered(first)
    plain = reader.get(lesson.url)
    zipped = reader.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert not rendered(plain) and not rendered(zipped)
    assert zipped["Content-Encoding"] == "gzip" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(zipped.content) == plain.content == first.content
    assert f'data-learner="{learner.pk}"'.encode() in plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert first["ETag"] == plain["ETag"] == zipped["ETag"]
    assert reader.get(lesson.url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    other = signed_in(UserFactory(username="reader-c"))
    assert other.get(lesson.url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_reader_s_gzip_is_one_valid_member_whatever_their_parts():
    page_cache.forget_local()
    texts = [b"<head>" * 40, ("<p>ខ្មែរ " * 200).encode(), b"<main>", ("text " * 500).encode()]
    entry = {"etag": "e", "texts": texts, "first_deflated": page_cache._deflated(texts[0])}
    for rendered in ([b' data-learner="1"', b"<nav>me</nav>", b""], [b' data-learner="22"', b"<nav>me</nav>", b"x"]):
        expected = b"".join(chunk for pair in zip(texts[:-1], rendered, strict=True) for chunk in pair) + texts[-1]
        assert gzip.decompress(page_cache._gzip_for_reader(entry, rendered)) == expected
    # Large pieces are kept compressed, told apart by the part before them; small ones are compressed each time.
    kept = {(index, part) for _etag, index, part in page_cache._deflated_pieces}
    assert kept == {(1, b' data-learner="1"'), (1, b' data-learner="22"'), (3, b""), (3, b"x")}
    page_cache.forget_local()


def test_a_signed_in_render_keeps_only_the_anonymous_copy(client, lesson, learner):
    first = signed_in(learner).get(lesson.url)
    assert rendered(first) and f'data-learner="{learner.pk}"'.encode() in first.content
    assert "\x00" not in first.content.decode()
    anonymous = client.get(lesson.url)
    assert not rendered(anonymous)
    assert b"data-learner" not in anonymous.content and MY_TRAINING not in anonymous.content
    assert SIGN_IN in anonymous.content


def test_reading_a_kept_lesson_is_recorded_once(lesson, learner):
    Client().get(lesson.url)
    reader = signed_in(learner)
    reader.get(lesson.url)
    assert LessonView.objects.filter(learner=learner, lesson_id=lesson.pk).count() == 1
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(lesson.url)
    assert response.status_code == 200 and not rendered(response)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    prefetch = signed_in(UserFactory(username="keeper"))
    prefetch.get(lesson.url, HTTP_PURPOSE="prefetch")
    assert not LessonView.objects.filter(learner__username="keeper").exists()


def test_pages_holding_a_csrf_token_are_never_kept(client, site_tree, learner, settings):
    settings.PAGE_CACHE_MODELS = {"curriculum.ModulePage": "shared"}
    make_quiz(site_tree.module)
    reader = signed_in(learner)
    page = reader.get(site_tree.module.url)
    assert b"csrfmiddlewaretoken" in page.content
    assert rendered(reader.get(site_tree.module.url), "curriculum/module_page.html")
    assert rendered(client.get(site_tree.module.url), "curriculum/module_page.html")
    assert b"csrfmiddlewaretoken" not in client.get(site_tree.module.url).content


def test_signed_in_module_pages_show_their_own_progress(client, site_tree, lesson, learner):
    client.get(site_tree.module.url)
    reader = signed_in(learner)
    reader.get(lesson.url)
    page = reader.get(site_tree.module.url)
    assert rendered(page, "curriculum/module_page.html")
    assert "status-done" in page.content.decode()
    assert "status-done" not in client.get(site_tree.module.url).content.decode()


def test_a_decision_notice_is_shown_once_and_not_kept_by_the_service_worker(lesson):
    """The learner's parts go through the same middleware as before: a notice still marks the page X-Not-Kept."""
    places = make_places()
    waiting = LearnerFactory(province=places.kampot, source=Source.SELF_REGISTERED, username="sokha")
    coordinator = ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot])
    Client().get(lesson.url)
    reader = signed_in(waiting.user)
    assert b"decision-notice" not in reader.get(lesson.url).content  # "nothing to tell" is remembered now
    learner_confirm(profile=waiting, actor=coordinator)
    response = reader.get(lesson.url)
    assert not rendered(response)
    assert response["X-Not-Kept"] == "1" and "no-store" in response["Cache-Control"]
    assert b"decision-notice" in response.content
    again = reader.get(lesson.url)
    assert not again.has_header("X-Not-Kept") and b"decision-notice" not in again.content


def test_a_new_module_appears_on_the_kept_contents_page(client, site_tree):
    client.get(site_tree.manual.url)
    ModulePageFactory(parent=site_tree.manual, number=3, slug="third", title_en="Third module")
    assert "third" in client.get(site_tree.manual.url).content.decode()


def test_pages_are_not_kept_while_developing(client, lesson, settings):
    """With DEBUG (make run), templates change under the running server: every page is rendered."""
    settings.DEBUG = True
    client.get(lesson.url)
    assert rendered(client.get(lesson.url))


def test_kept_pages_belong_to_one_release(client, lesson, monkeypatch):
    """Another release (a server not yet upgraded, an edited template) never serves this one's pages."""
    client.get(lesson.url)
    monkeypatch.setattr(page_cache, "release", lambda: "another-release")
    assert rendered(client.get(lesson.url))


def test_a_signed_in_render_never_puts_its_readers_notice_in_the_kept_copy(lesson):
    places = make_places()
    waiting = LearnerFactory(province=places.kampot, source=Source.SELF_REGISTERED, username="sokha")
    coordinator = ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot])
    learner_confirm(profile=waiting, actor=coordinator)
    first = signed_in(waiting.user).get(lesson.url)
    assert rendered(first) and b"decision-notice" in first.content
    kept = Client().get(lesson.url)
    assert not rendered(kept)
    assert b"decision-notice" not in kept.content and b"data-learner" not in kept.content
    other = signed_in(UserFactory(username="someone-else")).get(lesson.url)
    assert b"decision-notice" not in other.content and "កំពត" not in other.content.decode()
