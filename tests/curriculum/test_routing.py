"""The manual's fast routing (curriculum.navigation) serves exactly what Wagtail's own routing and view
restrictions would: the same page or 404, the same password form or sign-in redirect, for every page of a tree
in both languages, for anonymous readers, signed-in learners and readers who gave a page's password."""

import re

import pytest
from django.core.cache import caches
from django.http import Http404
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from curriculum.models import LessonPage, ManualPage, ModulePage
from curriculum.navigation import TreeNeighbourhoodMixin, route_descendant
from quizzes.models import LessonView
from tests.factories import LessonPageFactory, ManualPageFactory, ModulePageFactory, make_site_root

pytestmark = pytest.mark.django_db

LANGUAGES = ("km", "en")
PASSWORD = "open-sesame"  # noqa: S105 (a test restriction's password)
FAST_DEPTHS = {1: ModulePage, 2: LessonPage}  # as ManualPage.route asks for them
CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"|(csrftoken=)[^;]*')


@pytest.fixture
def tree(db):
    """A manual with an open module (live, draft and extra lessons), an unpublished module holding a live lesson,
    a password-protected module, a sign-in-only module, a lesson restricted to a group, and an alias of that
    lesson in the password-protected module (an alias takes its source page's restrictions besides its own)."""
    manual = ManualPageFactory(parent=Page.get_first_root_node())
    make_site_root(manual)
    open_module = ModulePageFactory(parent=manual, number=1, slug="open")
    read = LessonPageFactory(parent=open_module, slug="read")
    draft = LessonPageFactory(parent=open_module, slug="draft", live=False)
    staff_only = LessonPageFactory(parent=open_module, slug="staff-only")
    unpublished = ModulePageFactory(parent=manual, number=2, slug="unpublished", live=False)
    orphan = LessonPageFactory(parent=unpublished, slug="orphan")
    protected = ModulePageFactory(parent=manual, number=3, slug="protected")
    secret = LessonPageFactory(parent=protected, slug="secret")
    members = ModulePageFactory(parent=manual, number=4, slug="members")
    inside = LessonPageFactory(parent=members, slug="inside")
    password = PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    groups = PageViewRestriction.objects.create(page=staff_only, restriction_type=PageViewRestriction.GROUPS)
    groups.groups.set([])  # nobody's group: even signed-in learners are sent to sign in
    alias = staff_only.create_alias(parent=protected, update_slug="staff-alias")
    pages = [manual, open_module, read, draft, staff_only, unpublished, orphan, protected, secret, members, inside]
    return {"manual": manual, "pages": [*pages, alias.specific], "password": password}


def paths(tree) -> list[str]:
    """Every page's path below the site root, and paths that must not resolve."""
    root = tree["manual"].url_path
    known = [page.url_path[len(root) :] for page in tree["pages"]]
    return [
        *known,
        "nothing-here/",
        "open/nothing-here/",
        "protected/read/",  # a lesson under the wrong module
        "open/read/more/",  # below a lesson
        "read/",  # a lesson without its module
        "open/read/extra/deeper/",
    ]


def wagtail_routing(monkeypatch):
    """Wagtail's own routing and view-restriction lookup in place of the manual's."""
    monkeypatch.setattr(ManualPage, "route", Page.route)
    monkeypatch.setattr(TreeNeighbourhoodMixin, "get_view_restrictions", Page.get_view_restrictions)


def served(client, url: str) -> tuple:
    for alias in ("default", "renditions", "template_fragments"):
        caches[alias].clear()  # a cached page would make both routings agree by construction (and a kept
        # fragment of base.html would leave its templates out of the second's list)
    response = client.get(url)
    templates = [template.name for template in response.templates]
    content = CSRF_TOKEN.sub(rb"\1\2", response.content)
    return response.status_code, response.get("Location"), templates, content


@pytest.fixture
def readers(client, django_user_model, tree):
    """Anonymous, signed in, and signed in having given the protected module's password."""
    learner = django_user_model.objects.create_user(username="reader", password="x")
    signed_in = Client()
    signed_in.force_login(learner)
    with_password = Client()
    with_password.force_login(learner)
    session = with_password.session
    session[PageViewRestriction.passed_view_restrictions_session_key] = [tree["password"].pk]
    session.save()
    return {"anonymous": client, "signed in": signed_in, "with password": with_password}


