"""The learner's certificate download and the public check of a certificate's code (/verify/, a GET form)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Site

from core.translated import in_language, text_language
from curriculum.models import ManualPage
from learners import lockout

from . import selectors, verify_limits
from .certificates import certificate_pdf
from .refresher import certificate_status
from .versions import manual_version

CODE_TYPED_MAX = 64  # a code is 14 characters; anything much longer is not worth a database query


def site_manual(request: HttpRequest) -> ManualPage | None:
    site = Site.find_for_request(request)
    root = site.root_page.specific if site is not None else None
    if isinstance(root, ManualPage):
        return root
    return ManualPage.objects.live().first()


@login_required
@require_GET
def certificate_download(request: HttpRequest) -> HttpResponse:
    certificate = selectors.certificate_for(learner=request.user, manual=site_manual(request))
    if certificate is None:
        raise Http404
    verify_url = request.build_absolute_uri(reverse("certificate_verify_short", args=[certificate.code]))
    pdf = certificate_pdf(certificate=certificate, verify_url=verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _holder_view(certificate) -> dict:
    """The name, role and province as printed on the certificate, in the reader's language where it has two."""
    holder = certificate.holder
    english = translation.get_language() == "en"
    province = (holder.get("province_en") if english else "") or holder.get("province_km", "")
    return {
        "name_km": holder.get("name_km", ""),
        "name_latin": holder.get("name_latin", ""),
        "role": selectors.role_label(holder.get("role", "")),
        "province": province,
        "province_lang": "en" if english and holder.get("province_en") else "km",
    }


@require_GET
def verify(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Public: is this certificate genuine? The code comes from the address (the QR code) or the form (typed from
    paper). Shows what the certificate prints (name, role, province, date, modules) and nothing else."""
    typed = code if code is not None else request.GET.get("code", "")
    typed = typed.strip()[:CODE_TYPED_MAX]
    context = {"typed": typed, "code": selectors.normalise_code(typed), "certificate": None, "limited": ""}
    status = 200
    address = lockout.client_address(request)
    if typed and verify_limits.is_limited(address):
        context["limited"] = verify_limits.limited_message()
        status = 429
    elif typed:
        certificate = selectors.certificate_by_code(code=typed)
        if certificate is None:
            verify_limits.miss_record(address)
            status = 404
        else:
            context["certificate"] = certificate
            context["status"] = certificate_status(certificate=certificate)
            context["current_version"] = manual_version(manual_id=certificate.manual_id)
            context["holder"] = _holder_view(certificate)
            context["modules"] = [
                {"number": m["number"], "title": in_language(m["title"]), "lang": text_language(m["title"])}
                for m in certificate.modules
            ]
    response = render(request, "quizzes/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-store"  # answers depend on the reader's address (the limit), never cached
    return response


@require_GET
def verify_short(request: HttpRequest, code: str) -> HttpResponse:
    """/verify/<code>/ (what the QR code holds) goes to the page in the reader's language."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = chosen if chosen in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE
    with translation.override(language):
        return redirect(reverse("quizzes:verify", args=[code]))
