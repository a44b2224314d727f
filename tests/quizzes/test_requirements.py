"""Requirements by role: which modules a learner's role must complete, and how a learner's course completion,
certificate, "My training" and the reports' "completed" follow a change of a module's requirement or of a role."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from core.roles import Role
from curriculum.models import ModulePage, ModuleRequirementChange
from learners.models import Confirmation, LearnerProfile
from learners.services import LearnerDetails, learner_update
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.completion import lesson_view_record
from quizzes.models import Certificate, ModuleCompletion
from quizzes.selectors import required_ids_by_role, required_modules
from reports.areas import province_report
from reports.filters import Filters
from reports.scope import Scope
from tests.factories import LearnerProfileFactory, LessonPageFactory, ModulePageFactory, UserFactory
from tests.quizzes.conftest import correct_answers, make_quiz, make_user

pytestmark = pytest.mark.django_db

POLICE, COUNCIL, CCWC = Role.POLICE_OFFICER, Role.COMMUNE_COUNCIL, Role.CCWC_FOCAL_POINT
KAMPOT = "07"


@pytest.fixture
def course(site_tree):
    """Module 1 (three lessons and a quiz) required of every role; module 3, "interviewing" (one lesson, no quiz),
    required of police and CCWC focal points only, published; the empty module 2 withdrawn."""
    site_tree.quiz = make_quiz(site_tree.module)
    interviewing = ModulePageFactory(
        parent=site_tree.manual, number=3, slug="interviewing", required_roles=[POLICE, CCWC]
    )
    lesson = LessonPageFactory(parent=interviewing, slug="interview-lesson")
    interviewing.save_revision().publish()  # its requirement's first record, as publishing it in the admin makes
    site_tree.empty_module.unpublish()
    site_tree.interviewing, site_tree.interview_lesson = interviewing, lesson
    return site_tree


def learner_in(role: str, username: str):
    user = make_user(username)
    LearnerProfileFactory(user=user, role=role)
    return user


def complete_first_module(learner, tree) -> None:
    for lesson in tree.lessons:
        lesson_view_record(learner=learner, lesson_id=lesson.pk, module_id=tree.module.pk)
    attempt = attempt_start(learner=learner, quiz=tree.quiz)
    attempt_submit(attempt=attempt, learner=learner, answers=correct_answers(attempt))


def complete_interviewing(learner, tree) -> None:
    lesson_view_record(learner=learner, lesson_id=tree.interview_lesson.pk, module_id=tree.interviewing.pk)


def publish_requirement(module: ModulePage, roles: list[str], *, by=None) -> None:
    """What a trainer does in the admin: edit the module's "required for" and publish it."""
    module = ModulePage.objects.get(pk=module.pk)
    module.required_roles = roles
    module.save_revision(user=by).publish()


def completed_at(learner):
    return LearnerProfile.objects.get(user=learner).course_completed_at


def completed_count(role: str) -> int:
    """The rollout report's "completed" for Kampot and this role."""
    kampot = next(row for row in province_report(scope=Scope(None), filters=Filters()).rows if row.code == KAMPOT)
    return kampot.by_role[role].completed


# The rule


def test_each_role_is_required_its_own_modules_and_no_role_none(course):
    assert required_modules(manual=course.manual, role=POLICE) == [course.module, course.interviewing]
    assert required_modules(manual=course.manual, role=COUNCIL) == [course.module]
    assert required_modules(manual=course.manual, role=None) == []
    by_role = required_ids_by_role(manual=course.manual)
    assert by_role[CCWC] == {course.module.pk, course.interviewing.pk}
    assert by_role[Role.VILLAGE_CHIEF] == {course.module.pk}


def test_a_withdrawn_module_requires_no_one(course):
    assert course.empty_module.required_roles == Role.values  # required of everyone, but not live
    assert course.empty_module.pk not in required_ids_by_role(manual=course.manual)[POLICE]


# Completion and certificate follow the role


def test_certificate_after_the_modules_the_role_requires_only(course):
    council, police = learner_in(COUNCIL, "council"), learner_in(POLICE, "police")
    complete_first_module(council, course)
    complete_first_module(police, course)

    certificate = Certificate.objects.get(learner=council)
    assert [module["number"] for module in certificate.modules] == [1]
    assert completed_at(council) == ModuleCompletion.objects.get(learner=council).completed_at
    assert not Certificate.objects.filter(learner=police).exists() and completed_at(police) is None

    complete_interviewing(police, course)
    assert [module["number"] for module in Certificate.objects.get(learner=police).modules] == [1, 3]
    assert completed_at(police) == ModuleCompletion.objects.get(learner=police, module=course.interviewing).completed_at


