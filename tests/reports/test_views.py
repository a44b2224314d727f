"""The report pages and their exports: the same exact figures on screen, in CSV and in XLSX; scope; bad input."""

import csv
import html
import io
import re
from datetime import date, datetime, timedelta
from urllib.parse import quote

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from openpyxl import load_workbook

from learners import groups
from reports.forms import END_BEFORE_START
from tests import downloads

from . import population


@pytest.fixture
def places(db):
    return population.build()


@pytest.fixture
def national(client, places):
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    return client


@pytest.fixture
def kampot_coordinator(client, places):
    client.force_login(population.staff("kampot", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot]))
    return client


def provinces_url(query=""):
    return reverse("reports:provinces") + (f"?{query}" if query else "")


def csv_rows(response):
    text = downloads.text(response)
    assert text.startswith("\ufeff"), "Excel needs the BOM to read Khmer"
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(downloads.body(response))).active

    def text(value):
        if value is None:
            return ""
        return value.date().isoformat() if isinstance(value, datetime) else str(value)

    return [[text(value) for value in row] for row in sheet.iter_rows(values_only=True)]


# Registered (all, women, men, other), started (...), completed (...), target, coverage, still to train, last
# activity, need a refresher: worked out by hand from tests/reports/population.py.
KAMPOT = ["4", "3", "1", "0", "3", "2", "1", "0", "2", "2", "0", "0", "14", "14.3", "12", "2026-07-20", "0"]
TAKEO = ["2", "0", "1", "1", "2", "0", "1", "1", "1", "0", "1", "0", "0", "", "0", "2026-04-01", "0"]
EMPTY = ["0"] * 12 + ["", "", "", "", "0"]
TOTAL = ["", "សរុប", "Total", "6", "3", "2", "1", "5", "2", "2", "1", "3", "2", "1", "0", "14", "21.4", "11",
         "2026-07-20", "0"]  # fmt: skip
BILINGUAL = re.compile(r"^[\u1780-\u17FF][^/]* / [A-Z][^\u1780-\u17FF]*$")


def expected_rows():
    from learners.models import Province

    figures = {"07": KAMPOT, "21": TAKEO}
    rows = [
        [province.code, province.name_km, province.name_en] + figures.get(province.code, EMPTY)
        for province in Province.objects.order_by("code")
    ]
    return rows + [TOTAL]


def test_csv_export_every_cell(national):
    rows = csv_rows(national.get(provinces_url("export=csv")))
    header = rows[0]
    assert len(header) == 20 and all(BILINGUAL.match(heading) for heading in header), header
    assert header[0].endswith(" / Code") and header[3].endswith(" / Registered: All")
    assert header[-1].endswith(" / Need a refresher")
    assert header[-5:-2] == [
        h for h in header[-5:-2] if h.split(" / ")[1] in ("Target", "Coverage (%)", "Still to train")
    ]
    assert rows[1:] == expected_rows()


def test_xlsx_export_has_the_same_figures_as_numbers(national):
    rows = xlsx_rows(national.get(provinces_url("export=xlsx")))
    assert rows[0] == csv_rows(national.get(provinces_url("export=csv")))[0]
    assert rows[1:] == expected_rows()
    sheet = load_workbook(io.BytesIO(downloads.body(national.get(provinces_url("export=xlsx"))))).active
    kampot = [cell.value for cell in sheet[8]]
    assert kampot[3] == 4 and kampot[16] == 14.3  # numbers, not text


def test_screen_shows_the_same_figures(national):
    response = national.get(provinces_url())
    assert response.status_code == 200
    table = response.context["table"]
    cells = {row.code: [cell.text for cell in row_cells] for row, row_cells in table.rows}
    assert cells["07"][1:] == KAMPOT
    assert cells["21"][1:] == TAKEO[:13] + ["–"] + TAKEO[14:]
    assert [cell.text for cell in table.total][1:] == TOTAL[3:]
    assert len(table.rows) == 25


