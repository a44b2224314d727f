"""The filters every report page shares (read from the query string, so a filtered view can be bookmarked)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.roles import Role
from curriculum.models import ModulePage
from learners.models import Gender

from .selectors import Filters

END_BEFORE_START = _("The end date is before the start date.")


class Breakdown:
    GENDER = "gender"
    ROLE = "role"
    NONE = "none"
    CHOICES = [(GENDER, _("By gender")), (ROLE, _("By role")), (NONE, _("Totals only"))]


class ReportFilterForm(forms.Form):
    role = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    gender = forms.MultipleChoiceField(
        label=_("Gender"), choices=Gender.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    module = forms.ModelMultipleChoiceField(
        label=_("Modules"),
        queryset=ModulePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to count the whole course (every required module)."),
    )
    threshold = forms.IntegerField(
        label=_("Needs training below (%)"),
        min_value=1,
        max_value=100,
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": "50"}),
    )
    breakdown = forms.ChoiceField(label=_("Split figures"), choices=Breakdown.CHOICES, required=False)
    share = forms.BooleanField(
        label=_("For sharing outside NGOCRC"),
        required=False,
        help_text=_(
            "Counts from 1 to 4, and figures from which they could be worked out, are hidden so that no one can be "
            "singled out."
        ),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        modules = ModulePage.objects.live().order_by("path")
        self.fields["module"].queryset = modules
        self.fields["module"].label_from_instance = lambda module: f"{module.number}. {module.title}"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", END_BEFORE_START)
        return cleaned

    def _value(self, name, default=None):
        if not self.is_bound or not self.is_valid():
            return default
        value = self.cleaned_data.get(name)
        return default if value in (None, "", []) else value

    def filters(self) -> Filters:
        """The filters as the selectors take them; with invalid input, no filters (the errors are shown)."""
        modules = self._value("module", [])
        return Filters(
            roles=tuple(self._value("role", ())),
            genders=tuple(self._value("gender", ())),
            start=self._value("start"),
            end=self._value("end"),
            modules=tuple(sorted(module.pk for module in modules)),
        )

    @property
    def threshold_value(self) -> int:
        return self._value("threshold", 50)

    @property
    def breakdown_value(self) -> str:
        return self._value("breakdown", Breakdown.GENDER)

    @property
    def share_value(self) -> bool:
        return bool(self._value("share", False))

    @property
    def active(self) -> bool:
        """Whether any filter narrows the figures (the page says so next to the table)."""
        filters = self.filters()
        return bool(filters.roles or filters.genders or filters.start or filters.end or filters.modules)
