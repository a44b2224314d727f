"""Forms: sign-in (site and Wagtail admin), registration, profile, coordinator screens, import upload."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from . import lockout

USERNAME_OR_PHONE = _("Username or phone number")
INVALID_SIGN_IN = _("The username or phone number and password do not match. Check both and try again.")


class LockoutMessageMixin:
    """Shows the lockout message instead of "wrong password" when the backend refused a locked account."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if self.request is not None and getattr(self.request, "_signin_locked", False):
                raise forms.ValidationError(lockout.locked_message(), code="locked") from None
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
