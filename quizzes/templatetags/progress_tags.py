"""Progress and quiz entry points for the manual's templates, so `curriculum` never imports `quizzes`.

Every tag costs nothing for anonymous readers (no query), and a fixed few queries for signed-in ones.
"""

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch

from .. import resume, selectors

register = template.Library()


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


def _sign_in_url(request) -> str:
    try:
        url = resolve_url(settings.LOGIN_URL)
    except NoReverseMatch:
        url = "/admin/login/"
    return f"{url}?next={request.get_full_path()}" if request is not None else url


@register.simple_tag(takes_context=True)
def module_states(context, items):
    """{pk: ModuleState} for the manual's module list (items are dicts with "page"), or {} when anonymous."""
    user = _user(context)
    if user is None or not items:
        return {}
    modules = [item["page"] if isinstance(item, dict) else item for item in items]
    totals = {item["page"].pk: item.get("lesson_count", 0) for item in items if isinstance(item, dict)}
    return selectors.module_states(learner=user, modules=modules, lesson_totals=totals)


@register.filter
def state_of(states, module):
    return states.get(module.pk) if states else None


@register.simple_tag(takes_context=True)
def lessons_done(context, module):
    """Ids of the module's lessons the signed-in learner has opened (empty when anonymous): one query."""
    user = _user(context)
    if user is None:
        return set()
    return selectors.lessons_read(learner=user, module_id=module.pk)


@register.inclusion_tag("quizzes/_quiz_panel.html", takes_context=True)
def quiz_panel(context, module):
    """The module page's quiz box: start, resume, retry or done; a sign-in prompt for anonymous readers."""
    request = context.get("request")
    user = _user(context)
    if user is None:
        return {"anonymous": True, "sign_in_url": _sign_in_url(request), "request": request}
    state = selectors.quiz_state(learner=user, module_id=module.pk)
    return {
        "anonymous": False,
        "state": state,
        "module": module,
        "request": request,
        "messages": context.get("messages"),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("quizzes/_training_link.html", takes_context=True)
def training_link(context):
    """A link to "My training" for signed-in learners; nothing for anonymous readers."""
    return {"show": _user(context) is not None}


@register.inclusion_tag("quizzes/_continue.html", takes_context=True)
def continue_reading(context):
    """ "Continue where you left off" with the lesson last opened, for a signed-in learner who has opened one."""
    user = _user(context)
    lesson = resume.last_lesson_opened(learner=user) if user is not None else None
    return {"lesson": lesson, "request": context.get("request")}


@register.inclusion_tag("quizzes/_keep_panel.html")
def keep_panel(module):
    """ "Keep this module on my phone": shown by the page script only where the phone can keep pages."""
    return {"module": module}
