"""The notice readers see when the language they read may be behind the other one."""

from django import template
from django.utils.timezone import localtime

from core.dates import date_en, date_km
from curriculum.translation_state import stale_notice

register = template.Library()


@register.inclusion_tag("curriculum/_stale_notice.html")
def stale_translation_notice(page, language: str):
    """`language`: the language the page is shown in (its own, or the fallback)."""
    state = stale_notice(page, language)
    if state is None:
        return {"state": None}
    day = localtime(state["changed_at"]).date()
    return {"state": state, "updated_on": date_km(day) if language == "km" else date_en(day)}
