"""Target import: a row that fails after earlier rows were written leaves no target and no history behind."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports import target_import
from reports.models import Target, TargetChange
from reports.services import target_save
from reports.target_import import LINE_PROBLEMS, read_rows, validate
from tests.reports.target_fixtures import make_people, make_places
from tests.reports.test_target_import import GOOD_ROWS, HEADER, confirm, preview


@pytest.fixture
def places(db):
    return make_places()


@pytest.fixture
def people(places):
    return make_people(places)


def test_a_target_saved_by_someone_else_between_check_and_write_undoes_the_earlier_rows(places, people):
    rows = validate(rows=read_rows(name="kampot.csv", content=(HEADER + GOOD_ROWS).encode()), provinces=[places.kampot])
    assert [row.messages for row in rows] == [[], [], [], []]
    # Another coordinator saves the district target of the third row after the rows were checked: the third row's
    # write hits the unique constraint after the first two rows were written.
    theirs = target_save(
        target=Target(province=places.kampot, district=places.kampot_district, role="police_officer", people=7),
        user=people.national,
    )
    before = list(TargetChange.objects.values_list("pk", flat=True))

    with pytest.raises(ValidationError) as caught:
        target_import.import_rows(rows=rows, user=people.kampot_coordinator, file_name="kampot.csv")

    [message] = caught.value.messages
    assert message.startswith(LINE_PROBLEMS % {"line": 4, "problems": ""})
    assert "target_unique_district_role" in message
    assert list(Target.objects.values_list("pk", "people")) == [(theirs.pk, 7)]
    assert list(TargetChange.objects.values_list("pk", flat=True)) == before


def test_a_write_failing_on_the_third_row_of_a_confirmed_import_saves_nothing(client, places, people, monkeypatch):
    client.force_login(people.kampot_coordinator)
    assert preview(client, "kampot.csv", HEADER + GOOD_ROWS).context["ready"]
    real_save, calls = target_import.target_save, []

    def failing_third_write(**kwargs):
        calls.append(kwargs["target"])
        if len(calls) == 3:
            raise ValidationError({"people": ["The database refused the row."]})
        return real_save(**kwargs)

    monkeypatch.setattr(target_import, "target_save", failing_third_write)
    response = confirm(client)

    assert len(calls) == 3
    assert response.status_code == 200
    expected = LINE_PROBLEMS % {"line": 4, "problems": "people: The database refused the row."}
    assert [str(m) for m in response.context["messages"]] == [expected]
    assert not Target.objects.exists() and not TargetChange.objects.exists()
    # The preview stays in the session, so the coordinator can confirm again once the problem is gone.
    monkeypatch.setattr(target_import, "target_save", real_save)
    response = confirm(client)
    assert (response.status_code, response.url) == (302, reverse("targets:index"))
    assert Target.objects.count() == 4
