"""Forms: sign-in (site and Wagtail admin), registration, profile, coordinator screens, import upload."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from core.roles import Role

from .models import Gender, Province
from .phone import normalise_phone
from .place_fields import commune_field, district_field, limit_to_province
from .services import PRIVILEGED_CREDENTIALS, LearnerDetails

USERNAME_OR_PHONE = _("Username or phone number")
INVALID_SIGN_IN = _("The username or phone number and password do not match. Check both and try again.")


class LockoutMessageMixin:
    """Shows why the backend refused (locked, or slowed down) instead of "wrong password"."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            refusal = getattr(self.request, "_signin_refusal", None) if self.request is not None else None
            if refusal is not None:
                raise forms.ValidationError(refusal.message(), code="locked") from None
            raise


class SignInForm(LockoutMessageMixin, AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": INVALID_SIGN_IN}

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = USERNAME_OR_PHONE
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})


class AdminSignInForm(LockoutMessageMixin, WagtailLoginForm):
    """Wagtail admin's sign-in form with the same lockout message (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = USERNAME_OR_PHONE


NEED_PHONE_OR_USERNAME = _("Give a phone number or choose a username, so that you can sign in.")
PASSWORDS_DIFFER = _("The two passwords are not the same.")
FILE_TOO_BIG = _("The file is larger than %(size)s MB. Split it into smaller files.")
FILE_TYPE = _("Upload a .csv or .xlsx file.")


class LearnerDetailsForm(forms.Form):
    """The profile fields; district and commune offer the places of one province (the chosen or current one)."""

    full_name_km = forms.CharField(label=_("Full name in Khmer"), max_length=150)
    full_name_latin = forms.CharField(
        label=_("Name in Latin letters"), max_length=150, required=False, help_text=_("Optional, as on an ID card.")
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, widget=forms.RadioSelect)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.all())
    district = district_field()
    commune = commune_field()
    unit = forms.CharField(
        label=_("Unit or organisation"),
        max_length=200,
        required=False,
        help_text=_("For example: Kampot provincial police, anti-trafficking unit."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        help_text=_("For example 012 345 678. You can sign in with it."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail (optional)"), required=False)

    # Where a service's error for a model field is shown in this form.
    service_field_names = {"password": "password1"}

    def __init__(self, *args, provinces=None, place_province=None, credentials_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        if provinces is not None:
            self.fields["province"].queryset = provinces
        if credentials_locked:
            # Shown but not editable: a disabled field keeps its initial value whatever is posted (the service
            # refuses a change anyway).
            for name in ("email", "phone"):
                self.fields[name].disabled = True
                self.fields[name].help_text = PRIVILEGED_CREDENTIALS
        province_code = self._chosen_province_code(place_province)
        if province_code:
            limit_to_province(self, province_code)
        else:
            del self.fields["district"]
            del self.fields["commune"]

    def _chosen_province_code(self, place_province) -> str | None:
        if self.is_bound and self.data.get(self.add_prefix("province")):
            return str(self.data.get(self.add_prefix("province")))
        if place_province is not None:
            return place_province.code
        initial = self.initial.get("province")
        return getattr(initial, "code", initial) or None

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        return normalise_phone(value) if value else ""

    def details(self) -> LearnerDetails:
        data = self.cleaned_data
        return LearnerDetails(
            full_name_km=data["full_name_km"],
            full_name_latin=data.get("full_name_latin", ""),
            role=data["role"],
            gender=data["gender"],
            province=data["province"],
            district=data.get("district"),
            commune=data.get("commune"),
            unit=data.get("unit", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Errors from a service, shown next to their field (or above the form when no field matches)."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                name = self.service_field_names.get(name, name)
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class RegistrationForm(LearnerDetailsForm):
    """Self-registration asks only what is needed; the rest can be added later on the profile page.

    The province is chosen on the step before (`place_fields.ProvinceStepForm`), so this form can offer its
    districts and communes without JavaScript; it travels on as a hidden field, checked like any other.
    """

    username = forms.CharField(
        label=_("Username (optional)"),
        max_length=150,
        required=False,
        help_text=_("Letters, digits and . - _ only. Without one, you sign in with your phone number."),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "autocomplete": "username"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    field_order = [
        "full_name_km",
        "gender",
        "role",
        "province",
        "district",
        "commune",
        "unit",
        "phone",
        "username",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name_latin", "email"):
            self.fields.pop(name, None)
        self.fields["province"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("username") and "phone" not in self.errors:
            self.add_error("phone", NEED_PHONE_OR_USERNAME)
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", PASSWORDS_DIFFER)
        return data


class CoordinatorLearnerForm(LearnerDetailsForm):
    """A coordinator creates a learner and hands the first password over in person."""

    username = forms.CharField(
        label=_("Username (optional)"),
        max_length=150,
        required=False,
        help_text=_("Left empty, the phone number (or a generated name) is used."),
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File of learners (.csv or .xlsx)"),
        help_text=_(
            "Columns: full_name_km, gender, role, province, and optionally full_name_latin, district, commune, "
            "unit, phone, email, username. Province, district and commune by code or by Khmer or English name; the "
            "role as people write it, in Khmer or English (ប៉ូលីស, commune council member, CCWC…). Commas or "
            "semicolons between columns."
        ),
    )

    max_megabytes = 2

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(FILE_TYPE, code="file_type")
        if upload.size > self.max_megabytes * 1024 * 1024:
            raise ValidationError(FILE_TOO_BIG, code="too_big", params={"size": self.max_megabytes})
        return upload
