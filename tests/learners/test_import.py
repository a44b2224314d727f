"""Bulk enrolment: dry-run preview with every row's problems, then all learners or none, and a report."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from learners import importing
from learners.forms import FILE_TYPE
from learners.importing import (
    DUPLICATE_PHONE_DB,
    DUPLICATE_PHONE_FILE,
    MISSING_COLUMNS,
    NOT_UTF8,
    NOT_XLSX,
    REQUIRED_VALUE,
    TOO_LONG,
    ImportFileError,
    read_upload,
    validate,
)
from learners.models import Confirmation, ImportBatch, LearnerProfile, Source
from learners.phone import INVALID_PHONE
from learners.table_files import FORMULA_LIKE
from tests import downloads

HEADER = "full_name_km,full_name_latin,gender,role,province,district,commune,unit,phone,email,username\n"
GOOD_ROWS = (
    "ឈឹម សុខា,Chheum Sokha,female,police_officer,07,,070101,ប៉ុស្តិ៍នគរបាលរដ្ឋបាល,012 111 222,,\n"
    "ព្រំ វណ្ណា,,ប្រុស,Police officer,កំពត,Angkor Chey,,,+855 12 111 333,vanna@example.org,vanna\n"
    "សុខ លីដា,,F,ccwc_focal_point,Kampot,,Kampong Kandal,,,,\n"
)


def upload(name, content):
    return SimpleUploadedFile(name, content.encode("utf-8-sig") if isinstance(content, str) else content)


def preview(client, name, content):
    return client.post(reverse("learners:import_upload"), {"file": upload(name, content)})


@pytest.fixture
def coordinator(client, people):
    client.force_login(people.kampot_coordinator)
    return client


def test_dry_run_then_import_then_report(coordinator, people, places):
    response = preview(coordinator, "workshop.csv", HEADER + GOOD_ROWS)
    assert response.status_code == 200
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    assert not LearnerProfile.objects.filter(source=Source.IMPORT).exists()  # a dry run writes nothing

    done = coordinator.post(reverse("learners:import_confirm"))
    assert done.status_code == 200
    batch = ImportBatch.objects.get()
    learners = LearnerProfile.objects.filter(import_batch=batch).order_by("pk")
    assert learners.count() == 3 and batch.row_count == 3
    first, second, third = learners
    assert (first.commune, first.district, first.phone) == (
        places.kampot_commune,
        places.kampot_district,
        "+85512111222",
    )
    assert (second.gender, second.district, second.user.username, second.user.email) == (
        "male",
        places.kampot_district,
        "vanna",
        "vanna@example.org",
    )
    assert (third.gender, third.role, third.commune) == ("female", "ccwc_focal_point", places.kampot_sangkat)
    assert all(learner.confirmation == Confirmation.CONFIRMED for learner in learners)
    assert not first.user.has_usable_password()  # a password is handed over in person later

    report = coordinator.get(reverse("learners:import_report", args=[batch.pk]))
    text = downloads.text(report)
    assert text.startswith("\ufeff") and "ឈឹម សុខា" in text and "vanna" in text
    # The preview is used up: confirming again imports nothing more.
    coordinator.post(reverse("learners:import_confirm"))
    assert LearnerProfile.objects.filter(source=Source.IMPORT).count() == 3


def test_every_problem_is_shown_with_its_line_and_nothing_is_imported(coordinator, people, places):
    rows = (
        "ឈឹម សុខា,,female,police_officer,99,,,,,,\n"  # line 2: unknown province
        "ព្រំ វណ្ណា,,male,police_officer,07,,Nowhere,,,,\n"  # line 3: unknown commune
        "សុខ លីដា,,female,police_officer,07,,,,12-34,,\n"  # line 4: bad phone
        "កែវ ចិន្តា,,female,police_officer,07,,,,016 000 111,,\n"  # line 5
        "ហេង ភារម្យ,,male,police_officer,07,,,,+85516000111,,\n"  # line 6: same phone as line 5
        "នួន សារ៉ាត,,male,police_officer,07,,,,012 345 678,,\n"  # line 7: phone already in the database
        ",,male,police_officer,07,,,,,,\n"  # line 8: no name
        "មាស ស្រីមុំ,,female,police_officer,21,,,,,,\n"  # line 9: Takeo, not the coordinator's
        "ស៊ុន ធារី,,female,judge,07,,,,,,\n"  # line 10: unknown role
        + "ក"
        * 151
        + ",,female,police_officer,07,,,,,,\n"  # line 11: name too long
        "ទេព សុខា,,female,police_officer,07,,,,,,no spaces please\n"  # line 12: invalid username
    )
    response = preview(coordinator, "bad.csv", HEADER + rows)
    assert not response.context["ready"]
    problems = {row.line: row.errors for row in response.context["rows"] if row.errors}
    assert set(problems) == {2, 3, 4, 6, 7, 8, 9, 10, 11, 12}
    assert list(problems[12]) == ["username"]
    assert problems[11]["full_name_km"] == [TOO_LONG % {"max": 150}]
    assert "province" in problems[2] and "commune" in problems[3]
    assert problems[4]["phone"] == [str(INVALID_PHONE)]
    assert problems[6]["phone"] == [DUPLICATE_PHONE_FILE % {"line": 5}]
    assert problems[7]["phone"] == [str(DUPLICATE_PHONE_DB)]
    assert problems[8]["full_name_km"] == [str(REQUIRED_VALUE)]
    assert "province" in problems[9] and "role" in problems[10]
    page = response.content.decode()
    assert "Nowhere" in page
    # Confirming anyway imports nothing.
    coordinator.post(reverse("learners:import_confirm"))
    assert not LearnerProfile.objects.filter(source=Source.IMPORT).exists()
    assert not ImportBatch.objects.exists()


def test_xlsx_with_numeric_phone_cells(coordinator, places):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Full name km", "Gender", "Role", "Province", "Phone"])
    sheet.append(["ឈឹម សុខា", "female", "police_officer", 7, 12111222])  # Excel dropped the leading zeros
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = preview(coordinator, "list.xlsx", buffer.getvalue())
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    coordinator.post(reverse("learners:import_confirm"))
    assert LearnerProfile.objects.get(source=Source.IMPORT).phone == "+85512111222"


def test_import_is_all_or_nothing_when_a_row_fails_while_writing(coordinator, places, monkeypatch):
    preview(coordinator, "workshop.csv", HEADER + GOOD_ROWS)
    real_create = importing.learner_create
    calls = []

    def fail_on_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            from django.core.exceptions import ValidationError

            raise ValidationError({"phone": ["taken meanwhile"]})
        return real_create(**kwargs)

    monkeypatch.setattr(importing, "learner_create", fail_on_third)
    response = coordinator.post(reverse("learners:import_confirm"))
    assert response.status_code == 200
    assert "taken meanwhile" in response.content.decode()
    assert not LearnerProfile.objects.filter(source=Source.IMPORT).exists()
    assert not ImportBatch.objects.exists()


def test_problems_start_with_the_column_s_name_in_the_reader_s_language(coordinator, places):
    """Not the file's heading (`full_name_km:`) at the head of a Khmer sentence: the label, the heading after it."""
    rows = ",,female,police_officer,07,,,,not a phone,,\n"
    page = preview(coordinator, "bad.csv", HEADER + rows).content.decode()  # the site speaks Khmer first
    assert f"ឈ្មោះពេញជាអក្សរខ្មែរ (full_name_km)៖ {REQUIRED_VALUE}" in page
    assert "លេខទូរស័ព្ទ (phone)៖ " in page
    assert "<li>full_name_km:" not in page and "<li>phone:" not in page
    with translation.override("en"):
        english = preview(coordinator, "bad.csv", HEADER + rows).content.decode()  # /en/coordinate/import/
    assert "Full name in Khmer (full_name_km): This value is required." in english


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.csv", "full_name_km,gender\nx,female\n", MISSING_COLUMNS % {"columns": "role, province"}),
        ("list.xlsx", b"not a zip file", NOT_XLSX),
        ("list.txt", "a,b\n", FILE_TYPE),
    ],
)
def test_unreadable_files_get_a_message_next_to_the_file_field(coordinator, name, content, message):
    response = preview(coordinator, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(message)]


