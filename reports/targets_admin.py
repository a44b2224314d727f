"""Training targets in the Wagtail admin: list, add, edit and delete targets, and read their history.

Who sees what is decided here, on the server: a provincial coordinator reaches only their provinces' targets
(another province's target is a 404, another province's id in a form is a form error); national coordinators and
administrators reach all; everyone else none. Every save and delete goes through `reports.services`, which records
the change with the user in `TargetChange`.
"""

import django_filters
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from core.roles import Role
from learners.models import Commune, District, Province
from learners.selectors import sees_all_provinces

from .models import Target, TargetChange, TargetChangeSource, TargetLevel
from .selectors import report_scope
from .services import target_delete, target_save

# Wagtail's own "Reports" submenu (wagtail.admin.menu.reports_menu) is registered with this hook; our items join it.
REPORTS_MENU_HOOK = "register_reports_menu_item"
REPORTS_MENU_LABEL = _("Reports")

DUPLICATE_TARGET = _(
    "There is already a target for %(role)s in %(place)s (%(people)s people). Change that target instead."
)
PLACE_FIXED = _("The place and role of a target stay as they are; to move it, delete it and add a new one.")
HISTORY_OF = _("History of %(target)s")


def target_provinces(user) -> QuerySet[Province]:
    """The provinces whose targets this user may see and set: those of their report scope (all for national
    coordinators, their own for provincial ones, none for anyone else).

    Unlike `learners.selectors.coordinated_provinces`, trainers get none: they run workshops, not the rollout plan.
    """
    scope = report_scope(user=user)
    if scope is None:
        return Province.objects.none()
    if scope.national:
        return Province.objects.all()
    return Province.objects.filter(code__in=scope.provinces)


def targets_for(user) -> QuerySet[Target]:
    queryset = Target.objects.select_related("province", "district", "commune", "updated_by")
    if sees_all_provinces(user):
        return queryset
    return queryset.filter(province__in=target_provinces(user))


def target_changes_for(user) -> QuerySet[TargetChange]:
    queryset = TargetChange.objects.select_related("province", "district", "commune", "changed_by")
    if sees_all_provinces(user):
        return queryset
    return queryset.filter(province__in=target_provinces(user))


def _place_label(place) -> str:
    return f"{place.code} · {place.name}"


# Forms


class TargetForm(WagtailAdminModelForm):
    """Places are offered, and accepted, only inside the user's provinces."""

    class Meta:
        model = Target
        fields = ["province", "district", "commune", "role", "people"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = target_provinces(self.for_user)
        self.fields["province"].queryset = provinces
        self.fields["district"].queryset = District.objects.filter(province__in=provinces)
        self.fields["commune"].queryset = Commune.objects.filter(district__province__in=provinces)
        for name in ("province", "district", "commune"):
            self.fields[name].label_from_instance = _place_label
        self.fields["people"].widget.attrs.update(min=0, inputmode="numeric")

    def clean(self):
        cleaned = super().clean()
        commune, district = cleaned.get("commune"), cleaned.get("district")
        if commune is not None and district is None and "district" not in self.errors:
            # A commune names its district; saving both keeps counting per district a plain GROUP BY.
            cleaned["district"] = district = commune.district
        province, role = cleaned.get("province"), cleaned.get("role")
        if province is None or not role or self.errors:
            return cleaned
        duplicate = (
            Target.objects.filter(province=province, district=district, commune=commune, role=role)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if duplicate is not None:
            self.add_error(
                "role",
                DUPLICATE_TARGET
                % {"role": duplicate.get_role_display(), "place": duplicate.place, "people": duplicate.people},
            )
        return cleaned


class TargetEditForm(TargetForm):
    """Only the number changes: the history keeps one place and role per target."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("province", "district", "commune", "role"):
            self.fields[name].disabled = True
            self.fields[name].help_text = ""
        self.fields["role"].help_text = PLACE_FIXED


# Targets


class TargetFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=lambda request: target_provinces(request.user)
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    level = django_filters.ChoiceFilter(label=_("Level"), choices=TargetLevel.choices, method="filter_level")

    class Meta:
        model = Target
        fields = ["province", "role"]

    def filter_level(self, queryset, name, value):
        if value == TargetLevel.COMMUNE:
            return queryset.filter(commune__isnull=False)
        if value == TargetLevel.DISTRICT:
            return queryset.filter(district__isnull=False, commune__isnull=True)
        if value == TargetLevel.PROVINCE:
            return queryset.filter(district__isnull=True)
        return queryset


class PlaceColumn(Column):
    """A place as code and name, in the reader's language."""

    def get_value(self, instance):
        place = super().get_value(instance)
        return _place_label(place) if place is not None else ""


class TargetIndexView(generic.IndexView):
    def get_base_queryset(self):
        return targets_for(self.request.user)

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "province",
                label=_("Province"),
                accessor=lambda target: _place_label(target.province),
                get_url=self.get_edit_url,
                sort_key="province",
            ),
            PlaceColumn("district", label=_("District"), sort_key="district"),
            PlaceColumn("commune", label=_("Commune"), sort_key="commune"),
            Column("role", label=_("Role"), accessor="get_role_display", sort_key="role"),
            Column("people", label=_("People to train"), sort_key="people"),
            UserColumn("updated_by", label=_("Updated by")),
            DateColumn("updated_at", label=_("Updated at"), sort_key="updated_at"),
        ]

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("add") and self.user_has_permission("change"):
            buttons.append(HeaderButton(_("Import from a file"), url=reverse("targets:import"), icon_name="upload"))
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("reports.view_targetchange"):
            buttons.append(Button(_("History of changes"), url=reverse("target_changes:index"), icon_name="history"))
        return buttons


