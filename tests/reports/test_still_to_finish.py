"""The "still to finish" lists: who they name and in which order, scope, filters, and the printable PDF (its text
layer holds the Khmer names, shaped). People: tests/reports/still_population.py."""

import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learners import groups
from quizzes import completion
from reports import still_to_finish_views
from reports.filters import Filters
from reports.named_lists import still_to_finish_list
from reports.scope import Scope
from reports.still_to_finish import PlaceNotFound, counts_by_area, place_within, still_to_finish
from reports.still_to_finish_pdf import still_to_finish_pdf
from tests import downloads
from tests.pdf_glyphs import drawn_glyphs, khmer_shaping_problems

from . import population, still_population
from .still_population import KAMPOT_ORDER, TAKEO_ORDER

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
EVERYWHERE = Scope(provinces=None)
KAMPOT_ONLY = Scope(provinces=frozenset({"07"}))


@pytest.fixture
def places(db):
    return still_population.build()


@pytest.fixture
def national(client, places):
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    return client


@pytest.fixture
def kampot_coordinator(client, places):
    client.force_login(population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot]))
    return client


def names(queryset) -> list[str]:
    return [profile.full_name_km for profile in queryset]


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "list.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def url(*codes, pdf=False, query=""):
    return still_to_finish_list(*codes, pdf=pdf) + (f"?{query}" if query else "")


# ---------------------------------------------------------------------------------------------------------------
# Who is listed


def test_a_list_names_the_confirmed_learners_who_have_not_completed_in_place_order(places):
    kampot = place_within(scope=EVERYWHERE, province="07")
    assert names(still_to_finish(scope=EVERYWHERE, filters=Filters(), place=kampot)) == KAMPOT_ORDER
    takeo = place_within(scope=EVERYWHERE, province="21")
    assert names(still_to_finish(scope=EVERYWHERE, filters=Filters(), place=takeo)) == TAKEO_ORDER
    district = place_within(scope=EVERYWHERE, province="07", district="0701")
    assert names(still_to_finish(scope=EVERYWHERE, filters=Filters(), place=district)) == KAMPOT_ORDER[:2]
    commune = place_within(scope=EVERYWHERE, province="07", district="0708", commune="070801")
    assert names(still_to_finish(scope=EVERYWHERE, filters=Filters(), place=commune)) == ["ចាន់ ដារ៉ា"]


def test_a_list_has_as_many_people_as_the_coverage_report_has_registered_minus_completed(national):
    rows = {row.code: row for row, _cells, _link in national.get(reverse("reports:provinces")).context["rows"]}
    for code in ("07", "21"):
        place = place_within(scope=EVERYWHERE, province=code)
        listed = still_to_finish(scope=EVERYWHERE, filters=Filters(), place=place).count()
        assert listed == rows[code].counts.registered - rows[code].counts.completed


def test_counts_by_area_follow_the_level_below(places):
    everywhere = counts_by_area(scope=EVERYWHERE, filters=Filters())
    assert [(area.code, area.count) for area in everywhere] == [("07", 4), ("21", 2)]
    assert [(a.code, a.count) for a in counts_by_area(scope=KAMPOT_ONLY, filters=Filters())] == [("07", 4)]
    kampot = place_within(scope=EVERYWHERE, province="07")
    assert [(a.code, a.count) for a in counts_by_area(scope=EVERYWHERE, filters=Filters(), place=kampot)] == [
        ("0701", 2),
        ("0708", 2),
    ]
    district = place_within(scope=EVERYWHERE, province="07", district="0701")
    by_commune = counts_by_area(scope=EVERYWHERE, filters=Filters(), place=district)
    assert [(a.code, a.name_en, a.count) for a in by_commune] == [
        ("070101", "Angk Phnum Touch", 1),
        ("", "Not given", 1),
    ]
    takeo = place_within(scope=EVERYWHERE, province="21")
    by_district = counts_by_area(scope=EVERYWHERE, filters=Filters(), place=takeo)
    assert [(a.code, a.count) for a in by_district] == [("2101", 1), ("", 1)]


def test_roles_and_genders_narrow_a_list(places):
    kampot = place_within(scope=EVERYWHERE, province="07")
    police = still_to_finish(scope=EVERYWHERE, filters=Filters(roles=("police_officer",)), place=kampot)
    assert names(police) == ["សុខ ស្រីពេជ្រ", "អ្នកសិក្សា k2"]
    men = still_to_finish(scope=EVERYWHERE, filters=Filters(genders=("male",)), place=kampot)
    assert names(men) == ["អ្នកសិក្សា k2", "ចាន់ ដារ៉ា"]


