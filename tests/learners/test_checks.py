"""The system check that refuses a production site while a staff account still has the demo password."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core.demo import demo_password
from learners.checks import DEMO_PASSWORD_IN_USE, demo_password_unused


def use_demo_password(user):
    user.set_password(demo_password())
    user.save(update_fields=["password"])


def test_a_staff_account_with_the_demo_password_is_an_error(people, settings):
    settings.DEBUG = False
    assert demo_password_unused(databases=["default"]) == []
    use_demo_password(people.kampot_coordinator)
    use_demo_password(people.kampot_learner.user)  # a learner's weak password is not the site's problem here
    errors = demo_password_unused(databases=["default"])
    assert [error.id for error in errors] == [DEMO_PASSWORD_IN_USE]
    assert errors[0].msg == "Staff accounts still use the demo password: kampot-coordinator."


def test_check_with_a_database_fails_as_migrate_would(people, settings):
    settings.DEBUG = False
    use_demo_password(people.admin)
    with pytest.raises(SystemCheckError, match="learners.E001"):
        call_command("check", "--database", "default")


def test_only_active_staff_and_only_with_debug_off_and_a_database(people, settings):
    use_demo_password(people.national)
    settings.DEBUG = True
    assert demo_password_unused(databases=["default"]) == []
    settings.DEBUG = False
    assert demo_password_unused(databases=None) == []  # `check --deploy` at build time has no database
    people.national.is_active = False
    people.national.save(update_fields=["is_active"])
    assert demo_password_unused(databases=["default"]) == []
