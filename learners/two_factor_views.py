"""Two-step sign-in pages for staff: set up an authenticator app (QR code and secret), and enter a code."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from . import two_factor

SET_UP = _("Two-step sign-in is on. From now on, you will be asked for a code from your app after your password.")
NOT_STAFF = _("Two-step sign-in is for staff accounts.")


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}),
    )


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    allowed = {request.get_host()}
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts=allowed, require_https=request.is_secure()):
        return candidate
    return "/admin/"


@never_cache
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not two_factor.is_staff_member(user):
        messages.error(request, NOT_STAFF)
        return redirect("learners:profile")
    # Replacing the app needs the current one: otherwise a stolen password alone could take the second factor.
    if two_factor.has_device(user) and not user.is_verified():
        messages.error(request, two_factor.ALREADY_SET_UP)
        return redirect(_with_next("two_factor:verify", request.get_full_path()))
    secret = request.session.get(two_factor.SETUP_KEY_SESSION)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if not secret:
            form.add_error(None, two_factor.SETUP_EXPIRED)
        elif form.is_valid():
            try:
                two_factor.setup_finish(request=request, secret_hex=secret, token=form.cleaned_data["token"])
            except ValidationError as error:
                form.add_error("token", error.message_dict["token"])
            else:
                messages.success(request, SET_UP)
                return redirect(_next_url(request))
    if not secret:
        secret = two_factor.new_secret()
        request.session[two_factor.SETUP_KEY_SESSION] = secret
    context = {
        "form": form,
        "qr_svg": mark_safe(two_factor.qr_svg(two_factor.config_url(user=user, secret_hex=secret))),  # noqa: S308 - SVG drawn by qrcode from our own data
        "secret_text": two_factor.secret_text(secret),
        "next": _next_url(request),
        "required": two_factor.is_required(user),
    }
    return render(request, "learners/two_factor_setup.html", context)


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not two_factor.has_device(user):
        return redirect(_with_next("two_factor:setup", _next_url(request)))
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor.session_verify(request=request, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error("token", error.message_dict["token"])
        else:
            return redirect(_next_url(request))
    return render(request, "learners/two_factor_verify.html", {"form": form, "next": _next_url(request)})


app_name = "two_factor"
urlpatterns = [
    path("setup/", setup, name="setup"),
    path("verify/", verify, name="verify"),
]
