"""Choosing a district and a commune of one province on a phone, without JavaScript.

A province has up to 14 districts and about 100 communes: one plain select of its communes, grouped under their
district's name (`<optgroup>`), is a few kilobytes and lets anyone find their commune with no script at all.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Commune, District, Province

NO_DISTRICT = _("None (the whole province)")
NO_COMMUNE = _("None (not a single commune)")


class CommunesByDistrict(forms.models.ModelChoiceIterator):
    """The field's communes as one group per district, in gazetteer order."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[District, list] = {}
        for commune in self.queryset.select_related("district").order_by("district_id", "code"):
            groups.setdefault(commune.district, []).append(self.choice(commune))
        for district, choices in groups.items():
            yield (district.name, choices)


class GroupedCommuneField(forms.ModelChoiceField):
    iterator = CommunesByDistrict

    def label_from_instance(self, obj):
        return obj.name  # its district is the group's heading


def district_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), required=False, empty_label=NO_DISTRICT
    )


def commune_field() -> GroupedCommuneField:
    return GroupedCommuneField(
        label=_("Commune"),
        queryset=Commune.objects.none(),
        required=False,
        empty_label=NO_COMMUNE,
        help_text=_("Communes are listed under their district."),
    )


def limit_to_province(form: forms.Form, province_code: str) -> None:
    """Offer only the districts and communes of one province (anything else posted is an invalid choice)."""
    form.fields["district"].queryset = District.objects.filter(province_id=province_code)
    form.fields["commune"].queryset = Commune.objects.filter(district__province_id=province_code)


class ProvinceStepForm(forms.Form):
    """Registration's first step (a GET form): the province, so the next page can list its districts and
    communes."""

    province = forms.ModelChoiceField(
        label=_("Your province"), queryset=Province.objects.all(), empty_label=_("Choose your province")
    )
