"""Admin screens: member NGOs and donors (with their staff), funding projects, and a link to the workshop
screens, which live on the site (/km/workshops/) so trainers use them on a phone in Khmer."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import FundingProject, Organisation, PaperTest
from .scope import may_see_workshops


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "workshop_organisations"
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name_km", "name_en", "short_name", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name_km", "name_en", "short_name"]
    form_fields = ["name_km", "name_en", "short_name", "kind", "staff", "active"]
    copy_view_enabled = False


class FundingProjectViewSet(ModelViewSet):
    model = FundingProject
    name = "funding_projects"
    icon = "folder-open-inverse"
    menu_label = _("Funding projects")
    list_display = ["name_km", "name_en", "donor", "starts_on", "ends_on"]
    list_filter = ["donor"]
    search_fields = ["name_km", "name_en"]
    form_fields = ["name_km", "name_en", "donor", "starts_on", "ends_on"]
    copy_view_enabled = False


class PaperTestViewSet(ModelViewSet):
    """A workshop's pre- or post-test made of chosen questions instead of the modules' quizzes (made on the site
    the first time scores are entered; its pass mark starts as the quizzes')."""

    model = PaperTest
    name = "paper_tests"
    icon = "list-ol"
    menu_label = _("Paper tests")
    list_display = ["workshop", "kind", "pass_mark"]
    list_filter = ["kind"]
    form_fields = ["workshop", "kind", "questions", "pass_mark"]
    copy_view_enabled = False


class WorkshopsGroup(ModelViewSetGroup):
    menu_label = _("Organisations and projects")
    menu_icon = "group"
    menu_order = 320
    items = (OrganisationViewSet, FundingProjectViewSet, PaperTestViewSet)


@hooks.register("register_admin_viewset")
def register_organisations():
    return WorkshopsGroup()


class WorkshopsMenuItem(MenuItem):
    """The workshop screens on the site, reversed on each request in the admin's language (as the learners link)."""

    def __init__(self):
        super().__init__(_("Workshops"), url="", name="workshops", icon_name="date", order=302)

    def is_shown(self, request):
        return may_see_workshops(request.user)

    def render_component(self, request):
        return LinkMenuItemComponent(
            self.name, self.label, reverse("workshops:list"), icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("register_admin_menu_item")
def register_workshops_link():
    return WorkshopsMenuItem()
