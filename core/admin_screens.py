"""The Wagtail admin screens trainers, reviewers and coordinators use, and the English words left on them.

Wagtail ships no Khmer; its strings come from `locale_admin/` (locale/README.md). Both the test that keeps the
Khmer admin free of English (tests/core/test_admin_khmer.py) and `scripts/admin_catalogue.py discover` (which finds
the Wagtail strings a screen shows that the catalogue lacks) walk the same screens with Django's test client:
the server-rendered HTML (text, and the attributes a reader sees or hears: title, placeholder, aria-label, alt),
the JSON the admin's scripts read (menus, StreamField and Draftail definitions, `wagtailConfig`), and modal
answers (choosers, workflow actions)."""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "aria-description", "data-w-tooltip-content-value"}
# Keys of the admin's JSON whose values are read by people (labels of menus, blocks and toolbar buttons...).
SHOWN_KEYS = {
    "label",
    "title",
    "helpText",
    "help_text",
    "description",
    "placeholder",
    "html",
    "ariaLabel",
    "tooltip",
    "message",
    "error",
    "errors",
    "messages",
    "heading",
    "STRINGS",
    "strings",  # a block's own strings for its script (the comment button's label)
}
BLOCK_ARGUMENTS = "data-w-block-arguments-value"
# A textarea holds a field's value (the manual's text, a rich text's raw content), not the interface.
HIDDEN_TAGS = {"script", "style", "noscript", "textarea"}
# Latin written on screen that is no word of the interface: addresses, file names, e-mail addresses, sizes.
NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|/[\w./?=&%-]*|[\w.+-]+@[\w.-]+|\b[\w-]+\.(?:jpe?g|png|webp|gif|pdf|m4a|mp3|mp4|docx?|xlsx?)\b"
    r"|%\(\w+\)[sd]|\{\w+\}",  # and the placeholders of strings the scripts fill in
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z][A-Za-z’']*[A-Za-z]")
# Names that stay Latin in Khmer: products, organisations, file formats and units, the demo accounts' user names.
ALLOWED_WORDS = {
    "Wagtail",
    "NGOCRC",
    "UNICEF",
    "CCWC",
    "Khmer",  # the language switch names each language in itself and in English
    "English",
    "JPG",
    "JPEG",
    "PNG",
    "GIF",
    "WEBP",
    "PDF",
    "SVG",
    "MB",
    "KB",
    "px",
    "ID",
    "URL",
    "HTML",
    "XLSX",
    "CSV",
    # Keys as printed on the keyboard (the shortcuts dialog)
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Enter",
    "Cmd",
    "km",  # language codes: modeltranslation labels each field "ចំណងជើង [km]", "ចំណងជើង [en]"
    "en",
    "localhost",  # the site's host name
    # Written in Wagtail's templates without gettext (nothing to translate): the header's aria-label "Actions",
    # and the hidden counter of the side panel's toggle, empty ("None") until its script fills in a number.
    "Actions",
    "None",
    "trainer",
    "trainer2",
    "admin",
    "ngocrc",
    "kampot",
    "coordinator",
}


class _VisibleText(HTMLParser):
    """Text a reader sees (or a screen reader says), and the JSON the admin's scripts turn into screens."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._json_script = False
        self._identifier = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in HIDDEN_TAGS:
            self._hidden += 1
            self._json_script = tag == "script" and attributes.get("type") == "application/json"
        for name, value in attrs:
            if not value:
                continue
            if name in SHOWN_ATTRIBUTES:
                self.parts.append(value)
            elif name == BLOCK_ARGUMENTS:
                # A StreamField's content (the manual's text, not the interface) and then its errors.
                self.parts.extend(_shown_strings(json.loads(value)[1:], shown=True))
            elif name.startswith("data-") and value[:1] in "{[":
                self.parts.extend(json_text(value))
        # A list of identifiers (time zones...): an option labelled with its own value is no sentence.
        self._identifier = tag == "option" and attributes.get("value")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self._hidden:
            self._hidden -= 1
            self._json_script = False

    def handle_data(self, data):
        if self._json_script:
            self.parts.extend(json_text(data))
        elif not self._hidden and not (self._identifier and data.strip() == self._identifier):
            self.parts.append(data)


class _FormFields(HTMLParser):
    """The fields of a screen's form with their current values: what the browser would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, list[str]] = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in {"submit", "button", "file"}:
            if attributes.get("type") not in {"checkbox", "radio"} or "checked" in attributes:
                self.fields.setdefault(name, []).append(attributes.get("value") or "")
        elif attributes.get("data-controller") == "w-block" and attributes.get("id"):
            self.fields[f"{attributes['id']}-count"] = ["0"]  # a StreamField, built by the browser: left empty
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self.fields.setdefault(self._select, []).append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][-1] += data


