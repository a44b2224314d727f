"""The certificate PDF (Khmer shaped with the packaged font, QR code, text layer) and public verification."""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from core.dates import date_en, date_km
from core.fonts import source_font_path
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import Certificate
from tests.factories import LearnerProfileFactory
from tests.pdf_glyphs import drawn_glyphs, khmer_shaping_problems
from tests.quizzes.conftest import correct_answers

pytestmark = pytest.mark.django_db

NAME_KM = "សុខ ស្រីពេជ្រ"
NAME_LATIN = "Sok Sreypich"
KAMPOT = "07"


@pytest.fixture
def certified(signed_in, setup):
    LearnerProfileFactory(
        user=setup.learner,
        full_name_km=NAME_KM,
        full_name_latin=NAME_LATIN,
        province__code=KAMPOT,
        phone="012345678",
    )
    setup.tree.empty_module.unpublish()
    for lesson in setup.tree.lessons:
        signed_in.get(f"/en/first-module/{lesson.slug}/")
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    return Certificate.objects.get(learner=setup.learner)


def test_certificate_holds_the_profile_as_printed(certified):
    assert certified.holder == {
        "name_km": NAME_KM,
        "name_latin": NAME_LATIN,
        "role": "police_officer",
        "province_km": "កំពត",
        "province_en": "Kampot",
    }
    assert certified.modules[0]["title"] == {"km": "ម៉ូឌុល 1", "en": "Module title 1"}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_certificate_pdf_text_layer(signed_in, certified, tmp_path):
    response = signed_in.get("/en/training/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(response.content)
    pdftotext = ["pdftotext", "-layout", str(pdf), "-"]
    text = subprocess.run(pdftotext, capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    issuer = settings.CERTIFICATE_ISSUER
    for expected in (
        certified.code,
        NAME_LATIN,
        "Module title 1",
        "Certificate of completion",
        "Police officer",
        "Kampot",
        date_en(certified.completed_on),
        issuer["organisation"]["en"],
        issuer["signatories"][0]["en"],
    ):
        assert expected in text, expected
    assert "/verify/" + certified.code in text
    # Khmer extracts as it was printed, whole words in order (ស្រី and ពេ are drawn in another order than written)
    for expected in (
        NAME_KM,
        "ម៉ូឌុល 1",
        "វិញ្ញាបនបត្របញ្ចប់ការបណ្តុះបណ្តាល",
        "មន្ត្រីប៉ូលីស",
        "កំពត",
        date_km(certified.completed_on),
        issuer["organisation"]["km"],
        issuer["signatories"][0]["km"],
    ):
        assert expected in text, expected
    assert certified.completed_on.isoformat() not in text  # dates in words, not ISO
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    assert "Cert-Khmer" in fonts  # the packaged Noto Sans Khmer, embedded: no reliance on system fonts


def test_certificate_draws_khmer_shaped(signed_in, certified):
    """The name's glyphs as HarfBuzz shapes them: ស្រី starts with the coeng-RO form (a glyph no character maps
    to) drawn left of ស, and the vowel of ពេ is drawn before ព; never a bare coeng or a dotted circle."""
    response = signed_in.get("/en/training/certificate.pdf")
    assert response.status_code == 200
    drawn = drawn_glyphs(response.content, font_name="Cert-Khmer")
    assert khmer_shaping_problems(drawn, subscript_base="ស", pre_base_vowel=("េ", "ព")) == []


def test_the_shaping_check_catches_khmer_drawn_one_character_at_a_time():
    from weasyprint import HTML

    font = source_font_path().resolve().as_uri()
    letters = "".join(f'<span style="display: inline-block">{letter}</span>' for letter in NAME_KM)
    style = f'@font-face {{ font-family: "Cert Khmer"; src: url("{font}"); }} p {{ font-family: "Cert Khmer" }}'
    html = f"<style>{style}</style>"
    drawn = drawn_glyphs(HTML(string=f"{html}<p>{letters}</p>").write_pdf(), font_name="Cert-Khmer")
    assert khmer_shaping_problems(drawn, subscript_base="ស", pre_base_vowel=("េ", "ព")) == [
        "a coeng drawn as a glyph of its own",
        "a dotted circle",
        "no subscript form drawn before ស",
        "េ not drawn before ព",
    ]


def test_no_certificate_download_before_completion(signed_in, setup):
    assert signed_in.get("/en/training/certificate.pdf").status_code == 404


@pytest.mark.parametrize("language", ["km", "en"])
def test_verify_page_shows_what_the_certificate_prints_and_nothing_else(client, certified, language):
    response = client.get(f"/{language}/verify/{certified.code}/")
    assert response.status_code == 200
    assertContains(response, NAME_KM)
    assertContains(response, NAME_LATIN)
    assertContains(response, certified.code)
    assertContains(response, "ម៉ូឌុល 1" if language == "km" else "Module title 1")
    # The role and province printed on the certificate, in the reader's language
    assertContains(response, "កំពត" if language == "km" else "Kampot")
    assertContains(response, "មន្ត្រីប៉ូលីស" if language == "km" else "Police officer")
    # The holder's phone (whole or grouped), role code and username; not "012" alone, which a database id in the
    # page (data-learner="2012" on PostgreSQL, whose sequences outlive rolled-back tests) can contain.
    for private in ("012345678", "012 345 678", "police_officer", certified.learner.username):
        assertNotContains(response, private)


def test_verify_accepts_lower_case_and_missing_dashes(client, certified):
    typed = certified.code.replace("-", "").lower()
    assert client.get(f"/en/verify/{typed}/").status_code == 200


def test_unknown_code_is_not_found_with_a_message(client, db):
    response = client.get("/en/verify/AAAA-BBBB-CCCC/")
    assert response.status_code == 404
    assertContains(response, "No certificate has the code AAAA-BBBB-CCCC", status_code=404)


def test_qr_address_redirects_to_the_page_in_a_language(certified):
    # A phone scanning the code has not chosen a language here (the fixture's client read /en/ pages): Khmer
    response = Client().get(f"/verify/{certified.code}/")
    assertRedirects(response, f"/km/verify/{certified.code}/", fetch_redirect_response=False)
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = english.get(f"/verify/{certified.code}/")
    assertRedirects(response, f"/en/verify/{certified.code}/", fetch_redirect_response=False)
