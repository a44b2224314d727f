"""Reads: who may see which learners (scope is decided here, on the server), and look-ups by name or code."""

import unicodedata

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from . import groups, progress
from .models import Commune, Confirmation, ConfirmationDecision, CoordinatorScope, District, LearnerProfile, Province
from .names import clean_text
from .phone import looks_like_phone, normalise_phone


def user_by_login(*, identifier: str):
    """The account for what someone typed in "username or phone": exact username first, then phone."""
    User = get_user_model()
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    user = User.objects.filter(username=identifier).first()
    if user is not None:
        return user
    if looks_like_phone(identifier):
        profile = LearnerProfile.objects.select_related("user").filter(phone=normalise_phone(identifier)).first()
        if profile is not None:
            return profile.user
    matches = list(User.objects.filter(username__iexact=identifier)[:2])
    return matches[0] if len(matches) == 1 else None


def _group_names(user) -> set[str]:
    if not hasattr(user, "_learners_group_names"):
        user._learners_group_names = set(user.groups.values_list("name", flat=True))
    return user._learners_group_names


def sees_all_provinces(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_group_names(user) & set(groups.ALL_PROVINCES))


def is_coordinator(user) -> bool:
    """National and provincial coordinators and administrators: the people who manage learners."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_group_names(user) & set(groups.COORDINATOR_GROUPS))


def is_trainer(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return groups.TRAINER in _group_names(user)


def manages_learners(user) -> bool:
    """Coordinators, and trainers (who enrol and help the people at their workshops)."""
    return is_coordinator(user) or is_trainer(user)


def coordinated_provinces(*, user) -> QuerySet[Province]:
    """The provinces this user may enrol learners in: all (national coordinators, administrators, trainers, who
    run workshops anywhere), some (provincial coordinators) or none."""
    if sees_all_provinces(user):
        return Province.objects.all()
    if is_coordinator(user):
        return Province.objects.filter(coordinators__user=user)
    if is_trainer(user):
        return Province.objects.all()
    return Province.objects.none()


def learners_for(*, user) -> QuerySet[LearnerProfile]:
    """Every learner profile this user may see; empty for learners (they see their own at /account/).

    Coordinators see their provinces' learners; a trainer sees only the people they enrolled themselves, so
    authoring never exposes anyone else's personal data.
    """
    queryset = LearnerProfile.objects.select_related("user", "province", "district", "commune")
    if sees_all_provinces(user):
        return queryset
    if is_coordinator(user):
        # A subquery rather than a join, so the learner list can read its page off its own indexes.
        return queryset.filter(province_id__in=_scope_provinces(user))
    if is_trainer(user):
        return queryset.filter(created_by=user)
    return queryset.none()


def _scope_provinces(user) -> QuerySet:
    return CoordinatorScope.provinces.through.objects.filter(coordinatorscope__user=user).values("province_id")


def confirmed_learners() -> QuerySet[LearnerProfile]:
    """The learners reports may count: confirmed by a coordinator (or created by one), with an active account.

    Disabled accounts are left out by a subquery over the few of them (a partial index lists them) rather than
    by joining every learner's account row, so counting 100,000 learners reads one index of this table only.
    """
    return LearnerProfile.objects.filter(confirmation=Confirmation.CONFIRMED).exclude(user_id__in=_disabled_accounts())


def _disabled_accounts() -> QuerySet:
    return get_user_model().objects.filter(is_active=False).values("pk")


def learners_waiting(*, user) -> QuerySet[LearnerProfile]:
    return learners_for(user=user).filter(confirmation=Confirmation.PENDING).order_by("created_at")


def learner_search(*, queryset: QuerySet[LearnerProfile], text: str) -> QuerySet[LearnerProfile]:
    text = clean_text(text)  # in the form names are stored in (learners.names)
    if not text:
        return queryset
    condition = (
        Q(full_name_km__icontains=text)
        | Q(full_name_latin__icontains=text)
        | Q(user__username__icontains=text)
        | Q(unit__icontains=text)
    )
    if looks_like_phone(text):
        condition |= Q(phone=normalise_phone(text))
    return queryset.filter(condition)


class ListOrder(models.TextChoices):
    NAME = "name", _("Name")
    ACTIVITY = "activity", _("Last activity, most recent first")


def learners_filtered(*, queryset: QuerySet[LearnerProfile], filters: dict) -> QuerySet[LearnerProfile]:
    """The learner list narrowed by a valid LearnerFilterForm's data, in the chosen order.

    Every condition is on the profile's own columns (or one certificate subquery), so a page costs the same at
    100 learners as at 100,000; the order ends with the primary key, so pages never share or skip a row.
    """
    queryset = learner_search(queryset=queryset, text=filters.get("q") or "")
    for name in ("province", "district", "commune"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    for name in ("role", "confirmation"):
        if filters.get(name):
            queryset = queryset.filter(**{name: filters[name]})
    if filters.get("confirmation") == Confirmation.CONFIRMED:
        # The confirmed learners reports count (confirmed_learners): a disabled account is not among them, so a
        # report's count and the list it links to agree.
        queryset = queryset.exclude(user_id__in=_disabled_accounts())
    queryset = progress.progress_filter(queryset, filters.get("progress") or "")
    if filters.get("sort") == ListOrder.ACTIVITY:
        return queryset.order_by(F("training_active_on").desc(nulls_last=True), "-pk")
    return queryset.order_by("province_id", "full_name_km", "pk")


def learners_by_ids(*, ids: list[int]) -> list[LearnerProfile]:
    """The learners of a page, with their account and places, in the order of `ids`: one query by primary key.

    A page is taken in two steps: its ids in the list's order (`learners_filtered(...).values_list("pk")`), which
    the list's indexes answer without reading a learner's row, then these rows. Sorting thousands of full rows
    (with the joins) to keep 50 is what this avoids.
    """
    found = LearnerProfile.objects.select_related("user", "province", "district", "commune").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def latest_decision(*, profile: LearnerProfile) -> ConfirmationDecision | None:
    """The last decision on the learner's claim (who rejected them, when and why), or None."""
    return ConfirmationDecision.objects.select_related("decided_by").filter(profile=profile).first()


