"""The Khmer catalogue of Wagtail's admin (locale_admin/km/LC_MESSAGES/django.po and djangojs.po).

Wagtail ships no Khmer. Its strings (and the Django strings the admin shows) are translated in `locale_admin/`, kept
apart from the project's `locale/` so that `makemessages --no-obsolete` never removes them (locale/README.md).

    .venv/bin/python scripts/admin_catalogue.py discover [--json FILE]
        Signs in to the admin of the dev database (VAR_DIR) as the demo trainer, second trainer and coordinators in
        Khmer, with every source string not yet translated replaced by a marker, walks the screens of
        core.admin_screens and lists the strings those screens show without a Khmer translation (FILE: a JSON list
        of {"msgid", "msgid_plural", "msgctxt"} to fill in and pass to `add`).
    .venv/bin/python scripts/admin_catalogue.py words
        The English words each of those screens still shows, whatever their source (the test's count, on the
        dev database).
    .venv/bin/python scripts/admin_catalogue.py add FILE
        Adds translated entries ({"msgid", "msgstr"} or {"msgid", "msgid_plural", "msgstr_plural": {"0": ...}},
        optional "msgctxt", "domain": "djangojs") and compiles.
    .venv/bin/python scripts/admin_catalogue.py refresh
        After a Wagtail or Django upgrade: drops entries whose msgid the installed sources no longer have, updates
        plural forms, lists the JavaScript strings still untranslated, and compiles.
    .venv/bin/python scripts/admin_catalogue.py compile
"""

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGUE_DIR = BASE_DIR / "locale_admin" / "km" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdif]|\{\w*\}")
MARKER = re.compile(r"zq(\d+)qz", re.IGNORECASE)
HEADER = {
    "Project-Id-Version": "Child-friendly police training: Wagtail admin",
    "Language": "km",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def site_packages() -> Path:
    import django

    return Path(django.__file__).resolve().parent.parent


def source_files(domain: str) -> list[Path]:
    """English catalogues of Wagtail, Django and the apps the admin shows: the source msgids."""
    root = site_packages()
    patterns = [f"wagtail/**/locale/en/LC_MESSAGES/{domain}.po", f"taggit/locale/en/LC_MESSAGES/{domain}.po"]
    patterns += [f"django/conf/locale/en/LC_MESSAGES/{domain}.po"]
    contrib = ("auth", "contenttypes", "humanize")
    patterns += [f"django/contrib/{app}/locale/en/LC_MESSAGES/{domain}.po" for app in contrib]
    return sorted({path for pattern in patterns for path in root.glob(pattern)})


# Admin strings of apps that ship no English catalogue to read them from (wagtail_modeltranslation's language
# switch above each page's fields).
EXTRA_MSGIDS = {"django": ["View / edit fields for"], "djangojs": []}


def key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid)


def source_entries(domain: str) -> dict[tuple, polib.POEntry]:
    entries = {}
    for path in source_files(domain):
        for entry in polib.pofile(str(path)):
            if entry.msgid and not entry.obsolete:
                entries.setdefault(key(entry), entry)
    for msgid in EXTRA_MSGIDS[domain]:
        entries.setdefault(("", msgid), polib.POEntry(msgid=msgid))
    return entries


def catalogue(domain: str) -> polib.POFile:
    path = CATALOGUE_DIR / f"{domain}.po"
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = dict(HEADER)
    return po


def save(po: polib.POFile, domain: str) -> None:
    CATALOGUE_DIR.mkdir(parents=True, exist_ok=True)
    po.sort(key=lambda entry: (entry.msgid.lower(), entry.msgctxt or ""))
    po.save(str(CATALOGUE_DIR / f"{domain}.po"))
    po.save_as_mofile(str(CATALOGUE_DIR / f"{domain}.mo"))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def check_entry(entry: polib.POEntry) -> list[str]:
    """What is wrong with one translated entry: empty, fuzzy, or placeholders not kept."""
    problems = []
    translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
    if "fuzzy" in entry.flags:
        problems.append("fuzzy")
    for text in translations:
        if not text.strip():
            problems.append("untranslated")
        elif set(placeholders(text)) != set(placeholders(entry.msgid_plural or entry.msgid)) | (
            set(placeholders(entry.msgid)) if entry.msgid_plural else set()
        ):
            problems.append(f"placeholders differ: {text!r}")
    return problems


def add(path: Path) -> None:
    items = json.loads(path.read_text(encoding="utf-8"))
    for domain in DOMAINS:
        po = catalogue(domain)
        existing = {key(entry): entry for entry in po}
        for item in (item for item in items if item.get("domain", "django") == domain):
            entry = existing.get((item.get("msgctxt") or "", item["msgid"]))
            if entry is None:
                entry = polib.POEntry(msgid=item["msgid"], msgctxt=item.get("msgctxt"))
                po.append(entry)
                existing[key(entry)] = entry
            if item.get("msgid_plural"):
                entry.msgid_plural = item["msgid_plural"]
                entry.msgstr_plural = {0: item["msgstr_plural"]["0"]}
            else:
                entry.msgstr = item["msgstr"]
            if problems := check_entry(entry):
                sys.exit(f"{item['msgid']!r}: {', '.join(problems)}")
        save(po, domain)
        print(f"{domain}: {len(po)} entries")


