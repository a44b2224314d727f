"""Admin screens of the rollout: training targets and their history, in Wagtail's "Reports" submenu.

Wagtail already has a "Reports" submenu (`wagtail.admin.menu.reports_menu`), filled through the
`register_reports_menu_item` hook; a second submenu of the same name would duplicate it. So every rollout
screen joins that one: `@hooks.register("register_reports_menu_item")` returning a `MenuItem`, or a viewset with
`menu_hook = REPORTS_MENU_HOOK` (as the target viewsets below do). Give such items an `is_shown` that checks
permissions; the submenu shows only when one of its items does.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import urls
from .models import Target, TargetChange
from .scope import report_scope
from .targets import import_views
from .targets.forms import TargetEditForm, TargetForm
from .targets.views import (
    TargetChangeFilterSet,
    TargetChangeIndexView,
    TargetCreateView,
    TargetDeleteView,
    TargetEditView,
    TargetFilterSet,
    TargetIndexView,
)

# Wagtail's own "Reports" submenu (wagtail.admin.menu.reports_menu) is registered with this hook; our items join it.
REPORTS_MENU_HOOK = "register_reports_menu_item"


class TargetViewSet(ModelViewSet):
    model = Target
    name = "targets"
    url_prefix = "reports/targets"
    pk_path_converter = "id"  # bounded (core.converters): an out-of-range id is a 404, not a database error
    icon = "crosshairs"
    menu_label = _("Training targets")
    menu_hook = REPORTS_MENU_HOOK
    menu_order = 100
    index_view_class = TargetIndexView
    add_view_class = TargetCreateView
    edit_view_class = TargetEditView
    delete_view_class = TargetDeleteView
    filterset_class = TargetFilterSet
    search_fields = [
        "province__code",
        "province__name_km",
        "province__name_en",
        "district__code",
        "district__name_km",
        "district__name_en",
        "commune__code",
        "commune__name_km",
        "commune__name_en",
    ]
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return TargetEditForm if for_update else TargetForm

    def get_common_view_kwargs(self, **kwargs):
        # No usage or log-entry history views: the history is TargetChange, listed by TargetChangeViewSet.
        return super().get_common_view_kwargs(usage_url_name=None, history_url_name=None, **kwargs)

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(content_type=content_type)

    def get_urlpatterns(self):
        kept = {"index", "index_results", "add", "edit", "delete"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in kept] + [
            path("import/", import_views.TargetImportView.as_view(), name="import"),
            path("import/confirm/", import_views.TargetImportConfirmView.as_view(), name="import_confirm"),
            path("import/template.csv", import_views.import_template, name="import_template"),
        ]


class TargetChangeViewSet(ModelViewSet):
    """Read-only: the history is written only by reports.services."""

    model = TargetChange
    name = "target_changes"
    url_prefix = "reports/target-history"
    icon = "history"
    menu_label = _("Target history")
    menu_hook = REPORTS_MENU_HOOK
    menu_order = 110
    index_view_class = TargetChangeIndexView
    filterset_class = TargetChangeFilterSet
    search_fields = ["file_name", "changed_by__username", "province__name_km", "province__name_en"]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = []

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, copy_url_name=None, **kwargs
        )

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(content_type=content_type, codename="view_targetchange")

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in {"index", "index_results"}]


@hooks.register("register_admin_viewset")
def register_targets():
    return [TargetViewSet(), TargetChangeViewSet()]


class RolloutMenuItem(MenuItem):
    """Shown to coordinators only; the pages themselves check the same rule on every request."""

    def is_shown(self, request):
        return report_scope(user=request.user) is not None


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(urls, namespace="reports"))]


@hooks.register("register_reports_menu_item")
def coverage_menu_item():
    return RolloutMenuItem(_("Training coverage"), reverse("reports:provinces"), icon_name="table", order=10)


@hooks.register("register_reports_menu_item")
def modules_menu_item():
    return RolloutMenuItem(_("Modules and quizzes"), reverse("reports:modules"), icon_name="list-ol", order=11)


@hooks.register("register_reports_menu_item")
def trend_menu_item():
    return RolloutMenuItem(_("Completions per month"), reverse("reports:trend"), icon_name="history", order=12)


@hooks.register("register_reports_menu_item")
def still_to_finish_menu_item():
    return RolloutMenuItem(_("Still to finish"), reverse("reports:still_to_finish"), icon_name="user", order=13)


@hooks.register("register_reports_menu_item")
def workshops_menu_item():
    return RolloutMenuItem(_("Workshops and donors"), reverse("reports:workshops"), icon_name="group", order=14)