def own_profile(*, user) -> LearnerProfile | None:
    if not user.is_authenticated:
        return None
    return LearnerProfile.objects.select_related("province", "district", "commune").filter(user=user).first()


class PlaceIndex:
    """Finds a place by gazetteer code or by its Khmer or English name (case-insensitive), for imports.

    Loads the places once (1,887 rows at most), so validating a file of a thousand rows costs three queries.
    """

    def __init__(self):
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.districts = {d.code: d for d in District.objects.all()}
        self.communes = {c.code: c for c in Commune.objects.all()}

    @staticmethod
    def _key(text: str) -> str:
        """Case, spacing and Latin accents do not matter (Takéo = takeo); Khmer is compared as written."""
        decomposed = unicodedata.normalize("NFKD", " ".join(str(text).split()).casefold())
        return "".join(char for char in decomposed if not "\u0300" <= char <= "\u036f")

    def _find(self, places, text: str, *, within=None):
        """(place, ambiguous): by code first, then by name among `places` (optionally inside a parent)."""
        text = str(text or "").strip()
        if text in places:
            place = places[text]
            return (place, False) if within is None or within(place) else (None, False)
        key = self._key(text)
        matches = [
            place
            for place in places.values()
            if key in (self._key(place.name_km), self._key(place.name_en)) and (within is None or within(place))
        ]
        if len(matches) == 1:
            return matches[0], False
        return None, len(matches) > 1

    def province(self, text: str):
        text = str(text or "").strip()
        if text.upper().startswith("KH-"):
            text = text[3:].zfill(2)
        elif text.isdigit() and len(text) == 1:
            text = text.zfill(2)
        return self._find(self.provinces, text)

    def district(self, text: str, *, province):
        return self._find(self.districts, text, within=lambda d: d.province_id == province.code)

    def commune(self, text: str, *, province, district=None):
        if district is not None:
            return self._find(self.communes, text, within=lambda c: c.district_id == district.code)
        return self._find(
            self.communes, text, within=lambda c: self.districts[c.district_id].province_id == province.code
        )
