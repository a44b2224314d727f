"""The rollout reports' line on which requirements by role their "completed" counts follow, and since when, so that
`reports` templates show it without the reports knowing how requirements are kept. One query."""

from django import template

from core.translated import in_language
from curriculum.models import role_labels

from .. import selectors

register = template.Library()


@register.inclusion_tag("quizzes/_requirements_since.html", takes_context=True)
def requirements_in_force(context, limit: int = 10) -> dict:
    """In sharing mode (figures for outside NGOCRC) the trainers' names are left out."""
    changes = selectors.requirement_changes(limit=limit)
    return {
        "share": bool(context.get("share")),
        "since": changes[0].changed_at if changes else None,
        "changes": [
            {
                "change": change,
                "title": in_language(change.module_title),
                "before": role_labels(change.roles_before or []),
                "after": role_labels(change.roles_after),
            }
            for change in changes
        ],
    }
