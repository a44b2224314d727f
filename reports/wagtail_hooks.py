"""Admin screens of the rollout: training targets and their history, in Wagtail's "Reports" submenu.

Wagtail already has a "Reports" submenu (`wagtail.admin.menu.reports_menu`), filled through the
`register_reports_menu_item` hook; a second submenu of the same name would duplicate it. So every rollout
screen joins that one: `@hooks.register("register_reports_menu_item")` returning a `MenuItem`, or a viewset with
`menu_hook = REPORTS_MENU_HOOK` (see reports.targets_admin). Give such items an `is_shown` that checks
permissions; the submenu shows only when one of its items does.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .selectors import report_scope
from .targets_admin import TargetChangeViewSet, TargetViewSet


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
