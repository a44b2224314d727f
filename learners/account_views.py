"""A learner's own account pages (/km/account/...): sign in and out, registration, profile, password.

Thin: forms check input, services write, selectors read. Where people land after signing in is in `landing`.
"""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from . import first_password, issued_passwords, landing, lockout, selectors, services
from .forms import LearnerDetailsForm, RegistrationForm, SignInForm
from .models import LearnerProfile, Province
from .place_fields import ProvinceStepForm

REGISTERED = _(
    "Welcome! You can start learning now. A coordinator of %(province)s will confirm your account; "
    "until then your results are not counted in reports."
)
PROFILE_SAVED = _("Your profile is saved.")
PASSWORD_CHANGED = _("Your password is changed.")
PASSWORD_CHOSEN = _("Your password is saved. From now on, sign in with it.")
NO_PROFILE = _("Your account has no learner profile.")


class SignInView(auth_views.LoginView):
    """A learner goes where they were going (`?next=`, in the language they signed in with); without one, a
    coordinator lands on their coordinator page and anyone else on the home page."""

    form_class = SignInForm
    template_name = "learners/sign_in.html"
    redirect_authenticated_user = True

    def get_redirect_url(self):
        return landing.next_in_language(super().get_redirect_url())

    def get_default_redirect_url(self):
        return landing.landing_url(self.request.user)


class SignOutView(auth_views.LogoutView):
    def get_default_redirect_url(self):
        return landing.home_url()


def _registration_province(request: HttpRequest) -> Province | None:
    code = request.POST.get("province") or request.GET.get("province")
    return Province.objects.filter(code=code).first() if code else None


def register(request: HttpRequest) -> HttpResponse:
    """Two steps, so that a phone without JavaScript can offer the districts and communes of one province: the
    province (a GET form), then the details with that province's places."""
    if request.user.is_authenticated:
        return redirect("learners:profile")
    next_url = landing.next_in_language(landing.safe_next(request, request.POST.get("next") or request.GET.get("next")))
    province = _registration_province(request)
    if province is None:
        # Bound (and so showing why) once a province was asked for: an unknown code, or a form posted without one.
        data = request.POST if request.method == "POST" else (request.GET if "province" in request.GET else None)
        step = ProvinceStepForm(data)
        return render(request, "learners/register_province.html", {"form": step, "next": next_url})
    form = RegistrationForm(request.POST or None, initial={"province": province}, place_province=province)
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
            return redirect(next_url or "learners:profile")
    context = {"form": form, "province": province, "next": next_url}
    return render(request, "learners/register.html", context, status=status)


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


@login_required
def password_choose(request: HttpRequest) -> HttpResponse:
    """After signing in with a password someone else chose (a sign-in slip): the learner's own, then on to where
    they were going."""
    next_url = landing.next_in_language(landing.safe_next(request, request.POST.get("next") or request.GET.get("next")))
    onward = next_url or landing.landing_url(request.user)
    if not issued_passwords.must_choose_password(request.user):
        first_password.chosen(request)
        return redirect(onward)
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued_passwords.own_password_choose(user=request.user, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            update_session_auth_hash(request, request.user)
            first_password.chosen(request)
            messages.success(request, PASSWORD_CHOSEN)
            return redirect(onward)
    return render(request, "learners/password_choose.html", {"form": form, "next": next_url})
