"""The index follows the manual: publish, unpublish, move, every block's text, both languages, the rebuild command."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search.indexing import index_rebuild, page_index
from search.models import SearchEntry, SearchWord
from tests.factories import text_block

pytestmark = pytest.mark.django_db


def entries(page, language=None):
    found = SearchEntry.objects.filter(page=page)
    return found.filter(language=language) if language else found


def test_publishing_a_lesson_indexes_it_in_both_languages(site_tree):
    lesson = site_tree.lessons[0]
    assert not entries(lesson).exists()
    lesson.body_km = [text_block("<p>ក្រុមប្រឹក្សាឃុំត្រូវការពារកុមារ</p>")]
    lesson.save_revision().publish()
    km, en = entries(lesson, "km").get(), entries(lesson, "en").get()
    assert " ឃុំ " in km.words and km.url.startswith("/km/") and km.title == lesson.title_km
    assert "english body 1" in en.folded and en.url.startswith("/en/")
    assert km.module_number == 1 and km.module_title == site_tree.module.title_km


def test_publishing_a_new_version_replaces_the_old_text(site_tree):
    lesson = site_tree.lessons[0]
    lesson.save_revision().publish()
    lesson.body_en = [text_block("<p>Referral pathway</p>")]
    lesson.save_revision().publish()
    entry = entries(lesson, "en").get()
    assert " referral " in entry.words and "english body" not in entry.folded


def test_unpublishing_a_lesson_removes_it(site_tree):
    lesson = site_tree.lessons[0]
    lesson.save_revision().publish()
    lesson.unpublish()
    assert not entries(lesson).exists()


def test_unpublishing_a_module_removes_its_lessons_too(site_tree):
    index_rebuild()
    assert entries(site_tree.lessons[1]).exists()
    site_tree.module.unpublish()  # the module only: its lessons stay live
    assert not SearchEntry.objects.filter(path__startswith=site_tree.module.path).exists()


def test_deleting_a_live_module_leaves_no_entry_behind(site_tree):
    index_rebuild()
    ids = [site_tree.module.pk, *(lesson.pk for lesson in site_tree.lessons)]
    assert SearchEntry.objects.filter(page_id__in=ids).exists()
    Page.objects.get(pk=site_tree.module.pk).delete()  # Wagtail unpublishes it on the way: that must not index it
    assert not SearchEntry.objects.filter(page_id__in=ids).exists()


def test_a_lesson_published_under_a_withdrawn_module_is_not_indexed(site_tree):
    site_tree.module.live = False
    site_tree.module.save()
    site_tree.lessons[0].save_revision().publish()
    assert not entries(site_tree.lessons[0]).exists()


def test_drafts_are_never_indexed(site_tree):
    index_rebuild()
    assert not entries(site_tree.draft).exists()
    assert entries(site_tree.module).count() == 2


def test_a_moved_lesson_keeps_one_entry_per_language_at_its_new_address(site_tree):
    index_rebuild()
    lesson = site_tree.lessons[0]
    lesson.move(site_tree.empty_module, pos="last-child")
    lesson.refresh_from_db()
    moved = entries(lesson)
    assert moved.count() == 2
    assert all(entry.path == lesson.path and "second-module" in entry.url for entry in moved)
    assert moved.get(language="en").module_number == 2


def test_every_block_type_is_indexed(rich_lesson):
    page_index(page=rich_lesson)
    text = entries(rich_lesson, "en").get().folded
    for words in (
        "sit at eye level",  # Do
        "shout",  # Don't
        "a girl of 14 comes in",  # scenario
        "what first?",
        "safety first",  # key points
        "convention on the rights of the child",  # legal reference
        "make the child safe",  # procedure step
        "transcript text",  # audio transcript
        "a picture",  # image description
        "caption",
    ):
        assert words in text
    assert "working" not in text  # a legal reference's status is a choice, not text


def test_the_rebuild_command_indexes_every_live_page_and_the_vocabulary(site_tree):
    SearchEntry.objects.create(
        page=site_tree.draft,
        language="en",
        path=site_tree.draft.path,
        url="/x/",
        title="stale",
        title_words=" ",
        words=" ",
        folded="",
    )
    out = io.StringIO()
    call_command("search_index_rebuild", stdout=out)
    assert "Indexed 10 pages" in out.getvalue()  # two modules and three live lessons, in two languages
    assert not entries(site_tree.draft).exists()
    assert SearchWord.objects.filter(language="en", word="english").exists()
