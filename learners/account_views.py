"""A learner's own account pages (/km/account/...): sign in and out, registration, profile, password.

Thin: forms check input, services write, selectors read.
"""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import lockout, selectors, services
from .forms import LearnerDetailsForm, RegistrationForm, SignInForm
from .models import LearnerProfile

REGISTERED = _(
    "Welcome! You can start learning now. A coordinator of %(province)s will confirm your account; "
    "until then your results are not counted in reports."
)
PROFILE_SAVED = _("Your profile is saved.")
PASSWORD_CHANGED = _("Your password is changed.")
NO_PROFILE = _("Your account has no learner profile.")


def home_url() -> str:
    return f"/{translation.get_language()}/"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "learners/sign_in.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return home_url()


class SignOutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return home_url()


def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("learners:profile")
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.learner_register(
                details=form.details(),
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                address=lockout.client_address(request),
            )
        except ValidationError as error:
            form.add_service_errors(error)
            if getattr(error, "code", None) == services.REGISTRATION_LIMITED_CODE:
                status = 429
        else:
            login(request, profile.user, backend="learners.backends.PhoneOrUsernameBackend")
            messages.success(request, REGISTERED % {"province": profile.province.name})
            return redirect("learners:profile")
    return render(request, "learners/register.html", {"form": form}, status=status)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "learners/profile.html", {"profile": selectors.own_profile(user=request.user)})


def details_initial(profile: LearnerProfile) -> dict:
    return {
        "full_name_km": profile.full_name_km,
        "full_name_latin": profile.full_name_latin,
        "gender": profile.gender,
        "role": profile.role,
        "province": profile.province,
        "district": profile.district,
        "commune": profile.commune,
        "unit": profile.unit,
        "phone": profile.phone_display,
        "email": profile.user.email,
    }


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    own = selectors.own_profile(user=request.user)
    if own is None:
        raise Http404(NO_PROFILE)
    form = LearnerDetailsForm(request.POST or None, initial=details_initial(own), place_province=own.province)
    if request.method == "POST" and form.is_valid():
        try:
            services.learner_update(profile=own, details=form.details(), actor=request.user)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, PROFILE_SAVED)
            return redirect("learners:profile")
    return render(request, "learners/profile_edit.html", {"form": form, "profile": own})


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_set(user=request.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, PASSWORD_CHANGED)
        return redirect("learners:profile")
    return render(request, "learners/password_change.html", {"form": form})
