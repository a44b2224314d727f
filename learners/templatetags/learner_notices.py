"""Notices on the site's pages: a learner's account decision (base.html) and the registrations a coordinator has
waiting (the coordination tabs)."""

from django import template

from .. import notices
from ..models import Decision

register = template.Library()


@register.inclusion_tag("learners/_decision_notice.html", takes_context=True)
def decision_notice(context):
    """The coordinator's decision on the reader's account, on the first page they open after it (learners.notices)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not notices.is_page_visit(request):
        return {}
    decision = notices.decision_to_tell(user=user)
    if decision is None:
        return {}
    setattr(request, notices.SHOWN_ATTRIBUTE, decision)
    return {"decision": decision, "confirmed": decision.decision == Decision.CONFIRMED}


@register.simple_tag(takes_context=True)
def waiting_count(context) -> int | None:
    user = getattr(context.get("request"), "user", None)
    return None if user is None else notices.waiting_count(user=user)