class TargetSaveErrorsMixin:
    """A check that only the database can make (two people adding the same target at once) becomes a form
    error instead of a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class TargetCreateView(TargetSaveErrorsMixin, generic.CreateView):
    def save_instance(self):
        return target_save(target=self.form.instance, user=self.request.user, source=TargetChangeSource.ADMIN)


class TargetEditView(TargetSaveErrorsMixin, generic.EditView):
    def get_queryset(self):
        return targets_for(self.request.user)

    def save_instance(self):
        return target_save(target=self.form.instance, user=self.request.user, source=TargetChangeSource.ADMIN)

    def get_history_url(self):
        if self.request.user.has_perm("reports.view_targetchange"):
            return reverse("target_changes:index") + "?" + urlencode({"target": self.object.pk})
        return None

    def get_last_updated_info(self):
        return None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if history_url := self.get_history_url():
            buttons.append(Button(_("History"), url=history_url, icon_name="history", priority=40))
        return buttons


class TargetDeleteView(generic.DeleteView):
    def get_queryset(self):
        return targets_for(self.request.user)

    def delete_action(self):
        target_delete(target=self.object, user=self.request.user)


class TargetViewSet(ModelViewSet):
    model = Target
    name = "targets"
    url_prefix = "reports/targets"
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
        from . import target_import_views as imports

        kept = {"index", "index_results", "add", "edit", "delete"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in kept] + [
            path("import/", imports.TargetImportView.as_view(), name="import"),
            path("import/confirm/", imports.TargetImportConfirmView.as_view(), name="import_confirm"),
            path("import/template.csv", imports.import_template, name="import_template"),
        ]


# History


class TargetChangeFilterSet(WagtailFilterSet):
    province = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=lambda request: target_provinces(request.user)
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    source = django_filters.ChoiceFilter(label=_("How"), choices=TargetChangeSource.choices)

    class Meta:
        model = TargetChange
        fields = ["province", "role", "source"]


class TargetChangeIndexView(generic.IndexView):
    any_permission_required = ["view"]
    default_ordering = "-changed_at"
    page_title = _("Target history")

    @cached_property
    def target(self) -> Target | None:
        pk = self.request.GET.get("target", "")
        return targets_for(self.request.user).filter(pk=pk).first() if pk.isdigit() else None

    def get_base_queryset(self):
        queryset = target_changes_for(self.request.user)
        if self.request.GET.get("target"):
            # A deleted or out-of-scope target shows an empty history, never somebody else's.
            queryset = queryset.filter(target=self.target) if self.target else queryset.none()
        return queryset

    def get_page_subtitle(self):
        if self.target is not None:
            return HISTORY_OF % {"target": self.target}
        return super().get_page_subtitle()

    @cached_property
    def columns(self):
        return [
            # An audit trail gives the date and time itself, not "5 minutes ago".
            Column("changed_at", label=_("When"), accessor=_when, sort_key="changed_at"),
            UserColumn("changed_by", label=_("Who")),
            Column("place", label=_("Place"), accessor=lambda change: _place_label(change.place)),
            Column("role", label=_("Role"), accessor="get_role_display", sort_key="role"),
            Column("change", label=_("Before → after"), accessor=_before_after),
            Column("source", label=_("How"), accessor="get_source_display", sort_key="source"),
            Column("file_name", label=_("File"), sort_key="file_name"),
        ]

    @cached_property
    def header_buttons(self):
        if self.target is not None and self.user_has_permission("view"):
            return [HeaderButton(_("Back to the target"), url=reverse("targets:edit", args=[self.target.pk]))]
        return []


def _when(change: TargetChange) -> str:
    return date_format(localtime(change.changed_at), "SHORT_DATETIME_FORMAT")


def _before_after(change: TargetChange) -> str:
    dash = "–"
    before = dash if change.people_before is None else change.people_before
    after = dash if change.people_after is None else change.people_after
    return f"{before} → {after}"


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
