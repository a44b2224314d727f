"""The gazetteer that comes with the project: complete, licensed, loaded by `make run` once and quickly after."""

import filecmp
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learners.gazetteer import BUNDLED
from learners.importing import validate
from learners.models import Commune, District, Province

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "gazetteer"
FILES = ("provinces.csv", "districts.csv", "communes.csv")
MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def test_the_files_and_their_licence_are_in_the_project():
    for name in (*FILES, "LICENSE-pumi.txt", "README.md"):
        assert (BUNDLED / name).is_file(), name
    licence = (BUNDLED / "LICENSE-pumi.txt").read_text()
    assert "MIT License" in licence and "David Wilkie" in licence
    # Small enough to keep in the repository: about 130 KB of text.
    assert sum((BUNDLED / name).stat().st_size for name in FILES) < 200_000


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/gazetteer is not on this machine")
def test_the_files_are_the_published_data_set_unchanged():
    for name in (*FILES, "LICENSE-pumi.txt"):
        assert filecmp.cmp(BUNDLED / name, SHARED / name, shallow=False), name


@pytest.mark.django_db
def test_the_command_loads_it_without_arguments_and_a_second_run_writes_nothing():
    out = io.StringIO()
    call_command("import_gazetteer", stdout=out)
    assert (Province.objects.count(), District.objects.count(), Commune.objects.count()) == (25, 210, 1652)
    assert "commune: 1652 created" in out.getvalue()
    assert Commune.objects.get(code="070101").district.province.name_en == "Kampot"

    again = io.StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("import_gazetteer", stdout=again)
    assert "unchanged: 1887" in again.getvalue()
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert len(queries) < 20  # whole tables at once, not a query per place


def test_make_run_loads_the_gazetteer_before_the_demo():
    demo = MAKEFILE.read_text().split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    commands = [line.strip() for line in demo.splitlines() if "manage.py" in line]
    assert [command.split("manage.py ")[1] for command in commands] == ["import_gazetteer", "load_demo"]


@pytest.mark.django_db
def test_the_import_templates_example_row_is_in_the_gazetteer(client, django_user_model):
    from tests.factories import NationalCoordinatorFactory
    from tests.learners.test_import import preview

    call_command("import_gazetteer", stdout=io.StringIO())
    client.force_login(NationalCoordinatorFactory())
    template = client.get("/en/coordinate/import/template.csv")
    content = b"".join(template.streaming_content) if template.streaming else template.content
    response = preview(client, "template.csv", content.decode("utf-8-sig"))
    assert response.context["ready"], [row.messages for row in response.context["rows"]]
    details = response.context["rows"][0].details
    assert details.commune is not None and details.commune.district == details.district
    assert validate(rows=response.context["rows"], provinces=Province.objects.all())[0].details.commune


@pytest.mark.django_db
def test_demo_learners_are_placed_in_communes_of_their_province():
    from learners.demo import load_learners
    from learners.models import LearnerProfile

    call_command("import_gazetteer", stdout=io.StringIO())
    load_learners(stdout=io.StringIO(), force=True, per_province=4)
    placed = LearnerProfile.objects.exclude(commune=None).select_related("commune__district")
    assert placed.count() > 50
    assert all(learner.commune.district.province_id == learner.province_id for learner in placed)
    assert all(learner.district_id == learner.commune.district_id for learner in placed)
