"""The printed workshop pack, its answer key and the printed manual: what each part holds, that the learner-facing
pack never holds an answer, and that the Khmer printed copies and extracts as written (the text layer)."""

import shutil
import subprocess
from datetime import date

import pytest

from core.roles import Role
from tests.factories.people import LearnerFactory, ProvincialCoordinatorFactory, TrainerFactory, UserFactory
from tests.factories.places import ProvinceFactory
from tests.factories.quizzes import ChoiceFactory, QuestionFactory, QuizFactory
from tests.pdf_glyphs import drawn_glyphs, khmer_shaping_problems
from workshops import pack
from workshops.models import Organisation, OrganisationKind, PaperTest, Participant, Workshop, WorkshopDay
from workshops.models import TestKind as Kind

needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")

RIGHT_KM, WRONG_KM = "ការពារកុមារជាមុនសិន", "ស្រែកដាក់កុមារ"
QUESTION_KM = "តើប៉ូលីសគួរធ្វើអ្វីមុនគេ?"


def extracted(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def workshop(rich_lesson, site_tree):
    trainer = TrainerFactory()
    organisation = Organisation.objects.create(
        name_km="អង្គការកុមារ", name_en="Children's NGO", kind=OrganisationKind.MEMBER
    )
    organisation.staff.add(trainer)
    workshop = Workshop.objects.create(
        title_km="វគ្គបណ្តុះបណ្តាលស្ត្រី",
        title_en="Training for women officers",
        organisation=organisation,
        province=ProvinceFactory(),
        venue="Kampot police station",
        created_by=trainer,
    )
    workshop.trainers.add(trainer)
    workshop.modules.add(site_tree.module)
    for day in (date(2026, 3, 2), date(2026, 3, 3)):
        WorkshopDay.objects.create(workshop=workshop, date=day)
    quiz = QuizFactory(module=site_tree.module)
    question = QuestionFactory(quiz=quiz, text_km=QUESTION_KM, text_en="What does the officer do first?")
    ChoiceFactory(question=question, text_km=RIGHT_KM, text_en="Keep the child safe", is_correct=True)
    ChoiceFactory(question=question, text_km=WRONG_KM, text_en="Shout at the child")
    learner = LearnerFactory(full_name_km="សុខ ស្រីពេជ្រ", full_name_latin="Sok Sreypich", role=Role.POLICE_OFFICER)
    Participant.objects.create(workshop=workshop, learner=learner.user, added_by=trainer)
    return workshop


@needs_pdftotext
def test_the_pack_holds_handout_roster_days_and_tests_in_khmer(workshop, tmp_path):
    text = extracted(pack.pack_pdf(workshop=workshop, language="km"), tmp_path)
    words = flat(text)
    assert flat("អត្ថបទខ្មែរ 1 ព្រះរាជាណាចក្រ") in words  # a lesson's text
    assert "Transcript text" in text  # audio printed as its transcript
    assert "Sit at eye level" in text and "Shout" in text  # the Do/Don't card
    assert "Convention on the Rights of the Child" in text
    assert "សុខស្រីពេជ្រ" in words and "Sok Sreypich" in text  # the roster
    assert flat(pack.date_km(date(2026, 3, 3))) in words  # a column per day
    assert flat(QUESTION_KM) in words and flat(RIGHT_KM) in words and flat(WRONG_KM) in words
    assert "Unpublished draft" not in text


def test_the_learner_facing_pack_never_says_which_answer_is_right(workshop, tmp_path):
    for language in ("km", "en"):
        context_questions = pack.paper_questions(pack.test_questions(workshop=workshop, kind=Kind.PRE), answers=False)
        assert all("correct" not in choice for question in context_questions for choice in question["choices"])
        assert all("correct_letters" not in question for question in context_questions)
        html = pack.render_to_string(
            "workshops/pack/_test.html",
            {"test": {"label": "Pre-test", "questions": context_questions}, "key": False},
        )
        assert 'class="correct"' not in html, language


@needs_pdftotext
def test_the_answer_key_is_separate_and_marks_the_right_choice(workshop, tmp_path):
    text = extracted(pack.answer_key_pdf(workshop=workshop, language="en"), tmp_path)
    assert "for the trainer only" in text
    assert "Keep the child safe" in text
    assert "Answer: A" in text
    assert "English body 1" not in text  # no handout in the key


def test_a_chosen_question_set_replaces_the_modules_quizzes(workshop, site_tree):
    other = QuestionFactory(quiz=QuizFactory(module=site_tree.empty_module), text_en="Chosen question?")
    ChoiceFactory(question=other, text_en="Yes", is_correct=True)
    test = PaperTest.objects.create(workshop=workshop, kind=Kind.POST)
    test.questions.add(other)
    assert [q.pk for q in pack.test_questions(workshop=workshop, kind=Kind.POST)] == [other.pk]
    assert [q.text_en for q in pack.test_questions(workshop=workshop, kind=Kind.PRE)] == [
        "What does the officer do first?"
    ]


def test_the_attendance_sheet_has_a_column_per_day_and_lines_to_add_people(workshop):
    for number in range(3, 8):
        WorkshopDay.objects.create(workshop=workshop, date=date(2026, 3, number + 1))
    sheets = pack.day_sheets(workshop, "en")
    assert [len(days) for days in sheets] == [5, 2]  # seven days: two sheets
    assert sheets[1][-1]["number"] == 7
    context = pack.workshop_context(workshop, "km")
    assert [line["name_latin"] for line in context["roster"]] == ["Sok Sreypich"]
    assert len(context["blank_lines"]) == pack.BLANK_ROSTER_LINES


def test_khmer_in_the_pack_is_shaped(workshop):
    problems = khmer_shaping_problems(
        drawn_glyphs(pack.pack_pdf(workshop=workshop, language="km"), font_name="Pack-Khmer"),
        subscript_base="ស",
        pre_base_vowel=("េ", "ព"),
    )
    assert problems == []


@needs_pdftotext
def test_the_whole_manual_prints_in_english(site_tree, rich_lesson, tmp_path):
    text = extracted(pack.manual_pdf(manual=site_tree.manual, language="en"), tmp_path)
    for number in (1, 2, 3):
        assert f"English body {number}" in text
    assert "Unpublished draft" not in text


def test_the_manual_version_changes_with_a_publish(site_tree):
    before = pack.manual_version_key(site_tree.manual)
    lesson = site_tree.lessons[0]
    lesson.title_en = "Renamed"
    lesson.save_revision().publish()
    assert pack.manual_version_key(site_tree.manual) != before


def test_a_workshop_without_participants_or_days_still_prints(site_tree):
    owner = UserFactory()
    organisation = Organisation.objects.create(name_km="អង្គការ", name_en="Empty NGO")
    workshop = Workshop.objects.create(
        title_km="វគ្គ", organisation=organisation, province=ProvinceFactory(), created_by=owner
    )
    assert pack.pack_pdf(workshop=workshop, language="km").startswith(b"%PDF")


# --- downloads ------------------------------------------------------------------------------------------------


def test_the_pack_is_for_those_who_see_the_workshop_and_the_key_for_those_who_run_it(client, workshop):
    trainer = workshop.trainers.get()
    outsider = TrainerFactory()
    learner = workshop.participants.get().learner
    pack_url = f"/en/workshops/{workshop.pk}/pack.pdf"
    key_url = f"/en/workshops/{workshop.pk}/answer-key.pdf"
    assert client.get(pack_url).status_code == 302  # to sign in
    for user in (outsider, learner):
        client.force_login(user)
        assert client.get(pack_url).status_code == 404
        assert client.get(key_url).status_code == 404
    client.force_login(trainer)
    response = client.get(key_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(pack_url).status_code == 200


def test_a_provincial_coordinator_prints_the_pack_but_not_the_key(client, workshop):
    coordinator = ProvincialCoordinatorFactory(provinces=[workshop.province])
    client.force_login(coordinator)
    assert client.get(f"/en/workshops/{workshop.pk}/pack.pdf").status_code == 200
    assert client.get(f"/en/workshops/{workshop.pk}/answer-key.pdf").status_code == 403


def test_the_printed_manual_is_kept_until_something_is_published(client, site_tree, settings, tmp_path):
    from django.core.files.storage import default_storage

    from workshops import pack_views

    client.force_login(UserFactory())
    url = f"/km/manual/{site_tree.manual.pk}/print.pdf"
    first = client.get(url)
    assert first.status_code == 200 and b"".join(first.streaming_content).startswith(b"%PDF")
    name = pack_views.printed_manual_name(site_tree.manual, "km")
    assert default_storage.exists(name)
    lesson = site_tree.lessons[0]
    lesson.title_km = "មេរៀនថ្មី"
    lesson.save_revision().publish()
    client.get(url)
    assert not default_storage.exists(name)  # the old version was replaced
    assert default_storage.exists(pack_views.printed_manual_name(site_tree.manual, "km"))


def test_the_printed_manual_asks_to_sign_in(client, site_tree):
    assert client.get(f"/en/manual/{site_tree.manual.pk}/print.pdf").status_code == 302


def test_the_workshop_page_links_the_pack_and_the_key_only_for_those_who_run_it(client, workshop):
    client.force_login(workshop.trainers.get())
    page = client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert f"/en/workshops/{workshop.pk}/pack.pdf" in page and f"/en/workshops/{workshop.pk}/answer-key.pdf" in page
    client.force_login(ProvincialCoordinatorFactory(provinces=[workshop.province]))
    page = client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    assert f"/en/workshops/{workshop.pk}/pack.pdf" in page and "answer-key.pdf" not in page


def test_sign_in_slips_for_participants_without_a_password_of_their_own(client, workshop, tmp_path):
    from learners.models import IssuedPassword

    trainer = workshop.trainers.get()
    imported = LearnerFactory(full_name_km="ចាន់ ដារា", full_name_latin="Chan Dara", password=None)
    Participant.objects.create(workshop=workshop, learner=imported.user, added_by=trainer)
    own = workshop.participants.exclude(learner=imported.user).get().learner  # chose a password at registration
    own_hash = own.password
    url = f"/en/workshops/{workshop.pk}/sign-in-slips.pdf"
    client.force_login(ProvincialCoordinatorFactory(provinces=[workshop.province]))
    assert client.post(url).status_code == 403  # reads the workshop, does not run it
    client.force_login(trainer)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    if shutil.which("pdftotext"):
        text = extracted(response.content, tmp_path)
        assert "Chan Dara" in text and "Sok Sreypich" not in text
    assert IssuedPassword.objects.filter(user=imported.user).exists()
    own.refresh_from_db()
    assert own.password == own_hash  # a password the learner chose is never replaced


def test_no_slip_when_everyone_has_their_own_password(client, workshop):
    client.force_login(workshop.trainers.get())
    response = client.post(f"/en/workshops/{workshop.pk}/sign-in-slips.pdf")
    assert response.status_code == 200 and b"no slip is needed" in response.content
