"""The demo workshops: made once through the workshop services, with rosters, attendance, both paper tests and
completions through workshops, in Khmer and English."""

import io

from devdata.workshops import WORKSHOPS, load_workshops
from learners.demo import DEMO_PREFIX
from quizzes.models import CompletionSource, ModuleCompletion
from tests.devdata.test_demo import demo_modules  # noqa: F401 - the demo manual's modules and quizzes
from tests.factories.people import LearnerFactory, TrainerFactory
from tests.factories.places import ProvinceFactory
from workshops.models import Attendance, FundingProject, Organisation, OrganisationKind, PaperScore, Workshop


def test_the_demo_workshops_load_once_through_the_services(demo_modules):  # noqa: F811
    TrainerFactory(username="trainer")
    TrainerFactory(username="trainer2")
    for number in range(24):
        LearnerFactory(username=f"{DEMO_PREFIX}{number:03d}", province=ProvinceFactory(code=("07", "21")[number % 2]))
    out = io.StringIO()
    load_workshops(stdout=out)
    assert Workshop.objects.count() == WORKSHOPS
    assert Organisation.objects.filter(kind=OrganisationKind.MEMBER).count() == 3
    assert FundingProject.objects.count() == 2
    assert set(Workshop.objects.values_list("province", flat=True)) == {"07", "21"}
    assert all(workshop.title_km and workshop.title_en for workshop in Workshop.objects.all())
    assert Attendance.objects.filter(present=True).exists()
    assert (
        PaperScore.objects.filter(test__kind="pre").exists() and PaperScore.objects.filter(test__kind="post").exists()
    )
    assert ModuleCompletion.objects.filter(source=CompletionSource.WORKSHOP).exists()
    load_workshops(stdout=out)
    assert Workshop.objects.count() == WORKSHOPS
    assert "already there" in out.getvalue()