@pytest.mark.parametrize(
    ("scope", "codes"),
    [
        (KAMPOT_ONLY, {"province": "21"}),  # another province
        (EVERYWHERE, {"province": "99"}),  # no such province
        (EVERYWHERE, {"province": "07", "district": "2101"}),  # a district of another province
        (EVERYWHERE, {"province": "07", "district": "0701", "commune": "070801"}),  # a commune of another district
        (KAMPOT_ONLY, {"province": "21", "district": "2101", "commune": "210101"}),
    ],
)
def test_codes_outside_the_scope_or_that_do_not_belong_together_are_not_found(places, scope, codes):
    with pytest.raises(PlaceNotFound):
        place_within(scope=scope, **codes)


# ---------------------------------------------------------------------------------------------------------------
# The screens


def test_the_reader_s_provinces_link_to_their_lists(national):
    response = national.get(url())
    assert response.status_code == 200
    areas = [(area.code, area.count, link) for area, link in response.context["areas"]]
    assert areas == [("07", 4, url("07")), ("21", 2, url("21"))]
    assert response.context["total"] == 6


def test_a_province_s_page_lists_its_people_by_district_and_commune(national):
    response = national.get(url("07"))
    assert response.status_code == 200
    assert [(area.code, area.count, link) for area, link in response.context["areas"]] == [
        ("0701", 2, url("07", "0701")),
        ("0708", 2, url("07", "0708")),
    ]
    groups_shown = [
        (group.key, [row.profile.full_name_km for row in group.learners]) for group in response.context["groups"]
    ]
    assert groups_shown == [
        (("0701", "070101"), ["សុខ ស្រីពេជ្រ"]),
        (("0701", ""), ["អ្នកសិក្សា k2"]),
        (("0708", "070801"), ["ចាន់ ដារ៉ា"]),
        (("0708", ""), ["អ្នកសិក្សា k3"]),
    ]
    page = response.content.decode()
    sophea = get_user_model().objects.get(username="sophea").learner_profile
    assert reverse("learners:learner_detail", args=[sophea.pk]) in page  # each name opens the learner's page
    assert 'href="tel:+85512345678"' in page and "012 345 678" in page
    assert "2026-07-01" in page  # ចាន់ ដារ៉ា's last activity
    assert url("07", pdf=True) in page


def test_breadcrumbs_lead_back_up_and_stay_on_their_own_page(national):
    response = national.get(url("07", "0701", "070101", query="role=police_officer"))
    trail = [(item["url"], str(item["label"])) for item in response.context["breadcrumbs_items"]]
    query = "?role=police_officer"
    assert trail[1:] == [
        (url() + query, "មិនទាន់បញ្ចប់"),
        (url("07") + query, "កំពត"),
        (url("07", "0701") + query, "អង្គរជ័យ"),
        ("", "អង្គភ្នំតូច"),
    ]
    other = national.get(reverse("reports:provinces"))  # Wagtail's trail is shared by every admin view
    assert "still-to-finish" not in str(other.context["breadcrumbs_items"])


def test_a_commune_s_page_is_not_split_further(national):
    response = national.get(url("07", "0708", "070801"))
    assert response.status_code == 200
    assert response.context["areas"] == []
    assert response.context["total"] == 1
    assert [row.profile.full_name_km for group in response.context["groups"] for row in group.learners] == ["ចាន់ ដារ៉ា"]


def test_modules_done_count_the_required_modules_completed(national, site_tree):
    sophea = get_user_model().objects.get(username="sophea")
    for lesson in site_tree.lessons:  # module 1 completed by the real service; module 2 has nothing to complete
        completion.lesson_view_record(learner=sophea, lesson_id=lesson.pk, module_id=site_tree.module.pk)
    response = national.get(url("07", "0701", "070101"))
    (row,) = response.context["groups"][0].learners
    assert (row.progress.modules_done, row.progress.modules_required) == (1, 2)
    assert row.started


def test_a_provincial_coordinator_sees_only_their_provinces(kampot_coordinator):
    response = kampot_coordinator.get(url())
    assert [area.code for area, _link in response.context["areas"]] == ["07"]
    assert "គឹម ស៊ាង" not in response.content.decode()
    for codes in (("21",), ("21", "2101"), ("21", "2101", "210101"), ("07", "2101"), ("99",)):
        assert kampot_coordinator.get(url(*codes)).status_code == 404, codes
        assert kampot_coordinator.get(url(*codes, pdf=True)).status_code == 404, codes
    assert kampot_coordinator.get(url("07")).status_code == 200


