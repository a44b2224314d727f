"""Learning without a connection, in Khmer, in headless Chromium with the network cut (Playwright's offline mode):
a learner keeps a module, reads a lesson never opened before, is shown the offline page for a page not kept, takes
the quiz offline, closes the browser, comes back, reconnects and sees the result marked by the server."""

import re

import pytest
from django.utils import translation

from learners.models import LearnerProfile
from quizzes.models import Attempt, LessonView
from quizzes.offline import QUIZ_CHANGED
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, VIEWPORT
from tests.e2e.test_without_javascript import RIGHT_ANSWERS, sign_in
from tests.factories import LearnerFactory
from tests.places import make_places
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FEEDBACK, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def open_phone(playwright, profile_dir):
    """A browser with its own profile on disk and its page: closing and opening it again is a phone's browser
    restarted."""
    phone = playwright.chromium.launch_persistent_context(
        str(profile_dir), executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, viewport=VIEWPORT, device_scale_factor=1
    )
    return phone, (phone.pages[0] if phone.pages else phone.new_page())


def signed_in_on_module(page, base: str) -> None:
    """The officer signed in on the first module, its page controlled by the service worker."""
    sign_in(page, base, "officer", "/km/first-module/")
    controlled(page)


def keep_module(page) -> None:
    page.click("[data-keep-button]")
    page.wait_for_selector("[data-keep-remove]:visible", timeout=20_000)


def controlled(page) -> None:
    """Wait until the service worker controls the page (the first visit installs it; a reload puts it in charge)."""
    page.evaluate("navigator.serviceWorker.ready")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()
    assert page.evaluate("!!navigator.serviceWorker.controller")


def answer(page, answers) -> None:
    for labels in answers:
        for label in labels:
            page.check(f"label.choice:has(span:text-matches('{label}$')) input")


def test_reading_and_a_quiz_offline_reach_the_server_once_back_online(live_server, site_tree, playwright, tmp_path):
    places = make_places()
    quiz = make_quiz(site_tree.module)
    learner = LearnerFactory(province=places.kampot, username="officer").user
    base = live_server.url
    phone, page = open_phone(playwright, tmp_path / "phone")

    signed_in_on_module(page, base)
    assert not LessonView.objects.filter(learner=learner).exists()
    keep_module(page)
    assert "ទូរស័ព្ទ" in page.inner_text("[data-keep-status]")
    # Keeping fetched every lesson, but reading none of them yet.
    assert not LessonView.objects.filter(learner=learner).exists()

    phone.set_offline(True)
    page.goto(f"{base}/km/first-module/lesson-2/")
    assert page.inner_text("h1") == "មេរៀនទី2 ស្ត្រី"
    page.wait_for_selector("#net-status:has-text('អ្នកគ្មានអ៊ីនធឺណិត')")  # "You are offline", in Khmer

    page.goto(f"{base}/km/second-module/")  # never opened, not kept
    assert page.inner_text("h1") == "អ្នកគ្មានអ៊ីនធឺណិត"
    assert "/km/first-module/" in page.inner_html("[data-offline-items]")
    page.goto(f"{base}/km/account/")  # never kept (personal), yet no browser error page either
    assert page.inner_text("h1") == "អ្នកគ្មានអ៊ីនធឺណិត"

    page.goto(f"{base}/km/first-module/")
    page.click(".phone-quiz a")
    page.wait_for_url(re.compile(r"/km/training/offline/quiz/\d+/$"))
    answer(page, RIGHT_ANSWERS[:2])
    page.wait_for_selector("[data-quiz-status]:visible")

    # The browser is closed and opened again, still without a connection: the answers given so far are there.
    phone.close()
    phone, page = open_phone(playwright, tmp_path / "phone")
    phone.set_offline(True)
    page.goto(f"{base}/km/training/offline/quiz/{quiz.pk}/")
    page.wait_for_selector("label.choice:has(span:text-matches('A trusted adult$')) input:checked")
    answer(page, RIGHT_ANSWERS[2:])
    page.click("#offline-quiz button[type=submit]")
    page.wait_for_selector("[data-quiz-status]:visible")
    assert "ទូរស័ព្ទ" in page.inner_text("[data-quiz-status]")
    assert not Attempt.objects.filter(learner=learner).exists()

    phone.close()
    phone, page = open_phone(playwright, tmp_path / "phone")
    page.goto(f"{base}/km/training/")
    page.wait_for_selector("#net-status a", timeout=20_000)  # "See the result", once the server has marked it
    page.click("#net-status a")
    page.wait_for_url(re.compile(r"/km/training/attempt/\d+/result/$"))
    assert page.inner_text(".score").startswith("100%")

    attempt = Attempt.objects.get(learner=learner)
    assert attempt.client_id is not None and attempt.score == 100 and attempt.passed
    # The lesson opened from the phone's copy counts as read; the ones only kept do not.
    assert set(LessonView.objects.filter(learner=learner).values_list("lesson_id", flat=True)) == {
        site_tree.lessons[1].pk
    }
    assert LearnerProfile.objects.get(user=learner).training_active_on is not None
    phone.close()


