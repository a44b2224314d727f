"""Shared fixtures: a small bilingual manual as the default site's root, media, and an admin client."""

import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.models import Page

from tests import database_template
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    LessonPageFactory,
    ManualPageFactory,
    ModulePageFactory,
    every_block_body,
    make_site_root,
    text_block,
)


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrations' data it started with (serialized rollback). One that does
    not ends with a flush, after which Django re-creates content types and permissions under new ids, and every
    serialized-rollback test after it fails to restore ("UNIQUE constraint failed: django_content_type")."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """Without --reuse-db, the SQLite test database is this run's own file in a private directory (runs at the same
    time never build or drop the same file), started from the kept migrated template when there is one; with
    --reuse-db, the fixed path of config/settings/test.py keeps it between runs."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3") or request.config.getvalue("reuse_db"):
        yield None
        return
    private = Path(tempfile.mkdtemp(prefix="cfp-test-db-")) / "test.sqlite3"
    database["TEST"]["NAME"] = str(private)
    template = database_template.template_path(Path(settings.TEST_DATABASE_DIR), Path(settings.BASE_DIR))
    copied = not request.config.getvalue("create_db") and database_template.copy_template(template, private)
    yield SimpleNamespace(private=private, template=template, copied=copied)
    shutil.rmtree(private.parent, ignore_errors=True)  # after the database's own teardown


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """A database copied from the template is kept as it is (Django only checks the migrations)."""
    run = django_db_modify_db_settings
    return bool(request.config.getvalue("reuse_db") or (run is not None and run.copied))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_modify_db_settings):
    """pytest-django's database setup; a database it has just migrated becomes the template for the next runs."""
    run = django_db_modify_db_settings
    if run is not None and not run.copied:
        database_template.save_template(run.private, run.template)


@pytest.fixture(autouse=True)
def _fresh_state():
    """Each test starts in Khmer with empty caches (Wagtail caches site root paths and renditions)."""
    for alias in ("default", "renditions", "pages"):
        caches[alias].clear()
    with translation.override("km"):
        yield
    for alias in ("default", "renditions", "pages"):
        caches[alias].clear()


@pytest.fixture
def site_tree(db):
    """Manual (default site root) -> module 1 with three live lessons and one draft, and an empty module 2."""
    manual = ManualPageFactory(parent=Page.get_first_root_node())
    make_site_root(manual)
    module = ModulePageFactory(parent=manual, number=1, slug="first-module")
    lessons = [
        LessonPageFactory(
            parent=module,
            slug=f"lesson-{index}",
            title_km=f"មេរៀនទី{index} ស្ត្រី",
            title_en=f"Lesson number {index}",
            body_km=[text_block(f"<p>អត្ថបទខ្មែរ {index} ព្រះរាជាណាចក្រ</p>")],
            body_en=[text_block(f"<p>English body {index}</p>")],
        )
        for index in (1, 2, 3)
    ]
    draft = LessonPageFactory(parent=module, slug="draft-lesson", title_en="Unpublished draft", live=False)
    empty_module = ModulePageFactory(parent=manual, number=2, slug="second-module")
    return SimpleNamespace(manual=manual, module=module, lessons=lessons, draft=draft, empty_module=empty_module)


@pytest.fixture
def image(db):
    return ImageFactory()


@pytest.fixture
def audio(db):
    return DocumentFactory(title="Audio", file=ContentFile(b"\0" * 3000, name="listen.m4a"))


@pytest.fixture
def video(db):
    return DocumentFactory(title="Video", file=ContentFile(b"\0" * 250_000, name="watch.mp4"))


@pytest.fixture
def rich_lesson(site_tree, image, audio):
    """A lesson using every block type except video, in both languages."""
    return LessonPageFactory(
        parent=site_tree.module,
        slug="rich",
        body_km=every_block_body(language="km", image=image, audio=audio),
        body_en=every_block_body(language="en", image=image, audio=audio),
    )
