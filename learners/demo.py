"""Demo people: one account per role and about 300 learners over all 25 provinces (seeded, idempotent).

Accounts share the published demo password, so `load_demo` refuses them when DEBUG is off unless forced.
"""

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from core.demo import demo_password, register_demo_login
from core.demo_accounts import demo_accounts_allowed
from core.roles import Role

from . import groups
from .models import Commune, Confirmation, Gender, LearnerProfile, PlaceUnit, Province, Source
from .phone import normalise_phone
from .services import coordinator_scope_set

SEED = 2026
LEARNERS_PER_PROVINCE = 12
DEMO_PREFIX = "demo-"

FAMILY_NAMES = [
    ("សុខ", "Sok"),
    ("ចាន់", "Chan"),
    ("ហេង", "Heng"),
    ("លី", "Ly"),
    ("កែវ", "Keo"),
    ("ម៉ៅ", "Mao"),
    ("ឈឹម", "Chhim"),
    ("នួន", "Nuon"),
    ("ពេជ្រ", "Pich"),
    ("មាស", "Meas"),
    ("សេង", "Seng"),
    ("ទេព", "Tep"),
    ("យឹម", "Yim"),
    ("ព្រំ", "Prom"),
    ("ឡុង", "Long"),
    ("គង់", "Kong"),
    ("ខៀវ", "Khieu"),
    ("អ៊ុំ", "Um"),
    ("ប៊ុន", "Bun"),
    ("ផល", "Phal"),
]
FEMALE_NAMES = [
    ("ស្រីមុំ", "Sreymom"),
    ("សុភា", "Sophea"),
    ("ចន្ថា", "Chantha"),
    ("ដាវី", "Davy"),
    ("ស្រីនាង", "Sreyneang"),
    ("ពិសី", "Pisey"),
    ("រតនា", "Ratana"),
    ("ចិន្តា", "Chenda"),
    ("លីដា", "Lida"),
    ("បុប្ផា", "Bopha"),
    ("ធីតា", "Thida"),
    ("វណ្ណារី", "Vannary"),
    ("សុធារី", "Sotheary"),
    ("ស្រីល័ក្ខ", "Sreyleak"),
    ("ផល្លា", "Phalla"),
]
MALE_NAMES = [
    ("ដារ៉ា", "Dara"),
    ("វិចិត្រ", "Vichet"),
    ("វណ្ណា", "Vanna"),
    ("រិទ្ធី", "Rithy"),
    ("សំណាង", "Samnang"),
    ("បូរ៉ា", "Bora"),
    ("ចំរើន", "Chamroeun"),
    ("សុវណ្ណ", "Sovann"),
    ("វិសាល", "Visal"),
    ("ពិសិដ្ឋ", "Piseth"),
    ("រដ្ឋា", "Ratha"),
    ("ធារ៉ា", "Theara"),
    ("សម្បត្តិ", "Sambath"),
    ("សារ៉ាត", "Sarath"),
    ("កុសល", "Kosal"),
]
# (role, weight, share of women): police are mostly men, CCWC focal points mostly women.
ROLE_MIX = [
    (Role.POLICE_OFFICER, 50, 0.25),
    (Role.COMMUNE_COUNCIL, 25, 0.4),
    (Role.CCWC_FOCAL_POINT, 12, 0.7),
    (Role.VILLAGE_CHIEF, 10, 0.15),
    (Role.OFFICIAL, 8, 0.3),
    (Role.OTHER, 5, 0.5),
]
PHONE_PREFIXES = ["010", "011", "012", "015", "016", "017", "069", "070", "077", "078", "085", "089", "092", "097"]


def _province_prefix(province: Province) -> str:
    return "រាជធានី" if province.unit == "capital" else "ខេត្ត"


def _commune_unit(commune: Commune) -> str:
    # A named council is the council of a khum or of a sangkat, never both (locale/glossary.csv).
    return "សង្កាត់" if commune.unit == PlaceUnit.SANGKAT else "ឃុំ"


def _unit(role: str, province: Province, commune: Commune | None) -> str:
    place = f"{_province_prefix(province)}{province.name_km}"
    if role == Role.POLICE_OFFICER:
        return f"ស្នងការដ្ឋាននគរបាល{place}"
    if role == Role.COMMUNE_COUNCIL:
        return f"ក្រុមប្រឹក្សា{_commune_unit(commune)}{commune.name_km}" if commune else "ក្រុមប្រឹក្សាឃុំ/សង្កាត់"
    if role == Role.CCWC_FOCAL_POINT:
        return "គណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារឃុំ/សង្កាត់"
    if role == Role.VILLAGE_CHIEF:
        return f"រដ្ឋបាលភូមិ {_commune_unit(commune)}{commune.name_km}" if commune else "រដ្ឋបាលភូមិ"
    if role == Role.OFFICIAL:
        return f"រដ្ឋបាល{place}"
    return ""


def _group(name: str) -> Group:
    return Group.objects.get_or_create(name=name)[0]


def _account(username: str, group_name: str, *, password_hash: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"password": password_hash})
    user.groups.add(_group(group_name))
    return user, created


