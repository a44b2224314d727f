"""The filters every report page shares (read from the query string, so a filtered view can be bookmarked)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.roles import Role
from core.translated import both
from curriculum.models import ModulePage
from learners.models import Gender

from . import sharing
from .filters import Filters

END_BEFORE_START = _("The end date is before the start date.")
# Which filters sharing ignores and why, shown under the checkbox in Khmer and in English.
SHARING_HELP = _(
    "Counts from 1 to 4, and figures from which they could be worked out, are hidden so that no one can be "
    "singled out. When sharing, the Roles, Gender, Modules, From and Until filters are not applied: the figures "
    "always cover every learner and the whole course, with all dates up to the end of the last complete month. "
    "Otherwise two shared files with different filters could be subtracted from each other to work out the "
    "hidden counts. Splitting figures by gender or by role still works."
)
NOT_APPLIED = _("Not applied when sharing: %(filters)s.")
SHARING_IGNORES = ("role", "gender", "module", "start", "end")  # the fields shared figures never take


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
    share = forms.BooleanField(label=_("For sharing outside NGOCRC"), required=False)

    def __init__(self, data=None, *, today=None, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today  # the day the shared period ends from (None: today)
        modules = ModulePage.objects.live().order_by("path")
        self.fields["module"].queryset = modules
        self.fields["module"].label_from_instance = lambda module: f"{module.number}. {module.title}"
        self.fields["share"].help_text = "\n".join(dict.fromkeys(both(SHARING_HELP).values()))

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
        """The filters the figures are made with. For sharing, always the same ones (`sharing.shared_filters`),
        whatever the query string asks, so that two shared files cannot be subtracted from each other."""
        if self.share_value:
            return sharing.shared_filters(self.today)
        return self.chosen_filters()

    def chosen_filters(self) -> Filters:
        """The filters the reader asked for; with invalid input, no filters (the errors are shown)."""
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
        """Read on its own, so that an error in another field never turns a shared page into an unprotected one."""
        if not self.is_bound:
            return False
        field = self.fields["share"]
        return bool(field.clean(field.widget.value_from_datadict(self.data, self.files, self.add_prefix("share"))))

    @property
    def active(self) -> bool:
        """Whether any filter narrows the figures (the page says so next to the table)."""
        if self.share_value:
            return False
        filters = self.filters()
        return bool(filters.roles or filters.genders or filters.start or filters.end or filters.modules)

    @property
    def ignored(self) -> str:
        """For sharing, the filters the reader chose that are not applied, as a sentence ("" when none)."""
        if not self.share_value:
            return ""
        given = self.data.getlist if hasattr(self.data, "getlist") else lambda name: [self.data.get(name)]
        chosen = [str(self.fields[name].label) for name in SHARING_IGNORES if any(given(name))]
        return str(NOT_APPLIED) % {"filters": ", ".join(chosen)} if chosen else ""

    def shared_period(self) -> dict[str, str]:
        """The period shared figures cover, in Khmer and in English."""
        return sharing.shared_period(self.filters())
