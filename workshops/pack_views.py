"""Downloads of the printed pack, its answer key and the printed manual.

The pack is for the people who see the workshop (workshops.scope); the answer key only for those who run it (its
organisation's staff, its trainers and NGOCRC), never for a participant or a provincial coordinator. The printed
manual is for anyone signed in, kept as a file per manual, language and content version so that printing it again
costs a file read until something under the manual is published.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from curriculum.models import ManualPage
from learners.issued_passwords import SLIPS_AT_MOST, PasswordState, password_states, sign_in_slips_issue
from learners.models import LearnerProfile
from learners.slips_pdf import slips_pdf

from . import pack
from .scope import runs, workshops_for

PRINTED_DIR = "printed"


def _language() -> str:
    return "en" if get_language() == "en" else "km"


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def workshop_pack(request, pk: int):
    workshop = get_object_or_404(workshops_for(user=request.user), pk=pk)
    language = _language()
    return _pdf(pack.pack_pdf(workshop=workshop, language=language), f"workshop-{workshop.pk}-pack-{language}.pdf")


@require_GET
@login_required
def workshop_answer_key(request, pk: int):
    workshop = get_object_or_404(workshops_for(user=request.user), pk=pk)
    if not runs(user=request.user, workshop=workshop):
        raise PermissionDenied
    language = _language()
    return _pdf(
        pack.answer_key_pdf(workshop=workshop, language=language), f"workshop-{workshop.pk}-answer-key-{language}.pdf"
    )


# A participant's password may be (re)issued by whoever runs the workshop only while it is not one they chose.
SLIP_STATES = (PasswordState.NONE, PasswordState.ISSUED)


@require_POST
@login_required
def workshop_slips(request, pk: int):
    """Sign-in slips for the participants who have no password of their own yet (imported, or whose slip is
    unused): new one-time passwords, printed once. Nobody's own password is replaced, and no staff account's."""
    workshop = get_object_or_404(workshops_for(user=request.user), pk=pk)
    if not runs(user=request.user, workshop=workshop):
        raise PermissionDenied
    profiles = list(
        LearnerProfile.objects.filter(user__workshop_places__workshop=workshop)
        .select_related("user")
        .order_by("full_name_km", "pk")
    )
    states = password_states(actor=request.user, profiles=profiles)
    needing = [profile for profile in profiles if states[profile.pk] in SLIP_STATES][:SLIPS_AT_MOST]
    if not needing:
        return render(request, "workshops/pack/no_slips.html", {"workshop": workshop})
    slips = sign_in_slips_issue(actor=request.user, profiles=needing)
    site = request.build_absolute_uri("/").split("://", 1)[1].rstrip("/")
    return _pdf(slips_pdf(slips=slips, batch=None, site_url=site), f"workshop-{workshop.pk}-sign-in-slips.pdf")


def printed_manual_name(manual: ManualPage, language: str) -> str:
    return f"{PRINTED_DIR}/manual-{manual.pk}-{language}-{pack.manual_version_key(manual)}.pdf"


def printed_manual(*, manual: ManualPage, language: str) -> str:
    """The stored file of the printed manual for its current content, written once per version and language
    (older versions of the same manual and language are removed)."""
    name = printed_manual_name(manual, language)
    if default_storage.exists(name):
        return name
    default_storage.save(name, ContentFile(pack.manual_pdf(manual=manual, language=language)))
    prefix = f"manual-{manual.pk}-{language}-"
    _dirs, files = default_storage.listdir(PRINTED_DIR)
    for other in files:
        if other.startswith(prefix) and f"{PRINTED_DIR}/{other}" != name:
            default_storage.delete(f"{PRINTED_DIR}/{other}")
    return name


@require_GET
@login_required
def manual_download(request, pk: int):
    manual = get_object_or_404(ManualPage.objects.live(), pk=pk)
    language = _language()
    name = printed_manual(manual=manual, language=language)
    response = FileResponse(
        default_storage.open(name),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"manual-{language}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
