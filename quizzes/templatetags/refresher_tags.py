"""What changed in the manual for the signed-in learner (quizzes.training_news), for "My training" and the manual's
home page. Nothing, and no query, for anonymous readers."""

from django import template

from ..refresher import lesson_changes as changes_for
from ..training_news import training_news as news_for

register = template.Library()


@register.inclusion_tag("quizzes/_training_news.html", takes_context=True)
def training_news(context, compact: bool = False):
    """Refreshers to do and lessons added since completion; `compact` (the home page) links to "My training"
    for the details."""
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else None
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "compact": compact, "request": request, **news_for(learner=user)}


@register.simple_tag(takes_context=True)
def lesson_changes(context, module):
    """{"new": lesson ids, "changed": lesson ids} to read for the signed-in learner's pending refresher of
    `module`: one query; none, and nothing, for anonymous readers. Only for pages rendered for their reader (the
    module page: core.page_cache keeps it for anonymous readers only, so a learner's marks never reach the kept
    copy)."""
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else None
    if user is None or not user.is_authenticated:
        return {}
    changes = changes_for(learner_id=user.pk, module_id=module.pk)
    return {kind: {pk for pk, change in changes.items() if change == kind} for kind in ("new", "changed")}
