"""Workshops for tests, made through the services as a trainer would: an organisation with its trainer, a
workshop on the test manual's first module over two days, and learners on its roster."""

import itertools
from datetime import date
from types import SimpleNamespace

from tests.factories.people import LearnerFactory, TrainerFactory
from tests.factories.places import ProvinceFactory
from workshops import services
from workshops.models import Organisation, OrganisationKind, Workshop

DAYS = [date(2026, 3, 2), date(2026, 3, 3)]
_numbers = itertools.count(1)


def make_organisation(name: str = "", *, trainer=None) -> Organisation:
    name = name or f"Children's NGO {next(_numbers)}"
    organisation = Organisation.objects.create(name_km=f"អង្គការ {name}", name_en=name, kind=OrganisationKind.MEMBER)
    if trainer is not None:
        organisation.staff.add(trainer)
    return organisation


def make_workshop(*, modules, organisation=None, trainer=None, province_code: str = "07", people: int = 2, **fields):
    trainer = trainer or TrainerFactory()
    organisation = organisation or make_organisation(trainer=trainer)
    province = ProvinceFactory(code=province_code)
    workshop = Workshop(
        title_km="វគ្គបណ្តុះបណ្តាល", title_en="Training", organisation=organisation, province=province, **fields
    )
    services.workshop_save(workshop=workshop, dates=DAYS, modules=modules, trainers=[trainer], actor=trainer)
    learners = [LearnerFactory(full_name_km=f"អ្នកសិក្សា {index}", province=province).user for index in range(people)]
    participants = [services.participant_add(workshop=workshop, learner=user, actor=trainer) for user in learners]
    return SimpleNamespace(
        workshop=workshop,
        trainer=trainer,
        organisation=organisation,
        learners=learners,
        participants=participants,
        days=list(workshop.days.order_by("date")),
    )
