"""Factories for every model the tests build: pages and media, places, accounts, quizzes, attempts, targets.

Objects with a business rule behind them (learners, attempts, targets) are made by the service that writes
them in the product; the rest are plain model factories.
"""

from .pages import (
    KHMER_SAMPLE,
    DocumentFactory,
    ImageFactory,
    LessonPageFactory,
    ManualPageFactory,
    ModulePageFactory,
    block,
    every_block_body,
    make_site_root,
    root_collection,
    text_block,
)
from .people import (
    PASSWORD,
    AdministratorFactory,
    LearnerFactory,
    LearnerProfileFactory,
    NationalCoordinatorFactory,
    ProvincialCoordinatorFactory,
    SuperuserFactory,
    TrainerFactory,
    UserFactory,
)
from .places import CommuneFactory, DistrictFactory, ProvinceFactory
from .quizzes import AttemptFactory, ChoiceFactory, QuestionFactory, QuizFactory
from .reports import TargetFactory

__all__ = [
    "KHMER_SAMPLE",
    "PASSWORD",
    "AdministratorFactory",
    "AttemptFactory",
    "ChoiceFactory",
    "CommuneFactory",
    "DistrictFactory",
    "DocumentFactory",
    "ImageFactory",
    "LearnerFactory",
    "LearnerProfileFactory",
    "LessonPageFactory",
    "ManualPageFactory",
    "ModulePageFactory",
    "NationalCoordinatorFactory",
    "ProvinceFactory",
    "ProvincialCoordinatorFactory",
    "QuestionFactory",
    "QuizFactory",
    "SuperuserFactory",
    "TargetFactory",
    "TrainerFactory",
    "UserFactory",
    "block",
    "every_block_body",
    "make_site_root",
    "root_collection",
    "text_block",
]
