"""Coverage of a module set: who began one of its modules (read, tried or completed) and who completed all of them.
Without dates the report lists the learners who completed the set once; with dates it works out the last
completion per learner: both must say the same when the dates hold everything."""

from datetime import date, timedelta

from django.utils import timezone

from core.roles import Role
from learners.models import Gender, Province
from quizzes import attempts, completion
from reports.areas import province_report
from reports.filters import Filters
from reports.scope import Scope
from tests.factories import LearnerProfileFactory
from tests.quizzes.conftest import correct_answers, make_quiz, make_user, wrong_answers

NATIONAL = Scope(provinces=None)


def person(name: str):
    user = make_user(name)
    LearnerProfileFactory(
        user=user, province=Province.objects.get(pk="07"), role=Role.POLICE_OFFICER, gender=Gender.MALE
    )
    return user


def read_all(learner, tree, when):
    for offset, lesson in enumerate(tree.lessons):
        completion.lesson_view_record(
            learner=learner, lesson_id=lesson.pk, module_id=tree.module.pk, now=when + timedelta(minutes=offset)
        )


def take(learner, quiz, *, right: bool):
    attempt = attempts.attempt_start(learner=learner, quiz=quiz)
    answers = correct_answers(attempt) if right else wrong_answers(attempt)
    attempts.attempt_submit(attempt=attempt, learner=learner, answers=answers)


def kampot(filters: Filters):
    [row] = [row for row in province_report(scope=NATIONAL, filters=filters).rows if row.code == "07"]
    return row.counts.started, row.counts.completed


def test_started_and_completed_a_module_set_with_and_without_dates(site_tree):
    quiz = make_quiz(site_tree.module, pass_mark=60)
    when = timezone.now() - timedelta(days=3)
    done, reader, tried = person("done"), person("reader"), person("tried")
    person("idle")  # registered, never began
    read_all(done, site_tree, when)
    take(done, quiz, right=True)
    completion.lesson_view_record(
        learner=reader, lesson_id=site_tree.lessons[0].pk, module_id=site_tree.module.pk, now=when
    )
    take(tried, quiz, right=False)

    modules = (site_tree.module.pk,)
    everything = {"start": date(2000, 1, 1), "end": timezone.localdate() + timedelta(days=1)}
    assert kampot(Filters(modules=modules)) == (3, 1)
    assert kampot(Filters(modules=modules, **everything)) == (3, 1)
    # A set with a module nobody touched: nobody began it, nobody completed it all.
    both = (site_tree.module.pk, site_tree.empty_module.pk)
    assert kampot(Filters(modules=(site_tree.empty_module.pk,))) == (0, 0)
    assert kampot(Filters(modules=both)) == kampot(Filters(modules=both, **everything)) == (3, 0)
    # Dates before it all: nothing.
    assert kampot(Filters(modules=modules, start=date(2000, 1, 1), end=date(2000, 12, 31))) == (0, 0)
