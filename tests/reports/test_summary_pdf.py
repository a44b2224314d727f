"""The one-page summary PDF: exact figures and Khmer in its text layer, the packaged font, and who may print which.

The population (tests/reports/population.py) is small enough to work out on paper, with no filters:
Kampot 4 registered, 3 started, 2 completed, target 14 (police 10 + council 4) -> 14.3 %, 12 still to train;
Takeo 2 registered, 2 started, 1 completed, target 0 (so no coverage); together 6 / 5 / 3 / 14 -> 21.4 %, 11 to train.
Kampot's districts: Angkor Chey 2 / 2 / 1 of 6 -> 16.7 %; Kampot town 1 / 0 / 0 of 2 -> 0.0 %; one learner with no
district. Completions: March 2026 (Kampot), April (Takeo), June (Kampot).
"""

import re
import shutil
import subprocess
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from learners import groups
from reports import pdf_views
from reports.filters import Filters
from reports.models import Target
from reports.scope import Scope
from reports.summary_pdf import summary_context, summary_pdf
from tests import downloads

from . import population

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")), reason="poppler-utils (pdftotext) is not installed"
)

TODAY = date(2026, 11, 20)


@pytest.fixture
def places(db):
    return population.build()


def pdf_text(content: bytes, tmp_path, *, mode: str = "-layout") -> str:
    """The text layer: laid out as on the page (-layout), or in the order it was drawn (-raw)."""
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    command = ["pdftotext", mode, str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def pdf_fonts(content: bytes, tmp_path) -> str:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def pages(content: bytes, tmp_path) -> int:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def key_figures(content: bytes, tmp_path) -> dict[str, str]:
    """The six boxes at the top, read in drawing order (pdftotext -raw): each English label, then its figure."""
    lines = pdf_text(content, tmp_path, mode="-raw").splitlines()
    labels = ("Registered", "Started", "Completed", "Target", "Coverage", "Still to train")
    return {label: lines[lines.index(label) + 1] for label in labels}


def figures(registered, started, completed, target, coverage, to_train) -> dict[str, str]:
    values = (registered, started, completed, target, coverage, to_train)
    labels = ("Registered", "Started", "Completed", "Target", "Coverage", "Still to train")
    return dict(zip(labels, map(str, values), strict=True))


def row_of(text: str, start: str, *, tfoot: bool = False) -> list[str]:
    """The words of the layout line holding `start` (a table row, or the total row below it), from `start` on."""
    rows = [line[line.index(start) + len(start) :].split() for line in text.splitlines() if start in line]
    rows = [row for row in rows if row and "·" not in row]  # not a bare name, nor a "still needs training" line
    return rows[-1] if tfoot else rows[0]


def under(text: str, name: str) -> str:
    """What a map tile prints below a province's English name (the next line, in the same columns)."""
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if name in line)
    column = lines[index].index(name)
    below = next(line for line in lines[index + 1 :] if line.strip())
    return below[max(column - 2, 0) : column + 20].strip()


def khmer_letters(text: str) -> int:
    return sum(1 for ch in text if "\u1780" <= ch <= "\u17ff")


def shaped(text: str) -> bool:
    """No dotted circle: HarfBuzz draws one (and pdftotext reads it back) where it could not join a cluster."""
    return "\u25cc" not in text


# ---------------------------------------------------------------------------------------------------------------
# What the page says


@needs_poppler
def test_national_summary_prints_the_exact_figures_and_khmer_names(places, tmp_path):
    content = summary_pdf(scope=Scope(provinces=None), filters=Filters(), today=TODAY)
    assert content.startswith(b"%PDF")
    assert pages(content, tmp_path) == 1
    assert key_figures(content, tmp_path) == figures(6, 5, 3, 14, "21.4%", 11)
    text = pdf_text(content, tmp_path)
    assert "National training summary" in text
    assert re.search(r"14\.3%\s*2/14", text)  # Kampot's tile: coverage, completed/target
    assert under(text, "Takéo").replace(" ", "") == "–1"  # Takeo's tile: a target of 0 gives no coverage; 1 trained
    assert under(text, "Kampot").replace(" ", "") == "14.3%2/14"
    # Khmer is in the text layer. pdftotext reorders clusters with vowels written before the consonant (តាកែវ
    # comes back as "តា កវ"), so whole names are compared where it cannot: កំពត (Kampot).
    assert "កំពត Kampot" in text  # the one province below 50 %, in the "still needs training" list
    assert khmer_letters(text) > 300 and shaped(text)
    assert "Kampot" in text and "Takéo" in text and "Phnom Penh" in text  # every province on the map
    assert "12 · 14.3% (2/14)" in text  # 12 people still to train
    assert "Generated on: 2026-11-20" in text
    assert "Counts of confirmed learners" in text
    assert "Mar" in text and "មករា" in text  # the monthly bars, labelled in English and Khmer
    assert "Summary-Khmer" in pdf_fonts(content, tmp_path)  # the packaged font, embedded (as the certificate's)


