"""What counts: attended the module's sessions (the workshop's rule) and passed the post-test, or the module's
quiz, completes the module with the source "workshop", through the one completion writer; not enough
attendance or a failed test completes nothing."""

import pytest
from django.urls import reverse

from learners.models import LearnerProfile
from quizzes.completion import WorkshopPass, completion_source
from quizzes.models import Attempt, CompletionSource, ModuleCompletion
from reports.areas import province_report
from reports.filters import Filters
from reports.scope import Scope
from tests.factories.quizzes import QuizFactory
from workshops import services
from workshops.models import AttendanceRule, WorkshopCompletion
from workshops.models import TestKind as Kind
from workshops.selectors import roster

from .making import make_workshop

NATIONAL = Scope(provinces=None)


@pytest.fixture
def made(site_tree):
    QuizFactory(module=site_tree.module, pass_mark=70)
    return make_workshop(modules=[site_tree.module])


def both_days(made, present):
    for day in made.days:
        services.attendance_record(day=day, present=present, actor=made.trainer)


def post_test(made, scores):
    test = services.paper_test(workshop=made.workshop, kind=Kind.POST)
    services.paper_scores_enter(test=test, scores=scores, actor=made.trainer)


def test_attended_and_passed_completes_the_module_with_its_source_and_workshop(made, site_tree):
    first, second = made.participants
    both_days(made, {first.pk, second.pk})
    post_test(made, {first.pk: 80, second.pk: 50})

    completion = ModuleCompletion.objects.get(learner=first.learner, module=site_tree.module)
    assert completion.source == CompletionSource.WORKSHOP
    assert completion.score == 80
    assert WorkshopCompletion.objects.get(completion=completion).workshop == made.workshop
    # Failed the post-test and never passed the quiz: attended, but not completed.
    assert not ModuleCompletion.objects.filter(learner=second.learner).exists()
    assert [row.modules_completed for row in roster(workshop=made.workshop).order_by("pk")] == [1, 0]


def test_a_module_completed_at_a_workshop_counts_as_started_in_the_reports(made, site_tree):
    first, _second = made.participants
    both_days(made, {first.pk})
    post_test(made, {first.pk: 80})

    profile = LearnerProfile.objects.get(user=first.learner)
    completion = ModuleCompletion.objects.get(learner=first.learner)
    assert profile.training_started_at == completion.completed_at
    for filters in (Filters(), Filters(modules=(site_tree.module.pk,))):
        [row] = [
            row for row in province_report(scope=NATIONAL, filters=filters).rows if row.code == profile.province_id
        ]
        assert row.counts.started >= row.counts.completed >= int(bool(filters.modules))
    only_module = Filters(modules=(site_tree.module.pk,))
    [row] = [
        row for row in province_report(scope=NATIONAL, filters=only_module).rows if row.code == profile.province_id
    ]
    assert (row.counts.started, row.counts.completed) == (1, 1)


def test_not_attended_enough_completes_nothing_whatever_the_score(made, site_tree):
    first, second = made.participants
    services.attendance_record(day=made.days[0], present={first.pk, second.pk}, actor=made.trainer)
    services.attendance_record(day=made.days[1], present={second.pk}, actor=made.trainer)
    post_test(made, {first.pk: 100, second.pk: 100})
    assert list(ModuleCompletion.objects.values_list("learner_id", flat=True)) == [second.learner.pk]


def test_at_least_one_day_is_enough_when_the_workshop_says_so(made, site_tree):
    workshop = made.workshop
    workshop.attendance_rule, workshop.min_days = AttendanceRule.AT_LEAST, 1
    workshop.save()
    first, _second = made.participants
    post_test(made, {first.pk: 90})
    assert not ModuleCompletion.objects.exists()  # a score without attendance completes nothing
    services.attendance_record(day=made.days[1], present={first.pk}, actor=made.trainer)
    assert ModuleCompletion.objects.get().learner == first.learner


def test_entering_again_records_the_completion_once(made):
    first, _second = made.participants
    both_days(made, {first.pk})
    post_test(made, {first.pk: 90})
    both_days(made, {first.pk})
    post_test(made, {first.pk: 95})
    assert ModuleCompletion.objects.count() == 1
    assert WorkshopCompletion.objects.count() == 1


def test_a_module_completed_online_before_stays_online(made, site_tree):
    first, _second = made.participants
    ModuleCompletion.objects.create(learner=first.learner, module=site_tree.module, completed_at="2026-01-01T00:00:00Z")
    both_days(made, {first.pk})
    post_test(made, {first.pk: 90})
    assert ModuleCompletion.objects.get().source == CompletionSource.ONLINE
    assert not WorkshopCompletion.objects.exists()


def test_the_source_of_a_completion():
    assert completion_source(at_workshop=WorkshopPass(passed=True), attempt=None) == CompletionSource.WORKSHOP
    assert completion_source(at_workshop=None, attempt=None) == CompletionSource.ONLINE
    online, offline = Attempt(), Attempt(client_id="6f1c9b56-7d29-4a55-9c9e-8f7d3b7e9a10")
    assert completion_source(at_workshop=None, attempt=online) == CompletionSource.ONLINE
    assert completion_source(at_workshop=None, attempt=offline) == CompletionSource.OFFLINE


def test_the_certificate_says_the_module_was_completed_at_a_workshop(made, site_tree):
    from quizzes.certificates import certificate_context
    from quizzes.models import Certificate

    site_tree.empty_module.required_roles = []
    site_tree.empty_module.save_revision().publish()
    first, _second = made.participants
    both_days(made, {first.pk})
    post_test(made, {first.pk: 90})
    certificate = Certificate.objects.get(learner=first.learner)
    assert [module["source"] for module in certificate.modules] == [CompletionSource.WORKSHOP]
    printed = certificate_context(certificate=certificate, verify_url="http://testserver/verify/x/")["modules"]
    assert printed[0]["source"] == {"km": "នៅសិក្ខាសាលា", "en": "At a workshop"}


def test_under_the_module_days_rule_the_day_that_taught_the_module_is_enough(client, made, site_tree):
    workshop = made.workshop
    workshop.attendance_rule = AttendanceRule.MODULE_DAYS
    workshop.save()
    first, _second = made.participants
    services.attendance_record(day=made.days[1], present={first.pk}, actor=made.trainer)
    post_test(made, {first.pk: 90})
    assert not ModuleCompletion.objects.exists()  # no day names the module yet: every day is needed
    client.force_login(made.trainer)
    url = reverse("workshops:day_modules", args=[workshop.pk, made.days[1].pk])
    assert client.post(url, {"modules": [site_tree.module.pk]}).status_code == 302
    assert list(made.days[1].modules.all()) == [site_tree.module]
    assert ModuleCompletion.objects.get().learner == first.learner
