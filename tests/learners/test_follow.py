"""Following each learner: the coordinators' list with progress (filters, order, pages), the learner's page, the
exports with progress columns, bulk confirmation and rejection with a reason that can be undone. Scope is checked
on the server for every one of them: another province's learner is a 404 or a refusal, never data."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.roles import Role
from learners.confirmation import OUT_OF_SCOPE, REASON_REQUIRED
from learners.models import Confirmation, ConfirmationDecision, Decision, LearnerProfile, Source
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.completion import lesson_view_record
from quizzes.models import Certificate
from tests import downloads
from tests.factories import LearnerFactory, TrainerFactory
from tests.quizzes.conftest import correct_answers, make_quiz, wrong_answers

LIST = reverse("learners:learner_list")
EXPORT = reverse("learners:learners_export")
EXPORT_XLSX = reverse("learners:learners_export_xlsx")
BULK = reverse("learners:learners_confirm")


@pytest.fixture
def course(site_tree):
    """The test manual with one module to complete (three lessons and a quiz); its empty second module is
    unpublished, so completing the first completes the course."""
    site_tree.empty_module.unpublish()
    site_tree.quiz = make_quiz(site_tree.module)
    return site_tree


def read_lessons(course, user, count=3):
    for lesson in course.lessons[:count]:
        lesson_view_record(learner=user, lesson_id=lesson.pk, module_id=course.module.pk)


def take_quiz(course, user, *, passing=True):
    attempt = attempt_start(learner=user, quiz=course.quiz)
    answers = correct_answers(attempt) if passing else wrong_answers(attempt)
    return attempt_submit(attempt=attempt, learner=user, answers=answers)


def complete(course, user):
    read_lessons(course, user)
    take_quiz(course, user, passing=False)
    take_quiz(course, user)


@pytest.fixture
def kampot(people, places, course):
    """Kampot learners at every stage: finished with a certificate, half-way, not started, and one waiting."""
    done = people.kampot_learner
    complete(course, done.user)
    half = LearnerFactory(
        province=places.kampot,
        district=places.kampot_town,
        commune=places.kampot_sangkat,
        username="half",
        full_name_km="កែវ ពិសី",
        role=Role.COMMUNE_COUNCIL,
    )
    read_lessons(course, half.user, count=1)
    idle = LearnerFactory(province=places.kampot, username="idle", full_name_km="ឈឹម សុភ័ក្រ")
    waiting = LearnerFactory(
        province=places.kampot, username="waiting", full_name_km="ម៉ៅ សុភា", source=Source.SELF_REGISTERED
    )
    for profile in (done, half, idle, waiting):
        profile.refresh_from_db()
    return type("Kampot", (), {"done": done, "half": half, "idle": idle, "waiting": waiting})


def names(response) -> list[str]:
    return [row.learner.user.username for row in response.context["rows"]]


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(downloads.text(response).lstrip("\ufeff"))))


# The list: progress, filters, order


def test_the_list_shows_each_learners_progress(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    response = client.get(LIST)
    assert response.status_code == 200
    rows = {row.learner.user.username: row for row in response.context["rows"]}
    assert set(rows) == {"officer", "half", "idle", "waiting"}  # not Takeo's
    certificate = Certificate.objects.get(learner=kampot.done.user)
    assert rows["officer"].status == "completed"
    assert (rows["officer"].progress.modules_done, rows["officer"].progress.modules_required) == (1, 1)
    assert rows["officer"].progress.certificate_code == certificate.code
    assert rows["half"].status == "in_progress"
    assert (rows["half"].progress.modules_done, rows["half"].progress.certificate_code) == (0, "")
    assert rows["idle"].status == "not_started"
    assert certificate.code in response.content.decode()
    with translation_en():
        assert "1 of 1 modules" in client.get("/en/coordinate/").content.decode()


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        ("not_started", {"idle", "waiting"}),
        ("in_progress", {"half"}),
        ("completed", {"officer"}),
        ("certificate", {"officer"}),
        ("", {"officer", "half", "idle", "waiting"}),
    ],
)
def test_filter_by_progress(client, people, kampot, progress, expected):
    client.force_login(people.kampot_coordinator)
    assert set(names(client.get(LIST, {"progress": progress}))) == expected


def test_a_rejected_holder_does_not_count_as_holding_a_certificate(client, people, kampot):
    LearnerProfile.objects.filter(pk=kampot.done.pk).update(confirmation=Confirmation.REJECTED)
    client.force_login(people.kampot_coordinator)
    assert names(client.get(LIST, {"progress": "certificate"})) == []


def test_filter_by_role_district_commune_and_confirmation(client, people, places, kampot):
    client.force_login(people.kampot_coordinator)
    assert names(client.get(LIST, {"role": Role.COMMUNE_COUNCIL})) == ["half"]
    assert names(client.get(LIST, {"district": places.kampot_town.code})) == ["half"]
    assert names(client.get(LIST, {"district": places.kampot_town.code, "commune": places.kampot_sangkat.code})) == [
        "half"
    ]
    # A link from a report may name the commune alone.
    assert names(client.get(LIST, {"commune": places.kampot_sangkat.code})) == ["half"]
    assert names(client.get(LIST, {"confirmation": Confirmation.PENDING})) == ["waiting"]


def test_sort_by_last_activity_most_recent_first_never_active_last(client, people, kampot):
    today = timezone.localdate()
    LearnerProfile.objects.filter(pk=kampot.done.pk).update(training_active_on=today - timedelta(days=30))
    LearnerProfile.objects.filter(pk=kampot.half.pk).update(training_active_on=today)
    client.force_login(people.kampot_coordinator)
    order = names(client.get(LIST, {"sort": "activity"}))
    assert order[:2] == ["half", "officer"]
    assert set(order[2:]) == {"idle", "waiting"}
    by_name = names(client.get(LIST))
    assert by_name == sorted(by_name, key=lambda u: LearnerProfile.objects.get(user__username=u).full_name_km)


def test_fifty_a_page(client, people, places, db):
    for number in range(53):
        LearnerFactory(province=places.kampot, username=f"many{number}")
    client.force_login(people.kampot_coordinator)
    first = client.get(LIST)
    assert len(first.context["rows"]) == 50
    second = client.get(LIST, {"page": 2})
    assert len(second.context["rows"]) == 4  # 53 + the fixture's officer
    assert not set(names(first)) & set(names(second))


# Scope


def test_another_provinces_places_are_refused(client, people, places, kampot):
    client.force_login(people.kampot_coordinator)
    assert client.get(LIST, {"province": places.takeo.code}).status_code == 404
    response = client.get(LIST, {"district": places.takeo_district.code})
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert names(response) == []
    assert names(client.get(LIST, {"commune": places.takeo_commune.code})) == []
    assert client.get(EXPORT, {"province": places.takeo.code}).status_code == 404
    assert csv_rows(client.get(EXPORT, {"district": places.takeo_district.code})) == []


def test_a_trainer_follows_only_the_people_they_enrolled(client, people, places, course):
    trainer = TrainerFactory()
    own = LearnerFactory(province=places.takeo, username="own", source=Source.TRAINER, created_by=trainer)
    client.force_login(trainer)
    assert names(client.get(LIST)) == ["own"]
    assert client.get(reverse("learners:learner_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("learners:learner_detail", args=[people.kampot_learner.pk])).status_code == 404


def test_learners_cannot_open_the_list_or_the_exports(client, people):
    client.force_login(people.kampot_learner.user)
    for url in (LIST, EXPORT, EXPORT_XLSX):
        assert client.get(url).status_code == 403
    assert client.post(BULK, {"learner": [people.kampot_learner.pk]}).status_code == 403


# The learner's page


def test_the_learners_page_shows_modules_scores_attempts_and_certificate(client, people, kampot, course):
    client.force_login(people.kampot_coordinator)
    with translation_en():
        page = client.get(f"/en/coordinate/learners/{kampot.done.pk}/").content.decode()
    certificate = Certificate.objects.get(learner=kampot.done.user)
    assert "1 of 1 required modules completed." in page
    assert certificate.code in page
    assert course.module.title_en in page
    assert "2 attempts" in page
    assert "best score 100%" in page
    assert "Lessons read: 3 of 3" in page
    assert f"Completed on {timezone.localdate():%-d %b %Y}" in page
    assert f"{kampot.done.training_active_on:%-d %b %Y}" in page
    # A learner who has not started is shown as such, with no certificate.
    with translation_en():
        idle = client.get(f"/en/coordinate/learners/{kampot.idle.pk}/").content.decode()
    assert "0 of 1 required modules completed." in idle
    assert "Never active" in idle and "Not yet" in idle


def translation_en():
    from django.utils import translation

    return translation.override("en")


# Exports


def test_the_export_has_progress_columns_for_the_filtered_list(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    response = client.get(EXPORT, {"progress": "completed"})
    assert response.streaming
    with translation_en():
        response = client.get("/en/coordinate/export.csv", {"progress": "completed"})
        rows = csv_rows(response)
    assert [row["Username"] for row in rows] == ["officer"]
    row = rows[0]
    certificate = Certificate.objects.get(learner=kampot.done.user)
    assert row["Training"] == "Completed"
    assert (row["Required modules completed"], row["Required modules"]) == ("1", "1")
    assert row["Certificate code"] == certificate.code
    assert row["Last active on"] == kampot.done.training_active_on.isoformat()
    with translation_en():
        everyone = {row["Username"]: row for row in csv_rows(client.get("/en/coordinate/export.csv"))}
    assert set(everyone) == {"officer", "half", "idle", "waiting"}
    assert everyone["idle"]["Training"] == "Not started" and everyone["idle"]["Last active on"] == ""


def test_the_excel_export_streams_with_numbers_as_numbers(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    response = client.get(EXPORT_XLSX, {"progress": "completed"})
    assert response.streaming  # from a temporary file on disk, not built in memory
    rows = list(load_workbook(io.BytesIO(downloads.body(response))).active.iter_rows(values_only=True))
    header = list(rows[0])
    officer = dict(zip(header, rows[1], strict=True))
    assert len(rows) == 2
    done_column = header[-4]  # status, done, required, last active, certificate
    assert officer[done_column] == 1


def test_the_export_reads_a_chunk_at_a_time_with_no_query_per_row(client, people, places, kampot, monkeypatch):
    """A province's file is read and written a chunk at a time, each chunk's progress in a fixed few queries."""
    from learners import export_views, progress

    client.force_login(people.kampot_coordinator)
    with CaptureQueriesContext(connection) as four:
        assert len(csv_rows(client.get(EXPORT))) == 4
    for number in range(6):
        LearnerFactory(province=places.kampot, username=f"extra{number}")
    with CaptureQueriesContext(connection) as ten:
        assert len(csv_rows(client.get(EXPORT))) == 10
    assert len(ten) == len(four)

    source = progress.progress_source()
    chunks = []

    def counted(*, learners):
        chunks.append(len(learners))
        return source.progress(learners=learners)

    monkeypatch.setattr(export_views, "CHUNK", 4)
    monkeypatch.setattr(export_views, "progress_source", lambda: type("Spy", (), {"progress": staticmethod(counted)}))
    assert len(csv_rows(client.get(EXPORT))) == 10
    assert chunks == [4, 4, 2]


# Confirming a selection


def test_bulk_confirm_confirms_the_ticked_people(client, people, places, kampot):
    other = LearnerFactory(province=places.kampot, username="other", source=Source.SELF_REGISTERED)
    client.force_login(people.kampot_coordinator)
    response = client.post(BULK, {"learner": [kampot.waiting.pk, other.pk], "next": LIST}, follow=True)
    assert response.redirect_chain[-1][0] == LIST
    assert set(
        LearnerProfile.objects.filter(pk__in=[kampot.waiting.pk, other.pk]).values_list("confirmation", flat=True)
    ) == {Confirmation.CONFIRMED}
    decisions = ConfirmationDecision.objects.filter(profile__in=[kampot.waiting, other])
    assert {(d.decision, d.decided_by) for d in decisions} == {(Decision.CONFIRMED, people.kampot_coordinator)}


def test_bulk_confirm_refuses_a_selection_with_another_provinces_learner(client, people, places, kampot):
    takeo = LearnerFactory(province=places.takeo, username="takeo-waiting", source=Source.SELF_REGISTERED)
    client.force_login(people.kampot_coordinator)
    response = client.post(BULK, {"learner": [kampot.waiting.pk, takeo.pk]}, follow=True)
    assert str(OUT_OF_SCOPE) in response.content.decode()
    # Nothing half-done: the Kampot learner in the same selection still waits.
    assert set(
        LearnerProfile.objects.filter(pk__in=[kampot.waiting.pk, takeo.pk]).values_list("confirmation", flat=True)
    ) == {Confirmation.PENDING}
    assert not ConfirmationDecision.objects.exists()


def test_bulk_confirm_skips_people_already_decided_and_reads_bad_input_calmly(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    response = client.post(BULK, {"learner": [kampot.waiting.pk, kampot.idle.pk]}, follow=True)
    kampot.waiting.refresh_from_db()
    assert kampot.waiting.confirmation == Confirmation.CONFIRMED
    assert ConfirmationDecision.objects.filter(profile=kampot.idle).count() == 0
    # Says how many were confirmed, and how many were left as they were.
    assert [m.level_tag for m in response.context["messages"]] == ["success", "info"]
    for bad in ({"learner": ["x"]}, {}):
        response = client.post(BULK, bad, follow=True)
        assert response.status_code == 200
        assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_bulk_confirm_needs_the_csrf_token(people, kampot):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.kampot_coordinator)
    assert client.post(BULK, {"learner": [kampot.waiting.pk]}).status_code == 403
    kampot.waiting.refresh_from_db()
    assert kampot.waiting.confirmation == Confirmation.PENDING


def test_the_waiting_page_and_the_list_offer_ticks_for_people_waiting_only(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    page = client.get(LIST).content.decode()
    assert f'value="{kampot.waiting.pk}" form="bulk-confirm"' in page
    assert f'value="{kampot.idle.pk}" form="bulk-confirm"' not in page
    assert 'id="bulk-confirm"' in client.get(reverse("learners:waiting")).content.decode()


# Rejecting, with a reason, and undoing it


def test_reject_asks_for_a_reason_then_records_who_when_and_why(client, people, kampot):
    url = reverse("learners:learner_reject", args=[kampot.waiting.pk])
    client.force_login(people.kampot_coordinator)
    page = client.get(url)
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 200
    assert refused.context["form"].errors["reason"]
    kampot.waiting.refresh_from_db()
    assert kampot.waiting.confirmation == Confirmation.PENDING
    response = client.post(url, {"reason": "Not a commune council member."}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("learners:learner_detail", args=[kampot.waiting.pk])
    kampot.waiting.refresh_from_db()
    assert kampot.waiting.confirmation == Confirmation.REJECTED
    decision = ConfirmationDecision.objects.get(profile=kampot.waiting)
    assert (decision.decision, decision.reason, decision.decided_by) == (
        Decision.REJECTED,
        "Not a commune council member.",
        people.kampot_coordinator,
    )
    assert decision.decided_at <= timezone.now()
    page = response.content.decode()
    assert "Not a commune council member." in page
    assert reverse("learners:learner_unreject", args=[kampot.waiting.pk]) in page


def test_undo_returns_the_learner_to_waiting_and_keeps_the_history(client, people, kampot):
    reject = reverse("learners:learner_reject", args=[kampot.waiting.pk])
    undo = reverse("learners:learner_unreject", args=[kampot.waiting.pk])
    client.force_login(people.kampot_coordinator)
    client.post(reject, {"reason": "Wrong province."})
    client.post(undo)
    kampot.waiting.refresh_from_db()
    assert kampot.waiting.confirmation == Confirmation.PENDING
    assert kampot.waiting.confirmed_by is None and kampot.waiting.confirmed_at is None
    history = list(ConfirmationDecision.objects.filter(profile=kampot.waiting).values_list("decision", "decided_by"))
    assert history == [
        (Decision.REOPENED, people.kampot_coordinator.pk),
        (Decision.REJECTED, people.kampot_coordinator.pk),
    ]
    assert kampot.waiting.full_name_km in client.get(reverse("learners:waiting")).content.decode()
    # Undoing again is refused with a message; nothing changes.
    again = client.post(undo, follow=True)
    assert again.status_code == 200
    assert [m.level_tag for m in again.context["messages"]] == ["error"]
    assert ConfirmationDecision.objects.filter(profile=kampot.waiting).count() == 2


def test_rejecting_someone_already_decided_says_so(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    response = client.post(
        reverse("learners:learner_reject", args=[kampot.idle.pk]), {"reason": "Too late."}, follow=True
    )
    assert response.status_code == 200
    kampot.idle.refresh_from_db()
    assert kampot.idle.confirmation == Confirmation.CONFIRMED


def test_reject_and_undo_are_404_for_another_provinces_learner(client, people, places, db):
    takeo = LearnerFactory(province=places.takeo, username="takeo-waiting", source=Source.SELF_REGISTERED)
    client.force_login(people.kampot_coordinator)
    assert client.get(reverse("learners:learner_reject", args=[takeo.pk])).status_code == 404
    assert client.post(reverse("learners:learner_reject", args=[takeo.pk]), {"reason": "x"}).status_code == 404
    LearnerProfile.objects.filter(pk=takeo.pk).update(confirmation=Confirmation.REJECTED)
    assert client.post(reverse("learners:learner_unreject", args=[takeo.pk])).status_code == 404
    takeo.refresh_from_db()
    assert takeo.confirmation == Confirmation.REJECTED


def test_the_reason_is_required_by_the_service_and_the_database(people, kampot):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from learners.confirmation import learner_reject

    with pytest.raises(ValidationError) as raised:
        learner_reject(profile=kampot.waiting, actor=people.kampot_coordinator, reason="\u200b ")
    assert raised.value.message_dict == {"reason": [str(REASON_REQUIRED)]}
    with pytest.raises(IntegrityError), transaction.atomic():
        ConfirmationDecision.objects.create(
            profile=kampot.waiting, decision=Decision.REJECTED, reason="", decided_at=timezone.now()
        )


# Budget: the page costs the same whatever its size and the population


def list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST, {"sort": "activity"}).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_at_any_size(client, people, places, kampot, course):
    client.force_login(people.national)
    list_queries(client)  # the first page of a session also learns there is no decision notice to show
    small = list_queries(client)
    for number in range(60):
        learner = LearnerFactory(
            province=places.takeo if number % 2 else places.kampot,
            username=f"crowd{number}",
            role=Role.OFFICIAL if number % 3 else Role.POLICE_OFFICER,
            source=Source.SELF_REGISTERED if number % 5 == 0 else Source.COORDINATOR,
        )
        if number % 4 == 0:
            read_lessons(course, learner.user, count=1)
    assert list_queries(client) == small
    assert LearnerProfile.objects.count() > 60


def test_the_list_page_stays_within_its_query_budget(client, people, kampot, django_assert_max_num_queries):
    client.force_login(people.kampot_coordinator)
    client.get(LIST)  # the first request of a session warms per-process caches (site root, content types)
    with django_assert_max_num_queries(18):
        client.get(LIST, {"progress": "certificate", "sort": "activity"})


def test_dates_render_in_both_languages(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    LearnerProfile.objects.filter(pk=kampot.done.pk).update(training_active_on=date(2026, 3, 9))
    assert "2026" in client.get(f"/km/coordinate/learners/{kampot.done.pk}/").content.decode()
    with translation_en():
        assert "9 Mar 2026" in client.get(f"/en/coordinate/learners/{kampot.done.pk}/").content.decode()


def test_progress_counts_the_modules_the_learners_role_requires(client, people, kampot, course):
    """A police module required of police officers only: a council member's course does not count it, although
    they may take it (and their page shows it apart)."""
    from tests.factories import LessonPageFactory, ModulePageFactory

    police = ModulePageFactory(
        parent=course.manual, number=3, slug="police-interviewing", required_roles=[Role.POLICE_OFFICER]
    )
    lesson = LessonPageFactory(parent=police, slug="interviewing", title_en="Interviewing a child")
    lesson_view_record(learner=kampot.half.user, lesson_id=lesson.pk, module_id=police.pk)
    client.force_login(people.kampot_coordinator)
    rows = {row.learner.user.username: row.progress for row in client.get(LIST).context["rows"]}
    assert (rows["officer"].modules_done, rows["officer"].modules_required) == (1, 2)
    assert (rows["half"].modules_done, rows["half"].modules_required) == (0, 1)
    with translation_en():
        page = client.get(f"/en/coordinate/learners/{kampot.half.pk}/").content.decode()
    assert "0 of 1 required modules completed." in page
    required, _sep, others = page.partition("Other modules taken")
    assert police.title_en not in required
    assert police.title_en in others


def test_the_filters_fold_away_until_one_is_used(client, people, kampot):
    client.force_login(people.kampot_coordinator)
    assert '<details class="more-filters">' in client.get(LIST).content.decode()
    assert '<details class="more-filters" open>' in client.get(LIST, {"progress": "completed"}).content.decode()
    assert '<details class="more-filters">' in client.get(LIST, {"q": "idle"}).content.decode()


def test_confirmed_leaves_out_disabled_accounts_as_reports_do(client, people, kampot):
    user = kampot.idle.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    client.force_login(people.kampot_coordinator)
    assert "idle" not in names(client.get(LIST, {"confirmation": Confirmation.CONFIRMED}))
    assert "idle" in names(client.get(LIST))  # still found, to be looked after