def test_every_url_is_served_as_wagtail_would_serve_it(tree, readers, settings):
    settings.PAGE_CACHE_ENABLED = False  # both routings render each page (tests/core/test_page_cache.py: the cache)
    fast = {}
    for name, reader in readers.items():
        for url in [f"/{language}/{path}" for language in LANGUAGES for path in paths(tree)]:
            # One URL at a time with each routing: reading a lesson changes what the next page shows.
            fast[name, url] = served(reader, url)
            with pytest.MonkeyPatch.context() as monkeypatch:
                wagtail_routing(monkeypatch)
                expected = served(reader, url)
            assert fast[name, url][:3] == expected[:3], (name, url)
            assert fast[name, url][3] == expected[3], (name, url)
    # The tree exercises every outcome: pages, 404s, the password form and the sign-in redirect.
    statuses = {(name, url.split("/", 2)[2]): result[0] for (name, url), result in fast.items()}
    assert statuses[("anonymous", "open/read/")] == 200
    assert statuses[("anonymous", "open/draft/")] == 404
    assert statuses[("anonymous", "unpublished/")] == 404
    assert statuses[("anonymous", "unpublished/orphan/")] == 200  # as Wagtail: only the page itself must be live
    assert statuses[("anonymous", "protected/secret/")] == 200  # the password form
    assert b'type="password"' in fast[("anonymous", "/km/protected/secret/")][3]
    assert b'type="password"' not in fast[("with password", "/km/protected/secret/")][3]
    assert statuses[("anonymous", "members/inside/")] == 302
    assert statuses[("signed in", "members/inside/")] == 200
    assert statuses[("signed in", "open/staff-only/")] == 302
    assert statuses[("with password", "protected/staff-alias/")] == 302  # the group restriction of its source


def test_fast_route_answers_module_and_lesson_paths_with_wagtails_page(tree):
    """The fast path itself (not its fallback to Wagtail) resolves every module and lesson, to Wagtail's page;
    where Wagtail finds nothing, it finds nothing either (None hands over to Wagtail, which answers 404)."""
    manual = tree["manual"]
    request = RequestFactory().get("/")
    for path in paths(tree):
        components = [part for part in path.split("/") if part]
        try:
            expected = Page.route(manual, request, components).page.pk
        except Http404:
            expected = None
        try:
            result = route_descendant(manual, request, components, FAST_DEPTHS)
        except Http404:
            result = None
        if expected is None:
            assert result is None, path
        elif len(components) in FAST_DEPTHS:
            assert result is not None and result.page.pk == expected, path


def test_view_restrictions_are_wagtails_for_every_page(tree):
    for page in tree["pages"]:
        fresh = Page.objects.get(pk=page.pk).specific
        assert set(fresh.get_view_restrictions()) == set(Page.get_view_restrictions(fresh)), page.url_path


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
@pytest.mark.parametrize("where", ["tree root", "manual", "module", "lesson"])
def test_a_restriction_anywhere_above_a_lesson_applies_as_in_wagtail(tree, readers, where, restriction_type):
    lesson = next(page for page in tree["pages"] if page.url_path.endswith("/open/read/"))
    place = {
        "tree root": Page.get_first_root_node(),
        "manual": tree["manual"],
        "module": lesson.get_parent(),
        "lesson": lesson,
    }[where]
    PageViewRestriction.objects.create(page=place, restriction_type=restriction_type, password=PASSWORD)
    fresh = Page.objects.get(pk=lesson.pk).specific
    assert set(fresh.get_view_restrictions()) == set(Page.get_view_restrictions(fresh))
    urls = [f"/{language}/open/read/" for language in LANGUAGES]
    fast = [served(readers["anonymous"], url) for url in urls]
    with pytest.MonkeyPatch.context() as monkeypatch:
        wagtail_routing(monkeypatch)
        wagtail = [served(readers["anonymous"], url) for url in urls]
    assert fast == wagtail
    if restriction_type == PageViewRestriction.LOGIN:
        assert [result[0] for result in fast] == [302, 302]
    else:
        assert all(b'type="password"' in result[3] for result in fast)


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS])
def test_a_lesson_behind_a_restriction_the_reader_has_not_passed_is_not_counted(tree, readers, restriction_type):
    """Page hooks run before Wagtail's restriction check: the reading hook must make that check itself."""
    lesson = next(page for page in tree["pages"] if page.url_path.endswith("/open/read/"))
    PageViewRestriction.objects.create(page=lesson.get_parent(), restriction_type=restriction_type, password=PASSWORD)
    response = readers["signed in"].get("/km/open/read/")
    assert response.status_code == (200 if restriction_type == PageViewRestriction.PASSWORD else 302)
    assert not LessonView.objects.filter(lesson=lesson).exists()


def test_a_lesson_read_after_giving_the_password_is_counted(tree, readers):
    lesson = next(page for page in tree["pages"] if page.url_path.endswith("/protected/secret/"))
    assert readers["with password"].get("/km/protected/secret/").status_code == 200
    assert LessonView.objects.filter(lesson=lesson).count() == 1
