"""Template tags every page uses: the language switch and language names."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from core.translated import content_language

register = template.Library()

# Each language is named in its own script, so a reader finds theirs whatever the page's language.
LANGUAGE_NAMES = {"km": "ខ្មែរ", "en": "English"}


LINKS_ATTRIBUTE = "_language_links"


def _language_links(context) -> list[dict]:
    """The current page in every language: a Wagtail page by its own URL, any other view by its translated path.
    Made once per request: the language switch and the alternate links in the head both show them."""
    request = context.get("request")
    links = getattr(request, LINKS_ATTRIBUTE, None)
    if links is not None:
        return links
    current = translation.get_language()
    page = context.get("page")
    links = []
    for code, _name in settings.LANGUAGES:
        if page is not None and hasattr(page, "get_url"):
            with translation.override(code):
                url = page.get_url(request)
        elif code == current and request is not None:
            url = request.get_full_path()  # a view's own address in its own language: nothing to reverse
        else:
            url = _view_url_in(request, code)
        links.append({"code": code, "name": LANGUAGE_NAMES.get(code, code), "url": url, "current": code == current})
    if request is not None:
        setattr(request, LINKS_ATTRIBUTE, links)
    return links


def _view_url_in(request, code: str) -> str:
    """Django's translate_url for this request's own address, from the match the request already has (translate_url
    resolves the path again for each language, and the switch and the head's links each asked for both)."""
    full_path = request.get_full_path() if request else "/"
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(full_path, code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            path = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return full_path
    _path, mark, query = full_path.partition("?")
    return f"{path}{mark}{query}"


@register.inclusion_tag("core/language_switch.html", takes_context=True)
def language_switch(context):
    return {"links": _language_links(context)}


@register.inclusion_tag("core/alternate_links.html", takes_context=True)
def alternate_links(context):
    request = context.get("request")
    links = _language_links(context)
    if request is not None:  # the page's own language is not listed (core/alternate_links.html)
        links = [{**link, "url": request.build_absolute_uri(link["url"])} for link in links if not link["current"]]
    return {"links": links}


@register.simple_tag
def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def lang_of(obj, field: str) -> str:
    """The language a translated field is really shown in (its own, or the fallback), for `lang` attributes."""
    return content_language(obj, (field,))
