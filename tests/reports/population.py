"""A small population built by hand, so every figure of the reports can be worked out on paper.

Kampot (07): four confirmed learners (plus one waiting for confirmation and one whose account is disabled, who
must not count). Takeo (21): two. Every other province: nobody. Targets: Kampot police 10 and council 4
(province level), police 6 in district 0701, council 2 in commune 070801; Takeo police 0.
"""

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import Role
from learners.models import Confirmation, Gender, LearnerProfile
from learners.services import coordinator_scope_set
from reports.models import Target
from tests.places import make_places

PASSWORD = "a-Good-passw0rd"
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


def at(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=PHNOM_PENH)


def learner(username, *, province, role, gender, created, started=None, completed=None, last=None, **extra):
    confirmation = extra.pop("confirmation", Confirmation.CONFIRMED)
    active = extra.pop("active", True)
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, is_active=active)
    profile = LearnerProfile.objects.create(
        user=user,
        full_name_km=f"អ្នកសិក្សា {username}",
        role=role,
        gender=gender,
        province=province,
        confirmation=confirmation,
        **extra,
    )
    LearnerProfile.objects.filter(pk=profile.pk).update(created_at=at(created))
    if started:
        LearnerProfile.objects.filter(pk=profile.pk).update(  # as the quiz completion service keeps them
            training_started_at=at(started),
            training_active_on=timezone.localdate(at(last or completed or started, 15)),
            course_completed_at=at(completed) if completed else None,
        )
    return user


def staff(username, group_name, *, provinces=()):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    if provinces:
        coordinator_scope_set(user=user, provinces=list(provinces))
    return user


def build() -> SimpleNamespace:
    places = make_places()
    kampot, takeo = places.kampot, places.takeo
    angkor_chey, kampot_town = places.angkor_chey, places.kampot_town
    angk_phnum_touch, kampong_kandal = places.angk_phnum_touch, places.kampong_kandal
    police, council, ccwc = Role.POLICE_OFFICER, Role.COMMUNE_COUNCIL, Role.CCWC_FOCAL_POINT
    female, male, other = Gender.FEMALE, Gender.MALE, Gender.OTHER
    learner(
        "k1", province=kampot, role=police, gender=female, created="2026-01-10", started="2026-01-11",
        completed="2026-03-05", district=angkor_chey, commune=angk_phnum_touch,
    )  # fmt: skip
    learner(
        "k2", province=kampot, role=police, gender=male, created="2026-02-01", started="2026-02-02",
        last="2026-07-20", district=angkor_chey,
    )  # fmt: skip
    learner("k3", province=kampot, role=council, gender=female, created="2026-02-15", district=kampot_town)
    learner(
        "k4", province=kampot, role=ccwc, gender=female, created="2026-05-01", started="2026-05-02",
        completed="2026-06-10",
    )  # fmt: skip
    learner(
        "k5", province=kampot, role=police, gender=male, created="2026-02-01", started="2026-02-02",
        confirmation=Confirmation.PENDING,
    )  # fmt: skip
    learner(
        "k6", province=kampot, role=police, gender=female, created="2026-02-01", started="2026-02-02",
        completed="2026-03-01", active=False,
    )  # fmt: skip
    learner(
        "t1", province=takeo, role=police, gender=male, created="2026-03-01", started="2026-03-02",
        completed="2026-04-01",
    )  # fmt: skip
    learner("t2", province=takeo, role=council, gender=other, created="2026-03-02", started="2026-03-03")
    Target.objects.create(province=kampot, role=police, people=10)
    Target.objects.create(province=kampot, role=council, people=4)
    Target.objects.create(province=kampot, district=angkor_chey, role=police, people=6)
    Target.objects.create(province=kampot, district=kampot_town, commune=kampong_kandal, role=council, people=2)
    Target.objects.create(province=takeo, role=police, people=0)
    return places
