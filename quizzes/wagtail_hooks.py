"""Admin screens for quizzes, and the hook that records a signed-in learner's lesson reading."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from curriculum.models import LessonPage, ModulePage

from .completion import lesson_view_record
from .models import Attempt, ModuleCompletion, Quiz

THROUGH_REVIEW = frozenset({"publish"})  # Wagtail's unpublish and schedule need "publish" too


class ReviewedQuizPermissionPolicy(ModelPermissionPolicy):
    """A quiz changes for learners only through the "Two-trainer review" workflow: nobody holds "publish", not
    even a superuser, so the editor offers "Save draft" and "Submit for review" and a posted publish is saved
    as a draft. The approval publishes (learners.workflows.publish_approved, which needs no publish permission),
    and the approval task refuses the quiz's own author (learners.models.SecondTrainerApprovalTask)."""

    def user_has_permission(self, user, action):
        if action in THROUGH_REVIEW:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in THROUGH_REVIEW]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


register_permission_policy(Quiz, ReviewedQuizPermissionPolicy(Quiz))


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quizzes")
    menu_order = 250
    add_to_admin_menu = True
    # Status: live, draft, live with a draft waiting, or in review (Wagtail's tag, from the quiz's draft state).
    list_display = ["title", "module", "pass_mark", "attempts_allowed", "updated_at", LiveStatusTagColumn()]
    search_fields = ["title_km", "title_en"]
    ordering = ["module__path"]


register_snippet(QuizViewSet)


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """Opening a lesson while signed in counts as reading it. Anonymous readers cost nothing here."""
    if not isinstance(page, LessonPage) or not _reading(request):
        return None
    # Hooks run before Wagtail checks view restrictions: a reader shown the password form or sent to sign in has
    # not read the lesson.
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        return None
    ancestors = page.tree_ancestors  # read once per request and shared with the page's navigation
    if ancestors:
        module = ancestors[-1]
        lesson_view_record(
            learner=request.user, lesson_id=page.pk, module_id=module.pk, module_place=(module.path, module.depth)
        )
    return None


@hooks.register("serve_cached_page")
def record_kept_lesson_view(request, page_id, parent_id, model, parent_place=None):
    """The same for a lesson served from the page cache (core.page_cache keeps only unrestricted pages)."""
    if model == LessonPage._meta.label_lower and _reading(request):
        lesson_view_record(learner=request.user, lesson_id=page_id, module_id=parent_id, module_place=parent_place)


def _reading(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or request.method != "GET":
        return False
    # A phone keeping a module on the learner's request fetches its lessons ahead of reading ("Purpose: prefetch",
    # sent by the site's script): kept is not read. A kept lesson opened later counts then, sent by the phone.
    return request.headers.get("Purpose") != "prefetch"


QUIZ_TAKEN = _(
    "Learners have taken this quiz, so it cannot be deleted: their results and completions depend on it. "
    "Edit it instead."
)
MODULE_IN_USE = _(
    "Learners have taken this module's quiz or completed it, so it cannot be deleted: unpublish it instead."
)


def _taken(quiz_ids) -> bool:
    return Attempt.objects.filter(quiz_id__in=quiz_ids).exists()


def _modules_in_use(pages) -> bool:
    """Any module page among `pages` or below them that has a quiz or completions (which protect it)."""
    paths = [page.path for page in pages]
    if not paths:
        return False
    query = Page.objects.none()
    for path in paths:
        query = query | Page.objects.filter(path__startswith=path)
    module_ids = list(ModulePage.objects.filter(pk__in=query.values("pk")).values_list("pk", flat=True))
    return bool(module_ids) and (
        Quiz.objects.filter(module_id__in=module_ids).exists()
        or ModuleCompletion.objects.filter(module_id__in=module_ids).exists()
    )


@hooks.register("before_delete_snippet")
def refuse_deleting_taken_quizzes(request, instances):
    """A quiz with attempts stays (its attempts hold the learners' history); never a server error."""
    quiz_ids = [instance.pk for instance in instances if isinstance(instance, Quiz)]
    if quiz_ids and _taken(quiz_ids):
        messages.error(request, QUIZ_TAKEN)
        return redirect("wagtailsnippets_quizzes_quiz:list")
    return None


@hooks.register("before_delete_page")
def refuse_deleting_modules_in_use(request, page):
    if _modules_in_use([page]):
        messages.error(request, MODULE_IN_USE)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_in_use(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    quiz_ids = [obj.pk for obj in objects if isinstance(obj, Quiz)]
    if (pages and _modules_in_use(pages)) or (quiz_ids and _taken(quiz_ids)):
        messages.error(request, MODULE_IN_USE if pages else QUIZ_TAKEN)
        return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
    return None
