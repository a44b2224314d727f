"""`load_demo`: idempotent, a realistic manual fully in both languages, and no published password in production.

The demo is loaded once for this module (drawing images and encoding videos takes a few seconds); everything the
tests need is measured inside one transaction that is rolled back, so no other test sees the demo content.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from core.demo_accounts import REFUSED
from core.translated import has_content
from curriculum.blocks import LessonBodyBlock
from curriculum.models import LessonPage, ManualPage, ModulePage

# The tests only read the summary, but the mark puts them with the database tests, which pytest-django runs before
# the transactional ones (whose flush would leave the module fixture without Wagtail's root page and collection).
pytestmark = pytest.mark.django_db

ALL_BLOCK_TYPES = set(LessonBodyBlock.base_blocks)
LESSON_QUERY_BUDGET = 8


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


def missing_translations() -> list[str]:
    """Every page of the manual needs its title and main text in both languages."""
    missing = []
    checks = [
        (ManualPage.objects.all(), ("title", "introduction", "audience")),
        (ModulePage.objects.all(), ("title", "summary", "learning_objectives")),
        (LessonPage.objects.all(), ("title", "summary", "body")),
    ]
    for queryset, fields in checks:
        for page in queryset:
            for field in fields:
                for language in ("km", "en"):
                    if not has_content(page, field, language):
                        missing.append(f"{page.slug}.{field}_{language}")
    return missing


def block_types(language: str) -> set[str]:
    return {block.block_type for lesson in LessonPage.objects.all() for block in getattr(lesson, f"body_{language}")}


def lessons_to_render(modules) -> list[LessonPage]:
    """The first lesson of each module, and more until every block type is rendered at least once in each language.

    (Rendering all of them would double this module's time for little more coverage.)
    """
    chosen, seen = [], set()
    for module in modules:
        for index, lesson in enumerate(LessonPage.objects.child_of(module).live()):
            types = {block.block_type for block in [*lesson.body_km, *lesson.body_en]}
            if index == 0 or types - seen:
                lesson.url_path_in_site = f"{module.slug}/{lesson.slug}/"
                chosen.append(lesson)
                seen |= types
    return chosen


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first_output = io.StringIO()
        call_command("load_demo", "--force", stdout=first_output)
        first = counts()
        second_output = io.StringIO()
        call_command("load_demo", "--force", stdout=second_output)
        second = counts()

        manual = ManualPage.objects.get()
        modules = list(ModulePage.objects.child_of(manual).live())
        summary = {
            "first": first,
            "second": second,
            "first output": first_output.getvalue(),
            "second output": second_output.getvalue(),
            "site root is the manual": Site.objects.get(is_default_site=True).root_page_id == manual.pk,
            "lessons per module": {m.slug: LessonPage.objects.child_of(m).live().count() for m in modules},
            "block types": {language: block_types(language) for language in ("km", "en")},
            "missing translations": missing_translations(),
            "admin is superuser": get_user_model().objects.filter(username="admin", is_superuser=True).exists(),
        }
        client = Client()
        urls = ["/km/", "/en/"] + [f"/km/{module.slug}/" for module in modules]
        for lesson in lessons_to_render(modules):
            urls += [f"/km/{lesson.url_path_in_site}", f"/en/{lesson.url_path_in_site}"]
        summary["statuses"] = {url: client.get(url).status_code for url in urls}
        summary["lesson queries"] = {}
        for url in urls[2:]:
            with CaptureQueriesContext(connection) as queries:
                client.get(url)  # the second view: renditions are cached by now
            summary["lesson queries"][url] = len(queries)
        summary["documents without size"] = list(
            get_document_model().objects.filter(file_size__isnull=True).values_list("title", flat=True)
        )
        transaction.set_rollback(True)
    return summary


def test_second_run_changes_nothing(demo):
    assert demo["first"]["pages"] > 0
    assert demo["second"] == demo["first"]


def test_second_run_reports_nothing_created(demo):
    assert "Created" in demo["first output"]
    assert "Created" not in demo["second output"]
    assert "Drew" not in demo["second output"]
    assert "Made demo" not in demo["second output"]


def test_demo_manual_is_the_site_root(demo):
    assert demo["site root is the manual"]


def test_at_least_five_modules_of_at_least_three_lessons(demo):
    lessons = demo["lessons per module"]
    assert len(lessons) >= 5, lessons
    assert all(count >= 3 for count in lessons.values()), lessons


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_block_type_is_used(demo, language):
    assert demo["block types"][language] == ALL_BLOCK_TYPES


def test_every_page_has_khmer_and_english_content(demo):
    assert demo["missing translations"] == []


def test_demo_pages_render_in_both_languages(demo):
    failures = {url: status for url, status in demo["statuses"].items() if status != 200}
    assert failures == {}


def test_demo_pages_stay_within_the_query_budget(demo):
    """The 8-query budget holds for the real lessons too (a module page or lesson, second visit)."""
    over = {url: count for url, count in demo["lesson queries"].items() if count > LESSON_QUERY_BUDGET}
    assert over == {}


def test_demo_documents_know_their_size(demo):
    """Otherwise the first reader's lesson view writes it (an UPDATE, search and reference index work)."""
    assert demo["documents without size"] == []


def test_forced_load_creates_the_demo_administrator(demo):
    assert demo["admin is superuser"]


def test_refuses_demo_accounts_with_debug_off(settings):
    """A published demo password must never reach a server running with DEBUG off, unless --force insists."""
    settings.DEBUG = False
    with pytest.raises(CommandError, match=REFUSED.split(":")[0]):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
