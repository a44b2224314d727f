"""The manual in the Wagtail admin: Khmer and English side by side, and translations that may be behind."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from .stale_views import StaleTranslationsReport, confirm_view, may_edit, user_may_see_report
from .translation_state import _content_type, is_tracked, stale_translations_of


@hooks.register("register_admin_urls")
def stale_translation_urls():
    return [
        path("translations/stale/", StaleTranslationsReport.as_view(), name="curriculum_stale_translations"),
        path(
            "translations/stale/results/",
            StaleTranslationsReport.as_view(results_only=True),
            name="curriculum_stale_translations_results",
        ),
        path(
            "translations/confirm/<id:content_type_id>/<id:object_id>/",
            confirm_view,
            name="curriculum_stale_confirm",
        ),
    ]


class StaleTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def stale_translations_menu_item():
    return StaleTranslationsMenuItem(
        gettext_lazy("Translations to update"),
        reverse("curriculum_stale_translations"),
        name="stale-translations",
        icon_name="doc-full",
        order=20,
    )


def warn_if_stale(request, obj):
    """In the editor of a page or quiz with a language behind: say so, with the way to confirm it."""
    if request.method != "GET" or not is_tracked(obj) or not may_edit(request.user, obj):
        return
    rows = list(stale_translations_of(obj))
    if not rows:
        return
    url = reverse("curriculum_stale_confirm", args=[_content_type(obj).pk, obj.pk])
    url = f"{url}?next={request.get_full_path()}"
    for row in rows:
        messages.warning(
            request,
            _("The %(behind)s text may be behind the %(changed)s text, updated on %(when)s.")
            % {
                "behind": row.get_language_display(),
                "changed": row.get_changed_language_display(),
                "when": date_format(localtime(row.changed_at), "DATE_FORMAT"),
            },
            buttons=[messages.button(url, _("Both languages say the same"))],
        )


@hooks.register("before_edit_page")
def warn_in_page_editor(request, page):
    warn_if_stale(request, page.specific)


@hooks.register("before_edit_snippet")
def warn_in_snippet_editor(request, instance):
    warn_if_stale(request, instance)


@hooks.register("insert_global_admin_css")
def side_by_side_css():
    return format_html('<link rel="stylesheet" href="{}">', static("admin/bilingual-editor.css"))


@hooks.register("insert_global_admin_js")
def side_by_side_js():
    return format_html(
        '<script src="{}" defer data-empty-label="{}" id="bilingual-editor-script"></script>',
        static("admin/bilingual-editor.js"),
        _("Not written yet"),
    )
