""" "Continue where you left off" on the home page: the lesson last opened, for signed-in learners only."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes.completion import lesson_view_record
from quizzes.resume import last_lesson_opened

pytestmark = pytest.mark.django_db


def continue_box(response) -> str | None:
    found = re.search(r'<p class="notice continue">(.*?)</p>', response.content.decode(), re.S)
    return found.group(1) if found else None


def test_anonymous_readers_see_nothing_and_cost_no_query(client, site_tree):
    client.get("/km/")  # warm the site and its caches
    with CaptureQueriesContext(connection) as first:
        assert continue_box(client.get("/km/")) is None
    assert not any("quizzes_lessonview" in query["sql"] for query in first)


def test_a_learner_who_has_read_nothing_sees_nothing(signed_in, site_tree):
    assert continue_box(signed_in.get("/en/")) is None


@pytest.mark.parametrize(("language", "title"), [("en", "Lesson number 2"), ("km", "មេរៀនទី2 ស្ត្រី")])
def test_the_home_page_offers_the_lesson_last_opened(signed_in, site_tree, language, title):
    signed_in.get(f"/{language}/first-module/lesson-1/")
    signed_in.get(f"/{language}/first-module/lesson-2/")
    box = continue_box(signed_in.get(f"/{language}/"))
    assert f'href="/{language}/first-module/lesson-2/"' in box
    assert title in box
    assert "1" in box  # the module's number


def test_re_reading_an_earlier_lesson_does_not_move_it(signed_in, site_tree):
    for number in (1, 2, 1):
        signed_in.get(f"/en/first-module/lesson-{number}/")
    assert 'href="/en/first-module/lesson-2/"' in continue_box(signed_in.get("/en/"))


def test_lessons_read_offline_count_by_when_they_were_read(learner, site_tree):
    first, second, _third = site_tree.lessons
    now = timezone.now()
    lesson_view_record(learner=learner, lesson_id=second.pk, module_id=site_tree.module.pk, now=now)
    # Sent later from the phone, but read earlier.
    lesson_view_record(learner=learner, lesson_id=first.pk, module_id=site_tree.module.pk, now=now - timedelta(hours=2))
    assert last_lesson_opened(learner=learner).pk == second.pk


def test_an_unpublished_lesson_is_not_offered(learner, signed_in, site_tree):
    signed_in.get("/en/first-module/lesson-1/")
    signed_in.get("/en/first-module/lesson-3/")
    site_tree.lessons[2].unpublish()
    assert 'href="/en/first-module/lesson-1/"' in continue_box(signed_in.get("/en/"))
    site_tree.module.unpublish()
    assert last_lesson_opened(learner=learner) is None


def test_one_query_finds_it(learner, signed_in, site_tree):
    signed_in.get("/en/first-module/lesson-1/")
    with CaptureQueriesContext(connection) as queries:
        lesson = last_lesson_opened(learner=learner)
        assert lesson.module.number == 1
    assert len(queries) == 1


def test_only_the_learners_own_reading_counts(client, signed_in, site_tree, other_learner):
    signed_in.get("/en/first-module/lesson-1/")
    client.force_login(other_learner)
    assert continue_box(client.get("/en/")) is None
