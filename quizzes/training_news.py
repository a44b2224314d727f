"""What changed in the manual for one learner: refreshers to do, and lessons published after they completed a module.

Read for "My training" and the manual's home page; a fixed few queries for a learner with nothing pending, three
more per module that needs a refresher (a learner has a handful of modules).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page

from core.translated import in_language, text_language
from curriculum.models import LessonPage, ModulePage

from .models import LessonView, ModuleCompletion, Quiz
from .refresher import Refresher, refresher_state


@dataclass
class ChangeNote:
    text: str
    lang: str
    changed_at: object
    version: int


@dataclass
class RefresherItem:
    module: ModulePage
    state: Refresher
    notes: list[ChangeNote]
    new_lesson_ids: set[int] = field(default_factory=set)

    @property
    def lessons(self) -> list[dict]:
        """The lessons to read again, each with whether it is new to this learner and read since the change."""
        return [
            {"page": lesson, "new": lesson.pk in self.new_lesson_ids, "read": lesson.pk in self.state.read}
            for lesson in self.state.lessons
        ]


@dataclass
class NewLessons:
    module: ModulePage
    lessons: list[LessonPage]


def learner_refreshers(*, learner) -> list[RefresherItem]:
    """Every module whose completion by `learner` needs a refresher, with the change notes in the reader's language
    and the lessons to read again, in the manual's order."""
    completions = list(
        ModuleCompletion.objects.filter(learner=learner, refresher_since__isnull=False).order_by("module__path")
    )
    if not completions:
        return []
    modules = ModulePage.objects.in_bulk([c.module_id for c in completions])
    quizzes = dict(Quiz.objects.filter(module_id__in=modules).values_list("module_id", "pk"))
    items = []
    for completion in completions:
        state = refresher_state(completion=completion, learner=learner, quiz_id=quizzes.get(completion.module_id))
        notes = [
            ChangeNote(
                text=in_language(change.note),
                lang=text_language(change.note),
                changed_at=change.changed_at,
                version=change.version,
            )
            for change in state.changes
        ]
        new = {lesson.pk for lesson in state.lessons if lesson.pk not in set(completion.lesson_ids or [])}
        items.append(RefresherItem(module=modules[completion.module_id], state=state, notes=notes, new_lesson_ids=new))
    return items


def lessons_added_after_completion(*, learner, exclude_module_ids=()) -> list[NewLessons]:
    """Live lessons of modules the learner completed that they have not opened (published after their completion:
    completing needed every lesson live then), by module. Two queries."""
    paths = dict(
        ModuleCompletion.objects.filter(learner=learner)
        .exclude(module_id__in=exclude_module_ids)
        .values_list("module_id", "module__path")
    )
    if not paths:
        return []
    children = Q()
    for path in paths.values():
        children |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    unread = (
        LessonPage.objects.live()
        .filter(children)
        .exclude(pk__in=LessonView.objects.filter(learner=learner).values("lesson_id"))
        .order_by("path")
    )
    by_path = {path: module_id for module_id, path in paths.items()}
    grouped: dict[int, list[LessonPage]] = {}
    for lesson in unread:
        grouped.setdefault(by_path[lesson.path[: -Page.steplen]], []).append(lesson)
    if not grouped:
        return []
    modules = ModulePage.objects.in_bulk(grouped)
    return [
        NewLessons(module=modules[pk], lessons=lessons)
        for pk, lessons in sorted(grouped.items(), key=lambda item: modules[item[0]].path)
    ]


def training_news(*, learner) -> dict:
    """Refreshers first, then modules with lessons added after completion (those needing a refresher excepted:
    their new lessons are in the refresher)."""
    refreshers = learner_refreshers(learner=learner)
    added = lessons_added_after_completion(learner=learner, exclude_module_ids=[item.module.pk for item in refreshers])
    return {"refreshers": refreshers, "added": added}
