"""Synthetic learners for the load population: who they are, where they live, when they registered."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model

from core.roles import Role
from learners.demo import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, PHONE_PREFIXES, ROLE_MIX
from learners.models import Commune, Confirmation, District, Gender, LearnerProfile, Province, Source

from .databases import USERNAME_PREFIX

MONTHS = 24
DAYS = MONTHS * 365 // 12

# Population by province in thousands (2019 census, rounded): where learners come from, roughly.
PROVINCE_WEIGHTS = {
    "01": 861, "02": 987, "03": 899, "04": 527, "05": 877, "06": 677, "07": 592, "08": 1195, "09": 123,
    "10": 372, "11": 89, "12": 2129, "13": 251, "14": 1057, "15": 419, "16": 204, "17": 1006, "18": 310,
    "19": 160, "20": 525, "21": 900, "22": 262, "23": 41, "24": 72, "25": 776,
}  # fmt: skip
ROLE_UNITS = {
    Role.POLICE_OFFICER: "ស្នងការដ្ឋាននគរបាល",
    Role.COMMUNE_COUNCIL: "ក្រុមប្រឹក្សាឃុំ/សង្កាត់",
    Role.CCWC_FOCAL_POINT: "គណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារ",
    Role.VILLAGE_CHIEF: "រដ្ឋបាលភូមិ",
    Role.OFFICIAL: "រដ្ឋបាល",
    Role.OTHER: "",
}
ROLES = [role for role, _weight, _women in ROLE_MIX]
ROLE_WEIGHTS = [weight for _role, weight, _women in ROLE_MIX]
WOMEN = {role: share for role, _weight, share in ROLE_MIX}
SOURCES = [Source.SELF_REGISTERED, Source.COORDINATOR, Source.IMPORT]


@dataclass
class ProvincePlaces:
    province: Province
    start_day: int  # day of the 24-month window when training began there
    communes: list[tuple[str, str]] = field(default_factory=list)  # (commune code, district code)
    commune_weights: list[float] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)


@dataclass
class Places:
    provinces: list[ProvincePlaces]
    cum_weights: list[float]


def places_read(*, rng: random.Random) -> Places:
    """Every province (weighted by population) and, when the gazetteer is imported, its districts and communes.

    Rollout does not start everywhere at once: each province gets a start day, the capital and a few others
    early, some in the second year, so coverage differs between provinces as it would in reality.
    """
    communes: dict[str, list[tuple[str, str, str]]] = {}
    for code, district_id, unit, province_id in Commune.objects.order_by("code").values_list(
        "code", "district_id", "unit", "district__province_id"
    ):
        communes.setdefault(province_id, []).append((code, district_id, unit))
    districts: dict[str, list[str]] = {}
    for code, province_id in District.objects.order_by("code").values_list("code", "province_id"):
        districts.setdefault(province_id, []).append(code)
    result = []
    for province in Province.objects.order_by("code"):
        early = province.code == "12" or rng.random() < 0.25
        start_day = rng.randint(0, 60) if early else rng.randint(60, DAYS * 3 // 4)
        places = ProvincePlaces(province=province, start_day=start_day, districts=districts.get(province.code, []))
        for code, district_id, unit in communes.get(province.code, []):
            places.communes.append((code, district_id))
            # Towns' sangkats are denser than rural khums; the lognormal spread gives each its own size.
            places.commune_weights.append(rng.lognormvariate(0, 0.6) * (2.0 if unit == "sangkat" else 1.0))
        result.append(places)
    cum, total = [], 0.0
    for places in result:
        total += PROVINCE_WEIGHTS.get(places.province.code, 300) * (DAYS - places.start_day) / DAYS
        cum.append(total)
    return Places(provinces=result, cum_weights=cum)


@dataclass
class Person:
    """A new learner's account and profile (unsaved) and what their study starts from."""

    user: object
    profile: LearnerProfile
    holder: dict  # as quizzes.selectors.learner_holder reads it from the profile
    starts_at: datetime | None  # when they first open a lesson, or None if they never do


def person(index: int, *, rng: random.Random, places: Places, now: datetime, password: str) -> Person:
    """Learner number `index`: who, where, when they registered, and whether (and when) they start training."""
    window_start = now - timedelta(days=DAYS)
    place = rng.choices(places.provinces, cum_weights=places.cum_weights)[0]
    # Registrations grow as the rollout in the province goes on.
    created = window_start + timedelta(
        days=place.start_day + (DAYS - place.start_day) * rng.random() ** 0.8, seconds=rng.randint(0, 86399)
    )
    created = min(created, now - timedelta(minutes=1))
    role = rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
    draw = rng.random()
    gender = Gender.FEMALE if draw < WOMEN[role] else (Gender.OTHER if draw > 0.98 else Gender.MALE)
    family = rng.choice(FAMILY_NAMES)
    given = rng.choice(FEMALE_NAMES if gender == Gender.FEMALE else MALE_NAMES)
    commune_code = district_code = None
    located = rng.random()
    if place.communes and located < 0.8:
        commune_code, district_code = rng.choices(place.communes, weights=place.commune_weights)[0]
    elif place.districts and located < 0.9:
        district_code = rng.choice(place.districts)
    recent = (now - created).days < 60
    draw = rng.random()
    if draw < (0.35 if recent else 0.02):
        confirmation = Confirmation.PENDING
    elif draw > 0.96:
        confirmation = Confirmation.REJECTED
    else:
        confirmation = Confirmation.CONFIRMED
    confirmed_at = None
    if confirmation != Confirmation.PENDING:
        confirmed_at = min(now, created + timedelta(hours=rng.uniform(1, 14 * 24)))
    phone = ""
    if rng.random() < 0.7:
        phone = f"+855{rng.choice(PHONE_PREFIXES)[1:]}{index:07d}"  # unique: the learner's number is in it
    name_latin = f"{family[1]} {given[1]}" if rng.random() < 0.6 else ""
    user = get_user_model()(
        username=f"{USERNAME_PREFIX}{index:06d}",
        password=password,
        is_superuser=False,
        is_staff=False,
        is_active=True,
        date_joined=created,
    )
    profile = LearnerProfile(
        user=user,
        full_name_km=f"{family[0]} {given[0]}",
        full_name_latin=name_latin,
        role=role,
        gender=gender,
        province_id=place.province.code,
        district_id=district_code,
        commune_id=commune_code,
        unit=ROLE_UNITS[role],
        phone=phone,
        confirmation=confirmation,
        confirmed_at=confirmed_at,
        source=rng.choices(SOURCES, weights=(60, 25, 15))[0],
        created_at=created,
        updated_at=confirmed_at or created,
    )
    holder = {
        "name_km": profile.full_name_km,
        "name_latin": name_latin,
        "role": role,
        "province_km": place.province.name_km,
        "province_en": place.province.name_en,
    }
    starts_at = None
    starts = {Confirmation.CONFIRMED: 0.85, Confirmation.PENDING: 0.5, Confirmation.REJECTED: 0.2}[confirmation]
    if rng.random() < starts:
        starts_at = created + timedelta(seconds=rng.expovariate(1 / (5 * 86400)))
    return Person(user=user, profile=profile, holder=holder, starts_at=starts_at)
