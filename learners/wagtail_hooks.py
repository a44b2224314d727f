"""Admin screens: places (read-only unless administrator), coordinators' provinces, and a link to the
coordination pages, which live on the site (/km/coordinate/) so coordinators work in Khmer, on a phone too."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import lockout_admin, two_factor
from .admin_panels import WaitingRegistrationsPanel
from .models import Commune, CoordinatorScope, District, Province
from .selectors import manages_learners


class ProvinceViewSet(ModelViewSet):
    model = Province
    icon = "site"
    menu_label = _("Provinces")
    list_display = ["code", "name_km", "name_en", "unit", "iso_code"]
    search_fields = ["code", "name_km", "name_en"]
    form_fields = ["code", "iso_code", "name_km", "name_en", "unit"]
    inspect_view_enabled = True
    copy_view_enabled = False


class DistrictViewSet(ModelViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["code", "name_km", "name_en", "unit", "province"]
    list_filter = ["province", "unit"]
    search_fields = ["code", "name_km", "name_en"]
    form_fields = ["code", "province", "name_km", "name_en", "unit"]
    inspect_view_enabled = True
    copy_view_enabled = False


class CommuneViewSet(ModelViewSet):
    model = Commune
    icon = "site"
    menu_label = _("Communes")
    list_display = ["code", "name_km", "name_en", "unit", "district"]
    list_filter = ["unit"]
    search_fields = ["code", "name_km", "name_en"]
    form_fields = ["code", "district", "name_km", "name_en", "unit"]
    inspect_view_enabled = True
    copy_view_enabled = False


class CoordinatorScopeViewSet(ModelViewSet):
    model = CoordinatorScope
    icon = "group"
    menu_label = _("Coordinators' provinces")
    list_display = ["user"]
    form_fields = ["user", "provinces"]
    copy_view_enabled = False


class PlacesGroup(ModelViewSetGroup):
    menu_label = _("Places")
    menu_icon = "site"
    menu_order = 310
    items = (ProvinceViewSet, DistrictViewSet, CommuneViewSet, CoordinatorScopeViewSet)


@hooks.register("register_admin_viewset")
def register_places():
    return PlacesGroup()


class CoordinationMenuItem(MenuItem):
    """The learner list, which lives on the site (/km/coordinate/ or /en/coordinate/), not in the admin.

    Wagtail builds its menu once per process, so an address reversed then would carry the language of whoever
    opened the admin first: it is reversed on every request instead, in the admin's language (active while the
    admin renders its menu)."""

    def __init__(self):
        super().__init__(_("Learners"), url="", name="learners", icon_name="user", order=300)

    def is_shown(self, request):
        return manages_learners(request.user) and request.user.has_perm("learners.view_learnerprofile")

    def render_component(self, request):
        return LinkMenuItemComponent(
            self.name,
            self.label,
            reverse("learners:learner_list"),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def register_coordination_link():
    return CoordinationMenuItem()


@hooks.register("construct_homepage_panels")
def waiting_registrations_panel(request, panels):
    """Coordinators see on the dashboard how many registrations in their provinces wait for them."""
    if (panel := WaitingRegistrationsPanel.for_user(request.user)) is not None:
        panels.append(panel)


class SignInLocksMenuItem(MenuItem):
    def is_shown(self, request):
        return lockout_admin.can_use(request.user)


@hooks.register("register_admin_urls")
def register_signin_locks_urls():
    return lockout_admin.urlpatterns


@hooks.register("register_admin_menu_item")
def register_signin_locks_link():
    return SignInLocksMenuItem(_("Sign-in locks"), reverse("learners_signin_locks"), icon_name="lock", order=305)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """On the admin's "Account" page: every staff member can turn on (or replace) two-step sign-in."""
    if not two_factor.is_staff_member(request.user):
        return None
    return {
        "url": reverse("two_factor:setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("A code from an authenticator app on your phone after your password."),
    }


def _grants_superuser(request) -> bool:
    return request.method == "POST" and bool(request.POST.get("is_superuser"))


@hooks.register("before_edit_user")
def superusers_edited_by_superusers_only(request, user):
    """Wagtail lets anyone who may change users change a superuser's e-mail and password, or tick "Administrator"
    (superuser) on any account; only a superuser may (the site's screens follow the same rule,
    learners.services.may_change_credentials)."""
    if not request.user.is_superuser and (user.is_superuser or _grants_superuser(request)):
        return permission_denied(request)
    return None


@hooks.register("before_create_user")
def superusers_created_by_superusers_only(request):
    if not request.user.is_superuser and _grants_superuser(request):
        return permission_denied(request)
    return None
