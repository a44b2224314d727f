"""Admin-wide additions that belong to no single app: the Khmer font for every admin page."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .fonts import WEB_FONT_NAME


@hooks.register("insert_global_admin_css")
def khmer_admin_font():
    # Preloaded: the admin's sidebar is drawn by script as soon as the page starts, and text laid out before
    # the font arrives can stay drawn as empty boxes on a computer without a Khmer font of its own.
    return format_html(
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="{}">',
        static(f"fonts/{WEB_FONT_NAME}"),
        static("css/admin.css"),
    )
