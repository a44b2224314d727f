"""Which provinces a reader of the rollout reports may see."""

from dataclasses import dataclass

from learners.models import Province
from learners.selectors import is_coordinator, sees_all_provinces


@dataclass(frozen=True)
class Scope:
    """Which provinces a reader may see: `provinces` is None for the whole country."""

    provinces: frozenset[str] | None

    @property
    def national(self) -> bool:
        return self.provinces is None

    def allows(self, province_code: str) -> bool:
        return self.provinces is None or province_code in self.provinces


def report_scope(*, user) -> Scope | None:
    """National coordinators and administrators see every province, provincial coordinators theirs;
    everyone else (learners, trainers) None: no access."""
    if sees_all_provinces(user):
        return Scope(provinces=None)
    if is_coordinator(user):
        codes = Province.objects.filter(coordinators__user=user).values_list("code", flat=True)
        return Scope(provinces=frozenset(codes))
    return None