def test_split_by_role_has_a_column_for_every_role_adding_up_to_all(national):
    from core.roles import Role

    table = national.get(provinces_url("breakdown=role")).context["table"]
    keys = [column.key for column in table.columns]
    assert [key for key in keys if key.startswith("registered_")] == [f"registered_{role}" for role in Role.values]
    total = dict(zip(keys, (cell.value for cell in table.total), strict=True))
    for measure in ("registered", "started", "completed"):
        assert sum(total[f"{measure}_{role}"] for role in Role.values) == total[measure]


def test_filters_apply_to_exports(national):
    rows = csv_rows(national.get(provinces_url("role=police_officer&breakdown=none&export=csv")))
    kampot = next(row for row in rows if row[0] == "07")
    # registered, started, completed, target, coverage, to train, last activity
    assert kampot[3:] == ["2", "2", "1", "10", "10.0", "9", "2026-07-20", "0"]


def test_sharing_hides_small_counts_and_what_gives_them_away(national):
    rows = csv_rows(national.get(provinces_url("share=on&breakdown=none&export=csv")))
    assert rows[0][0].startswith("សម្រាប់ចែករំលែក") and "/ For sharing outside NGOCRC" in rows[0][0]
    kampot = next(row for row in rows if row[0] == "07")
    assert kampot[3:9] == ["x", "x", "x", "14", "", ""]
    empty = next(row for row in rows if row[0] == "01")
    assert empty[3:6] == ["0", "0", "0"]  # zero singles nobody out
    total = rows[-1]
    assert total[3:6] == ["6", "5", "x"]


def test_sorting_by_coverage(national):
    response = national.get(provinces_url("sort=-coverage"))
    codes = [row.code for row, _cells in response.context["table"].rows]
    assert codes[0] == "07"  # the only province with a coverage figure; the rest (none) come last


def test_drill_down_to_districts_and_communes(national, places):
    response = national.get(reverse("reports:province", args=["07"]) + "?breakdown=none")
    cells = {row.code: [cell.text for cell in row_cells][1:] for row, row_cells in response.context["table"].rows}
    assert cells["0701"][:6] == ["2", "2", "1", "6", "16.7", "5"]
    assert cells[""][:3] == ["1", "1", "1"]
    rows = csv_rows(national.get(reverse("reports:district", args=["07", "0701"]) + "?breakdown=none&export=csv"))
    assert [row[:6] for row in rows[1:]] == [
        ["070101", "អង្គភ្នំតូច", "Angk Phnum Touch", "1", "1", "1"],
        ["", "មិនបានបញ្ជាក់", "Not given", "1", "1", "0"],
        ["", "សរុប", "Total", "2", "2", "1"],
    ]


def test_provincial_coordinator_sees_only_their_provinces(kampot_coordinator):
    response = kampot_coordinator.get(provinces_url())
    assert [row.code for row, _cells in response.context["table"].rows] == ["07"]
    rows = csv_rows(kampot_coordinator.get(provinces_url("export=csv")))
    assert [row[0] for row in rows[1:]] == ["07", ""] and rows[-1][3] == "4"  # totals of Kampot only
    assert kampot_coordinator.get(reverse("reports:province", args=["21"])).status_code == 404
    assert kampot_coordinator.get(reverse("reports:province", args=["21"]) + "?export=csv").status_code == 404
    assert kampot_coordinator.get(reverse("reports:province", args=["07"])).status_code == 200
    trend = kampot_coordinator.get(reverse("reports:trend") + "?export=csv")
    assert csv_rows(trend)[0][2:] == ["កំពត / Kampot"]  # the one province column


