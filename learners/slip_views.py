"""Sign-in slips (/km/coordinate/slips/): for a whole import or a selection of learners, say what printing will do,
then set one-time passwords and send the printable sheet (PDF). The passwords exist only in that response.

GET ?batch=<import id> and/or ?learner=<id>&learner=<id>...: those learners, each with where their password stands,
ticked when they have none yet; without either, the learners of the learner list's filters (its query string, at
most LIST_AT_MOST of them). POST to the same address (CSRF) with `ticked` (learner ids among them) and
`replace_own` ("on") and, when text messages are on (core.sms), `text` ("on"): the PDF (every slip; those texted say
so), or the page again (400) with what stopped it, nothing changed. Learners outside the
coordinator's scope, and imports that are not theirs (unless they see every province), are a 404.
"""

from dataclasses import replace

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core import sms

from . import selectors, texts
from .coordinate_views import coordinator_required, filtered_learners
from .issued_passwords import SLIPS_AT_MOST, PasswordState, password_states, sign_in_slips_issue
from .models import ImportBatch, LearnerProfile
from .slips_pdf import slips_pdf

LIST_AT_MOST = 500  # a list longer than this is narrowed first (by commune, say): the page shows every learner
# The order of the page: who needs a slip first, then whose slip is unused, then those with their own password.
STATE_ORDER = [PasswordState.NONE, PasswordState.ISSUED, PasswordState.OWN, PasswordState.STAFF]


def _ids(values: list[str]) -> list[int]:
    try:
        return sorted({int(value) for value in values})
    except ValueError as error:
        raise Http404 from error


def _batch(request: HttpRequest, value: str | None) -> ImportBatch | None:
    if not value:
        return None
    batches = ImportBatch.objects.all()
    if not selectors.sees_all_provinces(request.user):
        batches = batches.filter(created_by=request.user)
    return get_object_or_404(batches, pk=_ids([value])[0])


def _learners(request: HttpRequest, *, batch: ImportBatch | None, ids: list[int]) -> list[LearnerProfile]:
    """The learners the page is about, all in the user's scope (a missing one is a 404: never silently fewer)."""
    in_scope = selectors.learners_for(user=request.user)
    found = list(in_scope.filter(pk__in=ids)) if ids else []
    if len(found) != len(ids):
        raise Http404
    if batch is not None:
        found += list(in_scope.filter(import_batch=batch).exclude(pk__in=ids))
    return found


def _rows(request: HttpRequest, learners: list[LearnerProfile], *, ticked: set[int] | None) -> list[dict]:
    states = password_states(actor=request.user, profiles=learners)
    learners = sorted(learners, key=lambda learner: (STATE_ORDER.index(states[learner.pk]), learner.full_name_km))
    if ticked is None:  # first visit: those who have no password at all, up to one sheet
        fresh = [learner.pk for learner in learners if states[learner.pk] == PasswordState.NONE]
        ticked = set(fresh[:SLIPS_AT_MOST])
    return [{"learner": learner, "state": states[learner.pk], "ticked": learner.pk in ticked} for learner in learners]


@coordinator_required("reset_learner_password")
def sign_in_slips(request: HttpRequest) -> HttpResponse:
    # The query string says which learners the page is about; a POST (to the same address) says which are ticked.
    batch = _batch(request, request.GET.get("batch"))
    ids = _ids(request.GET.getlist("learner"))
    too_many = False
    if batch is None and not ids:
        _form, queryset = filtered_learners(request)
        learners = list(queryset[: LIST_AT_MOST + 1])
        too_many = len(learners) > LIST_AT_MOST
        learners = [] if too_many else learners
    else:
        learners = _learners(request, batch=batch, ids=ids)
    error, ticked, replace_own, text = None, None, False, False
    if request.method == "POST":
        by_pk = {learner.pk: learner for learner in learners}
        ticked_ids = _ids(request.POST.getlist("ticked"))
        if any(pk not in by_pk for pk in ticked_ids):
            raise Http404
        replace_own = request.POST.get("replace_own") == "on"
        text = request.POST.get("text") == "on" and sms.is_enabled()
        profiles = [by_pk[pk] for pk in ticked_ids]
        try:
            slips = sign_in_slips_issue(actor=request.user, profiles=profiles, replace_own=replace_own)
        except ValidationError as refusal:
            error, ticked = " ".join(refusal.messages), set(ticked_ids)
        else:
            if text:  # after the passwords are saved: a text never carries a password that was rolled back
                slips = [
                    replace(slip, texted=texts.send_one_time_password(profile=profile, password=slip.password))
                    for slip, profile in zip(slips, profiles, strict=True)
                ]
            return _pdf_response(request, slips=slips, batch=batch)
    rows = _rows(request, learners, ticked=ticked)
    context = {
        "batch": batch,
        "rows": rows,
        "error": error,
        "replace_own": replace_own,
        "can_text": sms.is_enabled(),
        "text": text,
        "states": PasswordState,
        "at_most": SLIPS_AT_MOST,
        "too_many": too_many,
        "list_at_most": LIST_AT_MOST,
    }
    return render(request, "learners/coordinate/slips.html", context, status=200 if error is None else 400)


def _pdf_response(request: HttpRequest, *, slips, batch) -> HttpResponse:
    # The site's address, the shortest to type on a phone (browsers add the https://): its home page has the Sign
    # in link.
    site = request.build_absolute_uri("/").split("://", 1)[1].rstrip("/")
    pdf = slips_pdf(slips=slips, batch=batch, site_url=site)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sign-in-slips-{timezone.localdate():%Y-%m-%d}.pdf"'
    return response
