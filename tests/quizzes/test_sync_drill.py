"""The sync drill, small: offline attempts of many learners replayed through the sync endpoint with duplicates,
reordering, uploads cut halfway and lost responses; nothing lost, nothing recorded twice, every score as grading
the same answers gives (tests/quizzes/sync_drill.py; bench/sync_drill.py runs it large)."""

import pytest

from tests.quizzes.sync_drill import drill_run, drill_summary

pytestmark = pytest.mark.django_db

SEED = 11


def test_offline_attempts_replayed_in_any_order_and_any_number_of_times_are_recorded_once_as_sent():
    report = drill_run(learners=30, attempts=300, seed=SEED)
    print(drill_summary(report))
    assert report.problems == []
    assert report.ok, drill_summary(report)