def test_a_council_member_may_take_a_module_not_required_of_them(course):
    council = learner_in(COUNCIL, "council")
    complete_interviewing(council, course)
    assert ModuleCompletion.objects.filter(learner=council, module=course.interviewing).exists()
    assert completed_at(council) is None  # module 1 is still required


# A module's requirement changes


def test_requiring_a_module_of_more_roles_makes_learners_incomplete_records_it_and_reports_follow(course):
    council = learner_in(COUNCIL, "council")
    complete_first_module(council, course)
    code = Certificate.objects.get(learner=council).code
    assert completed_count(COUNCIL) == 1
    trainer = UserFactory(username="trainer")

    publish_requirement(course.interviewing, [POLICE, CCWC, COUNCIL], by=trainer)

    assert completed_at(council) is None
    assert Certificate.objects.get(learner=council).code == code  # the certificate stands
    assert completed_count(COUNCIL) == 0
    change = ModuleRequirementChange.objects.filter(module=course.interviewing).first()  # the latest
    assert sorted(change.roles_before) == sorted([POLICE, CCWC])
    assert sorted(change.roles_after) == sorted([POLICE, CCWC, COUNCIL])
    assert change.changed_by == trainer and change.manual_id == course.manual.pk
    assert change.module_title == {"km": course.interviewing.title_km, "en": course.interviewing.title_en}

    complete_interviewing(council, course)  # they complete what is now required: counted again
    assert (
        completed_at(council) == ModuleCompletion.objects.get(learner=council, module=course.interviewing).completed_at
    )
    assert Certificate.objects.get(learner=council).code == code
    assert completed_count(COUNCIL) == 1


def test_no_longer_requiring_a_module_completes_learners_and_issues_their_certificates(course):
    police = [learner_in(POLICE, f"police{n}") for n in range(3)]
    for learner in police[:2]:
        complete_first_module(learner, course)
    waiting = police[1]
    LearnerProfile.objects.filter(user=waiting).update(confirmation=Confirmation.PENDING)
    assert completed_count(POLICE) == 0

    publish_requirement(course.interviewing, [CCWC])

    first = police[0]
    assert completed_at(first) == ModuleCompletion.objects.get(learner=first).completed_at
    certificate = Certificate.objects.get(learner=first)
    assert [module["number"] for module in certificate.modules] == [1]
    assert certificate.holder["role"] == POLICE and len(certificate.code) == 14
    # Not confirmed: counted and certified once confirmed, as ever; nothing done: nothing changes.
    assert completed_at(waiting) is None and not Certificate.objects.filter(learner=waiting).exists()
    assert completed_at(police[2]) is None
    assert completed_count(POLICE) == 1


def test_withdrawing_a_required_module_completes_those_it_held_back(course):
    police = learner_in(POLICE, "police")
    complete_first_module(police, course)
    assert completed_at(police) is None

    ModulePage.objects.get(pk=course.interviewing.pk).unpublish()

    assert completed_at(police) is not None
    change = ModuleRequirementChange.objects.filter(module=course.interviewing).first()
    assert change.roles_before == sorted([CCWC, POLICE]) and change.roles_after == [] and change.changed_by is None


def test_deleting_a_required_module_completes_those_it_held_back(course):
    police = learner_in(POLICE, "police")
    complete_first_module(police, course)

    ModulePage.objects.get(pk=course.interviewing.pk).delete()

    assert completed_at(police) is not None
    assert ModuleRequirementChange.objects.filter(module_id=course.interviewing.pk).first().roles_after == []


def test_publishing_without_changing_the_requirement_records_and_writes_nothing(course):
    police = learner_in(POLICE, "police")
    complete_first_module(police, course)
    records = ModuleRequirementChange.objects.filter(module=course.interviewing)
    assert records.count() == 1

    module = ModulePage.objects.get(pk=course.interviewing.pk)
    module.summary_en = "A new summary."
    with CaptureQueriesContext(connection) as queries:
        module.save_revision().publish()

    assert records.count() == 1
    assert not [q["sql"] for q in queries if "learners_learnerprofile" in q["sql"] and "UPDATE" in q["sql"]]