@needs_poppler
def test_province_summary_lists_its_districts(places, tmp_path):
    content = summary_pdf(scope=Scope(provinces=None), filters=Filters(), province=places.kampot, today=TODAY)
    assert pages(content, tmp_path) == 1
    assert key_figures(content, tmp_path) == figures(4, 3, 2, 14, "14.3%", 12)
    text = pdf_text(content, tmp_path)
    # the title (in big letters pdftotext splits កំពត into "កំ ពត", so spaces are not compared)
    assert "កំពត·" in text.replace(" ", "") and "Kampot · Training summary of the province" in text
    assert row_of(text, "Angkor Chey") == ["2", "2", "1", "6", "16.7%", "5"]
    assert row_of(text, "Kampot  ") == ["1", "0", "0", "2", "0.0%", "2"]  # the town (Krong Kampot)
    assert row_of(text, "Not given") == ["1", "1", "1", "–", "–", "–"]  # the learner with no district
    assert row_of(text, "Kampot", tfoot=True) == ["4", "3", "2", "14", "14.3%", "12"]  # the total row
    assert "Takéo" not in text and "Phnom Penh" not in text  # no other province on a province's page
    assert "5 · 16.7% (1/6)" in text and "2 · 0.0% (0/2)" in text  # still to train, most first
    assert text.index("5 · 16.7%") < text.index("2 · 0.0%")
    assert khmer_letters(text) > 100 and shaped(text)


def test_province_trend_counts_that_province_only(places):
    context = summary_context(scope=Scope(provinces=None), filters=Filters(), province=places.kampot, today=TODAY)
    assert [(bar.month.month, bar.value) for bar in context["bars"] if bar.value] == [(3, 1), (6, 1)]
    national = summary_context(scope=Scope(provinces=None), filters=Filters(), today=TODAY)
    assert [(bar.month.month, bar.value) for bar in national["bars"] if bar.value] == [(3, 1), (4, 1), (6, 1)]
    assert len(national["bars"]) == 12 and national["bars"][-1].month == date(2026, 11, 1)


def test_a_summary_follows_the_filters(places):
    context = summary_context(
        scope=Scope(provinces=None), filters=Filters(roles=("police_officer",)), province=places.kampot, today=TODAY
    )
    assert (context["total"].counts.registered, context["total"].target) == (2, 10)
    assert context["filters"]["en"] == [("Roles", "Police officer")]


@needs_poppler
def test_a_provincial_coordinator_s_summary_covers_their_provinces_only(places, tmp_path):
    scope = Scope(provinces=frozenset({"07"}))
    context = summary_context(scope=scope, filters=Filters(), today=TODAY)
    assert context["kind"] == "scoped"
    assert [row.code for row in context["report"].rows] == ["07"]
    content = summary_pdf(scope=scope, filters=Filters(), today=TODAY)
    assert key_figures(content, tmp_path) == figures(4, 3, 2, 14, "14.3%", 12)  # Kampot's, not the country's
    text = pdf_text(content, tmp_path)
    assert "Training summary of your provinces" in text
    assert "National training summary" not in text
    assert "21.4%" not in text and under(text, "Takéo") == ""  # Takeo: a name on the map, no figures
    assert "Not one of your provinces" in text


def test_a_province_outside_the_scope_is_refused(places):
    with pytest.raises(ValueError):
        summary_context(scope=Scope(provinces=frozenset({"07"})), filters=Filters(), province=places.takeo)


# ---------------------------------------------------------------------------------------------------------------
# The views


def call(view, user, **kwargs):
    request = RequestFactory().get("/admin/reports/provinces/summary.pdf")
    request.user = user
    return view(request, **kwargs)


@pytest.mark.parametrize("group", [None, groups.TRAINER])
def test_learners_and_trainers_may_not_print(places, group):
    user = (
        population.staff("trainer", group) if group else get_user_model().objects.get(username="k1")  # a learner
    )
    with pytest.raises(PermissionDenied):
        call(pdf_views.national_summary_pdf, user)
    with pytest.raises(PermissionDenied):
        call(pdf_views.province_summary_pdf, user, code="07")