def refresh() -> None:
    for domain in DOMAINS:
        sources = source_entries(domain)
        po = catalogue(domain)
        for entry in list(po):
            source = sources.get(key(entry))
            if source is None:
                print(f"{domain}: dropped (no longer in Wagtail/Django): {entry.msgid!r}")
                po.remove(entry)
            elif source.msgid_plural != entry.msgid_plural:
                print(f"{domain}: plural changed, translate again: {entry.msgid!r}")
                po.remove(entry)
        if domain == "djangojs":
            # Every string of the admin's scripts is translated: they show in the editor (StreamField, Draftail,
            # comments, the side menu) whatever the screen.
            known = {key(entry) for entry in po}
            for missing in sorted(set(sources) - known):
                print(f"djangojs: untranslated: {missing[1]!r}")
        save(po, domain)


def pseudo_catalogue(directory: Path) -> dict[int, tuple[str, polib.POEntry]]:
    """Every source string as a marker (`zq12qz` and its placeholders), so that a screen tells which it shows."""
    markers = {}
    for domain in DOMAINS:
        po = polib.POFile()
        po.metadata = dict(HEADER)
        for entry in source_entries(domain).values():
            number = len(markers)
            markers[number] = (domain, entry)
            marker = f"zq{number}qz " + " ".join(placeholders(entry.msgid_plural or entry.msgid))
            if entry.msgid_plural:
                po.append(
                    polib.POEntry(
                        msgid=entry.msgid,
                        msgid_plural=entry.msgid_plural,
                        msgctxt=entry.msgctxt,
                        msgstr_plural={0: marker},
                    )
                )
            else:
                po.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=marker))
        target = directory / "km" / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        po.save_as_mofile(str(target / f"{domain}.mo"))
    return markers


def discover(json_path: Path | None) -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    with tempfile.TemporaryDirectory() as directory:
        markers = pseudo_catalogue(Path(directory))
        # Last: the project's and this catalogue's translations win; only what they lack shows as a marker.
        with override_settings(LOCALE_PATHS=[*settings.LOCALE_PATHS, directory], ALLOWED_HOSTS=["*"]):
            found = {}
            for screen in dev_screens():
                for part in screen.parts:
                    for number in MARKER.findall(part):
                        found.setdefault(int(number), screen.name)
    missing = []
    for number, screen_name in sorted(found.items(), key=lambda item: item[1]):
        domain, entry = markers[number]
        print(f"{screen_name:28} {domain:9} {entry.msgid!r}")
        missing.append(
            {"domain": domain, "msgctxt": entry.msgctxt, "msgid": entry.msgid, "msgid_plural": entry.msgid_plural}
        )
    print(f"{len(missing)} strings shown without Khmer")
    if json_path:
        json_path.write_text(json.dumps(missing, ensure_ascii=False, indent=1), encoding="utf-8")


def words() -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.test.utils import override_settings

    from core.admin_screens import english_words

    with override_settings(ALLOWED_HOSTS=["*"]):
        for screen in dev_screens():
            if found := english_words(screen.parts):
                print(f"{screen.name} ({screen.path}): {dict(found.most_common())}")


def dev_screens():
    """The screens of core.admin_screens for each demo role, on the dev database's demo manual."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.users.models import UserProfile

    from core.admin_screens import admin_screens
    from curriculum.models import LessonPage, ManualPage, ModulePage
    from quizzes.models import Quiz

    manual = ManualPage.objects.first()
    module = ModulePage.objects.child_of(manual).first()
    objects = {
        "manual": manual,
        "module": module,
        "lesson": LessonPage.objects.child_of(module).first(),
        "quiz": Quiz.objects.first(),
        "image": get_image_model().objects.first(),
        "document": get_document_model().objects.first(),
        "parent_for_new": manual,
        "in_review": in_review(module, get_user_model().objects.get(username="trainer")),
    }
    for username in ("trainer", "trainer2", "ngocrc", "kampot-coordinator", "admin"):
        user = get_user_model().objects.get(username=username)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "km"
        profile.save()
        client = Client()
        client.force_login(user)
        for screen in admin_screens(**objects):
            screen.statuses = (200, 302, 403, 404)
            screen.name = f"{username}: {screen.name}"
            yield screen.fetch(client)
    del Page


def in_review(module, submitter):
    """The module's last lesson, submitted by the trainer to its workflow (once) so that reviewers see it."""
    from curriculum.models import LessonPage

    lesson = LessonPage.objects.child_of(module).last()
    if lesson.current_workflow_task_state is None:
        lesson.save_revision(user=submitter)
        lesson.get_workflow().start(lesson, submitter)
    return lesson


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["discover", "words", "add", "refresh", "compile"])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    if options.command == "discover":
        discover(options.json)
    elif options.command == "words":
        words()
    elif options.command == "add":
        add(options.file)
    elif options.command == "refresh":
        refresh()
    else:
        for domain in DOMAINS:
            save(catalogue(domain), domain)


if __name__ == "__main__":
    main()
