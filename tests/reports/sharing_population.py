"""A seeded population with many small groups, for the tests of sharing: five provinces with districts and
communes, learners spread unevenly over genders, roles and places so that a national table holds dozens of counts
from 1 to 4 next to larger ones, and a few targets (so coverage, people still to train and map colours show)."""

import random
from types import SimpleNamespace

from core.roles import Role
from learners.models import Commune, District, Gender, PlaceUnit, Province
from reports.models import Target

from .population import learner

PROVINCES = ("01", "02", "03", "07", "21")
GENDERS = ((Gender.FEMALE, 45), (Gender.MALE, 50), (Gender.OTHER, 5))
ROLES = (
    (Role.POLICE_OFFICER, 50),
    (Role.COMMUNE_COUNCIL, 25),
    (Role.CCWC_FOCAL_POINT, 10),
    (Role.OFFICIAL, 10),
    (Role.OTHER, 5),
)


def _places() -> dict[str, list[tuple[District, list[Commune]]]]:
    places = {}
    for code in PROVINCES:
        province = Province.objects.get(code=code)
        districts = []
        for number in range(1, 4):
            district = District.objects.create(
                code=f"{code}{number:02d}", province=province, name_km=f"ស្រុក {code}{number}",
                name_en=f"District {code}{number}", unit=PlaceUnit.DISTRICT,
            )  # fmt: skip
            communes = [
                Commune.objects.create(
                    code=f"{district.code}{index:02d}",
                    district=district,
                    name_km=f"ឃុំ {district.code}{index}",
                    name_en=f"Commune {district.code}{index}",
                    unit="commune",
                )  # fmt: skip
                for index in range(1, 3)
            ]
            districts.append((district, communes))
        places[code] = districts
    return places


def build(*, seed: int = 7, size: int = 140) -> SimpleNamespace:
    """`size` confirmed learners, the same ones for the same seed. Months of activity: January to June 2026."""
    rng = random.Random(seed)
    places = _places()
    weights = (40, 30, 20, 10, 3)
    for number in range(size):
        code = rng.choices(PROVINCES, weights=weights)[0]
        district, communes = rng.choice(places[code])
        where = rng.random()
        extra = {}
        if where < 0.85:
            extra["district"] = district
            if where < 0.6:
                extra["commune"] = rng.choice(communes)
        month = rng.randint(1, 5)
        created = f"2026-{month:02d}-{rng.randint(1, 28):02d}"
        progress = rng.random()
        started = f"2026-{month:02d}-28" if progress < 0.8 else None
        completed = f"2026-{month + 1:02d}-{rng.randint(1, 28):02d}" if progress < 0.45 else None
        learner(
            f"s{number}",
            province=Province.objects.get(code=code),
            role=rng.choices([role for role, _w in ROLES], weights=[w for _r, w in ROLES])[0],
            gender=rng.choices([gender for gender, _w in GENDERS], weights=[w for _g, w in GENDERS])[0],
            created=created,
            started=started,
            completed=completed,
            **extra,
        )
    for number, gender in enumerate((Gender.FEMALE, Gender.MALE)):  # a province with a small completed count
        learner(
            f"t{number}", province=Province.objects.get(code="21"), role=Role.POLICE_OFFICER, gender=gender,
            created="2026-02-01", started="2026-02-02", completed="2026-03-03",
        )  # fmt: skip
    Target.objects.create(province_id="01", role=Role.POLICE_OFFICER, people=40)
    Target.objects.create(province_id="02", role=Role.POLICE_OFFICER, people=25)
    Target.objects.create(province_id="02", role=Role.COMMUNE_COUNCIL, people=12)
    Target.objects.create(province_id="07", role=Role.POLICE_OFFICER, people=9)
    return SimpleNamespace(places=places)
