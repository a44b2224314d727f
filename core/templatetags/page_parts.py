"""`{% personal_part "template.html" %}`: a part of a page that belongs to its reader (core.page_cache)."""

from django import template

from core.page_cache import personal_part

register = template.Library()
register.simple_tag(personal_part, takes_context=True, name="personal_part")
