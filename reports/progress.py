"""The learners a report counts, annotated with who started and who completed within the filters.

Only confirmed learners with an active account count (`learners.selectors.confirmed_learners`).
"""

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery

from learners.selectors import confirmed_learners
from quizzes.models import Attempt, LessonView, ModuleCompletion

from .filters import Filters, in_range
from .scope import Scope


def learners_in_scope(*, scope: Scope, filters: Filters) -> QuerySet:
    return narrowed(confirmed_learners(), scope=scope, filters=filters)


def narrowed(queryset: QuerySet, *, scope: Scope, filters: Filters) -> QuerySet:
    """Learner profiles narrowed to the scope's provinces and the filters' roles and genders (not the dates)."""
    return queryset.filter(in_scope(scope=scope, filters=filters))


def in_scope(*, scope: Scope, filters: Filters, prefix: str = "") -> Q:
    """The condition `narrowed` applies, on a learner profile reached through `prefix` (e.g. from attempts)."""
    condition = Q()
    if scope.provinces is not None:
        condition &= Q(**{f"{prefix}province_id__in": scope.provinces})
    if filters.roles:
        condition &= Q(**{f"{prefix}role__in": filters.roles})
    if filters.genders:
        condition &= Q(**{f"{prefix}gender__in": filters.genders})
    return condition


def _completed_modules(filters: Filters):
    """Per learner: how many of the chosen modules they completed, and when the last of them was."""
    completions = (
        ModuleCompletion.objects.filter(learner=OuterRef("user_id"), module_id__in=filters.modules)
        .order_by()
        .values("learner")
    )
    return (
        Subquery(completions.annotate(n=Count("pk")).values("n")),
        Subquery(completions.annotate(last=Max("completed_at")).values("last")),
    )


def _completed_all(filters: Filters) -> QuerySet:
    """The learners who completed every module of the set."""
    return (
        ModuleCompletion.objects.filter(module_id__in=filters.modules)
        .order_by()
        .values("learner_id")
        .annotate(n=Count("pk"))
        .filter(n=len(filters.modules))
        .values("learner_id")
    )


def with_progress(queryset: QuerySet, filters: Filters) -> tuple[QuerySet, Q, Q]:
    """The learners annotated so that two conditions say who started and who completed within the filters.

    Without a module set, "started" is the first reading or quiz activity and "completed" the course certificate
    (every required module), both copied onto the learner's profile by the quiz services. With a module set,
    "started" means reading a lesson of, trying the quiz of, or completing one of those modules (at a workshop, a
    module is completed without either), and "completed" completing all of them.
    """
    if not filters.modules:
        return (
            queryset,
            in_range("training_started_at", filters),
            in_range("course_completed_at", filters),
        )
    low, high = filters.bounds()
    views = LessonView.objects.filter(learner=OuterRef("user_id"), module_id__in=filters.modules)
    attempts = Attempt.objects.filter(learner=OuterRef("user_id"), quiz__module_id__in=filters.modules)
    completions = ModuleCompletion.objects.filter(learner=OuterRef("user_id"), module_id__in=filters.modules)
    if low:
        views, attempts = views.filter(viewed_at__gte=low), attempts.filter(started_at__gte=low)
        completions = completions.filter(completed_at__gte=low)
    if high:
        views, attempts = views.filter(viewed_at__lt=high), attempts.filter(started_at__lt=high)
        completions = completions.filter(completed_at__lt=high)
    queryset = queryset.annotate(
        set_read=Exists(views), set_tried=Exists(attempts), set_completed_one=Exists(completions)
    )
    # Whoever read, tried or completed anything has a first activity on their profile (the quiz services note it;
    # a workshop's completion too): checked first, it spares the per-learner probes for those who never began.
    began = Q(training_started_at__isnull=False)
    started = began & (Q(set_read=True) | Q(set_tried=True) | Q(set_completed_one=True))
    if not (low or high):
        # Without dates, having completed every module of the set is enough: one list of those learners, made once
        # from the completions' index, instead of a count per learner.
        return queryset, started, began & Q(user_id__in=_completed_all(filters))
    # With dates, the last completion's time must be in them, and the trend groups by it.
    done, last = _completed_modules(filters)
    queryset = queryset.annotate(set_done=done, set_completed_at=last)
    completed = began & Q(set_done=len(filters.modules)) & in_range("set_completed_at", filters)
    return queryset, started, completed
