"""What changed in the manual for the signed-in learner (quizzes.training_news), for "My training" and the manual's
home page. Nothing, and no query, for anonymous readers."""

from django import template

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
