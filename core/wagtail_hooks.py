"""Admin-wide additions that belong to no single app: the Khmer font for every admin page."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def khmer_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
