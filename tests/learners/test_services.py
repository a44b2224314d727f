"""Services: creating, registering, editing, confirming learners and handing over passwords."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from core.roles import Role
from learners import groups
from learners.confirmation import NOT_WAITING, learner_confirm, learner_reject
from learners.models import PHONE_TAKEN, Confirmation, Gender, LearnerProfile, Source
from learners.services import (
    HANDOVER_ALPHABET,
    USERNAME_TAKEN,
    LearnerDetails,
    handover_password,
    learner_create,
    learner_register,
    learner_reset_password,
    learner_update,
)
from tests.factories import PASSWORD, LearnerFactory


def details(places, **overrides):
    values = {
        "full_name_km": "ស្រី ពៅ",
        "role": Role.CCWC_FOCAL_POINT,
        "gender": Gender.FEMALE,
        "province": places.kampot,
        "phone": "+855 12 000 111",
    }
    values.update(overrides)
    return LearnerDetails(**values)


def test_self_registered_learners_wait_for_confirmation(places):
    learner = learner_register(details=details(places), username="srey", password=PASSWORD)
    assert learner.confirmation == Confirmation.PENDING
    assert learner.source == Source.SELF_REGISTERED
    assert learner.phone == "+85512000111"
    assert learner.user.check_password(PASSWORD)
    assert learner.user.groups.filter(name=groups.LEARNER).exists()


def test_learners_created_by_a_coordinator_are_confirmed(places, people):
    learner = learner_create(
        details=details(places), source=Source.COORDINATOR, created_by=people.kampot_coordinator, password=PASSWORD
    )
    assert learner.confirmation == Confirmation.CONFIRMED
    assert learner.confirmed_by == people.kampot_coordinator
    assert learner.user.username == "012000111"  # from the phone when no username is given


def test_bad_input_is_reported_per_field_and_nothing_is_saved(places, people):
    users_before = get_user_model().objects.count()
    with pytest.raises(ValidationError) as raised:
        learner_register(
            details=details(places, phone="012 345 678", district=places.takeo_district),
            username="OFFICER",  # taken, whatever the case
            password="123",
        )
    errors = raised.value.message_dict
    assert errors["phone"] == [str(PHONE_TAKEN)]
    assert errors["username"] == [str(USERNAME_TAKEN)]
    assert "district" in errors and "password" in errors
    assert get_user_model().objects.count() == users_before


def test_update_changes_profile_and_email(places):
    learner = LearnerFactory(province=places.kampot, username="somebody")
    learner_update(
        profile=learner,
        details=details(places, phone="", email="a@example.org", commune=places.kampot_commune),
        actor=learner.user,
    )
    learner.refresh_from_db()
    assert learner.phone == ""
    assert learner.user.email == "a@example.org"
    assert learner.district == places.kampot_district


def test_phone_stays_unique_even_written_differently(places, people):
    with pytest.raises(ValidationError) as raised:
        learner_update(
            profile=people.takeo_learner, details=details(places, phone="855-12-345-678"), actor=people.national
        )
    assert raised.value.message_dict["phone"] == [str(PHONE_TAKEN)]


def test_two_learners_may_both_have_no_phone(places):
    LearnerFactory(province=places.kampot, username="one")
    LearnerFactory(province=places.kampot, username="two")
    assert LearnerProfile.objects.filter(phone="").count() == 2


def test_confirm_and_reject_only_people_waiting(places, people):
    waiting = learner_register(details=details(places), username="srey", password=PASSWORD)
    learner_confirm(profile=waiting, actor=people.kampot_coordinator)
    waiting.refresh_from_db()
    assert waiting.confirmation == Confirmation.CONFIRMED
    assert waiting.confirmed_by == people.kampot_coordinator
    with pytest.raises(ValidationError) as raised:
        learner_reject(profile=waiting, actor=people.kampot_coordinator, reason="Not in Kampot.")
    assert raised.value.messages == [str(NOT_WAITING)]


def test_reject_keeps_the_account_but_marks_it(places, people):
    waiting = learner_register(details=details(places), username="srey", password=PASSWORD)
    learner_reject(profile=waiting, actor=people.national, reason="Not a CCWC focal point.")
    waiting.refresh_from_db()
    assert waiting.confirmation == Confirmation.REJECTED
    assert waiting.user.is_active


def test_reset_password_gives_a_readable_password_that_works(places, people):
    password = learner_reset_password(profile=people.kampot_learner, actor=people.kampot_coordinator)
    assert len(password) == 9 and password[4] == "-"
    assert set(password.replace("-", "")) <= set(HANDOVER_ALPHABET)
    people.kampot_learner.user.refresh_from_db()
    assert people.kampot_learner.user.check_password(password)
    assert handover_password() != handover_password()


def test_a_coordinator_cannot_reset_a_staff_members_password(places, people):
    from django.contrib.auth.models import Group

    from learners.services import PRIVILEGED_ACCOUNT

    colleague = LearnerFactory(province=places.kampot, username="colleague")
    colleague.user.groups.add(Group.objects.get(name=groups.NATIONAL_COORDINATOR))
    with pytest.raises(ValidationError) as raised:
        learner_reset_password(profile=colleague, actor=people.kampot_coordinator)
    assert raised.value.messages == [str(PRIVILEGED_ACCOUNT)]
    colleague.user.refresh_from_db()
    assert colleague.user.check_password(PASSWORD)
    assert learner_reset_password(profile=colleague, actor=people.admin)  # an administrator may


def test_a_username_cannot_be_someone_elses_phone_number(places, people):
    from learners.services import USERNAME_IS_A_PHONE

    with pytest.raises(ValidationError) as raised:
        learner_register(details=details(places, phone=""), username="012345678", password=PASSWORD)
    assert raised.value.message_dict["username"] == [str(USERNAME_IS_A_PHONE)]
    # One's own number is fine (it is what a username defaults to).
    own = learner_register(details=details(places, phone="016 555 444"), username="016555444", password=PASSWORD)
    assert own.user.username == "016555444"


def test_changing_phone_keeps_a_username_made_from_the_old_number(places):
    learner = learner_register(details=details(places, phone="016 555 444"), username="", password=PASSWORD)
    assert learner.user.username == "016555444"
    learner_update(profile=learner, details=details(places, phone="016 555 999"), actor=learner.user)
    learner.refresh_from_db()
    assert learner.phone == "+85516555999"


def test_reports_count_confirmed_learners_only(places, people):
    from learners.selectors import confirmed_learners

    waiting = learner_register(details=details(places), username="srey", password=PASSWORD)
    rejected = learner_register(details=details(places, phone=""), username="other", password=PASSWORD)
    learner_reject(profile=rejected, actor=people.national, reason="Not a CCWC focal point.")
    counted = set(confirmed_learners().values_list("user__username", flat=True))
    assert counted == {"officer", "council"}
    learner_confirm(profile=waiting, actor=people.kampot_coordinator)
    assert "srey" in set(confirmed_learners().values_list("user__username", flat=True))


def test_a_learner_moving_province_waits_for_the_new_coordinator(places, people):
    learner = people.kampot_learner
    assert learner.confirmation == Confirmation.CONFIRMED
    # A coordinator's correction keeps the confirmation.
    learner_update(
        profile=learner, details=details(places, phone="012 345 678", role=Role.OFFICIAL), actor=people.national
    )
    learner.refresh_from_db()
    assert learner.confirmation == Confirmation.CONFIRMED
    # The learner's own change of province is a new claim.
    learner_update(
        profile=learner,
        details=details(places, phone="012 345 678", role=Role.OFFICIAL, province=places.takeo),
        actor=learner.user,
    )
    learner.refresh_from_db()
    assert (learner.confirmation, learner.confirmed_by) == (Confirmation.PENDING, None)


def test_learners_a_trainer_enrols_wait_for_the_provinces_coordinator(places, people):
    """Trainers run workshops in any province; the province's coordinator answers for its figures."""
    from learners.selectors import confirmed_learners, learners_waiting
    from learners.services import learner_enrol

    enrolled = learner_enrol(details=details(places, phone=""), actor=people.trainer, username="", password=PASSWORD)
    assert (enrolled.source, enrolled.confirmation, enrolled.confirmed_by) == (
        Source.TRAINER,
        Confirmation.PENDING,
        None,
    )
    assert enrolled.created_by == people.trainer
    assert not confirmed_learners().filter(pk=enrolled.pk).exists()
    assert list(learners_waiting(user=people.kampot_coordinator)) == [enrolled]
    learner_confirm(profile=enrolled, actor=people.kampot_coordinator)
    assert confirmed_learners().filter(pk=enrolled.pk).exists()


def test_a_coordinator_enrolling_in_their_province_confirms_at_once(places, people):
    from learners.services import learner_enrol

    enrolled = learner_enrol(details=details(places), actor=people.kampot_coordinator, username="", password=PASSWORD)
    assert (enrolled.source, enrolled.confirmation, enrolled.confirmed_by) == (
        Source.COORDINATOR,
        Confirmation.CONFIRMED,
        people.kampot_coordinator,
    )


def test_only_a_coordinator_of_the_province_vouches_for_a_learner(places, people):
    """Whatever source is claimed, someone who does not coordinate the province cannot confirm by creating."""
    for actor in (people.trainer, people.kampot_coordinator):
        learner = learner_create(
            details=details(places, province=places.takeo, phone=""),
            source=Source.COORDINATOR,
            created_by=actor,
            password=PASSWORD,
        )
        assert learner.confirmation == Confirmation.PENDING
