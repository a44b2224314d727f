"""Template tags every page uses: the language switch and language names."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()

# Each language is named in its own script, so a reader finds theirs whatever the page's language.
LANGUAGE_NAMES = {"km": "ខ្មែរ", "en": "English"}


@register.inclusion_tag("core/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = translation.get_language()
    page = context.get("page")
    links = []
    for code, _name in settings.LANGUAGES:
        if page is not None and hasattr(page, "get_url"):
            with translation.override(code):
                url = page.get_url(request)
        else:
            url = translate_url(request.get_full_path() if request else "/", code)
        links.append({"code": code, "name": LANGUAGE_NAMES.get(code, code), "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
