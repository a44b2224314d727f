"""The Wagtail admin speaks Khmer to trainers, reviewers and coordinators whose admin language is Khmer.

Every screen of core.admin_screens (explorer, page editor with its StreamField and Draftail definitions, choosers,
images, documents, quizzes, workflow and moderation, reports, search, account, messages and validation errors) is
fetched with the test client and its visible text counted for English words (allow-list: names). The same screens
in English are the control. The admin's JavaScript strings come from the JavaScript catalogue (jsi18n), which reads
locale_admin/ through LOCALE_PATHS. The catalogue itself is complete, none fuzzy, placeholders kept, and follows the
glossary."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from core.admin_screens import admin_screens, english_words, html_text
from core.glossary import coeng_da_spellings, forbidden_variants
from tests.factories import NationalCoordinatorFactory, ProvincialCoordinatorFactory, TrainerFactory
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db

CATALOGUE_DIR = Path(settings.BASE_DIR) / "locale_admin" / "km" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdif]|\{\w*\}")
# What coordinators open in the admin: the rest answers 403 to them, in Khmer too.
COORDINATOR_SCREENS = {"dashboard", "account", "workflow report", "workflow tasks report", "locked pages"}
# Data, not interface, in the database as Wagtail's migrations or an administrator wrote it: the workflows' and
# tasks' names (they show in "Submit to ..."), Wagtail's root page and its first page; the fixtures' image and
# document titles; and Django's name of an object whose title is left empty (while the quiz's form has errors).
DATA = re.compile(
    r"Two-trainer review|Second trainer approval|Moderators approval|Welcome to your new Wagtail site!|\bRoot\b"
    r"|(?:Picture|Recording) \d+|\bAudio\b|Quiz object"
)


def in_khmer(user, language="km"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def people(db):
    names = {"first_name": "សុខា", "last_name": "ចាន់"}
    return {
        "trainer": in_khmer(TrainerFactory(username="sokha", **names)),
        "reviewer": in_khmer(TrainerFactory(username="dara", first_name="ដារា", last_name="សៅ")),
        "national coordinator": in_khmer(NationalCoordinatorFactory(username="vanna", first_name="វណ្ណា")),
        "provincial coordinator": in_khmer(ProvincialCoordinatorFactory(username="srey", first_name="ស្រី")),
    }


@pytest.fixture
def screens(site_tree, rich_lesson, image, audio, people):
    """The screens, with the rich lesson submitted by the trainer to the two-trainer review."""
    rich_lesson.save_revision(user=people["trainer"])
    rich_lesson.get_workflow().start(rich_lesson, people["trainer"])
    return lambda: admin_screens(
        manual=site_tree.manual,
        module=site_tree.module,
        lesson=rich_lesson,
        quiz=make_quiz(site_tree.module),
        image=image,
        document=audio,
        parent_for_new=site_tree.manual,
        in_review=rich_lesson,
    )


def english_on(client, user, screens) -> dict[str, dict]:
    """English words per screen; a screen the user may not open sends them to the dashboard, whose message counts."""
    client.force_login(user)
    allowed = {person.username for person in user._meta.model.objects.all()}
    found = {}
    for screen in screens:
        if screen.site:
            continue  # the manual's page as its readers see it, text and all: the site's own tests check it
        screen.follow = True
        words = english_words([DATA.sub(" ", part) for part in screen.fetch(client).parts], allowed=allowed)
        if words:
            found[f"{screen.name} ({screen.path})"] = dict(words.most_common())
    return found


def report(found: dict) -> str:
    return "\n".join(f"{name}: {words}" for name, words in found.items())


# Screens trainers open (not sent back to the dashboard): the count is made on them, not on a refusal.
TRAINER_SCREENS = {"dashboard", "explorer module", "lesson editor", "new lesson", "lesson with errors", "images"}
TRAINER_SCREENS |= {"image edit", "documents", "document edit", "page chooser", "image chooser", "lesson history"}


@pytest.mark.parametrize("role", ["trainer", "reviewer"])
def test_trainers_and_reviewers_see_no_english(client, people, screens, role):
    chosen = screens()
    found = english_on(client, people[role], chosen)
    assert not found, "English on the Khmer admin:\n" + report(found)
    assert not [screen.name for screen in chosen if screen.name in TRAINER_SCREENS and screen.redirected]


@pytest.mark.parametrize("role", ["national coordinator", "provincial coordinator"])
def test_coordinators_see_no_english(client, people, screens, role):
    chosen = [screen for screen in screens() if screen.name in COORDINATOR_SCREENS]
    assert len(chosen) == len(COORDINATOR_SCREENS)
    found = english_on(client, people[role], chosen)
    assert not found, "English on the Khmer admin:\n" + report(found)


def test_the_count_sees_english_when_the_admin_language_is_english(client, people, screens):
    # The control: the same screens for a trainer whose admin language is English are full of English words, so a
    # Khmer screen with none is the catalogue's doing, not a count that sees nothing.
    found = english_on(client, in_khmer(people["trainer"], "en"), screens())
    total = sum(sum(words.values()) for words in found.values())
    assert total > 2000, total
    every_word = {word for words in found.values() for word in words}
    # Strings of each part of the brief: menus, editor, StreamField toolbar (JSON), messages, workflow, dates.
    assert {"Save", "draft", "Promote", "Images", "Documents", "Submit", "ago", "required"} <= every_word


def test_reviewer_sees_the_review_panel_in_khmer(client, people, screens):
    screens()
    client.force_login(people["reviewer"])
    response = client.get(reverse("wagtailadmin_home"))
    text = " ".join(html_text(response.content.decode()))
    assert "រង់ចាំអ្នកពិនិត្យ" in text  # Awaiting your review
    assert "អនុម័ត" in text and "ស្នើឱ្យកែប្រែ" in text  # Approve, Request changes


def test_validation_errors_are_in_khmer(client, people, screens):
    screen = next(screen for screen in screens() if screen.name == "lesson with errors")
    client.force_login(people["trainer"])
    text = " ".join(screen.fetch(client).parts)
    assert "មិនអាចរក្សាទុកទំព័របានទេ ព្រោះមានកំហុសក្នុងទម្រង់។" in text
    assert "ត្រូវតែបំពេញវាលនេះ។" in text  # This field is required.


def javascript_catalogue(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def wagtail_javascript_msgids() -> set[str]:
    site_packages = Path(polib.__file__).resolve().parent
    sources = site_packages.glob("wagtail/**/locale/en/LC_MESSAGES/djangojs.po")
    return {entry.msgid for path in sources for entry in polib.pofile(str(path)) if entry.msgid}


def test_the_admins_javascript_strings_come_in_khmer(client, people):
    # Django's JavaScriptCatalog merges LOCALE_PATHS for the djangojs domain too (DjangoTranslation always
    # adds the local translations), so StreamField's "Move up", "Duplicate"... and Draftail's strings are Khmer.
    catalogue = javascript_catalogue(client, people["trainer"])
    msgids = wagtail_javascript_msgids()
    assert len(msgids) > 50
    missing = sorted(msgid for msgid in msgids if msgid not in catalogue)
    assert not missing, missing
    english = {msgid: text for msgid, text in catalogue.items() if msgid in msgids and english_words([str(text)])}
    assert not english, english
    assert catalogue["Move up"] == "ផ្លាស់ឡើងលើ"
    # The control: in English the catalogue is empty, the scripts' own English is shown.
    assert javascript_catalogue(client, in_khmer(people["trainer"], "en")) == {}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_admin_catalogue_is_complete_and_compiled(domain):
    po = polib.pofile(str(CATALOGUE_DIR / f"{domain}.po"))
    assert len(po) > 50
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert not po.untranslated_entries() and not po.fuzzy_entries() and not po.obsolete_entries()
    for entry in po:
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        wanted = {name for source in sources for name in PLACEHOLDER.findall(source)}
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert set(PLACEHOLDER.findall(text)) == wanted, entry.msgid
            assert not forbidden_variants(text, "km"), (entry.msgid, forbidden_variants(text, "km"))
            assert not coeng_da_spellings(text), (entry.msgid, text)
            assert not re.search("[“”]", text), entry.msgid  # Khmer quotes «…»
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(CATALOGUE_DIR / f"{domain}.mo"))}
    for entry in po:
        assert compiled[(entry.msgctxt, entry.msgid)].msgstr == entry.msgstr, f"{domain}.mo is older than .po"


def test_the_language_switch_above_the_fields_is_khmer(client, people, site_tree):
    # wagtail_modeltranslation writes it into a script ("View / edit fields for KM EN"), out of the HTML count's reach.
    client.force_login(people["trainer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.lessons[0].pk])).content.decode()
    label = re.search(r"viewEditString: '([^']*)'", html).group(1)
    assert label == "មើល / កែសម្រួលវាលសម្រាប់"
