"""What "attended" means, per workshop: every day, at least N days, or the days covering each module."""

from datetime import date

from workshops.models import AttendanceRule
from workshops.rules import modules_attended

MON, TUE, WED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)
DAYS = {MON: {1}, TUE: {2}, WED: set()}


def attended(rule, present, min_days=None, days=DAYS):
    return modules_attended(rule=rule, min_days=min_days, days=days, present=present, modules={1, 2})


def test_every_day_needs_every_day():
    assert attended(AttendanceRule.ALL_DAYS, {MON, TUE, WED}) == {1, 2}
    assert attended(AttendanceRule.ALL_DAYS, {MON, TUE}) == set()


def test_at_least_counts_days_present():
    assert attended(AttendanceRule.AT_LEAST, {MON, WED}, min_days=2) == {1, 2}
    assert attended(AttendanceRule.AT_LEAST, {WED}, min_days=2) == set()


def test_module_days_need_only_the_days_that_taught_the_module():
    assert attended(AttendanceRule.MODULE_DAYS, {MON}) == {1}
    assert attended(AttendanceRule.MODULE_DAYS, {TUE, WED}) == {2}


def test_a_module_no_day_names_needs_every_day():
    days = {MON: {1}, TUE: set()}
    assert attended(AttendanceRule.MODULE_DAYS, {MON}, days=days) == {1}
    assert attended(AttendanceRule.MODULE_DAYS, {MON, TUE}, days=days) == {1, 2}


def test_days_outside_the_workshop_and_a_workshop_without_days_count_nothing():
    assert attended(AttendanceRule.AT_LEAST, {date(2020, 1, 1), MON}, min_days=2) == set()
    assert attended(AttendanceRule.ALL_DAYS, {MON}, days={}) == set()