def _shown_strings(value, shown: bool = False):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _shown_strings(item, shown or key in SHOWN_KEYS)
    elif isinstance(value, list):
        for item in value:
            yield from _shown_strings(item, shown)
    elif isinstance(value, str) and shown and value[:1] not in "{[":  # not a value kept as JSON (rich text)
        yield from html_text(value) if "<" in value else [value]


def json_text(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    return list(_shown_strings(data))


def html_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.parts


def english_words(parts, allowed=()) -> Counter:
    allowed = {word.lower() for word in (*ALLOWED_WORDS, *allowed)}
    words = Counter()
    for part in parts:
        for word in WORD.findall(NOT_WORDS.sub(" ", part)):
            if word.lower() not in allowed:
                words[word] += 1
    return words


@dataclass
class Screen:
    name: str
    path: str
    data: dict | None = None  # when given: the form on the screen, as a browser sends it, with these values changed
    post: dict | None = None  # when given: POSTed as it is
    follow: bool = False
    statuses: tuple = (200,)
    parts: list = field(default_factory=list)
    site: bool = False  # the manual's page as readers see it (a revision, a preview), not an admin screen
    redirected: bool = False  # followed a redirect: a user without permission is sent to the dashboard

    def fetch(self, client: Client) -> "Screen":
        if self.post is not None:
            response = client.post(self.path, self.post, follow=self.follow)
        elif self.data is None:
            response = client.get(self.path, follow=self.follow)
        else:
            form = _FormFields()
            form.feed(client.get(self.path).content.decode())
            response = client.post(self.path, {**form.fields, **self.data}, follow=self.follow)
        self.redirected = bool(getattr(response, "redirect_chain", None))
        if response.status_code not in self.statuses:
            raise AssertionError(f"{self.name}: {self.path} answered {response.status_code}")
        content = response.content.decode()
        if response.get("Content-Type", "").startswith("application/json"):
            self.parts = json_text(content)
        else:
            self.parts = html_text(content)
        return self


# A title left empty in both languages: the form comes back with its errors.
BLANK = {"title_km": "", "title_en": "", "title": ""}


def editor_screens(page, *, prefix: str) -> list[Screen]:
    """The page editor (every tab is in the one HTML), its history and revisions, and the preview."""
    screens = [
        Screen(f"{prefix} editor", reverse("wagtailadmin_pages:edit", args=[page.pk])),
        Screen(f"{prefix} history", reverse("wagtailadmin_pages:history", args=[page.pk])),
        Screen(f"{prefix} usage", reverse("wagtailadmin_pages:usage", args=[page.pk])),
        Screen(f"{prefix} workflow history", reverse("wagtailadmin_pages:workflow_history", args=[page.pk])),
        Screen(f"{prefix} preview", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), site=True),
    ]
    revision = page.latest_revision
    if revision is not None:
        screens.append(
            Screen(
                f"{prefix} revision compare",
                reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk]),
            )
        )
        screens.append(
            Screen(
                f"{prefix} revision",
                reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
                site=True,
            )
        )
    return screens


