"""Demo training targets for every province, so the demo dashboard shows coverage, gaps and a map in colour.

Seeded and idempotent: only provinces with no target at all get some, through the same service (and history)
as targets set by hand.
"""

import random

from django.contrib.auth import get_user_model

from core.demo_accounts import demo_accounts_allowed
from core.roles import Role
from learners.models import Province

from ..models import Target
from ..services import target_save

SEED = 2026
# People per role a province aims to train, before the per-province factor below.
BASE = {Role.POLICE_OFFICER: 4, Role.COMMUNE_COUNCIL: 2, Role.CCWC_FOCAL_POINT: 1}


def load_targets(*, stdout, force: bool = False) -> None:
    if not get_user_model().objects.filter(username__startswith="demo-").exists():
        return  # targets are for the demo learners' provinces; a deployment without them gets none
    demo_accounts_allowed(force=force)
    author = get_user_model().objects.filter(username="ngocrc").first()
    done = set(Target.objects.values_list("province_id", flat=True))
    created = 0
    for province in Province.objects.order_by("code"):
        if province.code in done:
            continue
        rng = random.Random(f"{SEED}:{province.code}")  # noqa: S311  (demo data, not a secret)
        factor = rng.choice([1, 1.5, 2, 3, 4])  # some provinces far from their target, some close
        for role, people in BASE.items():
            target_save(target=Target(province=province, role=role, people=round(people * factor)), user=author)
            created += 1
    if created:
        stdout.write(f"Set {created} demo training targets.")
