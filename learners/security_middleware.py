"""Per-request account security: the staff second-factor gate, sliding staff session expiry, and the cookie that
lets a browser which signed in before skip the lockout's slow-down.

Runs after django_otp's OTPMiddleware, which tells whether this session was verified by a code.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import lockout, two_factor

# Screens that show personal data or change content: Wagtail's admin (reports included) and the coordinators'.
PROTECTED = re.compile(r"^/(admin/|[a-z]{2}(-[a-z]+)?/coordinate/)")
# What a password-only session still needs inside /admin/: signing in and out.
ADMIN_OPEN = re.compile(r"^/admin/(login|logout|password_reset)/")
TRUSTED_COOKIE_AGE = 180 * 24 * 60 * 60


class AccountSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._gate(request)
        if response is None:
            response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.get(two_factor.STAFF_SESSION):
            two_factor.staff_session_keep(request)
        cookie = getattr(request, "_signin_trusted_cookie", None)
        if cookie:
            response.set_cookie(
                lockout.TRUSTED_BROWSER_COOKIE,
                cookie,
                max_age=TRUSTED_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def _gate(self, request):
        session = getattr(request, "session", None)
        if session is None:
            return None
        path = request.path_info
        if not PROTECTED.match(path) or ADMIN_OPEN.match(path):
            return None
        user = request.user
        if not user.is_authenticated:
            return None  # the admin and the coordinators' views send anonymous visitors to sign in themselves
        if not session.get(two_factor.STAFF_SESSION) and two_factor.is_staff_member(user):
            two_factor.staff_session_mark(request)  # a session from before this rule, or staff since sign-in
        if user.is_verified():
            return None
        if two_factor.has_device(user):
            target = "two_factor:verify"
        elif two_factor.is_required(user):
            target = "two_factor:setup"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
