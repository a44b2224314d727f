"""The learners' help page: signing in, being locked out, quizzes, certificates, reading offline, whom to ask."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    """Public, so a learner who cannot sign in can read it. The lockout figures come from the settings that
    enforce them (learners.lockout), so the page never promises a wait the site does not keep."""
    context = {
        "lockout_failures": settings.LEARNERS_LOCKOUT_PAIR_FAILURES,
        "lockout_minutes": settings.LEARNERS_LOCKOUT_MINUTES,
    }
    return render(request, "core/help.html", context)