def review_screens(page) -> list[Screen]:
    """A page waiting in its workflow: the reviewer's approve and request-changes dialogs, the workflow's detail."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    pages = "wagtailadmin_pages:"
    return [
        Screen(
            "approve dialog", reverse(pages + "collect_workflow_action_data", args=[page.pk, "approve", task_state.pk])
        ),
        Screen(
            "changes dialog", reverse(pages + "collect_workflow_action_data", args=[page.pk, "reject", task_state.pk])
        ),
        Screen("cancel workflow dialog", reverse(pages + "confirm_workflow_cancellation", args=[page.pk])),
        Screen(
            "workflow detail",
            reverse(pages + "workflow_history_detail", args=[page.pk, task_state.workflow_state.pk]),
        ),
        Screen("workflow preview", reverse(pages + "workflow_preview", args=[page.pk, task_state.task_id]), site=True),
        *editor_screens(page, prefix="in review"),
    ]


def admin_screens(*, manual, module, lesson, quiz, image, document, parent_for_new, in_review=None) -> list[Screen]:
    """Every screen of the brief's list, for objects the signed-in user may see."""
    page_kinds = ("curriculum", "lessonpage")
    return [
        Screen("dashboard", reverse("wagtailadmin_home")),
        Screen("explorer root", reverse("wagtailadmin_explore_root")),
        Screen("explorer manual", reverse("wagtailadmin_explore", args=[manual.pk])),
        Screen("explorer module", reverse("wagtailadmin_explore", args=[module.pk])),
        Screen("explorer ordering", reverse("wagtailadmin_explore", args=[module.pk]) + "?ordering=ord"),
        Screen(
            "explorer filters",
            reverse("wagtailadmin_explore", args=[module.pk]) + "?has_child_pages=false&page_type=&locale=",
        ),
        Screen("page search", reverse("wagtailadmin_pages:search") + "?q=កុមារ"),
        *editor_screens(manual, prefix="manual"),
        *editor_screens(module, prefix="module"),
        *editor_screens(lesson, prefix="lesson"),
        Screen("new lesson", reverse("wagtailadmin_pages:add", args=[*page_kinds, module.pk])),
        Screen("new module", reverse("wagtailadmin_pages:add", args=["curriculum", "modulepage", parent_for_new.pk])),
        Screen("new lesson with errors", reverse("wagtailadmin_pages:add", args=[*page_kinds, module.pk]), data=BLANK),
        Screen("lesson with errors", reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data=BLANK),
        Screen("lesson locked", reverse("wagtailadmin_pages:lock", args=[lesson.pk]), post={}, follow=True),
        Screen("lesson unlocked", reverse("wagtailadmin_pages:unlock", args=[lesson.pk]), post={}, follow=True),
        Screen("quiz with errors", reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]), data=BLANK),
        Screen("add subpage", reverse("wagtailadmin_pages:add_subpage", args=[module.pk])),
        Screen("move page", reverse("wagtailadmin_pages:move", args=[lesson.pk])),
        Screen("copy page", reverse("wagtailadmin_pages:copy", args=[lesson.pk])),
        Screen("unpublish page", reverse("wagtailadmin_pages:unpublish", args=[lesson.pk])),
        Screen("delete page", reverse("wagtailadmin_pages:delete", args=[lesson.pk])),
        Screen("page chooser", reverse("wagtailadmin_choose_page"), statuses=(200,)),
        Screen("page chooser module", reverse("wagtailadmin_choose_page_child", args=[module.pk])),
        Screen("page chooser search", reverse("wagtailadmin_choose_page_search") + "?q=កុមារ"),
        Screen("link chooser", reverse("wagtailadmin_choose_page_external_link")),
        Screen("email link chooser", reverse("wagtailadmin_choose_page_email_link")),
        Screen("images", reverse("wagtailimages:index")),
        Screen("image upload", reverse("wagtailimages:add_multiple")),
        Screen("image add", reverse("wagtailimages:add")),
        Screen("image edit", reverse("wagtailimages:edit", args=[image.pk])),
        Screen("image usage", reverse("wagtailimages:image_usage", args=[image.pk])),
        Screen("image chooser", reverse("wagtailimages_chooser:choose")),
        Screen("documents", reverse("wagtaildocs:index")),
        Screen("document upload", reverse("wagtaildocs:add_multiple")),
        Screen("document edit", reverse("wagtaildocs:edit", args=[document.pk])),
        Screen("document chooser", reverse("wagtaildocs_chooser:choose")),
        Screen("snippets", reverse("wagtailsnippets:index")),
        Screen("quizzes", reverse("wagtailsnippets_quizzes_quiz:list")),
        Screen("quiz edit", reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])),
        Screen("quiz history", reverse("wagtailsnippets_quizzes_quiz:history", args=[quiz.pk])),
        Screen("new quiz", reverse("wagtailsnippets_quizzes_quiz:add")),
        Screen("quiz chooser", reverse("wagtailsnippetchoosers_quizzes_quiz:choose")),
        Screen("workflow report", reverse("wagtailadmin_reports:workflow")),
        Screen("workflow tasks report", reverse("wagtailadmin_reports:workflow_tasks")),
        Screen("locked pages", reverse("wagtailadmin_reports:locked_pages")),
        Screen("site history", reverse("wagtailadmin_reports:site_history")),
        Screen("aging pages", reverse("wagtailadmin_reports:aging_pages"), statuses=(200, 302)),
        Screen("account", reverse("wagtailadmin_account")),
        *(review_screens(in_review) if in_review is not None else []),
    ]
