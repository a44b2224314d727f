"""Training targets for the coverage reports, resolved from a place's own target or its children's."""

from .area_rows import UNPLACED, AreaRow
from .models import Target


def target_rows(*, roles: tuple[str, ...], province_codes) -> list[tuple]:
    queryset = Target.objects.filter(role__in=roles)
    if province_codes is not None:
        queryset = queryset.filter(province_id__in=province_codes)
    return list(queryset.values_list("province_id", "district_id", "commune_id", "role", "people"))


class TargetBook:
    """Targets resolved level by level: a place's own target for a role wins; without one, the sum of its
    children's (a district from its communes, a province from its districts); with neither, no target."""

    def __init__(self, rows: list[tuple]):
        self.own: dict[tuple[str, str], int] = {}
        self.children: dict[tuple[str, str], list[str]] = {}
        for province, district, commune, role, people in rows:
            code = commune or district or province
            self.own[(code, role)] = people
            if commune:
                self.children.setdefault((district, role), []).append(commune)
            elif district:
                self.children.setdefault((province, role), []).append(district)
        # A district known only through its communes must still count towards its province.
        for province, district, commune, role, _people in rows:
            if commune and district not in self.children.get((province, role), []):
                self.children.setdefault((province, role), []).append(district)

    def for_role(self, code: str, role: str) -> int | None:
        if (code, role) in self.own:
            return self.own[(code, role)]
        parts = [self.for_role(child, role) for child in self.children.get((code, role), [])]
        parts = [part for part in parts if part is not None]
        return sum(parts) if parts else None

    def for_roles(self, code: str, roles: tuple[str, ...]) -> int | None:
        parts = [self.for_role(code, role) for role in roles]
        parts = [part for part in parts if part is not None]
        return sum(parts) if parts else None


def apply_targets(rows: dict[str, AreaRow], total: AreaRow, book: TargetBook, roles: tuple[str, ...]) -> None:
    for row in rows.values():
        if row.code != UNPLACED:
            row.target = book.for_roles(row.code, roles)
    targets = [row.target for row in rows.values() if row.target is not None]
    total.target = sum(targets) if targets else None
