""" "Continue where you left off": the lesson a signed-in learner last opened, offered again on the home page.

Read from the lesson views the completion service already records (quizzes.completion.lesson_view_record), so
reading a lesson costs no extra write: the lesson last opened for the first time is where the learner's course
stands. Re-reading an earlier lesson for review does not move it.
"""

from curriculum.models import LessonPage

from .models import LessonView


def last_lesson_opened(*, learner) -> LessonPage | None:
    """The learner's most recently opened lesson that is still published, with its module (one query)."""
    view = (
        LessonView.objects.filter(learner=learner, lesson__live=True, module__live=True)
        .select_related("lesson", "module")
        .order_by("-viewed_at", "-pk")
        .first()
    )
    if view is None:
        return None
    view.lesson.module = view.module  # for the template: its number, without another query
    return view.lesson
