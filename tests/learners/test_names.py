"""Names and usernames: one Unicode form, nothing invisible, no look-alike letters of another alphabet.

Khmer writes zero-width spaces and joiners inside words, so those stay between Khmer letters and go elsewhere.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.roles import Role
from learners.importing import read_upload, validate
from learners.models import Gender, LearnerProfile, Province
from learners.names import (
    LATIN_NAME_SCRIPTS,
    NAME_INVISIBLE,
    NAME_SCRIPTS,
    USERNAME_CHARACTERS,
    check_username,
    clean_name,
)
from learners.services import LearnerDetails, learner_register, learner_update

from .conftest import PASSWORD

ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"
RLO, LRM, BOM = "\u202e", "\u200e", "\ufeff"
CYRILLIC_O = "\u043e"  # looks exactly like Latin "o"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("សុខ ចន្ថា", "សុខ ចន្ថា"),
        (f"សុខ{ZWSP}ចន្ថា", f"សុខ{ZWSP}ចន្ថា"),  # a Khmer word break is part of the spelling
        (f"ស្រ{ZWNJ}ី", f"ស្រ{ZWNJ}ី"),
        (f"{ZWSP}សុខ{ZWJ} ", "សុខ"),  # at the edges it only hides something
        (f"Sok{ZWSP}Chantha", "SokChantha"),  # between Latin letters too
        (f"{RLO}Sok Chantha{LRM}", "Sok Chantha"),
        (f"{BOM}Sok\u00a0\u00a0 Chantha\t", "Sok Chantha"),
        ("Sok Chantha", "Sok Chantha"),
        ("សុខ Chantha", "សុខ Chantha"),  # Khmer with Latin is how many people write
        ("E\u0301milie", "Émilie"),  # decomposed accent -> one character (NFC)
        ("ក\u17b4ខ\ufe0f", "កខ"),  # Khmer inherent vowel, variation selector: nothing to see
    ],
)
def test_names_are_stored_in_one_form_without_hidden_characters(typed, stored):
    assert clean_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (ZWSP + ZWNJ + ZWJ, NAME_INVISIBLE),
        (RLO + LRM, NAME_INVISIBLE),
        ("\u2800\u2800", NAME_INVISIBLE),  # Braille blanks
        ("...", NAME_INVISIBLE),
        (f"{CYRILLIC_O}fficer", NAME_SCRIPTS),
        ("Ѕоk Сhаnthа", NAME_SCRIPTS),  # entirely Cyrillic look-alikes
        ("\u3164\u115f", NAME_INVISIBLE),  # Hangul fillers: "letters" that show nothing
        ("\u034f\ufe0f", NAME_INVISIBLE),  # grapheme joiner, variation selector
    ],
)
def test_invisible_and_look_alike_names_are_refused(typed, message):
    with pytest.raises(ValidationError) as raised:
        clean_name(typed)
    assert raised.value.messages == [str(message)]


def test_the_latin_name_takes_latin_letters_only():
    assert clean_name("Sok Chantha", latin_only=True) == "Sok Chantha"
    for typed in ("សុខ", f"S{CYRILLIC_O}k"):
        with pytest.raises(ValidationError) as raised:
            clean_name(typed, latin_only=True)
        assert raised.value.messages == [str(LATIN_NAME_SCRIPTS)]


@pytest.mark.parametrize("username", ["officer", "Sok.Chantha_2", "kampot-coordinator", "សុខា", "សុខា១២", "សុខា-2"])
def test_usernames_in_ascii_or_in_khmer_are_accepted(username):
    assert check_username(username) == username


@pytest.mark.parametrize(
    "username",
    [
        f"{CYRILLIC_O}fficer",
        "sok chan",
        f"sok{ZWSP}",
        "sokhá",
        "សុខាabc",
        "offi\u0441er",
        f"{RLO}reciffo",
        "",
        "ok!",
        "សុខា\u17b4",
    ],
)
def test_mixed_invisible_or_accented_usernames_are_refused(username):
    with pytest.raises(ValidationError) as raised:
        check_username(username)
    assert raised.value.messages == [str(USERNAME_CHARACTERS)]


def details(places, **overrides):
    values = {"full_name_km": "ស្រី ពៅ", "role": Role.POLICE_OFFICER, "gender": Gender.FEMALE}
    values.update(overrides)
    return LearnerDetails(province=places.kampot, **values)


def test_the_services_store_the_cleaned_name(places):
    learner = learner_register(
        details=details(places, full_name_km=f"{RLO}ស្រី ពៅ{ZWSP}", full_name_latin="Srey  Pov", unit=f"{BOM}Police"),
        username="srey",
        password=PASSWORD,
    )
    learner.refresh_from_db()
    assert (learner.full_name_km, learner.full_name_latin, learner.unit) == ("ស្រី ពៅ", "Srey Pov", "Police")


def test_services_refuse_bad_names_and_usernames_and_save_nothing(places, people):
    users_before = get_user_model().objects.count()
    with pytest.raises(ValidationError) as raised:
        learner_register(
            details=details(places, full_name_km=ZWSP * 3, full_name_latin="Ѕrey"),
            username=f"{CYRILLIC_O}fficer",
            password=PASSWORD,
        )
    assert raised.value.message_dict == {
        "full_name_km": [str(NAME_INVISIBLE)],
        "full_name_latin": [str(LATIN_NAME_SCRIPTS)],
        "username": [str(USERNAME_CHARACTERS)],
    }
    assert get_user_model().objects.count() == users_before
    with pytest.raises(ValidationError) as raised:
        learner_update(
            profile=people.kampot_learner,
            details=details(places, full_name_km=f"S{CYRILLIC_O}k", phone="012 345 678"),
            actor=people.kampot_learner.user,
        )
    assert raised.value.message_dict == {"full_name_km": [str(NAME_SCRIPTS)]}
    people.kampot_learner.refresh_from_db()
    assert people.kampot_learner.full_name_km == "សុខ ចន្ថា"


def registration(places, **overrides):
    data = {
        "full_name_km": "ម៉ៅ សុភា",
        "gender": "female",
        "role": "commune_council",
        "province": places.kampot.code,
        "phone": "",
        "username": "sophea",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def test_registration_shows_name_problems_next_to_the_fields(client, places):
    response = client.post(
        "/en/account/register/", registration(places, full_name_km=ZWSP + ZWJ, username=f"{CYRILLIC_O}fficer")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["full_name_km"] == [str(NAME_INVISIBLE)]
    assert errors["username"] == [str(USERNAME_CHARACTERS)]
    assert not LearnerProfile.objects.filter(user__username__in=["sophea", f"{CYRILLIC_O}fficer"]).exists()


def test_the_refusal_reads_in_khmer(client, places):
    response = client.post("/km/account/register/", registration(places, full_name_km=f"S{CYRILLIC_O}k"))
    assert response.status_code == 200
    [message] = response.context["form"].errors["full_name_km"]
    with translation.override("en"):
        english = str(NAME_SCRIPTS)
    assert message != english and any("\u1780" <= char <= "\u17ff" for char in message)


def test_profile_edit_refuses_an_invisible_name(client, people, places):
    client.force_login(people.kampot_learner.user)
    data = {"full_name_km": RLO + ZWSP, "gender": "female", "role": "police_officer", "province": places.kampot.code}
    response = client.post(reverse("learners:profile_edit"), {**data, "phone": "012 345 678"})
    assert response.status_code == 200
    assert response.context["form"].errors["full_name_km"] == [str(NAME_INVISIBLE)]


def test_coordinator_create_and_edit_refuse_look_alike_names(client, people, places):
    client.force_login(people.kampot_coordinator)
    data = {"full_name_km": f"{CYRILLIC_O}fficer", "gender": "male", "role": "police_officer"}
    created = client.post(reverse("learners:learner_create"), {**data, "province": places.kampot.code})
    assert created.status_code == 200
    assert created.context["form"].errors["full_name_km"] == [str(NAME_SCRIPTS)]
    assert not LearnerProfile.objects.filter(full_name_km=data["full_name_km"]).exists()
    edited = client.post(
        reverse("learners:learner_edit", args=[people.kampot_learner.pk]),
        {**data, "province": places.kampot.code, "phone": "012 345 678"},
    )
    assert edited.status_code == 200
    assert edited.context["form"].errors["full_name_km"] == [str(NAME_SCRIPTS)]


def test_the_import_dry_run_shows_name_and_username_problems(places):
    content = (
        "full_name_km,full_name_latin,gender,role,province,username\n"
        f"{ZWSP}{ZWJ},,female,police_officer,07,\n"
        f"ស្រី ពៅ,Sr{CYRILLIC_O}y,female,police_officer,07,\n"
        f"ស្រី ពៅ,,female,police_officer,07,{CYRILLIC_O}fficer\n"
        f"{RLO}ស្រី ពៅ,,female,police_officer,07,srey\n"
    ).encode()
    rows = validate(rows=read_upload(name="list.csv", content=content), provinces=Province.objects.all())
    assert [row.errors for row in rows] == [
        {"full_name_km": [str(NAME_INVISIBLE)]},
        {"full_name_latin": [str(LATIN_NAME_SCRIPTS)]},
        {"username": [str(USERNAME_CHARACTERS)]},
        {},
    ]


def test_coordinators_find_a_name_however_it_was_typed(places, people):
    from learners.selectors import learner_search, learners_for

    learner_register(details=details(places, full_name_latin="Émilie Sok"), username="emilie", password=PASSWORD)
    found = learner_search(queryset=learners_for(user=people.national), text=f"{RLO}E\u0301milie{ZWSP}")
    assert [learner.user.username for learner in found] == ["emilie"]
