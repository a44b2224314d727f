"""Until someone who signed in with an issued password chooses their own, that is all they can do.

Whether they must is read once, when they sign in (`user_logged_in`), and kept in the session; every request then
costs nothing. Pages send them to choose (and come back afterwards); anything else (a form sent from another tab,
a script's request such as the offline answers' upload) is refused with a message, and nothing is lost: the phone
keeps its answers.
"""

from urllib.parse import urlencode

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .issued_passwords import must_choose_password

SESSION_KEY = "learners_choose_password"
CHOOSE_FIRST = _("Choose your own password first: the one you were given works only once.")
# What stays open: choosing, signing out, switching language, and what every page loads.
OPEN_VIEWS = {
    "learners:password_choose",
    "learners:sign_out",
    "set_language",
    "service_worker",
    "web_manifest",
    "offline",
    "health",
    "media",
}


@receiver(user_logged_in, dispatch_uid="learners_choose_password")
def _on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        if must_choose_password(user):
            request.session[SESSION_KEY] = True
        else:
            request.session.pop(SESSION_KEY, None)


def chosen(request) -> None:
    """The learner chose their own password: everything is open again."""
    request.session.pop(SESSION_KEY, None)


class ChoosePasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        session = getattr(request, "session", None)
        if session is None or not session.get(SESSION_KEY) or not request.user.is_authenticated:
            return None
        if request.resolver_match is not None and request.resolver_match.view_name in OPEN_VIEWS:
            return None
        # A page opened in the browser (browsers without Sec-Fetch-Mode send none: taken as one) is sent to choose;
        # a script's request (the page script keeping a module, sending answers) is refused, so that it never
        # keeps the choosing page in place of what it asked for.
        opened = request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
        if request.method in ("GET", "HEAD") and opened:
            target = reverse("learners:password_choose")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        if not opened or "json" in request.content_type or "json" in request.headers.get("Accept", ""):
            return JsonResponse({"message": str(CHOOSE_FIRST)}, status=403)
        return render(request, "learners/forbidden.html", {"message": CHOOSE_FIRST}, status=403)
