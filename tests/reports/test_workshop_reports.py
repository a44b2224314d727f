"""The workshops report and the donor summary: figures from data entered through the workshop services, query
counts that do not grow with the number of participants, scope, suppression when shared, and refusals."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from pytest_django.asserts import assertContains
from wagtail.users.models import UserProfile

from core.roles import Role
from learners.models import Gender
from reports.scope import Scope
from reports.workshop_exports import summary_lines
from reports.workshop_figures import ALL, Period, donor_summary, gain_groups, workshop_rows, workshops_in
from tests.factories.people import (
    LearnerFactory,
    NationalCoordinatorFactory,
    ProvincialCoordinatorFactory,
    TrainerFactory,
)
from tests.factories.places import ProvinceFactory
from workshops import services
from workshops.models import FundingProject, Organisation, OrganisationKind, Workshop
from workshops.models import TestKind as Kind

EVERYWHERE = Scope(provinces=None)
PERIOD = Period(start=date(2026, 1, 1), end=date(2026, 12, 31))


def make_workshop(
    *, site_tree, project, organisation, trainer, province_code="07", women=3, men=2, start=2, role=None, post=70
):
    workshop = Workshop.objects.create(
        title_km="វគ្គ",
        title_en="Workshop",
        organisation=organisation,
        project=project,
        province=ProvinceFactory(code=province_code),
        created_by=trainer,
    )
    services.workshop_save(
        workshop=workshop,
        dates=[date(2026, 3, start), date(2026, 3, start + 1)],
        modules=[site_tree.module],
        trainers=[trainer],
        actor=trainer,
    )
    people = [
        LearnerFactory(gender=gender, province=ProvinceFactory(code=province_code), **({"role": role} if role else {}))
        for gender in [Gender.FEMALE] * women + [Gender.MALE] * men
    ]
    participants = [services.participant_add(workshop=workshop, learner=p.user, actor=trainer) for p in people]
    first_day = workshop.days.order_by("date").first()
    services.attendance_record(day=first_day, present=[p.pk for p in participants[1:]], actor=trainer)
    pre_test = services.paper_test(workshop=workshop, kind=Kind.PRE)
    post_test = services.paper_test(workshop=workshop, kind=Kind.POST)
    services.paper_scores_enter(test=pre_test, scores={p.pk: 40 for p in participants}, actor=trainer)
    services.paper_scores_enter(test=post_test, scores={p.pk: post for p in participants}, actor=trainer)
    return workshop


@pytest.fixture
def funded(site_tree):
    trainer = TrainerFactory()
    donor = Organisation.objects.create(name_km="ម្ចាស់ជំនួយ", name_en="Donor", kind=OrganisationKind.DONOR)
    organisation = Organisation.objects.create(name_km="អង្គការ", name_en="Member NGO")
    organisation.staff.add(trainer)
    project = FundingProject.objects.create(
        name_km="គម្រោង", name_en="Project A", donor=donor, starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    workshop = make_workshop(site_tree=site_tree, project=project, organisation=organisation, trainer=trainer)
    return type(
        "Funded", (), {"project": project, "organisation": organisation, "trainer": trainer, "workshop": workshop}
    )


def test_the_workshop_list_counts_participants_attendance_and_gain(funded):
    [row] = workshop_rows(workshops_in(scope=EVERYWHERE, period=PERIOD))
    assert row["participants"] == 5
    assert row["genders"] == {"female": 3, "male": 2, "other": 0}
    assert row["attendance_rate"] == 80.0  # 4 of 5 marks on the one day entered
    assert row["gain"]["pre_mean"] == 40 and row["gain"]["post_mean"] == 70 and row["gain"]["gain"] == 30


def test_the_donor_summary_in_numbers_and_hidden_when_shared(funded):
    summary = donor_summary(project=funded.project, period=PERIOD, scope=EVERYWHERE)
    assert summary.workshops == 1
    assert summary.cube[(ALL, ALL)] == 5 and summary.cube[(ALL, "female")] == 3
    assert summary.attendance_rate == 80.0
    assert summary.hidden == frozenset()
    shared = donor_summary(project=funded.project, period=PERIOD, scope=EVERYWHERE, share=True)
    assert (ALL, "female") in shared.hidden and (ALL, "male") in shared.hidden  # 3 and 2 people
    values = [line[2] for line in summary_lines(shared)]
    assert "x" in values
    # a mean of fewer than five people is hidden too; five people's mean shows
    with translation.override("en"):
        gain_line = next(line for line in summary_lines(shared) if line[1] == "Mean gain (points)")
    assert gain_line[2] == 30.0


def test_knowledge_gain_by_organisation_province_and_role_on_the_page_and_in_the_summary(client, funded, site_tree):
    other = Organisation.objects.create(name_km="អង្គការទីពីរ", name_en="Second NGO")
    make_workshop(
        site_tree=site_tree,
        project=funded.project,
        organisation=other,
        trainer=funded.trainer,
        province_code="21",
        start=12,
        role=Role.COMMUNE_COUNCIL,
        post=90,
    )
    with translation.override("en"):
        gains = gain_groups(workshops=workshops_in(scope=EVERYWHERE, period=PERIOD))
    by = {name: {row["label"]: (row["n"], row["gain"]) for row in rows} for name, rows in gains.items()}
    assert by["organisation"] == {"Member NGO": (5, 30), "Second NGO": (5, 50)}
    assert by["province"] == {"Kampot": (5, 30), "Takéo": (5, 50)}
    assert by["role"] == {"Police officer": (5, 30), "Commune/sangkat council member": (5, 50)}

    coordinator = NationalCoordinatorFactory()
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "km"
    profile.save()
    client.force_login(coordinator)
    page = client.get("/admin/reports/workshops/?start=2026-01-01&end=2026-12-31")
    assert page.status_code == 200
    assertContains(page, "អង្គការទីពីរ")
    assertContains(page, "តាកែវ")
    titles = [str(title) for title, _rows in page.context["gains"]]
    assert len(titles) == 3 and not any(title.isascii() for title in titles), titles

    summary = donor_summary(project=funded.project, period=PERIOD, scope=EVERYWHERE)
    with translation.override("en"):
        gain_lines = {line[1]: line[2] for line in summary_lines(summary) if line[0] == "Knowledge gain"}
    assert gain_lines["Police officer"] == 30.0 and gain_lines["Commune/sangkat council member"] == 50.0


def test_query_counts_do_not_grow_with_participants(funded, site_tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            workshop_rows(workshops_in(scope=EVERYWHERE, period=PERIOD))
            donor_summary(project=funded.project, period=PERIOD, scope=EVERYWHERE, share=True)
        return len(captured)

    before = queries()
    make_workshop(
        site_tree=site_tree,
        project=funded.project,
        organisation=funded.organisation,
        trainer=funded.trainer,
        women=9,
        men=6,
        start=10,
    )
    assert queries() == before


def test_a_provincial_coordinator_counts_their_provinces_only(client, funded, site_tree):
    make_workshop(
        site_tree=site_tree,
        project=funded.project,
        organisation=funded.organisation,
        trainer=funded.trainer,
        province_code="21",
        start=12,
    )
    takeo = Scope(provinces=frozenset({"21"}))
    assert donor_summary(project=funded.project, period=PERIOD, scope=takeo).workshops == 1
    assert donor_summary(project=funded.project, period=PERIOD, scope=EVERYWHERE).workshops == 2
    client.force_login(ProvincialCoordinatorFactory(provinces=[ProvinceFactory(code="21")]))
    response = client.get("/admin/reports/workshops/")
    assert response.status_code == 200
    assert len(response.context["rows"]) == 1


def test_downloads_and_refusals(client, funded):
    client.force_login(NationalCoordinatorFactory())
    query = f"project={funded.project.pk}&start=2026-01-01&end=2026-12-31&share=on"
    for fmt, kind in (("pdf", "application/pdf"), ("csv", "text/csv"), ("xlsx", "spreadsheet")):
        response = client.get(f"/admin/reports/workshops/donor-summary.{fmt}?{query}")
        assert response.status_code == 200 and kind in response["Content-Type"], fmt
    backwards = client.get(
        f"/admin/reports/workshops/donor-summary.pdf?project={funded.project.pk}&start=2026-12-01&end=2026-01-01"
    )
    assert backwards.status_code == 400
    assert client.get("/admin/reports/workshops/donor-summary.pdf").status_code == 400  # no project chosen


def test_trainers_and_learners_have_no_report(client, funded):
    client.force_login(funded.trainer)
    assert client.get("/admin/reports/workshops/").status_code in (302, 403)