@pytest.mark.parametrize("name", ["reports:provinces", "reports:modules", "reports:trend", "reports:national_summary"])
def test_trainers_get_no_access(client, places, name):
    # Wagtail answers a refused admin page by sending the user back to the dashboard with a message.
    client.force_login(population.staff("trainer", groups.TRAINER))
    for url in (reverse(name), reverse(name) + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_learners_and_strangers_are_sent_to_sign_in(client, places):
    response = client.get(provinces_url())
    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={quote(provinces_url())}")
    client.force_login(get_user_model().objects.get(username="k1"))
    response = client.get(provinces_url("export=csv"))
    url = quote(provinces_url("export=csv"), safe="/")
    assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={url}")


def lazy_format(message, **params):
    """Django's own message with its placeholders filled, in the language active when it is read."""
    return lazy(lambda: str(message) % params, str)()


DATE_INVALID = forms.DateField.default_error_messages["invalid"]
CHOICE_INVALID = forms.ChoiceField.default_error_messages["invalid_choice"]
MODULE_INVALID = forms.ModelMultipleChoiceField.default_error_messages["invalid_choice"]
ERROR_MESSAGE = re.compile(r'<p class="error-message" role="alert">(.*?)</p>', re.S)


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("start=2026-13-45", "start", DATE_INVALID),
        ("end=yesterday", "end", DATE_INVALID),
        ("start=2026-05-01&end=2026-01-01", "end", END_BEFORE_START),
        ("role=chief", "role", lazy_format(CHOICE_INVALID, value="chief")),
        ("threshold=500", "threshold", lazy_format(MaxValueValidator.message, limit_value=100)),
        ("module=99999", "module", lazy_format(MODULE_INVALID, value="99999")),
        ("breakdown=everything", "breakdown", lazy_format(CHOICE_INVALID, value="everything")),
        ("sort=;drop", None, None),  # an unknown sort or export is ignored: the page as usual, nothing to explain
        ("export=pdf", None, None),
    ],
)
def test_bad_filters_get_a_message_never_a_500(national, query, field, message, language):
    national.cookies["django_language"] = language
    response = national.get(provinces_url(query))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    with translation.override(language):
        expected = [str(message)] if message else []
    assert {name: list(errors) for name, errors in response.context["form"].errors.items()} == (
        {field: expected} if field else {}
    )
    assert [html.unescape(text) for text in ERROR_MESSAGE.findall(response.content.decode())] == expected
    assert 'class="report-table"' in response.content.decode()  # the figures are still there, unfiltered


