"""What a phone keeps of a module to read it offline, and the version that tells it when to fetch the module again.

A learner on metered data keeps a module once (its page, its live lessons, its one-page quiz, and by choice its
audio and video) and later asks only for the modules' versions, a few bytes each. The version is a hash of what
the kept copy was built from, so it changes exactly when fetching again would bring something new: a module or
lesson published again, a lesson added, removed, moved or unpublished, a recording replaced, the quiz edited.

Every read here costs the same few queries however many lessons a module has: the bodies' media are found in the
StreamField's raw data and read in one query, never block by block. Pages behind a view restriction the request
does not pass (password, sign-in, groups) are left out, as Wagtail's own serving would refuse them.
"""

import hashlib
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

from django.db.models import F, Q
from django.http import HttpRequest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from core.translated import field_in_language, languages, reader_language
from curriculum.blocks import AudioBlock, VideoBlock
from curriculum.models import LessonPage, ModulePage

from . import offline
from .attempts import quiz_content_snapshot
from .models import Quiz

VERSION_LENGTH = 12


@dataclass(frozen=True)
class KeptModule:
    """A live module as a phone may keep it: its readable live lessons in the order learners see them, the
    documents their bodies use (either language), its quiz, and the version of all that."""

    module: ModulePage
    lessons: list[LessonPage]
    documents: dict
    quiz: Quiz | None
    version: str


@cache
def _media_kinds() -> dict[str, str]:
    """Block names of the lesson body that hold a recording or a video, and which ("audio" or "video")."""
    stream_block = LessonPage._meta.get_field("body").stream_block
    kinds = {}
    for name, block in stream_block.child_blocks.items():
        if isinstance(block, AudioBlock):
            kinds[name] = "audio"
        elif isinstance(block, VideoBlock):
            kinds[name] = "video"
    return kinds


def _media_blocks(body) -> Iterable[tuple[str, dict]]:
    """(kind, raw value) of each audio and video block of a body, from its raw data (no document is read)."""
    kinds = _media_kinds()
    for item in body.raw_data if body is not None else ():
        kind = kinds.get(item.get("type"))
        if kind is not None and isinstance(item.get("value"), dict):
            yield kind, item["value"]


def _document_ids(lessons: Iterable[LessonPage]) -> set[int]:
    ids = set()
    for lesson in lessons:
        for code in languages():
            for _kind, value in _media_blocks(getattr(lesson, f"body_{code}", None)):
                if isinstance(value.get("file"), int):
                    ids.add(value["file"])
    return ids


def _ancestor_paths(page: Page) -> list[str]:
    """The page's own tree path and its ancestors' (a view restriction set on any of them covers the page)."""
    return [page.path[: Page.steplen * depth] for depth in range(1, page.depth + 1)]


def _refused_paths(pages: Iterable[Page], request: HttpRequest) -> list[str]:
    """Tree paths of pages (among these and their ancestors) whose view restriction this request does not pass."""
    paths = {path for page in pages for path in _ancestor_paths(page)}
    restrictions = PageViewRestriction.objects.filter(page__path__in=paths).annotate(page_path=F("page__path"))
    return [restriction.page_path for restriction in restrictions if not restriction.accept_request(request)]


def _readable(page: Page, refused: list[str]) -> bool:
    return not any(page.path.startswith(path) for path in refused)


def _quiz_versions(quizzes: Iterable[Quiz]) -> dict[int, str]:
    """The version of each quiz as its one-page quiz carries it (quizzes.offline), so the keep list changes
    exactly when the kept quiz page would."""
    return {quiz.pk: offline.quiz_version(quiz_content_snapshot(quiz=quiz)) for quiz in quizzes}


