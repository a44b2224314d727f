"""Places: the shipped provinces, place validation of profiles, and the all-or-nothing gazetteer import."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from learners.gazetteer import (
    BAD_CODE,
    DUPLICATE_CODE,
    FILE_NOT_FOUND,
    MISSING_COLUMNS,
    MISSING_NAME,
    PARENT_MISMATCH,
    UNKNOWN_PARENT,
    UNKNOWN_UNIT,
    GazetteerError,
    import_gazetteer,
)
from learners.models import (
    COMMUNE_OUTSIDE_DISTRICT,
    COMMUNE_OUTSIDE_PROVINCE,
    DISTRICT_OUTSIDE_PROVINCE,
    Commune,
    District,
    Province,
)
from tests.factories import LearnerFactory

SHARED_GAZETTEER = Path(__file__).resolve().parents[3] / "shared" / "data" / "gazetteer"
HEADER = "code,name_km,name_en,unit_km,unit_en,parent_code,iso3166_2\n"


def write(tmp_path, name, body, header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_the_project_ships_the_25_provinces():
    assert Province.objects.count() == 25
    assert list(Province.objects.values_list("code", flat=True)) == [f"{n:02d}" for n in range(1, 26)]
    phnom_penh = Province.objects.get(code="12")
    assert (phnom_penh.iso_code, phnom_penh.name_en, phnom_penh.name_km, phnom_penh.unit) == (
        "KH-12",
        "Phnom Penh",
        "ភ្នំពេញ",
        "capital",
    )
    assert Province.objects.get(code="25").name_en == "Tboung Khmum"
    assert Province.objects.get_by_natural_key("07").name_km == "កំពត"


@pytest.mark.django_db
def test_place_names_follow_the_language():
    from django.utils import translation

    kampot = Province.objects.get(code="07")
    assert str(kampot) == "កំពត"
    with translation.override("en"):
        assert str(kampot) == "Kampot"


def test_district_and_commune_must_belong_to_the_province(places):
    learner = LearnerFactory(province=places.kampot, username="somebody")
    learner.district = places.takeo_district
    with pytest.raises(ValidationError) as raised:
        learner.full_clean()
    assert raised.value.message_dict["district"] == [str(DISTRICT_OUTSIDE_PROVINCE)]

    learner.district = None
    learner.commune = places.takeo_commune
    with pytest.raises(ValidationError) as raised:
        learner.full_clean()
    assert raised.value.message_dict["commune"] == [str(COMMUNE_OUTSIDE_PROVINCE)]

    learner.district = places.kampot_district
    learner.commune = places.kampot_sangkat  # in Kampot, but in another district
    with pytest.raises(ValidationError) as raised:
        learner.full_clean()
    assert raised.value.message_dict["commune"] == [str(COMMUNE_OUTSIDE_DISTRICT)]


def test_a_commune_fills_in_its_district(places):
    learner = LearnerFactory(province=places.kampot, username="somebody")
    learner.commune = places.kampot_sangkat
    learner.full_clean()
    assert learner.district == places.kampot_town


@pytest.mark.django_db
def test_import_small_files_then_again_changes_nothing(tmp_path):
    write(tmp_path, "districts.csv", "0701,អង្គរជ័យ,Angkor Chey,ស្រុក,District,07,\n0708,កំពត,Kampot,ក្រុង,Municipality,07,\n")
    write(
        tmp_path,
        "communes.csv",
        "070101,អង្គភ្នំតូច,Angk Phnum Touch,ឃុំ,Commune,0701,\n070801,កំពង់កណ្ដាល,Kampong Kandal,សង្កាត់,Quarter,0708,\n",
    )
    summary = import_gazetteer(targets=[tmp_path])
    assert summary.created == {"province": 0, "district": 2, "commune": 2}
    assert District.objects.get(code="0708").unit == "municipality"
    assert Commune.objects.get(code="070801").unit == "sangkat"

    again = import_gazetteer(targets=[tmp_path])
    assert again.created == {"province": 0, "district": 0, "commune": 0}
    assert again.updated == {"province": 0, "district": 0, "commune": 0}
    assert again.unchanged == 4


@pytest.mark.django_db
def test_import_updates_names_and_never_deletes(tmp_path, places):
    learner = LearnerFactory(province=places.kampot, username="somebody")
    learner.commune = places.kampot_commune
    learner.full_clean()
    learner.save()
    # A file that renames one district and leaves out the commune a learner is attached to.
    path = write(tmp_path, "districts.csv", "0701,អង្គរជ័យថ្មី,Angkor Chey New,ស្រុក,District,07,\n")
    summary = import_gazetteer(targets=[path])
    assert summary.updated["district"] == 1
    assert District.objects.get(code="0701").name_en == "Angkor Chey New"
    assert Commune.objects.filter(code="070101").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message", "params"),
    [
        (
            "0799,ក,Ka,ស្រុក,District,07,\n079901,ខ,Kha,ឃុំ,Commune,0788,\n",
            PARENT_MISMATCH,
            {"file": "communes.csv", "line": 3, "code": "079901", "parent": "0788"},
        ),
        (
            "0799,ក,Ka,ស្រុក,District,07,\n7x01,ខ,Kha,ស្រុក,District,07,\n",
            BAD_CODE,
            {"file": "communes.csv", "line": 3, "code": "7x01"},
        ),
        (
            "0799,ក,Ka,ស្រុក,District,07,\n0799,ខ,Kha,ស្រុក,District,07,\n",
            DUPLICATE_CODE,
            {"file": "communes.csv", "line": 3, "code": "0799", "first": "communes.csv:2"},
        ),
        (
            "2699,ក,Ka,ស្រុក,District,26,\n",
            UNKNOWN_PARENT,
            {"file": "communes.csv", "line": 2, "code": "2699", "parent": "26"},
        ),
        ("0799,,Ka,ស្រុក,District,07,\n", MISSING_NAME, {"file": "communes.csv", "line": 2, "code": "0799"}),
        (
            "0799,ក,Ka,ភូមិ,Village,07,\n",
            UNKNOWN_UNIT,
            {"file": "communes.csv", "line": 2, "code": "0799", "unit": "Village"},
        ),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_written(tmp_path, body, message, params):
    path = write(tmp_path, "communes.csv", body)
    good = write(tmp_path, "good.csv", "0798,គ,Ko,ស្រុក,District,07,\n")
    with pytest.raises(GazetteerError) as raised:
        import_gazetteer(targets=[good, path])
    assert message % params in raised.value.messages
    assert not District.objects.filter(code__in=["0798", "0799"]).exists()


@pytest.mark.django_db
def test_command_reports_problems_and_writes_nothing(tmp_path):
    write(tmp_path, "districts.csv", "0799,ក,Ka,ស្រុក,District,07,\n0799,ក,Ka,ស្រុក,District,07,\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_gazetteer", str(tmp_path))
    assert not District.objects.filter(code="0799").exists()


@pytest.mark.django_db
def test_command_refuses_missing_columns_and_paths(tmp_path):
    write(tmp_path, "odd.csv", "0799,ក\n", header="code,name_km\n")
    with pytest.raises(CommandError) as raised:
        call_command("import_gazetteer", str(tmp_path / "odd.csv"))
    assert str(MISSING_COLUMNS % {"file": "odd.csv", "columns": "name_en, parent_code, unit"}) in str(raised.value)
    missing = tmp_path / "missing.csv"
    with pytest.raises(CommandError) as raised:
        call_command("import_gazetteer", str(missing))
    assert str(FILE_NOT_FOUND % {"path": missing}) in str(raised.value)


@pytest.mark.django_db
@pytest.mark.skipif(not SHARED_GAZETTEER.is_dir(), reason="../shared/data/gazetteer is not on this machine")
def test_import_the_real_gazetteer():
    call_command("import_gazetteer", str(SHARED_GAZETTEER))
    assert (Province.objects.count(), District.objects.count(), Commune.objects.count()) == (25, 210, 1652)
    assert District.objects.filter(unit="khan", province_id="12").exists()
    assert Province.objects.get(code="21").name_km == "តាកែវ"


@pytest.mark.django_db
def test_unreadable_gazetteer_files_are_reported(tmp_path):
    (tmp_path / "latin1.csv").write_bytes(HEADER.encode() + "0799,\xe9,Ka,Srok,District,07,\n".encode("latin-1"))
    (tmp_path / "nul.csv").write_bytes(HEADER.encode() + b"0798,\x00,Ka,Srok,District,07,\n")
    with pytest.raises(GazetteerError) as raised:
        import_gazetteer(targets=[tmp_path])
    assert len(raised.value.messages) == 2
    assert not District.objects.filter(code__in=["0798", "0799"]).exists()


@pytest.mark.django_db
def test_extra_and_missing_cells_do_not_crash(tmp_path):
    write(tmp_path, "districts.csv", "0799,ក,Ka,ស្រុក,District,07,,extra,cells\n0798,ខ\n")
    with pytest.raises(GazetteerError) as raised:
        import_gazetteer(targets=[tmp_path])
    assert raised.value.messages == [MISSING_NAME % {"file": "districts.csv", "line": 3, "code": "0798"}] + [
        UNKNOWN_UNIT % {"file": "districts.csv", "line": 3, "code": "0798", "unit": "-"},
        PARENT_MISMATCH % {"file": "districts.csv", "line": 3, "code": "0798", "parent": "-"},
    ]