def test_an_export_with_a_bad_filter_gets_the_message_instead_of_unfiltered_figures(national):
    response = national.get(provinces_url("gender=x&export=csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert [html.unescape(text) for text in ERROR_MESSAGE.findall(response.content.decode())] == [
        str(lazy_format(CHOICE_INVALID, value="x"))
    ]


def test_bad_dates_are_explained_in_khmer(national):
    national.cookies["django_language"] = "km"
    response = national.get(provinces_url("start=2026-05-01&end=2026-01-01"))
    assert response.context["form"].errors["end"] == [str(END_BEFORE_START)]


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if getattr(response, "streaming", False):
            downloads.body(response)
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow_with_learners(national, places):
    from learners.models import Province

    urls = [
        provinces_url(),
        provinces_url("export=csv"),
        provinces_url("export=xlsx&breakdown=role&module=1"),
        reverse("reports:province", args=["07"]),
        reverse("reports:district", args=["07", "0701"]) + "?export=csv",
        reverse("reports:modules"),
        reverse("reports:trend") + "?export=csv",
    ]
    before = [_queries(national, url) for url in urls]
    provinces = list(Province.objects.all())
    for n in range(60):
        population.learner(
            f"more{n}", province=provinces[n % 25], role=population.Role.COMMUNE_COUNCIL,
            gender=population.Gender.MALE, created="2026-06-01", started="2026-06-02", completed="2026-06-20",
            district=places.angkor_chey if n % 25 == 6 else None,
        )  # fmt: skip
    assert [_queries(national, url) for url in urls] == before


def test_module_and_question_exports(national, site_tree, monkeypatch):
    from quizzes import attempts
    from reports import sharing
    from tests.quizzes.conftest import make_quiz, wrong_answers

    quiz = make_quiz(site_tree.module)
    k1 = get_user_model().objects.get(username="k1")
    attempt = attempts.attempt_start(learner=k1, quiz=quiz)
    attempts.attempt_submit(attempt=attempt, learner=k1, answers=wrong_answers(attempt))
    rows = csv_rows(national.get(reverse("reports:modules") + "?export=csv"))
    assert all(BILINGUAL.match(heading) for heading in rows[0])
    module_title = site_tree.module.title_km
    assert rows[1] == [f"1. {module_title}", "1", "0", "1", "0.0", "0", "0", "0"]  # completed: current, outdated
    assert rows[2][1:] == ["0", "0", "0", "", "0", "0", "0"]  # module 2: nobody yet
    questions = csv_rows(national.get(reverse("reports:modules") + "?export=csv&table=questions"))
    assert len(questions) == 1 + 4 and {row[2:] for row in map(tuple, questions[1:])} == {("1", "1", "100.0")}
    shared = csv_rows(national.get(reverse("reports:modules") + "?export=csv&share=on"))
    assert shared[2][1:5] == ["0", "0", "0", ""]  # today's attempt is shared once its month is over
    monkeypatch.setattr(sharing, "current_date", lambda: date.today() + timedelta(days=31))
    shared = csv_rows(national.get(reverse("reports:modules") + "?export=csv&share=on"))
    assert shared[2][1:5] == ["x", "0", "x", ""]  # and no average score of one person
    assert national.get(reverse("reports:modules")).status_code == 200


def test_trend_page_and_export(national):
    response = national.get(reverse("reports:trend") + "?start=2026-01-01&end=2026-06-30")
    assert response.status_code == 200
    rows = csv_rows(national.get(reverse("reports:trend") + "?start=2026-01-01&end=2026-06-30&export=csv"))
    assert [row[0] for row in rows[1:]] == [f"2026-{month:02d}" for month in range(1, 7)]
    by_month = {row[0]: row[1] for row in rows[1:]}
    assert by_month == {"2026-01": "0", "2026-02": "0", "2026-03": "1", "2026-04": "1", "2026-05": "0", "2026-06": "1"}
    kampot = rows[0].index("កំពត / Kampot")
    assert [row[kampot] for row in rows[1:]] == ["0", "0", "1", "0", "0", "1"]


def test_sharing_applies_to_the_trend_and_the_printable_summary(national, places, monkeypatch):
    from reports import sharing
    from reports.filters import Filters
    from reports.scope import Scope
    from reports.summary_pdf import summary_context

    monkeypatch.setattr(sharing, "current_date", lambda: date(2026, 7, 15))  # shared: every date up to 30 June
    rows = csv_rows(national.get(reverse("reports:trend") + "?start=2026-03-01&end=2026-03-31&share=on&export=csv"))
    assert rows[-1][0] == "2026-06" and {row[0]: row[1] for row in rows[2:]}["2026-03"] == "x"  # dates ignored
    context = summary_context(scope=Scope(provinces=None), filters=Filters(), share=True, threshold=20)
    assert context["total_figures"]["registered"] == 6 and context["total_figures"]["completed"] == "x"
    assert context["total_figures"]["coverage"] == "–" and context["total_figures"]["to_train"] == "–"
    assert all(bar.shown in ("0", "x") for bar in context["bars"])
    assert context["bars"].total == "x"
    kampot = next(tile for tile in context["tiles"] if tile.code == "07")
    assert kampot.figures == "x/14" and kampot.coverage_text == "–" and kampot.band.key == "hidden"
    assert "20%" in context["labels"]["needs"]["en"]
    plain = summary_context(scope=Scope(provinces=None), filters=Filters())
    assert plain["total_figures"]["completed"] == 3 and plain["total_figures"]["coverage"] == "21.4%"
