"""Target import: a dry run that writes nothing, then every row or none, recorded in the history as an import."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from learners.forms import FILE_TOO_BIG, FILE_TYPE
from learners.importing import MISSING_COLUMNS, NOT_UTF8, TOO_MANY_ROWS, ImportFileError
from learners.table_files import FORMULA_LIKE
from reports import target_import
from reports.models import Target, TargetChange, TargetChangeSource
from reports.services import target_save
from reports.target_import import (
    DUPLICATE_ROW,
    UNKNOWN_ROLE,
    RowAction,
    read_rows,
    validate,
)
from tests import downloads
from tests.reports.target_fixtures import make_people, make_places

COLUMN_HEADINGS = ("province_code", "district_code", "commune_code", "role", "people")
HEADER = "province_code (ខេត្ត),district_code (ស្រុក),commune_code (ឃុំ),role (តួនាទី),people (ចំនួនមនុស្ស)\n"
GOOD_ROWS = (
    "07,,,police_officer,120\n"  # code
    "កំពត,,,CCWC focal point,25\n"  # Khmer province name, English role label
    "Kampot,0701,,មន្ត្រីប៉ូលីស,40\n"  # English name, Khmer role label
    "07,,070801,commune_council,៥\n"  # commune without its district, Khmer digits
)


@pytest.fixture
def places(db):
    return make_places()


@pytest.fixture
def people(places):
    return make_people(places)


@pytest.fixture
def coordinator(client, people):
    client.force_login(people.kampot_coordinator)
    return client


def upload(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8-sig") if isinstance(content, str) else content)


def preview(client, name, content):
    return client.post(reverse("targets:import"), {"file": upload(name, content)})


def confirm(client):
    return client.post(reverse("targets:import_confirm"))


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_dry_run_writes_nothing_then_confirm_writes_all_with_history(coordinator, people, places):
    response = preview(coordinator, "kampot.csv", HEADER + GOOD_ROWS)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert response.context["ready"], [row.messages for row in rows]
    assert [row.action for row in rows] == [RowAction.CREATE] * 4
    assert not Target.objects.exists() and not TargetChange.objects.exists()

    response = confirm(coordinator)
    assert response.status_code == 302
    saved = {(t.province_id, t.district_id, t.commune_id, t.role): t.people for t in Target.objects.all()}
    assert saved == {
        ("07", None, None, "police_officer"): 120,
        ("07", None, None, "ccwc_focal_point"): 25,
        ("07", "0701", None, "police_officer"): 40,
        ("07", "0708", "070801", "commune_council"): 5,
    }
    changes = TargetChange.objects.all()
    assert changes.count() == 4
    assert {(c.source, c.file_name, c.changed_by, c.people_before) for c in changes} == {
        (TargetChangeSource.IMPORT, "kampot.csv", people.kampot_coordinator, None)
    }
    # The preview is used up: confirming again saves nothing more.
    confirm(coordinator)
    assert TargetChange.objects.count() == 4


def test_dry_run_shows_changed_and_unchanged_rows(coordinator, people, places):
    target_save(target=Target(province=places.kampot, role="police_officer", people=100), user=people.national)
    target_save(target=Target(province=places.kampot, role="ccwc_focal_point", people=25), user=people.national)
    response = preview(coordinator, "kampot.csv", HEADER + "07,,,police_officer,120\n07,,,ccwc_focal_point,25\n")
    rows = response.context["rows"]
    assert [(row.action, row.people_before, row.people) for row in rows] == [
        (RowAction.CHANGE, 100, 120),
        (RowAction.UNCHANGED, 25, 25),
    ]
    assert response.context["counts"] == {"create": 0, "change": 1, "unchanged": 1}
    assert "100 → 120" in response.content.decode()

    confirm(coordinator)
    change = TargetChange.objects.filter(source=TargetChangeSource.IMPORT).get()
    assert (change.people_before, change.people_after, change.role) == (100, 120, "police_officer")


def test_one_bad_row_writes_nothing(coordinator):
    response = preview(coordinator, "kampot.csv", HEADER + GOOD_ROWS + "07,,,astronaut,3\n")
    assert not response.context["ready"]
    [bad] = response.context["problems"]
    assert bad.line == 6 and "role" in bad.errors
    # Even a confirm sent anyway (an old tab, a crafted request) saves nothing.
    response = confirm(coordinator)
    assert response.status_code == 200 and not response.context["ready"]
    assert not Target.objects.exists() and not TargetChange.objects.exists()


def test_rows_for_another_province_are_errors_for_a_provincial_coordinator(coordinator, places):
    response = preview(coordinator, "both.csv", HEADER + "07,,,police_officer,10\nTakeo,,,police_officer,10\n")
    [bad] = response.context["problems"]
    assert bad.line == 3 and list(bad.errors) == ["province_code"]
    confirm(coordinator)
    assert not Target.objects.exists()


def test_national_coordinator_imports_any_province(client, people, places):
    client.force_login(people.national)
    preview(client, "both.csv", HEADER + "07,,,police_officer,10\nតាកែវ,2101,,police_officer,4\n")
    confirm(client)
    assert set(Target.objects.values_list("province_id", "district_id")) == {("07", None), ("21", "2101")}


def test_xlsx_with_numbers_typed_into_excel(coordinator, places):
    # Excel turns 07 into 7 and 0701 into 701; the codes still match.
    content = xlsx(
        [["province_code", "district_code", "commune_code", "role", "people"], [7, 701, None, "police_officer", 12.0]]
    )
    response = preview(coordinator, "targets.xlsx", content)
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    confirm(coordinator)
    target = Target.objects.get()
    assert (target.district_id, target.people) == ("0701", 12)


def test_csv_with_and_without_bom(places):
    with_bom = read_rows(name="a.csv", content=(HEADER + GOOD_ROWS).encode("utf-8-sig"))
    without_bom = read_rows(name="a.csv", content=(HEADER + GOOD_ROWS).encode("utf-8"))
    assert [row.values for row in with_bom] == [row.values for row in without_bom]
    assert with_bom[0].values["province_code"] == "07"


def test_headings_in_khmer_or_english_words(places):
    rows = read_rows(name="a.csv", content="ខេត្ត,តួនាទី,ចំនួនមនុស្ស\nកំពត,police_officer,3\n".encode())
    assert rows[0].values == {
        "province_code": "កំពត",
        "district_code": "",
        "commune_code": "",
        "role": "police_officer",
        "people": "3",
    }
    rows = read_rows(name="a.csv", content=b"Province,Role,People\n07,other,3\n")
    assert rows[0].values["province_code"] == "07"


def test_file_problems(coordinator):
    with pytest.raises(ImportFileError) as error:
        read_rows(name="a.csv", content=b"province_code,people\n07,3\n")
    assert error.value.messages == [str(MISSING_COLUMNS % {"columns": "role"})]

    response = preview(coordinator, "a.csv", "ក,ខ\n".encode("utf-16"))
    assert response.context["form"].errors["file"] == [str(NOT_UTF8)]
    response = preview(coordinator, "a.txt", HEADER)
    assert response.context["form"].errors["file"] == [str(FILE_TYPE)]
    response = coordinator.post(
        reverse("targets:import"), {"file": SimpleUploadedFile("big.csv", b"x" * (2 * 1024 * 1024 + 1))}
    )
    assert response.context["form"].errors["file"] == [str(FILE_TOO_BIG % {"size": 2})]
    assert not Target.objects.exists()


def test_row_errors_are_in_the_users_language(places):
    content = (HEADER + "07,,,astronaut,3\n21,,,police_officer,3\n07,,,police_officer,x\n").encode()
    with translation.override("en"):
        rows = validate(rows=read_rows(name="a.csv", content=content), provinces=[places.kampot])
        english = [row.messages for row in rows]
    with translation.override("km"):
        rows = validate(rows=read_rows(name="a.csv", content=content), provinces=[places.kampot])
        khmer = [row.messages for row in rows]
        unknown_role_km = str(UNKNOWN_ROLE % {"value": "astronaut"})
    assert english == [  # each column by its label, its heading after it to find it in the file
        ["Role (role): Unknown role “astronaut”."],
        ["Province (province_code): You cannot set targets for Takéo."],
        ["Number of people (people): Give a whole number of people, 0 or more, for example 120."],
    ]
    assert khmer[0] == [f"តួនាទី (role)៖ {unknown_role_km}"] and unknown_role_km != "Unknown role “astronaut”."
    assert "តាកែវ" in khmer[1][0]  # the province is named in the reader's language


def test_the_same_place_and_role_twice_in_a_file(places):
    content = (HEADER + "07,,,police_officer,3\nKampot,,,Police officer,4\n").encode()
    rows = validate(rows=read_rows(name="a.csv", content=content), provinces=[places.kampot])
    assert rows[1].errors == {"role": [str(DUPLICATE_ROW % {"line": 2})]}


def test_unknown_and_ambiguous_places(places):
    content = (HEADER + "99,,,police_officer,1\n07,9999,,police_officer,1\n07,,999999,police_officer,1\n").encode()
    rows = validate(rows=read_rows(name="a.csv", content=content), provinces=[places.kampot])
    assert [list(row.errors) for row in rows] == [["province_code"], ["district_code"], ["commune_code"]]


def test_template_file_reads_back_without_problems(coordinator, places):
    response = coordinator.get(reverse("targets:import_template"))
    assert response["Content-Type"].startswith("text/csv")
    content = downloads.body(response)  # a stream: read once
    text = content.decode("utf-8")
    assert text.startswith("\ufeff") and "province_code (ខេត្ត)" in text
    rows = validate(rows=read_rows(name="t.csv", content=content), provinces=[places.kampot])
    assert [row.messages for row in rows] == [[], [], [], []]
    assert {row.province.code for row in rows} == {"07"}


def test_import_rows_refuses_rows_with_problems(places, people):
    rows = validate(rows=read_rows(name="a.csv", content=(HEADER + "07,,,x,1\n").encode()), provinces=[places.kampot])
    with pytest.raises(ValidationError):
        target_import.import_rows(rows=rows, user=people.kampot_coordinator, file_name="a.csv")
    assert not Target.objects.exists()


def test_values_that_begin_like_a_formula_are_pointed_out_in_the_dry_run(coordinator):
    planted = '=HYPERLINK("http://x","y")'
    quoted = '"' + planted.replace('"', '""') + '"'
    response = preview(coordinator, "a.csv", HEADER + f"07,,,police_officer,120\n{quoted},,,-2+3,5\n")
    assert response.status_code == 200
    first, second = response.context["rows"]
    assert first.warnings == {}
    assert second.warnings == {
        "province_code": str(FORMULA_LIKE % {"value": planted}),
        "role": str(FORMULA_LIKE % {"value": "-2+3"}),
    }
    assert response.context["warned"] == 1
    page = response.content.decode()
    assert str(FORMULA_LIKE % {"value": "-2+3"}).replace("'", "&#x27;") in page
    assert not Target.objects.exists()


def test_a_sheet_with_more_rows_than_the_limit_is_refused_while_reading(coordinator):
    rows = [list(COLUMN_HEADINGS)] + [["07", "", "", "police_officer", n] for n in range(target_import.MAX_ROWS + 1)]
    response = preview(coordinator, "many.xlsx", xlsx(rows))
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [TOO_MANY_ROWS % {"max": target_import.MAX_ROWS}]
    assert "reports_target_import" not in coordinator.session
    assert not Target.objects.exists()
