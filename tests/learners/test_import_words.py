"""Imports read roles as people write them (Khmer and English) and files saved with semicolons or tabs."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.roles import Role
from learners.csv_table import delimiter
from learners.importing import AMBIGUOUS_ROLE, UNKNOWN_ROLE, read_upload, validate
from learners.models import LearnerProfile, Source
from learners.role_words import RoleWords, role_names
from tests.learners.test_import import HEADER, preview

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("ប៉ូលីស", Role.POLICE_OFFICER),
        ("មន្ត្រីនគរបាលខេត្ត", Role.POLICE_OFFICER),
        ("Police", Role.POLICE_OFFICER),
        ("police officer", Role.POLICE_OFFICER),
        ("Kampot provincial police", Role.POLICE_OFFICER),
        ("ក្រុមប្រឹក្សាឃុំ", Role.COMMUNE_COUNCIL),
        ("សមាជិក ក្រុមប្រឹក្សាឃុំ", Role.COMMUNE_COUNCIL),
        ("សមាជិកក្រុមប្រឹក្សាសង្កាត់", Role.COMMUNE_COUNCIL),
        ("commune council member", Role.COMMUNE_COUNCIL),
        ("Commune Councillor", Role.COMMUNE_COUNCIL),
        ("មេឃុំ", Role.COMMUNE_COUNCIL),
        ("CCWC", Role.CCWC_FOCAL_POINT),
        ("C.C.W.C.", Role.CCWC_FOCAL_POINT),
        ("ccwc focal point", Role.CCWC_FOCAL_POINT),
        ("Commune Committee for Women and Children", Role.CCWC_FOCAL_POINT),
        ("គ.ក.ន.ក", Role.CCWC_FOCAL_POINT),
        ("ជនបង្គោល គកនក", Role.CCWC_FOCAL_POINT),
        ("district official", Role.OFFICIAL),
        ("មន្ត្រីរដ្ឋបាលស្រុក", Role.OFFICIAL),
        ("ផ្សេងៗ", Role.OTHER),
        ("\u200bប៉ូលីស\u200b", Role.POLICE_OFFICER),  # zero-width spaces, as Khmer keyboards leave them
    ],
)
def test_role_words_in_khmer_and_english(written, role):
    assert RoleWords().find(written) == (role, [])


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_sites_own_labels_and_codes_in_either_language(language):
    words = RoleWords()
    for code, label in Role.choices:
        with translation.override(language):
            assert words.find(str(label)) == (code, [])
        assert words.find(code) == (code, [])


@pytest.mark.parametrize("written", ["មេភូមិ", "Village chief", "village head", "ប្រធានភូមិ", "មេភូមិ ភូមិត្រពាំង"])
def test_village_chief_words(written):
    assert RoleWords().find(written) == (Role.VILLAGE_CHIEF, [])


def test_a_value_naming_two_roles_is_not_guessed():
    role, candidates = RoleWords().find("CCWC focal point, commune council member")
    assert role is None
    assert set(candidates) == {Role.CCWC_FOCAL_POINT, Role.COMMUNE_COUNCIL}


def test_police_official_is_a_police_officer_not_an_official():
    assert RoleWords().find("police official") == (Role.POLICE_OFFICER, [])


def test_unknown_and_ambiguous_roles_are_explained_on_their_line(places):
    rows = read_upload(
        name="x.csv",
        content=(
            HEADER + "ក,,female,judge,07,,,,,,\n" + "ខ,,female,CCWC and police,07,,,,,,\n" + "គ,,female,ប៉ូលីស,07,,,,,,\n"
        ).encode(),
    )
    with translation.override("en"):
        validate(rows=rows, provinces=[places.kampot])
        assert rows[0].errors["role"] == [UNKNOWN_ROLE % {"value": "judge", "roles": role_names()}]
        both = role_names([Role.POLICE_OFFICER, Role.CCWC_FOCAL_POINT])
        assert rows[1].errors["role"] == [AMBIGUOUS_ROLE % {"value": "CCWC and police", "roles": both}]
        assert "Police officer" in rows[0].errors["role"][0]
    assert rows[2].details.role == Role.POLICE_OFFICER


def test_unknown_role_message_in_khmer_names_the_roles_in_khmer(places):
    rows = read_upload(name="x.csv", content=(HEADER + "ក,,female,judge,07,,,,,,\n").encode())
    with translation.override("km"):
        validate(rows=rows, provinces=[places.kampot])
        assert "មន្ត្រីប៉ូលីស" in rows[0].errors["role"][0]
        assert "judge" in rows[0].errors["role"][0]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a\tb\tc", "\t"),
        ('"name, with comma";b;c', ";"),  # a comma inside quotes does not count
        ("\n\nfull_name_km;gender", ";"),  # blank lines before the heading
        ("single", ","),
        ("", ","),
    ],
)
def test_the_separator_is_read_from_the_heading_row(heading, expected):
    assert delimiter(heading + "\nx,y;z\n") == expected


@pytest.fixture
def coordinator(client, people):
    client.force_login(people.kampot_coordinator)
    return client


def test_a_semicolon_file_from_excel_imports(coordinator, places):
    # Excel set to a comma-decimal region: semicolons, a BOM, CRLF line ends, a value holding a comma, quoted.
    content = (
        HEADER.replace(",", ";").replace("\n", "\r\n")
        + 'ឈឹម សុខា;Chheum Sokha;ស្រី;ប៉ូលីស;កំពត;អង្គរជ័យ;;"ប៉ុស្តិ៍, ស្រុកអង្គរជ័យ";012 111 222;;\r\n'
        + "ព្រំ វណ្ណា;;male;commune council member;07;;070101;;;;\r\n"
    )
    response = preview(coordinator, "excel-fr.csv", content)
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    coordinator.post(reverse("learners:import_confirm"))
    first, second = LearnerProfile.objects.filter(source=Source.IMPORT).order_by("pk")
    assert (first.role, first.district, first.unit) == (Role.POLICE_OFFICER, places.kampot_district, "ប៉ុស្តិ៍, ស្រុកអង្គរជ័យ")
    assert (second.role, second.commune) == (Role.COMMUNE_COUNCIL, places.kampot_commune)


def test_a_tab_separated_file_imports(coordinator, places):
    content = HEADER.replace(",", "\t") + "ឈឹម សុខា\t\tfemale\tCCWC\t07\t\t\t\t\t\t\n"
    response = preview(coordinator, "list.csv", content)
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    assert response.context["rows"][0].details.role == Role.CCWC_FOCAL_POINT
