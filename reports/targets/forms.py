"""Forms of the target screens: add and edit a target inside one's provinces, and upload a file of targets."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from learners.forms import ImportUploadForm
from learners.models import Commune, District

from ..models import Target
from .selectors import target_provinces

DUPLICATE_TARGET = _(
    "There is already a target for %(role)s in %(place)s (%(people)s people). Change that target instead."
)
PLACE_FIXED = _("The place and role of a target stay as they are; to move it, delete it and add a new one.")


def place_label(place) -> str:
    return f"{place.code} · {place.name}"


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
            self.fields[name].label_from_instance = place_label
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


class TargetUploadForm(ImportUploadForm):
    """The learner import's checks (.csv or .xlsx, at most 2 MB), with this import's columns."""

    file = forms.FileField(
        label=_("File of targets (.csv or .xlsx)"),
        help_text=_(
            "Columns: province_code, role, people, and optionally district_code and commune_code. Places by "
            "gazetteer code or by Khmer or English name; roles by code or by name in either language."
        ),
    )