def test_reading_problems_are_module_constants():
    with pytest.raises(ImportFileError) as raised:
        read_upload(name="x.csv", content="ក,ខ\n".encode("utf-16"))
    assert raised.value.messages == [str(NOT_UTF8)]
    with pytest.raises(ImportFileError) as raised:
        read_upload(name="x.csv", content=b"full_name_km,gender\n")
    assert raised.value.messages == [MISSING_COLUMNS % {"columns": "role, province"}]


def test_names_are_matched_without_accents_or_case(places, people):
    rows = read_upload(
        name="x.csv",
        content=(HEADER + "ក,,female,police_officer,TAKEO,,,,,,\nខ,,male,police_officer,ភ្នំពេញ,,,,,,\n").encode(),
    )
    validate(rows=rows, provinces=[places.takeo, places.kampot])
    assert rows[0].details.province == places.takeo
    assert "province" in rows[1].errors  # Phnom Penh exists, but is not in the allowed provinces


def test_another_coordinators_report_is_not_found(client, people, places):
    client.force_login(people.national)
    preview(client, "workshop.csv", HEADER + GOOD_ROWS)
    client.post(reverse("learners:import_confirm"))
    batch = ImportBatch.objects.get()
    client.force_login(people.kampot_coordinator)
    assert client.get(reverse("learners:import_report", args=[batch.pk])).status_code == 404


def test_the_example_file_imports_cleanly(coordinator, places):
    template = coordinator.get(reverse("learners:import_template"))
    assert template.status_code == 200
    content = downloads.body(template)  # a stream: read once
    response = preview(coordinator, "template.csv", content.decode("utf-8-sig"))
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    details = validate(rows=read_upload(name="t.csv", content=content), provinces=[places.kampot])[0].details
    assert (details.province, details.district) == (places.kampot, places.kampot_district)


def test_a_binary_file_named_csv_is_refused_with_a_message(coordinator):
    from learners.importing import NOT_CSV

    response = preview(coordinator, "photo.csv", b"full_name_km,gender,role,province\n\x00\x00\x00,x,y,z\n")
    assert response.context["form"].errors["file"] == [str(NOT_CSV)]


def test_values_that_begin_like_a_formula_are_pointed_out_and_still_imported_as_text(coordinator, places):
    planted = '=HYPERLINK("http://x","y")'
    quoted = '"' + planted.replace('"', '""') + '"'
    rows = f"{quoted},,female,police_officer,07,,,-2+3,+855 12 999 000,,\nសុខ លីដា,,F,police_officer,07,,,,,,\n"
    response = preview(coordinator, "workshop.csv", HEADER + rows)
    assert response.status_code == 200
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    first, second = response.context["rows"]
    assert first.warnings == {
        "full_name_km": str(FORMULA_LIKE % {"value": planted}),
        "unit": str(FORMULA_LIKE % {"value": "-2+3"}),
    }  # the phone number's + is not a formula
    assert second.warnings == {} and response.context["warned"] == 1
    assert str(FORMULA_LIKE % {"value": "-2+3"}).replace("'", "&#x27;") in response.content.decode()
    coordinator.post(reverse("learners:import_confirm"))
    assert LearnerProfile.objects.get(source=Source.IMPORT, full_name_km=planted).unit == "-2+3"
