"""Spreadsheet downloads never carry a live formula: planted text gets a ' in front, XLSX text is text."""

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.exports import csv_response, looks_like_formula, safe_cell, xlsx_response
from learners import groups
from tests import downloads
from tests.factories import LearnerFactory, ProvincialCoordinatorFactory
from tests.places import make_places
from tests.reports import population

PLANTED = '=HYPERLINK("http://x","y")'
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text",
    [
        PLANTED,
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1,2)",
        "  =1+1",  # spreadsheet programs skip the spaces
        "\t=1+1",
        "\r=1+1",
        "\tplain",  # a leading tab or carriage return is enough
        "＝1+1",  # full-width equals sign
        "-",
    ],
)
def test_formula_like_text_is_recognised_and_prefixed(text):
    assert looks_like_formula(text)
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    ["សុខ ចន្ថា", "Sok Chantha", "-12", "+85512345678", "+855 12 345 678", "-1,234.5", "-3%", "a=b", "x", "", "–"],
)
def test_names_and_plain_numbers_stay_as_they_are(value):
    assert not looks_like_formula(value)
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [-5, 3.5, 0, None])
def test_numbers_and_empty_cells_are_not_touched(value):
    assert safe_cell(value) is value


def csv_cells(response) -> list[list[str]]:
    text = downloads.text(response)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def xlsx_sheet(response):
    return load_workbook(io.BytesIO(downloads.body(response))).active


def test_csv_response_prefixes_every_formula_like_cell():
    response = csv_response("x.csv", ["@name", "n"], [[PLANTED, -5], ["-2+3", "-12"]], headers=[["+x", ""]])
    assert csv_cells(response) == [["'@name", "n"], ["'+x", ""], ["'" + PLANTED, "-5"], ["'-2+3", "-12"]]


def test_xlsx_response_writes_text_cells_never_formulas():
    response = xlsx_response("x.xlsx", ["=name", "n"], [[PLANTED, -5], ["#N/A", 2.5], ["-12", None]])
    sheet = xlsx_sheet(response)
    cells = [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
    assert cells[0] == [("'=name", "s"), ("n", "s")]
    assert cells[1] == [("'" + PLANTED, "s"), (-5, "n")]
    assert cells[2] == [("#N/A", "s"), (2.5, "n")]  # text, not an error cell
    assert cells[3][0] == ("-12", "s")


def test_xlsx_sheet_is_named_after_the_report_with_its_heading_frozen_and_columns_sized():
    header = ["ខេត្ត / Province", "n", "ការគ្របដណ្តប់ (%) / Coverage (%)"]
    response = xlsx_response("coverage-2026-11-20.xlsx", header, [["Kampot", 1, 42.9]], title="Coverage: [Kampot]?")
    sheet = xlsx_sheet(response)
    assert sheet.title == "Coverage Kampot"  # Excel forbids : [ ] ? in a tab's name
    assert sheet.freeze_panes == "A2"  # the heading row stays in view
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABC"}
    assert widths["B"] == 8  # a short heading still leaves room for its figures
    assert widths["A"] >= len("ខេត្ត / Province") + 2 and widths["C"] > widths["A"]  # each as wide as its heading


def test_xlsx_sheet_name_fits_excel_limits_and_shared_files_freeze_both_heading_rows():
    title = "ការគ្របដណ្តប់នៃការបណ្តុះបណ្តាលនៅក្នុងខេត្តកំពត"
    sentence = "For sharing outside NGOCRC: x marks a hidden figure, " * 3
    response = xlsx_response("t.xlsx", [sentence, "period"], [["Kampot", 1]], headers=[["Province", "n"]], title=title)
    sheet = xlsx_sheet(response)
    assert sheet.title == title[:31]
    assert sheet.freeze_panes == "A3"  # the sentence and the headings
    assert sheet.column_dimensions["A"].width == 10  # sized to "Province", not to the long sentence above it


@pytest.fixture
def planted_learner(db):
    places = make_places()
    LearnerFactory(province=places.kampot, username="planted", full_name_km=PLANTED)
    return ProvincialCoordinatorFactory(username="kampot", provinces=[places.kampot])


def test_learner_exports_neutralise_a_planted_name(client, planted_learner):
    client.force_login(planted_learner)
    rows = csv_cells(client.get(reverse("learners:learners_export")))
    assert [cell for row in rows for cell in row if PLANTED in cell] == ["'" + PLANTED]
    sheet = xlsx_sheet(client.get(reverse("learners:learners_export_xlsx")))
    cells = [cell for row in sheet.iter_rows() for cell in row if PLANTED in str(cell.value)]
    assert [(cell.value, cell.data_type) for cell in cells] == [("'" + PLANTED, "s")]
    assert sheet.title == "អ្នកសិក្សា" and sheet.freeze_panes == "A2"  # "Learners", in the reader's language


def test_report_exports_neutralise_a_planted_place_name(client, db):
    places = population.build()
    places.angkor_chey.name_km = PLANTED
    places.angkor_chey.save()
    client.force_login(population.staff("ngocrc", groups.NATIONAL_COORDINATOR))
    url = reverse("reports:province", args=["07"]) + "?breakdown=none&export="
    rows = csv_cells(client.get(url + "csv"))
    assert [cell for row in rows for cell in row if PLANTED in cell] == ["'" + PLANTED]
    sheet = xlsx_sheet(client.get(url + "xlsx"))
    cells = [cell for row in sheet.iter_rows() for cell in row if PLANTED in str(cell.value)]
    assert [(cell.value, cell.data_type) for cell in cells] == [("'" + PLANTED, "s")]
    assert not [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    # the report's own title in the reader's language ("Training coverage in Kampot"), cut to Excel's 31 characters
    assert sheet.title == "ការគ្របដណ្តប់នៃការបណ្តុះបណ្តាលនៅខេត្តកំពត"[:31]


def test_every_spreadsheet_download_goes_through_core_exports():
    """A new export written with csv.writer or openpyxl elsewhere would skip the neutralising above."""
    writers = ("csv.writer(", "csv.DictWriter(", "Workbook(", "text/csv")
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("core", "curriculum", "learners", "quizzes", "reports")
        for path in (ROOT / app).rglob("*.py")
        if path != ROOT / "core" / "exports.py" and any(writer in path.read_text() for writer in writers)
    ]
    assert offenders == []