def test_signing_out_clears_what_the_phone_kept_for_the_learner(live_server, site_tree, playwright, tmp_path):
    places = make_places()
    make_quiz(site_tree.module)
    LearnerFactory(province=places.kampot, username="officer")
    base = live_server.url
    phone, page = open_phone(playwright, tmp_path / "phone")
    signed_in_on_module(page, base)
    keep_module(page)
    kept = "caches.open('pages').then((cache) => cache.keys()).then((keys) => keys.length)"
    assert page.evaluate(kept) >= 4  # the module page, its three lessons and its quiz
    # Nothing the phone keeps gives an answer away: the quiz is kept without answers, feedback or explanations.
    everything = page.evaluate(
        """async () => { const texts = [];
           for (const name of await caches.keys()) { const cache = await caches.open(name);
             for (const request of await cache.keys()) texts.push(await (await cache.match(request)).text()); }
           return texts.join(" "); }"""
    )
    assert "/training/offline/quiz/" in page.evaluate(
        "caches.open('pages').then((c) => c.keys()).then((k) => k.map((r) => r.url).join())"
    )
    for marker in (SECRET_FEEDBACK, SECRET_EXPLANATION, '"correct": true', '"correct":true'):
        assert marker not in everything, marker

    page.goto(f"{base}/km/account/")
    with page.expect_navigation():
        page.click("form[data-sign-out] button[type=submit]")
    assert page.locator("form[data-sign-out]").count() == 0  # signed out
    assert page.evaluate(kept) <= 1  # at most the page shown after signing out (nobody's)
    assert page.evaluate("cfpStore.all('kept').then((rows) => rows.length)") == 0
    phone.close()


def test_answers_the_server_cannot_mark_stay_on_the_phone_with_the_reason(live_server, site_tree, playwright, tmp_path):
    """The quiz is edited while the answers wait: the server refuses them (they cannot be marked against questions
    that changed), the learner reads why in Khmer and decides to remove them; the kept module is fetched again."""
    places = make_places()
    quiz = make_quiz(site_tree.module)
    learner = LearnerFactory(province=places.kampot, username="officer").user
    base = live_server.url
    phone, page = open_phone(playwright, tmp_path / "phone")
    signed_in_on_module(page, base)
    keep_module(page)

    phone.set_offline(True)
    page.goto(f"{base}/km/training/offline/quiz/{quiz.pk}/")
    answer(page, RIGHT_ANSWERS)
    page.click("#offline-quiz button[type=submit]")
    page.wait_for_selector("[data-quiz-status]:visible")

    question = quiz.questions.order_by("sort_order").first()
    question.text_km = "សំណួរ​ថ្មី"
    question.save()
    phone.set_offline(False)
    page.goto(f"{base}/km/training/")
    with translation.override("km"):
        reason = str(QUIZ_CHANGED)
    page.wait_for_selector(f"[data-outbox-list] li:has-text('{reason}')", timeout=20_000)
    assert not Attempt.objects.filter(learner=learner).exists()
    # The kept module followed its quiz: the phone says it fetched the new version.
    page.wait_for_selector("#net-status p:has-text('ទូរស័ព្ទ')", timeout=20_000)

    page.click("[data-outbox-list] li button")
    page.wait_for_selector("[data-outbox-list]", state="hidden")
    assert page.evaluate("cfpStore.all('outbox').then((rows) => rows.length)") == 0
    phone.close()


def test_a_quiz_opened_once_online_can_be_taken_offline(live_server, site_tree, playwright, tmp_path):
    places = make_places()
    quiz = make_quiz(site_tree.module)
    LearnerFactory(province=places.kampot, username="officer")
    base = live_server.url
    phone, page = open_phone(playwright, tmp_path / "phone")
    signed_in_on_module(page, base)
    page.click(".phone-quiz a")  # opened, not kept: the page the learner saw is what stays
    page.wait_for_selector("#offline-quiz")
    phone.set_offline(True)
    page.goto(f"{base}/km/training/offline/quiz/{quiz.pk}/")
    assert page.locator("#offline-quiz fieldset").count() == 4
    phone.close()
