"""Writes: creating, registering, confirming and editing learners, passwords and unlocking. Views stay thin."""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import groups, lockout
from .models import Commune, Confirmation, District, LearnerProfile, Province, Source
from .phone import looks_like_phone, normalise_phone

USERNAME_TAKEN = _("This username is taken. Choose another one.")
USERNAME_IS_A_PHONE = _("A username cannot be a phone number other than your own.")
NOT_WAITING = _("This learner is not waiting for confirmation.")
PRIVILEGED_ACCOUNT = _(
    "This person also has staff rights (trainer, coordinator or administrator); only an administrator can reset "
    "their password."
)

User = get_user_model()

# Letters and digits that cannot be confused when read aloud or copied from paper (no 0/o, 1/l/i).
HANDOVER_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


@dataclass(frozen=True)
class LearnerDetails:
    """What a learner profile says about a person; the same for registration, creation, import and editing."""

    full_name_km: str
    role: str
    gender: str
    province: Province
    full_name_latin: str = ""
    district: District | None = None
    commune: Commune | None = None
    unit: str = ""
    phone: str = ""
    email: str = ""


def handover_password() -> str:
    """A password a coordinator can read out or write down: e.g. "k7mq-x3pr"."""
    chunk = lambda: "".join(secrets.choice(HANDOVER_ALPHABET) for _i in range(4))  # noqa: E731
    return f"{chunk()}-{chunk()}"


def _unique_username(base: str) -> str:
    base = (base or "learner").lower()[:140]
    candidate = base
    while User.objects.filter(username__iexact=candidate).exists():
        candidate = f"{base}-{secrets.randbelow(90000) + 10000}"
    return candidate


def _apply_details(profile: LearnerProfile, user, details: LearnerDetails) -> None:
    profile.full_name_km = details.full_name_km.strip()
    profile.full_name_latin = details.full_name_latin.strip()
    profile.role = details.role
    profile.gender = details.gender
    profile.province = details.province
    profile.district = details.district
    profile.commune = details.commune
    profile.unit = details.unit.strip()
    profile.phone = details.phone.strip()
    user.email = details.email.strip()


def _normalised_or_none(phone: str) -> str | None:
    try:
        return normalise_phone(phone) if phone else None
    except ValidationError:
        return None


def _clean_all(user, profile: LearnerProfile, *, password: str | None) -> None:
    """Validate the account and the profile together, so every problem is reported at once, per field."""
    errors: dict[str, list] = {}
    try:
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    # Case-insensitive, because people type their username with whatever case their phone's keyboard offers.
    if user.username and User.objects.exclude(pk=user.pk).filter(username__iexact=user.username).exists():
        errors["username"] = [USERNAME_TAKEN]
    elif (
        user.pk is None
        and looks_like_phone(user.username)
        and normalise_phone(user.username) != _normalised_or_none(profile.phone)
    ):
        # Someone could otherwise take another person's number as a username. (Sign-in tries phone numbers
        # first anyway, so an old number left in a username after a phone change does no harm.)
        errors["username"] = [USERNAME_IS_A_PHONE]
    if password is not None:
        try:
            validate_password(password, user=user)
        except ValidationError as error:
            errors.setdefault("password", []).extend(error.messages)
    try:
        profile.full_clean(exclude=["user"])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def learner_create(
    *,
    details: LearnerDetails,
    source: str,
    created_by=None,
    username: str = "",
    password: str | None = None,
    import_batch=None,
) -> LearnerProfile:
    """A new account and profile. Self-registered learners wait for confirmation; everyone else is confirmed.

    `password=None` means the learner cannot sign in until a coordinator hands over a password.
    """
    if not username:
        base = details.phone and normalise_phone(details.phone).replace("+855", "0")
        username = _unique_username(base or f"learner{secrets.randbelow(900000) + 100000}")
    user = User(username=username.strip())
    profile = LearnerProfile(
        source=source,
        created_by=created_by,
        import_batch=import_batch,
        confirmation=Confirmation.PENDING if source == Source.SELF_REGISTERED else Confirmation.CONFIRMED,
    )
    _apply_details(profile, user, details)
    _clean_all(user, profile, password=password)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get_or_create(name=groups.LEARNER)[0])
    profile.user = user
    if profile.confirmation == Confirmation.CONFIRMED:
        profile.confirmed_by = created_by
        profile.confirmed_at = timezone.now()
    profile.save()
    return profile


@transaction.atomic
def learner_register(*, details: LearnerDetails, username: str, password: str) -> LearnerProfile:
    return learner_create(details=details, source=Source.SELF_REGISTERED, username=username, password=password)


@transaction.atomic
def learner_update(*, profile: LearnerProfile, details: LearnerDetails, actor) -> LearnerProfile:
    """Save a profile. A learner who changes their own province or role makes a new claim: it waits for
    confirmation again (by the new province's coordinator); a coordinator's edit keeps the confirmation."""
    profile = LearnerProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    user = profile.user
    claim_before = (profile.province_id, profile.role)
    _apply_details(profile, user, details)
    _clean_all(user, profile, password=None)
    if actor.pk == user.pk and (profile.province_id, profile.role) != claim_before:
        profile.confirmation = Confirmation.PENDING
        profile.confirmed_by = None
        profile.confirmed_at = None
    user.save(update_fields=["email"])
    profile.save()
    return profile


def _decide(*, profile: LearnerProfile, actor, confirmation: str) -> LearnerProfile:
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.confirmation != Confirmation.PENDING:
        raise ValidationError(NOT_WAITING, code="not_waiting")
    profile.confirmation = confirmation
    profile.confirmed_by = actor
    profile.confirmed_at = timezone.now()
    profile.full_clean(exclude=["user"])
    profile.save(update_fields=["confirmation", "confirmed_by", "confirmed_at", "updated_at"])
    return profile


@transaction.atomic
def learner_confirm(*, profile: LearnerProfile, actor) -> LearnerProfile:
    return _decide(profile=profile, actor=actor, confirmation=Confirmation.CONFIRMED)


@transaction.atomic
def learner_reject(*, profile: LearnerProfile, actor) -> LearnerProfile:
    """The claim (role or province) was not true: the person may go on reading, but is never counted."""
    return _decide(profile=profile, actor=actor, confirmation=Confirmation.REJECTED)


@transaction.atomic
def password_set(*, user, password: str) -> None:
    """A learner's own password change (the form already checked the old one)."""
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from error
    user.set_password(password)
    user.save(update_fields=["password"])


def is_privileged(user) -> bool:
    return user.is_superuser or user.is_staff or user.groups.exclude(name=groups.LEARNER).exists()


@transaction.atomic
def learner_reset_password(*, profile: LearnerProfile, actor) -> str:
    """A new password for the coordinator to hand over in person; also lifts a lockout. Returns it once."""
    user = profile.user
    if is_privileged(user) and not actor.is_superuser:
        # Otherwise a provincial coordinator could take over a national coordinator's or an administrator's account.
        raise ValidationError(PRIVILEGED_ACCOUNT, code="privileged")
    password = handover_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    lockout.unlock(user=user)
    return password


@transaction.atomic
def learner_unlock(*, profile: LearnerProfile, actor) -> int:
    return lockout.unlock(user=profile.user)


@transaction.atomic
def coordinator_scope_set(*, user, provinces: list[Province]) -> None:
    from .models import CoordinatorScope

    scope, _created = CoordinatorScope.objects.get_or_create(user=user)
    scope.full_clean(exclude=["provinces"])
    scope.provinces.set(provinces)
