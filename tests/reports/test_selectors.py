"""Every figure of the coverage reports, checked against a population small enough to count on paper."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.roles import Role
from learners.models import Gender, LearnerProfile, Province
from reports.area_rows import UNPLACED
from reports.areas import commune_report, district_report, province_report
from reports.filters import Filters
from reports.scope import Scope
from reports.trend import completion_trend

from . import population

NATIONAL = Scope(provinces=None)


@pytest.fixture
def places(db):
    return population.build()


def rows_by_code(report):
    return {row.code: row for row in report.rows}


def figures(row):
    return (row.counts.registered, row.counts.started, row.counts.completed, row.target, row.to_train)


def test_every_province_has_a_row_even_with_nobody_registered(places):
    report = province_report(scope=NATIONAL, filters=Filters())
    assert [row.code for row in report.rows] == [f"{n:02d}" for n in range(1, 26)]
    empty = rows_by_code(report)["01"]
    assert figures(empty) == (0, 0, 0, None, None)
    assert empty.coverage is None and empty.last_activity is None


def test_province_figures_count_confirmed_active_learners_only(places):
    rows = rows_by_code(province_report(scope=NATIONAL, filters=Filters()))
    kampot, takeo = rows["07"], rows["21"]
    # k5 (waiting for confirmation) and k6 (disabled account) are not counted.
    assert figures(kampot) == (4, 3, 2, 14, 12)
    assert round(kampot.coverage, 1) == 14.3
    assert kampot.last_activity == date(2026, 7, 20)
    # A target of zero: no coverage figure (no division by zero), nobody left to train.
    assert figures(takeo) == (2, 2, 1, 0, 0)
    assert takeo.coverage is None


def test_gender_and_role_splits(places):
    kampot = rows_by_code(province_report(scope=NATIONAL, filters=Filters()))["07"]
    split = {gender: (c.registered, c.started, c.completed) for gender, c in kampot.by_gender.items()}
    assert split == {Gender.FEMALE: (3, 2, 2), Gender.MALE: (1, 1, 0), Gender.OTHER: (0, 0, 0)}
    roles = {role: (c.registered, c.started, c.completed) for role, c in kampot.by_role.items()}
    assert roles[Role.POLICE_OFFICER] == (2, 2, 1)
    assert roles[Role.COMMUNE_COUNCIL] == (1, 0, 0)
    assert roles[Role.CCWC_FOCAL_POINT] == (1, 1, 1)
    assert roles[Role.OFFICIAL] == (0, 0, 0)


def test_totals(places):
    total = province_report(scope=NATIONAL, filters=Filters()).total
    assert figures(total) == (6, 5, 3, 14, 11)
    assert total.by_gender[Gender.OTHER].registered == 1


def test_role_filter_narrows_counts_and_targets(places):
    rows = rows_by_code(province_report(scope=NATIONAL, filters=Filters(roles=(Role.POLICE_OFFICER,))))
    assert figures(rows["07"]) == (2, 2, 1, 10, 9)
    assert rows["07"].coverage == 10.0
    assert figures(rows["21"]) == (1, 1, 1, 0, 0)


def test_gender_filter_keeps_the_role_targets(places):
    rows = rows_by_code(province_report(scope=NATIONAL, filters=Filters(genders=(Gender.MALE,))))
    assert figures(rows["07"]) == (1, 1, 0, 14, 14)


def test_date_range_counts_what_happened_in_it(places):
    filters = Filters(start=date(2026, 3, 1), end=date(2026, 4, 30))
    rows = rows_by_code(province_report(scope=NATIONAL, filters=filters))
    assert figures(rows["07"]) == (0, 0, 1, 14, 13)  # k1 completed on 5 March
    assert figures(rows["21"]) == (2, 2, 1, 0, 0)


def test_date_range_edges_are_whole_days_in_cambodia(places):
    # t1 completed at 10:00 on 1 April, Phnom Penh time: in a range ending that day, not in one starting the next.
    last_day = rows_by_code(province_report(scope=NATIONAL, filters=Filters(end=date(2026, 4, 1))))["21"]
    next_day = rows_by_code(province_report(scope=NATIONAL, filters=Filters(start=date(2026, 4, 2))))["21"]
    assert last_day.counts.completed == 1 and next_day.counts.completed == 0


def test_provincial_scope_sees_its_provinces_only(places):
    report = province_report(scope=Scope(provinces=frozenset({"07"})), filters=Filters())
    assert [row.code for row in report.rows] == ["07"]
    assert figures(report.total) == (4, 3, 2, 14, 12)


def test_still_needs_training_ranks_by_people_left(places):
    report = province_report(scope=NATIONAL, filters=Filters())
    assert [row.code for row in report.needing_training(threshold=50)] == ["07"]
    assert report.needing_training(threshold=10) == []  # Kampot is at 14.3%
    # Takeo's target is zero and the other provinces have none: never "below" a threshold.
    assert {row.code for row in report.without_target()} == {f"{n:02d}" for n in range(1, 26)} - {"07", "21"}


def test_district_drill_down(places):
    report = district_report(scope=NATIONAL, filters=Filters(), province=places.kampot)
    rows = rows_by_code(report)
    assert figures(rows["0701"]) == (2, 2, 1, 6, 5)  # the district's own police target
    assert figures(rows["0708"]) == (1, 0, 0, 2, 2)  # from its commune's council target
    assert figures(rows[UNPLACED]) == (1, 1, 1, None, None)  # k4 gave no district
    assert figures(report.total) == (4, 3, 2, 14, 12)  # the province's own targets win over its districts'


def test_commune_drill_down(places):
    rows = rows_by_code(commune_report(scope=NATIONAL, filters=Filters(), district=places.angkor_chey))
    assert figures(rows["070101"]) == (1, 1, 1, None, None)
    assert figures(rows[UNPLACED]) == (1, 1, 0, None, None)  # k2: district given, commune not


def test_province_target_from_districts_when_the_province_has_none(places):
    from reports.models import Target

    Target.objects.filter(province=places.kampot, district=None).delete()
    kampot = rows_by_code(province_report(scope=NATIONAL, filters=Filters()))["07"]
    assert kampot.target == 6 + 2  # district 0701 police, plus commune 070801 council through its district


def test_monthly_trend(places):
    trend = completion_trend(scope=NATIONAL, filters=Filters(), today=date(2026, 11, 21))
    assert len(trend.months) == 24 and trend.months[0] == date(2024, 12, 1) and trend.months[-1] == date(2026, 11, 1)
    by_month = dict(zip(trend.months, trend.national, strict=True))
    assert by_month[date(2026, 3, 1)] == 1 and by_month[date(2026, 4, 1)] == 1 and by_month[date(2026, 6, 1)] == 1
    assert sum(trend.national) == 3
    assert sum(trend.by_province["07"]) == 2 and sum(trend.by_province["21"]) == 1


def test_trend_months_follow_the_site_s_time_zone(places):
    """A course completed at 00:30 on 1 July in Phnom Penh (17:30 on 30 June in UTC) counts in July; one at 23:30
    on 31 July in July; the last day of the range counts whole."""
    for name, when in (("early", "2026-07-01T00:30"), ("late", "2026-07-31T23:30"), ("today", "2026-11-21T23:59")):
        moment = datetime.fromisoformat(when).replace(tzinfo=population.PHNOM_PENH)
        user = population.learner(
            name, province=places.kampot, role=Role.POLICE_OFFICER, gender=Gender.MALE, created="2026-06-01",
            started="2026-06-02",
        )  # fmt: skip
        LearnerProfile.objects.filter(user=user).update(course_completed_at=moment)
    trend = completion_trend(scope=NATIONAL, filters=Filters(), today=date(2026, 11, 21))
    by_month = dict(zip(trend.months, trend.national, strict=True))
    assert (by_month[date(2026, 6, 1)], by_month[date(2026, 7, 1)], by_month[date(2026, 11, 1)]) == (1, 2, 1)
    assert sum(trend.national) == 6


def test_query_count_does_not_grow_with_learners_or_provinces(places):
    def count(scope):
        with CaptureQueriesContext(connection) as queries:
            province_report(scope=scope, filters=Filters(roles=(Role.POLICE_OFFICER,)))
            district_report(scope=scope, filters=Filters(), province=places.kampot)
        return len(queries)

    small = count(Scope(provinces=frozenset({"07"})))
    for n in range(30):
        population.learner(
            f"extra{n}", province=Province.objects.get(code=f"{n % 25 + 1:02d}"), role=Role.POLICE_OFFICER,
            gender=Gender.FEMALE, created="2026-06-01", started="2026-06-02",
        )  # fmt: skip
    assert count(NATIONAL) == small