def module_version(*, module: ModulePage, lessons: list[LessonPage], documents: dict, quiz_version: str | None) -> str:
    """12 hex characters that change when anything a kept copy of the module was built from changes.

    Published revisions stand for the pages' texts; tree paths catch a module or lesson moved or renamed
    without a new revision (a new slug of the manual); the documents' files and sizes catch a recording
    replaced under the same block; the quiz's own version stands for its questions and choices.
    """
    parts = {
        "module": [module.pk, module.live_revision_id, _timestamp(module.last_published_at), module.url_path],
        "lessons": [
            [lesson.pk, lesson.live_revision_id, _timestamp(lesson.last_published_at), lesson.url_path]
            for lesson in lessons
        ],
        "documents": sorted([document.pk, document.file.name, document.file_size] for document in documents.values()),
        "quiz": quiz_version,
    }
    encoded = json.dumps(parts, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()[:VERSION_LENGTH]


def _timestamp(moment) -> str | None:
    return moment.isoformat() if moment else None


def kept_modules(*, module_ids: Collection[int], request: HttpRequest) -> dict[int, KeptModule]:
    """The live modules among `module_ids` that this request may read, by id (an unknown, unpublished or
    restricted module is simply absent). A fixed few queries plus two per quiz, whatever the number of lessons."""
    modules = [
        module
        for module in ModulePage.objects.live().filter(pk__in=module_ids)
        if module.get_url(request) is not None  # not under any site: nothing a phone could open
    ]
    if not modules:
        return {}
    children = Q()
    for module in modules:
        children |= Q(path__startswith=module.path, depth=module.depth + 1)
    lessons = list(LessonPage.objects.live().filter(children).order_by("path"))
    refused = _refused_paths([*modules, *lessons], request)
    modules = [module for module in modules if _readable(module, refused)]
    lessons = [lesson for lesson in lessons if _readable(lesson, refused)]
    used = get_document_model().objects.filter(pk__in=_document_ids(lessons))
    documents = {document.pk: document for document in used}
    quizzes = {quiz.module_id: quiz for quiz in Quiz.objects.live().filter(module__in=modules)}
    quiz_versions = _quiz_versions(quizzes.values())
    kept = {}
    for module in modules:
        own_lessons = [lesson for lesson in lessons if lesson.path.startswith(module.path)]
        own_documents = {pk: documents[pk] for pk in _document_ids(own_lessons) if pk in documents}
        quiz = quizzes.get(module.pk)
        version = module_version(
            module=module,
            lessons=own_lessons,
            documents=own_documents,
            quiz_version=f"{quiz.pk}:{quiz_versions[quiz.pk]}" if quiz else None,
        )
        kept[module.pk] = KeptModule(
            module=module, lessons=own_lessons, documents=own_documents, quiz=quiz, version=version
        )
    return kept


def _lesson_media(lesson: LessonPage, documents: dict, language: str) -> list[dict]:
    """The lesson's recordings and videos as its page shows them: from the body in the language the page is read
    in (core.translated falls back to the other when empty), with the same file URL the player loads."""
    body = getattr(lesson, f"body_{lesson.content_language(language)}", None)
    media = []
    for kind, value in _media_blocks(body):
        document = documents.get(value.get("file"))
        if document is None:
            continue  # deleted since: the page shows nothing to play either
        media.append(
            {
                "url": document.url,
                "bytes": document.get_file_size(),
                "kind": kind,
                "title": value.get("title") or "",
                "lesson": lesson.pk,
            }
        )
    return media


def module_keep_list(*, kept: KeptModule, request: HttpRequest) -> dict:
    """What the phone fetches to keep the module, in the language of the request (titles and URLs)."""
    language = reader_language()
    media, seen = [], set()
    for lesson in kept.lessons:
        for item in _lesson_media(lesson, kept.documents, language):
            if item["url"] not in seen:  # a file used twice is downloaded (and counted) once
                seen.add(item["url"])
                media.append(item)
    quiz = None
    if kept.quiz is not None:
        quiz = {"id": kept.quiz.pk, "url": reverse("quizzes:offline_quiz", kwargs={"quiz_id": kept.quiz.pk})}
    return {
        "module": kept.module.pk,
        "version": kept.version,
        "title": field_in_language(kept.module, "title", language),
        "url": kept.module.get_url(request),
        "lessons": [
            {"id": lesson.pk, "url": lesson.get_url(request), "title": field_in_language(lesson, "title", language)}
            for lesson in kept.lessons
        ],
        "quiz": quiz,
        "media": media,
    }
