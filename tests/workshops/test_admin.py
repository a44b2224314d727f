"""NGOCRC's administrators keep the organisations (with their staff) and funding projects in the admin."""

from django.urls import reverse

from tests.factories.people import SuperuserFactory, TrainerFactory
from workshops.models import FundingProject, Organisation, OrganisationKind


def test_an_administrator_adds_a_member_ngo_with_its_trainer_and_a_donors_project(client, db):
    client.force_login(SuperuserFactory())
    trainer = TrainerFactory()
    assert client.get(reverse("workshop_organisations:index")).status_code == 200
    response = client.post(
        reverse("workshop_organisations:add"),
        {"name_km": "អង្គការកុមារ", "name_en": "Children's NGO", "kind": "member", "staff": [trainer.pk], "active": "on"},
    )
    assert response.status_code == 302
    assert list(Organisation.objects.get().staff.all()) == [trainer]
    donor = Organisation.objects.create(name_km="ម្ចាស់ជំនួយ", name_en="A donor", kind=OrganisationKind.DONOR)
    response = client.post(
        reverse("funding_projects:add"),
        {
            "name_km": "គម្រោង",
            "name_en": "Project",
            "donor": donor.pk,
            "starts_on": "2026-12-31",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 200  # a period that ends before it starts is refused
    assert not FundingProject.objects.exists()
    assert client.get(reverse("funding_projects:index")).status_code == 200


def test_an_administrator_chooses_the_questions_of_a_paper_test(client, site_tree):
    from tests.factories.quizzes import QuestionFactory, QuizFactory
    from workshops import services
    from workshops.models import PaperTest

    from .making import make_workshop

    made = make_workshop(modules=[site_tree.module])
    quiz = QuizFactory(module=site_tree.module)
    QuestionFactory(quiz=quiz)
    chosen = QuestionFactory(quiz=quiz)
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("paper_tests:add"),
        {"workshop": made.workshop.pk, "kind": "post", "questions": [chosen.pk], "pass_mark": 80},
    )
    assert response.status_code == 302
    test = PaperTest.objects.get()
    assert services.test_questions(test=test) == [chosen]
    assert client.get(reverse("paper_tests:index")).status_code == 200
