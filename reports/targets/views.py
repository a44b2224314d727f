"""Target screens in the admin: the scoped list, add, edit and delete, and the history of changes (read-only).

Another province's target is a 404 (every queryset comes from `targets.selectors`); every save and delete goes
through `reports.services`, which records the change with the user in `TargetChange`.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button, HeaderButton

from core.roles import Role

from ..models import Target, TargetChange, TargetChangeSource, TargetLevel
from ..services import target_delete, target_save
from .forms import place_label
from .selectors import target_changes_for, target_provinces, targets_for

HISTORY_OF = _("History of %(target)s")


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
        return place_label(place) if place is not None else ""


class TargetIndexView(generic.IndexView):
    def get_base_queryset(self):
        return targets_for(self.request.user)

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "province",
                label=_("Province"),
                accessor=lambda target: place_label(target.province),
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
            Column("place", label=_("Place"), accessor=lambda change: place_label(change.place)),
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
