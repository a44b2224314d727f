"""Forms of the workshop screens (usable on a phone, without JavaScript). Rules live in services and rules."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from curriculum.models import ModulePage
from learners.place_fields import commune_field, district_field, limit_to_province

from .models import AttendanceRule, FundingProject, Workshop
from .services import MAX_DAYS

DAYS_NEEDED_MISSING = _("Say how many days a participant must attend.")
DAYS_NEEDED_TOO_MANY = _("The workshop has only %(days)s days.")


class ModuleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}" if obj.number else obj.title


class WorkshopForm(forms.ModelForm):
    first_day = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    day_count = forms.IntegerField(label=_("Number of days"), min_value=1, max_value=MAX_DAYS, initial=1)
    modules = ModuleChoiceField(
        label=_("Modules covered"),
        queryset=ModulePage.objects.live().order_by("path"),
        widget=forms.CheckboxSelectMultiple,
    )
    district = district_field()
    commune = commune_field()

    class Meta:
        model = Workshop
        fields = [
            "title_km",
            "title_en",
            "organisation",
            "project",
            "province",
            "district",
            "commune",
            "venue",
            "modules",
            "capacity",
            "attendance_rule",
            "min_days",
        ]
        widgets = {"attendance_rule": forms.RadioSelect}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
        self.fields["project"].queryset = FundingProject.objects.select_related("donor")
        province = self.data.get("province") if self.is_bound else getattr(self.instance, "province_id", None)
        if province:
            limit_to_province(self, str(province))
        else:
            del self.fields["district"]
            del self.fields["commune"]
        if self.instance.pk and self.instance.starts_on:
            self.initial.setdefault("first_day", self.instance.starts_on)
            self.initial.setdefault("day_count", self.instance.days.count())

    def clean(self):
        data = super().clean()
        rule, needed, count = data.get("attendance_rule"), data.get("min_days"), data.get("day_count")
        if rule == AttendanceRule.AT_LEAST:
            if not needed:
                self.add_error("min_days", DAYS_NEEDED_MISSING)
            elif count and needed > count:
                self.add_error("min_days", ValidationError(DAYS_NEEDED_TOO_MANY, params={"days": count}))
        return data

    def dates(self) -> list:
        first, count = self.cleaned_data["first_day"], self.cleaned_data["day_count"]
        return [first + timedelta(days=offset) for offset in range(count)]


class DayModulesForm(forms.Form):
    """Which of the workshop's modules were taught on a day (for the rule 'the days that cover each module')."""

    modules = ModuleChoiceField(
        label=_("Modules taught this day"),
        queryset=ModulePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, day, **kwargs):
        kwargs.setdefault("initial", {"modules": list(day.modules.all())})
        super().__init__(*args, **kwargs)
        self.fields["modules"].queryset = day.workshop.modules.order_by("path")


class RosterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or phone number"), max_length=100, widget=forms.TextInput(attrs={"type": "search"})
    )


class ScanForm(forms.Form):
    file = forms.FileField(
        label=_("Photo or scan of the paper sign-in sheet"),
        help_text=_("A photo (JPEG or PNG) or a PDF, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
    )


class ScoresForm(forms.Form):
    """One score (%) per participant; a blank leaves it as it was."""

    def __init__(self, *args, participants=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for participant in participants:
            name = f"score_{participant.pk}"
            self.fields[name] = forms.IntegerField(
                label=participant.learner.learner_profile.full_name_km,
                min_value=0,
                max_value=100,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
            )
            self.rows.append((participant, name))

    def scores(self) -> dict[int, int | None]:
        return {participant.pk: self.cleaned_data.get(name) for participant, name in self.rows}


class AnswersForm(forms.Form):
    """One participant's paper test, question by question: ticked = answered correctly."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            self.fields[f"q_{question.pk}"] = forms.BooleanField(label=f"{number}. {question.text}", required=False)
        self.question_ids = [question.pk for question in questions]

    def correct(self) -> dict[int, bool]:
        return {pk: bool(self.cleaned_data.get(f"q_{pk}")) for pk in self.question_ids}