def test_a_change_costs_the_same_queries_for_few_learners_and_many(course):
    def learners_done(prefix: str, count: int) -> None:
        now = timezone.now() - timedelta(days=1)
        for n in range(count):
            user = learner_in(POLICE, f"{prefix}{n}")
            ModuleCompletion.objects.create(learner=user, module=course.module, completed_at=now)

    def queries_to_change(roles: list[str]) -> int:
        with CaptureQueriesContext(connection) as queries:
            publish_requirement(course.interviewing, roles)
        return len(queries)

    # Both measured publications follow an earlier one, so each compares its texts with a revision before it
    # (curriculum.translation_state): what differs between them is only the number of learners.
    publish_requirement(course.interviewing, [POLICE, CCWC])
    learners_done("few", 2)
    few = queries_to_change([CCWC])
    issued = Certificate.objects.count()
    LearnerProfile.objects.update(course_completed_at=None)
    Certificate.objects.all().delete()
    publish_requirement(course.interviewing, [POLICE, CCWC])
    learners_done("many", 25)
    many = queries_to_change([CCWC])

    assert issued == 2 and Certificate.objects.count() == 27
    assert LearnerProfile.objects.filter(course_completed_at__isnull=False).count() == 27
    assert many == few


# A learner's role changes


def details_of(profile: LearnerProfile, **changes) -> LearnerDetails:
    values = {
        "full_name_km": profile.full_name_km,
        "role": profile.role,
        "gender": profile.gender,
        "province": profile.province,
    }
    return LearnerDetails(**{**values, **changes})


def test_a_change_of_role_follows_what_the_new_role_requires(course):
    council = learner_in(COUNCIL, "council")
    complete_first_module(council, course)
    done_at, code = completed_at(council), Certificate.objects.get(learner=council).code
    coordinator = UserFactory(username="coordinator", is_superuser=True)
    profile = LearnerProfile.objects.get(user=council)

    learner_update(profile=profile, details=details_of(profile, role=POLICE), actor=coordinator)
    assert completed_at(council) is None  # police must also complete the interviewing module
    assert Certificate.objects.get(learner=council).code == code
    assert completed_count(POLICE) == 0

    learner_update(profile=profile, details=details_of(profile, role=COUNCIL), actor=coordinator)
    assert completed_at(council) == done_at
    assert completed_count(COUNCIL) == 1


def test_a_change_of_role_to_one_requiring_less_issues_the_certificate(course):
    police = learner_in(POLICE, "police")
    complete_first_module(police, course)
    coordinator = UserFactory(username="coordinator", is_superuser=True)
    profile = LearnerProfile.objects.get(user=police)

    learner_update(profile=profile, details=details_of(profile, role=COUNCIL), actor=coordinator)

    certificate = Certificate.objects.get(learner=police)
    assert certificate.holder["role"] == COUNCIL
    assert [module["number"] for module in certificate.modules] == [1]
    assert completed_at(police) is not None


# What learners and coordinators see


def test_my_training_shows_required_and_optional_modules_for_the_learners_role(client, course):
    council, police = learner_in(COUNCIL, "council"), learner_in(POLICE, "police")
    client.force_login(council)
    response = client.get("/en/training/")
    assertContains(response, "0 of 1 modules required for your role (Commune/sangkat council member) completed.")
    assertContains(response, "· optional", count=1)
    assert response.context["required_ids"] == {course.module.pk}

    client.force_login(police)
    response = client.get("/en/training/")
    assertContains(response, "0 of 2 modules required for your role (Police officer) completed.")
    assertNotContains(response, "· optional")


def test_my_training_tells_a_holder_whose_role_now_requires_more(client, course):
    council = learner_in(COUNCIL, "council")
    complete_first_module(council, course)
    publish_requirement(course.interviewing, [POLICE, CCWC, COUNCIL])
    client.force_login(council)
    response = client.get("/en/training/")
    assertContains(response, Certificate.objects.get(learner=council).code)
    assert response.context["required_done"] == 1 and response.context["required_total"] == 2


def test_the_module_page_says_whom_it_is_required_of(client, course):
    response = client.get("/en/interviewing/")
    assertContains(response, "Required for the certificate of: Police officer, CCWC focal point")


def test_reports_say_since_when_the_requirements_apply_and_by_whom_only_when_not_sharing(client, course):
    trainer = UserFactory(username="trainer-sokha")
    publish_requirement(course.interviewing, [POLICE], by=trainer)
    change = ModuleRequirementChange.objects.filter(module=course.interviewing).first()
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    client.cookies["django_language"] = "en"

    response = client.get(reverse("reports:provinces"))
    assert response.status_code == 200
    date = change.changed_at.astimezone(timezone.get_current_timezone())
    assertContains(response, f"as required since {date.day} {date:%B %Y}")
    assertContains(response, "trainer-sokha")
    assertNotContains(client.get(reverse("reports:provinces") + "?share=on"), "trainer-sokha")