@pytest.mark.parametrize("group", [None, groups.TRAINER])
def test_learners_and_trainers_may_not_see_the_lists(places, group):
    user = population.staff("trainer", group) if group else get_user_model().objects.get(username="k1")
    request = RequestFactory().get(url("07"))
    request.user = user
    with pytest.raises(PermissionDenied):
        still_to_finish_views.StillToFinishView.as_view()(request, code="07")
    with pytest.raises(PermissionDenied):
        still_to_finish_views.still_to_finish_pdf_view(request, code="07")


def test_a_bad_filter_is_explained_and_the_pdf_goes_back_to_the_page(national):
    response = national.get(url("07", query="role=chief&gender=male"))
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    response = national.get(url("07", pdf=True, query="role=chief"))
    assert (response.status_code, response["Location"]) == (302, url("07", query="role=chief"))


def test_the_filters_reach_the_list_and_its_links(national):
    response = national.get(url("07", query="role=police_officer"))
    assert response.context["total"] == 2
    assert [link for _area, link in response.context["areas"]] == [url("07", "0701", query="role=police_officer")]
    assert response.context["pdf_url"] == url("07", pdf=True, query="role=police_officer")


def test_a_list_too_long_to_print_sends_the_reader_back_with_a_reason(national, monkeypatch):
    monkeypatch.setattr(still_to_finish_views, "PRINTABLE_ROWS", 3)
    response = national.get(url("07", pdf=True))
    assert (response.status_code, response["Location"]) == (302, url("07"))
    (message,) = get_messages(response.wsgi_request)
    assert "4" in str(message) and "3" in str(message)
    assert national.get(url("07", "0701", pdf=True)).status_code == 200


def test_a_page_costs_the_same_queries_whatever_its_length(national, places):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert national.get(url("07")).status_code == 200
        return len(captured)

    before = queries()
    for index in range(30):
        still_population.named(
            f"more{index}", name_km=f"សុខ {index}", province=places.kampot, district=places.angkor_chey,
            commune=places.angk_phnum_touch, role="police_officer", gender="female", created="2026-04-01",
        )  # fmt: skip
    assert queries() == before


# ---------------------------------------------------------------------------------------------------------------
# The PDF


@needs_poppler
def test_the_pdf_text_layer_has_the_khmer_names_under_their_district_and_commune(places, tmp_path):
    kampot = place_within(scope=EVERYWHERE, province="07")
    learners = list(still_to_finish(scope=EVERYWHERE, filters=Filters(), place=kampot))
    content = still_to_finish_pdf(place=kampot, filters=Filters(), learners=learners)
    assert content.startswith(b"%PDF")
    text = pdf_text(content, tmp_path)
    # pdftotext puts spaces inside some Khmer words (ដារ៉ា comes back as "ដា រ៉ា"), so names are compared without
    # them; it also reorders clusters with a vowel drawn first, so ស្រីពេជ្រ is checked on the glyphs drawn.
    spaceless = text.replace(" ", "")
    assert "ចាន់ដារ៉ា" in spaceless and "Sok Sreypich" in text and "Chan Dara" in text
    assert "គឹម" not in spaceless and "Angkor Borei" not in text  # Takeo's
    drawn = drawn_glyphs(content, font_name="List-Khmer")
    assert khmer_shaping_problems(drawn, subscript_base="ស", pre_base_vowel=("េ", "ព")) == []
    assert "Still to finish the course" in text and "012 345 678" in text and "2026-07-01" in text
    assert "Angk Phnum Touch" in text and "Kampong Kandal" in text and "Not given" in text
    assert text.index("Sok Sreypich") < text.index("Chan Dara")  # Angkor Chey's people before Kampot town's
    assert "Police officer" in text and "Commune/sangkat council" in text  # roles in English too (under the Khmer)
    assert "People: 4" in text


@needs_poppler
def test_the_pdf_downloads_within_scope_with_its_filters(kampot_coordinator, tmp_path):
    response = kampot_coordinator.get(url("07", "0701", pdf=True, query="role=police_officer"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="still-to-finish-0701-angkor-chey-')
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(downloads.body(response), tmp_path)
    assert "Roles: Police officer" in text
    assert "Sok Sreypich" in text and "People: 2" in text
    assert "Chan Dara" not in text  # Kampot town's


def test_a_province_outside_the_scope_has_no_pdf(places):
    request = RequestFactory().get(url("21", pdf=True))
    request.user = population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot])
    with pytest.raises(Http404):
        still_to_finish_views.still_to_finish_pdf_view(request, code="21")