def test_a_provincial_coordinator_gets_404_for_another_province(places):
    user = population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot])
    with pytest.raises(Http404):
        call(pdf_views.province_summary_pdf, user, code="21")
    with pytest.raises(Http404):
        call(pdf_views.province_summary_pdf, user, code="99")
    response = call(pdf_views.province_summary_pdf, user, code="07")
    assert response.status_code == 200


@needs_poppler
def test_pdf_downloads_through_the_admin_urls(client, places, tmp_path):
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    response = client.get(reverse("reports:national_summary") + "?role=police_officer")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="training-summary-')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    content = downloads.body(response)
    assert "Roles: Police officer" in pdf_text(content, tmp_path)  # the page's filters reach the PDF
    # police only: k1, k2 in Kampot and t1 in Takeo; targets 10 (Kampot) and 0 (Takeo)
    assert key_figures(content, tmp_path) == figures(3, 3, 2, 10, "20.0%", 8)
    province = client.get(reverse("reports:province_summary", args=["07"]))
    assert province.status_code == 200
    assert 'filename="training-summary-07-kampot-' in province["Content-Disposition"]


def test_through_the_urls_others_get_no_pdf(client, places):
    client.force_login(population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot]))
    assert client.get(reverse("reports:province_summary", args=["21"])).status_code == 404
    client.force_login(get_user_model().objects.get(username="k1"))
    response = client.get(reverse("reports:national_summary"))
    url = reverse("reports:national_summary")
    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={url}")


def test_a_summary_asked_with_a_bad_filter_goes_back_to_the_page_that_explains_it(client, places):
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    response = client.get(reverse("reports:national_summary") + "?gender=x&role=police_officer")
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("reports:provinces") + "?gender=x&role=police_officer",
    )
    response = client.get(reverse("reports:province_summary", args=["07"]) + "?start=2026-05-01&end=2026-01-01")
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("reports:province", args=["07"]) + "?start=2026-05-01&end=2026-01-01",
    )


# ---------------------------------------------------------------------------------------------------------------
# "Still needs training" never contradicts the coverage printed above it


def _kampot_needs(places, **options) -> dict:
    context = summary_context(
        scope=Scope(provinces=None), filters=Filters(), province=places.kampot, today=TODAY, **options
    )
    return context["needing"], context["labels"]["needs_none"]


def test_a_province_whose_targets_are_its_own_is_not_said_to_have_no_place_below(places):
    """Kampot's target set for the province only (as the demo's): 2 of 14 is 14.3 %, and no district has a target
    to list. The summary says the province is below, not that no place is."""
    Target.objects.filter(province=places.kampot).exclude(district=None).delete()
    needing, none = _kampot_needs(places)
    assert needing == []
    assert none["en"] == (
        "Targets are set for the whole province, not for its districts, so no district is listed: "
        "the province as a whole is at 14.3%, below 50% coverage."
    )
    assert "14.3%" in none["km"] and "50" in none["km"] and none["km"] != none["en"]


def test_districts_above_the_threshold_do_not_hide_a_province_below_it(places):
    """Angkor Chey's own target of 2, one of them trained (50 %, not below); the province's 14 give 14.3 %."""
    Target.objects.filter(province=places.kampot).exclude(commune=None).delete()  # Kampot town's (0 of 2)
    Target.objects.filter(province=places.kampot).exclude(district=None).update(people=2)
    needing, none = _kampot_needs(places)
    assert needing == []
    assert none["en"] == (
        "No district with a target of its own is below 50% coverage, but the province as a whole is, at 14.3%."
    )
    assert _kampot_needs(places, threshold=10)[1]["en"] == "No place with a target is below 10% coverage."


@needs_poppler
def test_the_printed_summary_of_a_province_below_the_threshold_says_so(places, tmp_path):
    Target.objects.filter(province=places.kampot).exclude(district=None).delete()
    content = summary_pdf(scope=Scope(provinces=None), filters=Filters(), province=places.kampot, today=TODAY)
    text = " ".join(pdf_text(content, tmp_path).split())
    assert "No place with a target is below" not in text
    assert "the province as a whole is at 14.3%, below 50% coverage." in text


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_coverage_page_says_what_the_summary_says_when_no_district_is_listed(client, places, language):
    """The same page on screen (Admin → Reports → Kampot) never says "no place is below" beside 14.3 %."""
    Target.objects.filter(province=places.kampot).exclude(district=None).delete()
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    response = client.get(reverse("reports:province", args=["07"]), HTTP_ACCEPT_LANGUAGE=language)
    html = " ".join(response.content.decode().split())
    assert response.status_code == 200
    expected = _kampot_needs(places)[1]
    assert expected[language] in html or expected[language].replace("'", "&#x27;") in html
    assert "No place with a target is below" not in html
