"""The coordinators' learner list after a significant change of the manual: each learner's modules that need a
refresher, and a filter for them, at the same cost whatever the page's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from quizzes.models import ModuleCompletion
from quizzes.refresher import completions_mark
from tests.factories import LearnerFactory
from tests.learners.test_follow import LIST, complete, course, csv_rows, kampot  # noqa: F401  (fixtures)
from tests.quizzes.test_refresher import NOTE, publish

pytestmark = pytest.mark.django_db


def listed(client, **params) -> str:
    with translation.override("en"):
        return client.get(LIST.replace("/km/", "/en/", 1), params).content.decode()


def test_the_list_shows_and_filters_the_learners_who_need_a_refresher(client, people, places, kampot, course):  # noqa: F811
    also_done = LearnerFactory(province=places.kampot, username="later", full_name_km="សុខ ចិន្តា")
    publish(course.lessons[0], significant=True, note=NOTE)
    complete(course, also_done.user)  # completed after the change: current
    client.force_login(people.kampot_coordinator)
    page = listed(client)
    assert page.count("Needs a refresher: module 1<") == 1
    filtered = listed(client, progress="refresher")
    assert kampot.done.full_name_km in filtered and "Needs a refresher: module 1<" in filtered
    for other in (also_done, kampot.half, kampot.idle):
        assert other.full_name_km not in filtered
    assert kampot.half.full_name_km in listed(client)  # without the filter, everyone in scope
    # The export says it too, for a follow-up by name.
    with translation.override("en"):
        rows = {row["Username"]: row for row in csv_rows(client.get("/en/coordinate/export.csv"))}
    assert rows["officer"]["Modules needing a refresher"] == "1"
    assert rows["later"]["Modules needing a refresher"] == rows["half"]["Modules needing a refresher"] == ""


def test_the_refresher_filter_stays_in_scope_and_costs_the_same_at_any_size(client, people, places, kampot, course):  # noqa: F811
    publish(course.lessons[0], significant=True, note=NOTE)
    takeo = LearnerFactory(province=places.takeo, username="takeo-done", full_name_km="ទាក់ទង តាកែវ")
    ModuleCompletion.objects.create(learner=takeo.user, module=course.module, completed_at=timezone.now())
    completions_mark(module_id=course.module.pk, now=timezone.now())
    client.force_login(people.kampot_coordinator)
    listed(client, progress="refresher")  # warms the session's first-page reads

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page = listed(client, progress="refresher")
        assert takeo.full_name_km not in page  # another province's learner is never listed
        return len(captured)

    small = queries()
    for number in range(30):
        crowd = LearnerFactory(province=places.kampot, username=f"crowd{number}")
        ModuleCompletion.objects.create(learner=crowd.user, module=course.module, completed_at=timezone.now())
    completions_mark(module_id=course.module.pk, now=timezone.now())
    assert queries() == small
    assert listed(client, progress="refresher").count("Needs a refresher: module 1<") >= 20
