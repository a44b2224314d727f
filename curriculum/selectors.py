"""Reads for the manual's pages: contents, lesson lists and lesson navigation, each in a fixed few queries."""

from collections import Counter

from wagtail.models import Page

from .models import LessonPage, ManualPage, ModulePage


def manual_modules(*, manual: ManualPage) -> list[dict]:
    """Live modules in tree order with their number of live lessons (two queries whatever the size)."""
    modules = list(ModulePage.objects.child_of(manual).live())
    lesson_paths = (
        LessonPage.objects.descendant_of(manual).live().filter(depth=manual.depth + 2).values_list("path", flat=True)
    )
    counts = Counter(path[: -Page.steplen] for path in lesson_paths)
    return [{"page": module, "lesson_count": counts.get(module.path, 0)} for module in modules]


def module_lessons(*, module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).live())


def lesson_navigation(*, lesson: LessonPage) -> dict:
    """Breadcrumb, module, position, previous and next lesson, from the lesson's shared tree read."""
    ancestors = lesson.tree_ancestors
    siblings = lesson.tree_siblings
    index = next(i for i, page in enumerate(siblings) if page.pk == lesson.pk)
    return {
        "ancestors": ancestors,
        "module": ancestors[-1] if ancestors else None,
        "lesson_position": index + 1,
        "lesson_total": len(siblings),
        "previous_lesson": siblings[index - 1] if index > 0 else None,
        "next_lesson": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
