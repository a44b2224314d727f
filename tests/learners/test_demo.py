"""The learners' demo loader: accounts for each role, learners in every province, idempotent, refused unless DEBUG."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from core.demo_accounts import REFUSED
from learners import groups
from learners.demo import load_learners
from learners.models import Confirmation, LearnerProfile
from learners.selectors import coordinated_provinces, learners_for

ACCOUNTS = ["trainer", "trainer2", "ngocrc", "kampot-coordinator", "officer", "council"]


@pytest.mark.django_db
def test_refuses_demo_accounts_with_debug_off_unless_forced():
    with pytest.raises(CommandError, match=REFUSED):
        load_learners(stdout=io.StringIO(), force=False, per_province=1)
    assert not get_user_model().objects.filter(username__in=ACCOUNTS).exists()


@pytest.mark.django_db
def test_accounts_and_learners_once_only(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-pass")
    load_learners(stdout=io.StringIO(), force=True, per_province=2)
    users = get_user_model().objects
    counts = (users.count(), LearnerProfile.objects.count())
    assert counts == (len(ACCOUNTS) + 50, 52)
    assert LearnerProfile.objects.values("province").distinct().count() == 25
    assert users.get(username="officer").check_password("another-demo-pass")
    assert users.get(username="trainer").groups.filter(name=groups.TRAINER).exists()
    coordinator = users.get(username="kampot-coordinator")
    assert list(coordinated_provinces(user=coordinator).values_list("code", flat=True)) == ["07"]
    assert set(learners_for(user=coordinator).values_list("province", flat=True)) == {"07"}
    council = LearnerProfile.objects.get(user__username="council")
    assert (council.province_id, council.role, council.confirmation) == (
        "21",
        "commune_council",
        Confirmation.CONFIRMED,
    )
    first_names = list(LearnerProfile.objects.order_by("user__username").values_list("full_name_km", flat=True))

    out = io.StringIO()
    load_learners(stdout=out, force=True, per_province=2)
    assert (users.count(), LearnerProfile.objects.count()) == counts
    assert out.getvalue() == ""
    assert list(LearnerProfile.objects.order_by("user__username").values_list("full_name_km", flat=True)) == first_names
