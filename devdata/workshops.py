"""Demo workshops (a `load_demo` step; seeded, idempotent): three member NGOs and two donors' projects, a dozen
workshops over provinces and months with their rosters, attendance and paper pre-/post-test scores, all entered
through the workshop services (so completions through workshops are recorded as the site records them).

A second run adds nothing: the demo organisations are found by their English names.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from curriculum.models import ModulePage
from learners.demo import DEMO_PREFIX
from learners.models import LearnerProfile, Province
from workshops import services
from workshops.models import FundingProject, Organisation, OrganisationKind, TestKind, Workshop

SEED = 2026
DONORS = [
    ("ផ្លេន អន្តរជាតិ", "Plan International", "គម្រោងប៉ូលីសកុមារមេត្រីនៅតាមខេត្ត", "Child-friendly police in the provinces"),
    ("សង្គ្រោះកុមារ", "Save the Children", "គម្រោងការពារកុមារនៅថ្នាក់ឃុំ", "Child protection at commune level"),
]
MEMBERS = [
    ("អង្គការសុវត្ថិភាពកុមារកម្ពុជា", "Cambodian Child Safety Organisation", "CCSO"),
    ("សមាគមសិទ្ធិកុមារខេត្ត", "Provincial Child Rights Association", "PCRA"),
    ("អង្គការគ្រួសារ និងសហគមន៍", "Family and Community Organisation", "FCO"),
]
WORKSHOPS = 12
KAMPOT = "07"
VENUES = ["សាលាខេត្ត", "ស្នងការដ្ឋាននគរបាលខេត្ត", "សាលាឃុំ", "មណ្ឌលសុខភាព"]


def _organisations():
    donors, projects, members = [], [], []
    today = timezone.localdate()
    for index, (donor_km, donor_en, project_km, project_en) in enumerate(DONORS):
        donor, _created = Organisation.objects.get_or_create(
            name_en=donor_en, defaults={"name_km": donor_km, "kind": OrganisationKind.DONOR}
        )
        donors.append(donor)
        start = date(today.year - 1, 1 + 6 * index, 1)
        project, _created = FundingProject.objects.get_or_create(
            name_en=project_en,
            defaults={
                "name_km": project_km,
                "donor": donor,
                "starts_on": start,
                "ends_on": date(today.year + 1, 12, 31),
            },
        )
        projects.append(project)
    for name_km, name_en, short in MEMBERS:
        member, _created = Organisation.objects.get_or_create(
            name_en=name_en, defaults={"name_km": name_km, "short_name": short, "kind": OrganisationKind.MEMBER}
        )
        members.append(member)
    return projects, members


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), timezone.get_current_timezone())


def workshops_generate(
    *, count: int, learners_by_province: dict[str, list[int]], trainers: list, seed: int = SEED, roster=(8, 16)
) -> int:
    """`count` workshops of the demo NGOs and projects over the last months in the provinces with the most learners,
    each with a roster drawn from the province's learners, attendance every day and both paper tests, entered
    through the workshop services. Returns the number made."""
    User = get_user_model()
    modules = list(ModulePage.objects.live().order_by("path"))
    projects, members = _organisations()
    for index, member in enumerate(members):
        member.staff.add(trainers[index % len(trainers)])
    rng = random.Random(seed)  # noqa: S311 (demo data, not a secret)
    # Kampot first when it has learners, so the demo's Kampot coordinator reads workshops too.
    provinces = sorted(learners_by_province, key=lambda code: (code != KAMPOT, -len(learners_by_province[code])))[:6]
    today = timezone.localdate()
    for number in range(count):
        member = members[number % len(members)]
        trainer = trainers[members.index(member) % len(trainers)]
        province = Province.objects.get(code=provinces[number % len(provinces)])
        first = today - timedelta(days=(360 * (count - number)) // count + rng.randint(0, 20))
        days = [first + timedelta(days=offset) for offset in range(rng.choice([1, 2, 2, 3]))]
        covered = modules[: rng.randint(2, len(modules))] if len(modules) > 1 else modules
        workshop = Workshop(
            title_km=f"វគ្គបណ្តុះបណ្តាលប៉ូលីសកុមារមេត្រី នៅ{province.name_km} លើកទី{number + 1}",
            title_en=f"Child-friendly police training in {province.name_en}, no. {number + 1}",
            organisation=member,
            project=projects[number % len(projects)],
            province=province,
            venue=rng.choice(VENUES),
            capacity=30,
        )
        services.workshop_save(workshop=workshop, dates=days, modules=covered, trainers=[trainer], actor=trainer)
        people = learners_by_province[province.code][:]
        rng.shuffle(people)
        participants = [
            services.participant_add(workshop=workshop, learner=User(pk=pk), actor=trainer)
            for pk in people[: rng.randint(*roster)]
        ]
        for day in workshop.days.order_by("date"):
            present = [participant.pk for participant in participants if rng.random() < 0.88]
            services.attendance_record(day=day, present=present, actor=trainer, now=_at(day.date, 17))
        pre = services.paper_test(workshop=workshop, kind=TestKind.PRE)
        post = services.paper_test(workshop=workshop, kind=TestKind.POST)
        pre_scores = {participant.pk: rng.randint(25, 65) for participant in participants}
        services.paper_scores_enter(test=pre, scores=pre_scores, actor=trainer, now=_at(days[0], 9))
        post_scores = {pk: min(100, score + rng.randint(5, 40)) for pk, score in pre_scores.items()}
        services.paper_scores_enter(test=post, scores=post_scores, actor=trainer, now=_at(days[-1], 16))
    return count


def learners_by_province(*, username_prefix: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    profiles = LearnerProfile.objects.filter(user__username__startswith=username_prefix)
    for user_id, province in profiles.values_list("user_id", "province_id").order_by("user_id"):
        found.setdefault(province, []).append(user_id)
    return found


def load_workshops(*, stdout, force: bool = False) -> None:
    staff = list(get_user_model().objects.filter(username__in=["trainer", "trainer2"]).order_by("username"))
    if not staff or not ModulePage.objects.live().exists():
        stdout.write("Skipped the demo workshops: the demo trainers or the manual are missing.")
        return
    if Workshop.objects.filter(organisation__name_en=MEMBERS[0][1]).exists() and not force:
        stdout.write("The demo workshops are already there.")
        return
    made = workshops_generate(
        count=WORKSHOPS, learners_by_province=learners_by_province(username_prefix=DEMO_PREFIX), trainers=staff
    )
    stdout.write(f"Made {made} demo workshops of {len(MEMBERS)} member NGOs for {len(DONORS)} projects.")
