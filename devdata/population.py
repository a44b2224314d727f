"""The load population for the report benchmarks: seeded learners over every province and 24 months of their
activity (devdata.activity), written in batches, and training targets set so coverage differs widely.

Used only by `manage.py generate_load_data`, which runs it against a database of its own (never the working one).
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.roles import Role
from learners import groups
from learners.models import Confirmation, District, LearnerProfile, Province
from quizzes.models import Attempt, Certificate, LessonView, ModuleCompletion, QuestionOutcome
from reports.models import Target, TargetChange, TargetChangeSource

from .activity import Activity, World, study
from .curriculum import arrangements_draw, curriculum_read
from .databases import USERNAME_PREFIX
from .people import DAYS, ROLES, person, places_read
from .writing import Counts, write_activity

DEFAULT_BATCH_SIZE = 5000
# How far along a learner who starts at all means to go (0 .. 5 modules, the demo manual's); they stop half-way
# through the next one.
GOAL_WEIGHTS = (4.0, 2.0, 1.5, 1.5, 1.0, 3.0)


class ProgressBar:
    """A one-line text bar, redrawn per batch, with learners done, rows written and rows per second."""

    def __init__(self, *, total: int, stream, width: int = 30):
        self.total, self.stream, self.width = total, stream, width
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def update(self, *, done: int, rows: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        filled = int(self.width * done / self.total) if self.total else self.width
        remaining = (self.total - done) * elapsed / done if done else 0
        line = _("[%(bar)s] %(done)s/%(total)s learners, %(rows)s rows, %(rate)s rows/s, %(left)s s left") % {
            "bar": "#" * filled + "-" * (self.width - filled),
            "done": f"{done:,}",
            "total": f"{self.total:,}",
            "rows": f"{rows:,}",
            "rate": f"{rows / elapsed:,.0f}",
            "left": f"{remaining:.0f}",
        }
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def generate_population(
    *,
    learners: int,
    seed: int,
    now: datetime,
    batch_size: int = DEFAULT_BATCH_SIZE,
    full_snapshots: bool = False,
    progress: ProgressBar | None = None,
) -> Counts:
    """Write `learners` synthetic learners and their activity into the default database; returns the counts.

    Each learner has a generator seeded by (seed, index), so a learner is the same whatever the batch size.
    The caller has made sure this is a load database (devdata.databases.refuse_foreign_database).
    """
    curriculum = curriculum_read(full_snapshots=full_snapshots)
    world = World(
        curriculum=curriculum,
        arrangements=arrangements_draw(curriculum, seed=seed),
        now=now,
        codes=set(Certificate.objects.values_list("code", flat=True)),
    )
    places = places_read(rng=random.Random(f"{seed}:places"))  # noqa: S311  (synthetic data)
    password = make_password(None)  # one unusable hash for all: nobody can sign in as a synthetic learner
    group_id = Group.objects.filter(name=groups.LEARNER).values_list("pk", flat=True).first()
    total = Counts()
    for first in range(0, learners, batch_size):
        batch, profiles = [], []
        for index in range(first + 1, min(first + batch_size, learners) + 1):
            rng = random.Random(f"{seed}:{index}")  # noqa: S311  (synthetic data, not a secret)
            who = person(index, rng=rng, places=places, now=now, password=password)
            activity = Activity(
                learner=who.user,
                holder=who.holder,
                confirmation=who.profile.confirmation,
                confirmed_at=who.profile.confirmed_at,
            )
            if who.starts_at is not None and who.starts_at < now:
                goal = rng.choices(range(len(GOAL_WEIGHTS)), weights=GOAL_WEIGHTS)[0]
                study(activity, world=world, rng=rng, start=who.starts_at, goal=goal)
            batch.append(activity)
            profiles.append(who.profile)
        total.add(write_activity(batch, profiles=profiles, group_id=group_id))
        if progress is not None:
            progress.update(done=total.learners, rows=total.rows)
    if progress is not None:
        progress.finish()
    total.targets = targets_set(seed=seed, now=now)
    return total


def targets_set(*, seed: int, now: datetime) -> int:
    """Targets per province and role, and per district for a few provinces, set so coverage differs widely.

    Each province gets a coverage level between 15% and 105% (spread evenly, shuffled); its target for a role is
    the confirmed learners who finished the course divided by that level. One small province has a target of 0
    for one role (a role it does not train), which the reports must survive.
    """
    rng = random.Random(f"{seed}:targets")  # noqa: S311  (synthetic data)
    finished = LearnerProfile.objects.filter(
        Q(confirmation=Confirmation.CONFIRMED) & Q(course_completed_at__isnull=False),
        user__username__startswith=USERNAME_PREFIX,
    )
    done_by_province, done_by_district = Counter(), Counter()
    for province, district, role, count in (
        finished.values_list("province", "district", "role").annotate(n=Count("pk")).order_by()
    ):
        done_by_province[(province, role)] += count
        if district:
            done_by_district[(district, role)] += count
    provinces = list(Province.objects.order_by("code").values_list("code", flat=True))
    levels = [0.15 + 0.9 * i / max(1, len(provinces) - 1) for i in range(len(provinces))]
    rng.shuffle(levels)
    level_of = dict(zip(provinces, levels, strict=True))
    targets = []
    for code in provinces:
        for role in ROLES:
            people = math.ceil(done_by_province[(code, role)] / level_of[code]) or rng.randint(5, 40)
            if code == "23" and role == Role.OTHER:
                people = 0
            targets.append(Target(province_id=code, role=role, people=people))
    with_districts = [code for code in provinces if District.objects.filter(province_id=code).exists()]
    for code in rng.sample(with_districts, min(3, len(with_districts))):
        for district in District.objects.filter(province_id=code).order_by("code").values_list("code", flat=True):
            level = level_of[code] * rng.uniform(0.6, 1.4)
            for role in ROLES:
                people = math.ceil(done_by_district[(district, role)] / level) or rng.randint(1, 10)
                targets.append(Target(province_id=code, district_id=district, role=role, people=people))
    changed_at = now - timedelta(days=DAYS)
    with transaction.atomic():
        Target.objects.bulk_create(targets, batch_size=500)
        TargetChange.objects.bulk_create(
            [
                TargetChange(
                    target=target,
                    province_id=target.province_id,
                    district_id=target.district_id,
                    role=target.role,
                    people_after=target.people,
                    changed_at=changed_at,
                    source=TargetChangeSource.IMPORT,
                    file_name="targets.csv",
                )
                for target in targets
            ],
            batch_size=500,
        )
    return len(targets)


def table_counts(*, using: str = "default") -> dict[str, int]:
    """Rows in the tables the reports read, for the summary printed at the end."""
    return {
        "learners": LearnerProfile.objects.using(using).count(),
        "started": LearnerProfile.objects.using(using).filter(training_started_at__isnull=False).count(),
        "lesson_views": LessonView.objects.using(using).count(),
        "attempts": Attempt.objects.using(using).count(),
        "answers": QuestionOutcome.objects.using(using).count(),
        "completions": ModuleCompletion.objects.using(using).count(),
        "certificates": Certificate.objects.using(using).count(),
        "targets": Target.objects.using(using).count(),
    }
