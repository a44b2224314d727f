"""Admin screens for quizzes, and the hook that records a signed-in learner's lesson reading."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from curriculum.models import LessonPage

from .models import Quiz
from .services import lesson_view_record


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quizzes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "module", "pass_mark", "attempts_allowed", "updated_at"]
    search_fields = ["title_km", "title_en"]
    ordering = ["module__path"]


register_snippet(QuizViewSet)


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """Opening a lesson while signed in counts as reading it. Anonymous readers cost nothing here."""
    if not isinstance(page, LessonPage):
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.method != "GET":
        return None
    ancestors = page.tree_ancestors  # read once per request and shared with the page's navigation
    if ancestors:
        lesson_view_record(learner=user, lesson_id=page.pk, module_id=ancestors[-1].pk)
    return None
