"""The test factories make valid objects, and the service-backed ones make what the product's services make."""

import pytest
from django.contrib.auth.models import Group

from learners import groups
from learners.models import Confirmation, Source
from learners.selectors import coordinated_provinces
from quizzes.models import AttemptStatus
from reports.models import TargetChange
from tests.factories import (
    AdministratorFactory,
    AttemptFactory,
    ChoiceFactory,
    CommuneFactory,
    LearnerFactory,
    LearnerProfileFactory,
    NationalCoordinatorFactory,
    ProvinceFactory,
    ProvincialCoordinatorFactory,
    QuestionFactory,
    QuizFactory,
    SuperuserFactory,
    TargetFactory,
    TrainerFactory,
    UserFactory,
)
from tests.quizzes.conftest import correct_answers, make_quiz

pytestmark = pytest.mark.django_db


def test_places_nest_under_a_real_province():
    commune = CommuneFactory(district__province=ProvinceFactory(code="21"))
    commune.full_clean()
    commune.district.full_clean()
    assert commune.code.startswith(commune.district.code) and commune.district.code.startswith("21")
    assert ProvinceFactory().pk == ProvinceFactory().pk == "07"  # found, never made up


@pytest.mark.parametrize(
    ("factory", "group"),
    [
        (TrainerFactory, groups.TRAINER),
        (AdministratorFactory, groups.ADMINISTRATOR),
        (NationalCoordinatorFactory, groups.NATIONAL_COORDINATOR),
        (ProvincialCoordinatorFactory, groups.PROVINCIAL_COORDINATOR),
    ],
)
def test_staff_belong_to_their_group(factory, group):
    user = factory()
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.check_password("a-Good-passw0rd")


def test_provincial_coordinator_coordinates_kampot_or_the_provinces_given():
    assert list(coordinated_provinces(user=ProvincialCoordinatorFactory()).values_list("code", flat=True)) == ["07"]
    takeo = ProvinceFactory(code="21")
    chosen = ProvincialCoordinatorFactory(provinces=[takeo])
    assert list(coordinated_provinces(user=chosen).values_list("code", flat=True)) == ["21"]


def test_plain_users_and_superusers():
    assert not UserFactory().groups.exists()
    assert SuperuserFactory().is_superuser


def test_a_learner_is_made_by_the_service():
    learner = LearnerFactory(phone="012 345 678")
    assert learner.confirmation == Confirmation.CONFIRMED  # the system vouches when nobody is named
    assert learner.source == Source.COORDINATOR
    assert learner.phone == "+85512345678"
    assert learner.user.groups.get() == Group.objects.get(name=groups.LEARNER)
    self_registered = LearnerFactory(source=Source.SELF_REGISTERED, created_by=TrainerFactory())
    assert self_registered.confirmation == Confirmation.PENDING
    with pytest.raises(NotImplementedError):
        LearnerFactory.build()


def test_a_profile_for_an_existing_account():
    user = UserFactory()
    profile = LearnerProfileFactory(user=user)
    assert user.learner_profile == profile


def test_quiz_questions_and_choices_hang_together(site_tree):
    quiz = QuizFactory(module=site_tree.module)
    choice = ChoiceFactory(question__quiz=quiz, is_correct=True)
    assert choice.question.quiz == quiz and quiz.title_en == "Module quiz"
    QuestionFactory(quiz=choice.question.quiz)
    assert choice.question.quiz.questions.count() == 2


def test_an_attempt_is_started_and_graded_by_the_services(site_tree):
    quiz = make_quiz(site_tree.module)
    learner = UserFactory()
    assert AttemptFactory(learner=learner, quiz=quiz).status == AttemptStatus.IN_PROGRESS
    other = UserFactory()
    passed = AttemptFactory(learner=other, quiz=quiz, answers=correct_answers)
    assert (passed.status, passed.passed, passed.score) == (AttemptStatus.SUBMITTED, True, 100)
    assert passed.submitted_at is not None


def test_a_target_is_saved_with_its_history():
    target = TargetFactory(people=40)
    change = TargetChange.objects.get(target=target)
    assert (change.people_before, change.people_after, change.changed_by) == (None, 40, target.updated_by)
