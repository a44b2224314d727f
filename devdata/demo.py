"""The demo learners' reading, quiz attempts, completions and certificates (a `load_demo` step; seeded, idempotent).

A demo learner who already has any reading or attempt is left alone, so a second run adds nothing.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo_accounts import demo_accounts_allowed
from learners.demo import DEMO_PREFIX
from learners.models import LearnerProfile
from quizzes.models import Attempt, Certificate, LessonView
from quizzes.selectors import learner_holder

from .activity import Activity, World, study
from .curriculum import NoCurriculum, arrangements_draw, curriculum_read
from .writing import write_activity

SEED = 2026
# Named demo accounts with some history, so trying them shows progress (`council` starts fresh).
SHOWCASE = {"officer": 2}  # username -> modules completed
SHOWCASE_DAYS = 120
SHOWCASE_SKILL = 0.99


def demo_learners(*, limit: int | None = None) -> list:
    User = get_user_model()
    learners = list(User.objects.filter(username__startswith=DEMO_PREFIX).order_by("username")[:limit])
    return learners + list(User.objects.filter(username__in=SHOWCASE).order_by("username"))


def demo_activities(learners: list, *, world: World, seed: int) -> list[Activity]:
    """Each learner's story, seeded by their username: the same whatever else exists."""
    # Most learners are somewhere along the way; a good share finish, a few never really start.
    modules = len(world.curriculum.modules)
    weights = [1.0] + [2.0] * max(0, modules - 1) + [3.0]
    # Demo learners' confirmation is settled before their story is written: the certificate follows it as is.
    confirmations = dict(LearnerProfile.objects.filter(user__in=learners).values_list("user_id", "confirmation"))
    activities = []
    for learner in learners:
        rng = random.Random(f"{seed}:{learner.username}")  # noqa: S311  (demo data, not a secret)
        start = world.now - timedelta(days=rng.uniform(5, 365))
        activity = Activity(
            learner=learner, holder=learner_holder(learner=learner), confirmation=confirmations.get(learner.pk)
        )
        if learner.username in SHOWCASE:
            # A diligent learner who began months ago, so the account shows its modules completed.
            start = world.now - timedelta(days=SHOWCASE_DAYS)
            goal = SHOWCASE[learner.username]
            activities.append(study(activity, world=world, rng=rng, start=start, goal=goal, skill=SHOWCASE_SKILL))
            continue
        goal = rng.choices(range(modules + 1), weights=weights)[0]
        activities.append(study(activity, world=world, rng=rng, start=start, goal=goal))
    return activities


def demo_world(*, seed: int, now: datetime) -> World:
    """What the demo learners train on; raises NoCurriculum. Snapshots keep their texts: demo learners look
    back at their attempts."""
    curriculum = curriculum_read(full_snapshots=True)
    return World(
        curriculum=curriculum,
        arrangements=arrangements_draw(curriculum, seed=seed),
        now=now,
        codes=set(Certificate.objects.values_list("code", flat=True)),
    )


def load_demo_activity(*, stdout, seed: int = SEED, now: datetime | None = None, limit: int | None = None) -> int:
    """Activity for demo learners who have none yet; returns how many learners got some."""
    try:
        world = demo_world(seed=seed, now=now or timezone.now())
    except NoCurriculum:
        return 0
    learners = demo_learners(limit=limit)
    busy = set(LessonView.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    busy |= set(Attempt.objects.filter(learner__in=learners).values_list("learner_id", flat=True))
    activities = demo_activities([learner for learner in learners if learner.pk not in busy], world=world, seed=seed)
    batch = [activity for activity in activities if activity.views or activity.attempts]
    write_activity(batch)
    if batch:
        stdout.write(f"Gave {len(batch)} demo learners their reading, quiz attempts and completions.")
    return len(batch)


def load_activity(*, stdout, force: bool = False) -> None:
    """The `load_demo` step: demo attempts belong to demo accounts, so the same DEBUG rule applies."""
    if not get_user_model().objects.filter(username__startswith=DEMO_PREFIX).exists():
        return
    demo_accounts_allowed(force=force)
    load_demo_activity(stdout=stdout)