def _demo_learner(*, username, province, role, gender, name_km, name_latin, phone, commune, password_hash):
    """A confirmed demo learner; kept out of services only to share one password hash (hashing 300 is slow)."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    user = User.objects.create(username=username, password=password_hash)
    user.groups.add(_group(groups.LEARNER))
    profile = LearnerProfile(
        user=user,
        full_name_km=name_km,
        full_name_latin=name_latin,
        role=role,
        gender=gender,
        province=province,
        district=commune.district if commune else None,
        commune=commune,
        unit=_unit(role, province, commune),
        phone=phone,
        confirmation=Confirmation.CONFIRMED,
        confirmed_at=timezone.now(),
        source=Source.DEMO,
    )
    profile.full_clean()
    profile.save()
    return profile


def load_learners(*, stdout, force: bool, per_province: int = LEARNERS_PER_PROVINCE) -> None:
    demo_accounts_allowed(force=force)
    password_hash = make_password(demo_password())
    User = get_user_model()
    created = []

    admin = User.objects.filter(username="admin").first()
    if admin is not None:
        admin.groups.add(_group(groups.ADMINISTRATOR))
    for username in ("trainer", "trainer2"):
        if _account(username, groups.TRAINER, password_hash=password_hash)[1]:
            created.append(username)
    if _account("ngocrc", groups.NATIONAL_COORDINATOR, password_hash=password_hash)[1]:
        created.append("ngocrc")
    kampot = Province.objects.get(code="07")
    takeo = Province.objects.get(code="21")
    coordinator, new = _account("kampot-coordinator", groups.PROVINCIAL_COORDINATOR, password_hash=password_hash)
    if new:
        coordinator_scope_set(user=coordinator, provinces=[kampot])
        created.append("kampot-coordinator")
    for username, province, role, gender, name, phone in (
        ("officer", kampot, Role.POLICE_OFFICER, Gender.MALE, (("ហេង", "Heng"), ("វិចិត្រ", "Vichet")), "012 345 678"),
        ("council", takeo, Role.COMMUNE_COUNCIL, Gender.FEMALE, (("ម៉ៅ", "Mao"), ("សុភា", "Sophea")), "097 765 4321"),
    ):
        free = not LearnerProfile.objects.filter(phone=normalise_phone(phone)).exists()
        if _demo_learner(
            username=username,
            province=province,
            role=role,
            gender=gender,
            name_km=f"{name[0][0]} {name[1][0]}",
            name_latin=f"{name[0][1]} {name[1][1]}",
            phone=normalise_phone(phone) if free else "",
            commune=Commune.objects.filter(district__province=province).order_by("code").first(),
            password_hash=password_hash,
        ):
            created.append(username)

    count = _load_many(password_hash=password_hash, per_province=per_province)
    if created:
        stdout.write(f"Created demo accounts: {', '.join(created)}.")
    if count:
        stdout.write(f"Created {count} demo learners.")


def _load_many(*, password_hash: str, per_province: int) -> int:
    """The same seeded people every time; only those missing are created, so a second run adds nothing."""
    rng = random.Random(SEED)  # noqa: S311  (reproducible demo data, not security)
    communes_by_province: dict[str, list[Commune]] = {}
    for commune in Commune.objects.select_related("district").order_by("code"):
        communes_by_province.setdefault(commune.district.province_id, []).append(commune)
    taken_phones = set(LearnerProfile.objects.exclude(phone="").values_list("phone", flat=True))
    roles = [role for role, _weight, _women in ROLE_MIX]
    weights = [weight for _role, weight, _women in ROLE_MIX]
    women = {role: share for role, _weight, share in ROLE_MIX}
    created = 0
    number = 0
    for province in Province.objects.order_by("code"):
        for _index in range(per_province):
            number += 1
            # Every random draw happens whether or not the learner exists, so the sequence never shifts.
            role = rng.choices(roles, weights)[0]
            draw = rng.random()
            gender = Gender.FEMALE if draw < women[role] else (Gender.OTHER if draw > 0.97 else Gender.MALE)
            family = rng.choice(FAMILY_NAMES)
            given = rng.choice(FEMALE_NAMES if gender == Gender.FEMALE else MALE_NAMES)
            has_phone = rng.random() < 0.7
            phone_digits = f"{rng.choice(PHONE_PREFIXES)}{rng.randrange(100000, 999999)}"
            communes = communes_by_province.get(province.code, [])
            commune = rng.choice(communes) if communes and rng.random() < 0.8 else None
            pending = rng.random() < 0.1
            phone = normalise_phone(phone_digits) if has_phone else ""
            if phone in taken_phones:
                phone = ""
            profile = _demo_learner(
                username=f"{DEMO_PREFIX}{number:03d}",
                province=province,
                role=role,
                gender=gender,
                name_km=f"{family[0]} {given[0]}",
                name_latin=f"{family[1]} {given[1]}",
                phone=phone,
                commune=commune,
                password_hash=password_hash,
            )
            if profile is None:
                continue
            if pending:
                # A few people registered themselves and wait in their coordinator's queue.
                profile.confirmation = Confirmation.PENDING
                profile.confirmed_at = None
                profile.source = Source.SELF_REGISTERED
                profile.save(update_fields=["confirmation", "confirmed_at", "source"])
            if phone:
                taken_phones.add(phone)
            created += 1
    return created


register_demo_login("trainer", "Trainer: writes pages (cannot publish alone), enrols workshop participants")
register_demo_login("trainer2", "Second trainer: approves trainer's pages for publication")
register_demo_login(
    "ngocrc",
    "National coordinator (NGOCRC): learners at /km/coordinate/, rollout reports at /admin/reports/provinces/",
)
register_demo_login("kampot-coordinator", "Provincial coordinator for Kampot: its learners, reports and targets")
register_demo_login("officer", "Police officer in Kampot (learner; or sign in with 012 345 678)")
register_demo_login("council", "Commune council member in Takeo (learner)")
