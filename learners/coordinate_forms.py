"""Forms of the coordinators' learner screens: the list's filters, and the reason for a rejection.

The filters are a GET form whose place choices are only the coordinator's own. District and commune are offered
once the province (and then the district) is known, so the form works without JavaScript on a phone: choose a
province, search, then a district appears.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.roles import Role

from .models import REASON_MAX_LENGTH, Commune, Confirmation, District, Province
from .progress import PROGRESS_CHOICES
from .selectors import ListOrder

ALL = [("", _("All"))]


class LearnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, username or phone"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.none(), required=False, empty_label=_("All")
    )
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), required=False, empty_label=_("All")
    )
    commune = forms.ModelChoiceField(
        label=_("Commune"), queryset=Commune.objects.none(), required=False, empty_label=_("All")
    )
    role = forms.ChoiceField(label=_("Role"), choices=ALL + Role.choices, required=False)
    progress = forms.ChoiceField(label=_("Training"), choices=ALL + PROGRESS_CHOICES, required=False)
    confirmation = forms.ChoiceField(label=_("Confirmation"), choices=ALL + Confirmation.choices, required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=ListOrder.choices, required=False)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        data = self.data if self.is_bound else {}
        # The one province of a provincial coordinator counts as chosen: its districts are offered at once. A
        # district or commune given without its province (a link from a report) is offered too.
        province_code = data.get("province") or (provinces[0].code if len(provinces) == 1 else "")
        district_code = data.get("district") or ""
        if province_code or district_code:
            districts = District.objects.filter(province__in=provinces)
            self.fields["district"].queryset = (
                districts.filter(province_id=province_code) if province_code else districts
            )
        else:
            del self.fields["district"]
        if district_code or data.get("commune"):
            communes = Commune.objects.filter(district__province__in=provinces)
            self.fields["commune"].queryset = communes.filter(district_id=district_code) if district_code else communes
        else:
            del self.fields["commune"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this person rejected?"),
        help_text=_("For example: not a council member of this commune. The person will read it."),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
