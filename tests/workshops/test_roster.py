"""A workshop created on a phone, and its roster: found among the learners, imported from a file (the learner
import's checks and dry run, all or nothing), or registered on the spot (the registration checks); never over
the workshop's capacity."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learners.models import LearnerProfile
from tests.factories.people import LearnerFactory
from tests.factories.places import ProvinceFactory
from workshops.models import Participant, RosterSource, Workshop

from .making import make_organisation, make_workshop


@pytest.fixture
def made(site_tree):
    return make_workshop(modules=[site_tree.module], people=1, capacity=3)


def test_a_trainer_creates_a_workshop_over_three_days(client, site_tree):
    from tests.factories.people import TrainerFactory

    trainer = TrainerFactory()
    organisation = make_organisation(trainer=trainer)
    client.force_login(trainer)
    form = {
        "title_km": "វគ្គបណ្តុះបណ្តាល",
        "organisation": organisation.pk,
        "province": "07",
        "modules": [site_tree.module.pk],
        "capacity": 25,
        "attendance_rule": "at_least",
        "min_days": 4,
        "first_day": "2026-03-02",
        "day_count": 3,
    }
    response = client.post(reverse("workshops:create"), form)
    assert response.status_code == 200  # four days needed of three: refused, nothing saved
    assert "has-error" in response.content.decode()
    assert not Workshop.objects.exists()
    response = client.post(reverse("workshops:create"), {**form, "min_days": 2})
    workshop = Workshop.objects.get()
    assert response.url == reverse("workshops:detail", args=[workshop.pk])
    assert [str(day.date) for day in workshop.days.order_by("date")] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert (str(workshop.starts_on), str(workshop.ends_on)) == ("2026-03-02", "2026-03-04")
    assert list(workshop.trainers.all()) == [trainer]


def test_a_learner_of_the_province_is_found_by_phone_and_put_on_the_roster(client, made):
    client.force_login(made.trainer)
    officer = LearnerFactory(full_name_km="កែវ ធារ៉ា", phone="012 345 678", province=ProvinceFactory(code="07"))
    elsewhere = LearnerFactory(full_name_km="កែវ សុភា", province=ProvinceFactory(code="21"))
    url = reverse("workshops:roster_add", args=[made.workshop.pk])
    page = client.get(url, {"q": "កែវ"}).content.decode()
    assert "កែវ ធារ៉ា" in page and "កែវ សុភា" not in page
    assert "កែវ ធារ៉ា" in client.get(url, {"q": "012345678"}).content.decode()
    client.post(url, {"learner": officer.pk})
    assert Participant.objects.filter(workshop=made.workshop, learner=officer.user).exists()
    assert client.post(url, {"learner": elsewhere.pk}).status_code == 404
    assert client.post(url, {"learner": "x'; --"}).status_code == 404


def test_someone_registered_on_the_spot_joins_the_roster_until_it_is_full(client, made):
    client.force_login(made.trainer)
    url = reverse("workshops:roster_register", args=[made.workshop.pk])
    person = {"full_name_km": "ចាន់ វិចិត្រ", "gender": "male", "role": "police_officer", "province": "07"}
    response = client.post(url, {**person, "phone": "012 111 222"})
    assert response.status_code == 200, response.content.decode()
    assert 'class="form-errors"' not in response.content.decode()
    profile = LearnerProfile.objects.get(full_name_km="ចាន់ វិចិត្រ")
    assert Participant.objects.get(learner=profile.user).source == RosterSource.REGISTERED
    # The registration checks: the same phone again is refused, nothing is saved.
    response = client.post(url, {**person, "full_name_km": "ចាន់ ថា", "phone": "012 111 222"})
    assert not LearnerProfile.objects.filter(full_name_km="ចាន់ ថា").exists()
    client.post(url, {**person, "full_name_km": "ទី បី"})
    response = client.post(url, {**person, "full_name_km": "ទី បួន"})
    assert Participant.objects.filter(workshop=made.workshop).count() == 3
    assert "សិក្ខាសាលាពេញហើយ" in response.content.decode()
    assert not LearnerProfile.objects.filter(full_name_km="ទី បួន").exists()


def test_a_file_is_checked_first_then_everyone_is_registered_and_put_on_the_roster(client, made):
    client.force_login(made.trainer)
    url = reverse("workshops:roster_import", args=[made.workshop.pk])
    rows = "full_name_km,gender,role,province,phone\nសុខ ចន្ថា,female,ប៉ូលីស,07,012 000 001\nសុខ ដារ៉ា,male,police,07,\n"
    response = client.post(url, {"file": SimpleUploadedFile("people.csv", rows.encode())})
    assert "សុខ ចន្ថា" in response.content.decode()
    assert Participant.objects.filter(workshop=made.workshop).count() == 1  # a dry run saves nothing
    response = client.post(url, {"confirm": "1"})
    assert response.status_code == 302
    assert Participant.objects.filter(workshop=made.workshop, source=RosterSource.FILE).count() == 2


def test_a_file_with_a_problem_saves_nothing(client, made):
    client.force_login(made.trainer)
    url = reverse("workshops:roster_import", args=[made.workshop.pk])
    rows = "full_name_km,gender,role,province\nសុខ ចន្ថា,female,ប៉ូលីស,99\n"
    response = client.post(url, {"file": SimpleUploadedFile("people.csv", rows.encode())})
    assert "has-error" in response.content.decode()
    response = client.post(url, {"confirm": "1"})
    assert Participant.objects.filter(workshop=made.workshop).count() == 1
    assert not LearnerProfile.objects.filter(full_name_km="សុខ ចន្ថា").exists()


def test_a_day_with_attendance_cannot_be_taken_out_of_the_workshop(client, made):
    from workshops import services

    services.attendance_record(day=made.days[1], present=set(), actor=made.trainer)
    client.force_login(made.trainer)
    workshop = made.workshop
    form = {
        "title_km": workshop.title_km,
        "organisation": workshop.organisation_id,
        "province": "07",
        "modules": list(workshop.modules.values_list("pk", flat=True)),
        "capacity": 3,
        "attendance_rule": "all_days",
        "first_day": "2026-03-02",
        "day_count": 1,
    }
    response = client.post(reverse("workshops:edit", args=[workshop.pk]), form)
    assert response.status_code == 200
    assert "មិនអាចលុបថ្ងៃនោះបានទេ" in response.content.decode()
    assert workshop.days.count() == 2
