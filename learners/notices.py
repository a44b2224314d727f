"""Telling a learner, once, what a coordinator decided about their account (confirmed, or rejected and why).

The notice is the learner's latest decision, if it still stands and they have not been shown it. base.html shows
it (templatetags.learner_notices) on the first page the learner opens, and `DecisionNoticeMiddleware` records it
as seen once that page has gone out, so it is not shown again, and marks that page `no-store` and `X-Not-Kept`:
neither the browser nor the site's service worker keeps a copy that would show it again offline.

Coordinators' side: `waiting_count`, the registrations waiting for them, on the coordination tabs and the admin
dashboard.
"""

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.http import HttpRequest
from django.utils.cache import patch_cache_control

from core.page_cache import shared_cache

from . import selectors
from .models import ConfirmationDecision, Decision, LearnerProfile
from .models.notices import DecisionSeen

SHOWN_ATTRIBUTE = "learners_decision_shown"  # set on the request by the template tag that showed a notice
# Pages inside another page (e.g. the admin's preview): the notice belongs to the page the person opened.
FRAMED = ("iframe", "frame", "embed", "object", "fencedframe")
ANNOUNCED = (Decision.CONFIRMED, Decision.REJECTED)  # an undone rejection says nothing: the learner waits again


def decision_to_tell(*, user) -> ConfirmationDecision | None:
    """The decision `user` has yet to be shown, or None. One query (none when signed out, and none while the
    shared cache remembers that there is nothing to tell: forgotten when a decision or the profile is saved)."""
    if not user.is_authenticated:
        return None
    nothing_key = NOTHING_TO_TELL.format(user.pk)
    if shared_cache().get(nothing_key):
        return None
    decision = _decision_to_tell(user)
    if decision is None:
        shared_cache().set(nothing_key, True, timeout=NOTHING_TO_TELL_SECONDS)
    return decision


NOTHING_TO_TELL = "nothing-to-tell:{}"
NOTHING_TO_TELL_SECONDS = 60 * 60


def _forget_nothing_to_tell(sender, instance, update_fields=None, **kwargs) -> None:
    if isinstance(instance, LearnerProfile) and update_fields is not None and "confirmation" not in update_fields:
        return  # the training columns and the like: what a notice depends on did not change
    user_id = instance.user_id if isinstance(instance, LearnerProfile) else instance.profile.user_id

    def forget():
        shared_cache().delete(NOTHING_TO_TELL.format(user_id))

    forget()
    transaction.on_commit(forget)  # again: a page opened meanwhile may have read the state before the commit


def connect() -> None:
    """Called from LearnersConfig.ready: every process forgets, whichever wrote the decision."""
    for model in (ConfirmationDecision, LearnerProfile):
        post_save.connect(_forget_nothing_to_tell, sender=model, dispatch_uid=f"learners.notices.{model.__name__}")


def _decision_to_tell(user) -> ConfirmationDecision | None:
    latest = (
        ConfirmationDecision.objects.filter(profile__user_id=user.pk)
        .select_related("profile__province", "seen")
        .order_by("-decided_at", "-pk")
        .first()
    )
    if latest is None or latest.decision not in ANNOUNCED or hasattr(latest, "seen"):
        return None
    # The learner changed their role or province since: their claim waits again and this decision no longer holds.
    if latest.profile.confirmation != latest.decision:
        return None
    return latest


@transaction.atomic
def decision_seen(*, decision: ConfirmationDecision) -> None:
    try:
        with transaction.atomic():  # two pages opened at once both record it; one row is enough
            DecisionSeen.objects.get_or_create(decision=decision)
    except IntegrityError:
        pass


def waiting_count(*, user) -> int | None:
    """Registrations waiting for `user`'s confirmation in their provinces; None when they may confirm no one (the
    waiting list's own rule, learners.coordinate_views.waiting)."""
    if not (selectors.manages_learners(user) and user.has_perm("learners.confirm_learner")):
        return None
    return selectors.learners_waiting(user=user).count()


def is_page_visit(request: HttpRequest) -> bool:
    """A page the person opens, not one fetched in the background (a module kept for offline reading, a browser
    prefetch): only then is a notice shown, and counted as seen. Browsers without Fetch Metadata count as visits."""
    if request.method not in ("GET", "POST"):
        return False
    if "prefetch" in (request.headers.get("Purpose", "") + request.headers.get("Sec-Purpose", "")):
        return False
    # Through the site's service worker a page arrives as mode "navigate", destination "empty" (Chromium).
    mode = request.headers.get("Sec-Fetch-Mode", "navigate")
    return mode == "navigate" and request.headers.get("Sec-Fetch-Dest", "document") not in FRAMED


class DecisionNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        decision = getattr(request, SHOWN_ATTRIBUTE, None)
        if decision is not None:
            patch_cache_control(response, private=True, no_store=True)
            response["X-Not-Kept"] = "1"  # the site's service worker keeps no copy either (core/sw.js)
            if response.status_code == 200:
                decision_seen(decision=decision)
        return response
