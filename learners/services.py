"""Writes: creating, registering and editing learners, passwords and unlocking (decisions on a learner's claim:
learners.confirmation). Views stay thin."""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import groups, lockout, registration_limits, selectors
from .models import PHONE_TAKEN, Commune, Confirmation, District, LearnerProfile, Province, Source
from .names import check_username
from .phone import looks_like_phone, normalise_phone
from .signals import learner_role_changed

USERNAME_TAKEN = _("This username is taken. Choose another one.")
USERNAME_IS_A_PHONE = _("A username cannot be a phone number other than your own.")
PRIVILEGED_ACCOUNT = _(
    "This person also has staff rights (trainer, coordinator or administrator); only an administrator can reset "
    "their password."
)
PRIVILEGED_CREDENTIALS = _(
    "This person also has staff rights (trainer, coordinator or administrator); only an administrator can change "
    "their e-mail or phone number."
)
STAFF_ACCOUNT_NOTICE = _(
    "This person also has staff rights (trainer, coordinator or administrator): only an administrator can change "
    "their e-mail, phone number or password, or unlock their account."
)
PRIVILEGED_UNLOCK = _(
    "This person also has staff rights (trainer, coordinator or administrator); only an administrator can unlock "
    "their account."
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


def _new_username_errors(user, profile: LearnerProfile) -> list:
    """Problems with the username of an account being created (usernames are chosen once)."""
    try:
        user.username = check_username(user.username)
    except ValidationError as error:
        return error.messages
    # Case-insensitive, because people type their username with whatever case their phone's keyboard offers.
    taken = User.objects.filter(username__iexact=user.username).exists()
    if looks_like_phone(user.username):
        if normalise_phone(user.username) != _normalised_or_none(profile.phone):
            # Someone could otherwise take another person's number as a username. (Sign-in tries phone numbers
            # first anyway, so an old number left in a username after a phone change does no harm.) Said before
            # "taken", so that typing numbers here tells a stranger nothing about who has an account.
            return [USERNAME_IS_A_PHONE]
        return [PHONE_TAKEN] if taken else []
    return [USERNAME_TAKEN] if taken else []


def _clean_all(user, profile: LearnerProfile, *, password: str | None) -> None:
    """Validate the account and the profile together, so every problem is reported at once, per field."""
    errors: dict[str, list] = {}
    if user.pk is None and (username_errors := _new_username_errors(user, profile)):
        errors["username"] = username_errors
    try:
        user.full_clean(exclude=["password", *errors], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
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
    """A new account and profile. Confirmed when a coordinator of the learner's province (or the system, with
    no `created_by`) vouches for them; self-registered learners and people a trainer enrolled wait for that
    province's coordinator, like everyone else.

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
        confirmation=Confirmation.CONFIRMED
        if _vouches(source=source, created_by=created_by, province=details.province)
        else Confirmation.PENDING,
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


def _vouches(*, source: str, created_by, province: Province) -> bool:
    if source in (Source.SELF_REGISTERED, Source.TRAINER):
        return False
    if created_by is None:
        return True  # a management command or the demo loader, run by whoever runs the server
    return (
        selectors.is_coordinator(created_by)
        and selectors.coordinated_provinces(user=created_by).filter(pk=province.pk).exists()
    )


@transaction.atomic
def learner_enrol(*, details: LearnerDetails, actor, username: str, password: str) -> LearnerProfile:
    """A learner created on the coordination screens. A coordinator's learners are confirmed at once; a trainer's
    (trainers run workshops in any province) wait for the confirmation of that province's coordinator, who
    answers for the province's figures."""
    from .issued_passwords import issued_password_mark  # (it builds on this module)

    source = Source.COORDINATOR if selectors.is_coordinator(actor) else Source.TRAINER
    profile = learner_create(details=details, source=source, created_by=actor, username=username, password=password)
    issued_password_mark(user=profile.user, actor=actor)  # handed over in person: the learner chooses their own
    return profile


REGISTRATION_LIMITED_CODE = "registration_limited"


@transaction.atomic
def learner_register(
    *, details: LearnerDetails, username: str, password: str, address: str | None = None
) -> LearnerProfile:
    """Self-registration from `address` (the client's, see learners.lockout.client_address), which is counted
    first, so attempts that fail (a phone number already in use) count too."""
    if registration_limits.is_limited(address):
        raise ValidationError(registration_limits.limited_message(), code=REGISTRATION_LIMITED_CODE)
    registration_limits.record(address)
    return learner_create(details=details, source=Source.SELF_REGISTERED, username=username, password=password)


@transaction.atomic
def learner_update(*, profile: LearnerProfile, details: LearnerDetails, actor) -> LearnerProfile:
    """Save a profile. A learner who changes their own province or role makes a new claim: it waits for
    confirmation again (by the new province's coordinator); a coordinator's edit keeps the confirmation."""
    profile = LearnerProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    user = profile.user
    claim_before = (profile.province_id, profile.role)
    credentials_before = {"email": user.email, "phone": profile.phone}
    _apply_details(profile, user, details)
    errors = {}
    if not may_change_credentials(actor=actor, user=user):
        # Wagtail mails password-reset links to the account's e-mail, and the phone number signs in: whoever
        # changes them can take the account over.
        after = {"email": user.email, "phone": _normalised_or_none(profile.phone) or profile.phone}
        errors = {name: [PRIVILEGED_CREDENTIALS] for name, value in credentials_before.items() if after[name] != value}
    try:
        _clean_all(user, profile, password=None)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    if actor.pk == user.pk and (profile.province_id, profile.role) != claim_before:
        profile.confirmation = Confirmation.PENDING
        profile.confirmed_by = None
        profile.confirmed_at = None
    user.save(update_fields=["email"])
    profile.save()
    if profile.role != claim_before[1]:
        learner_role_changed.send(sender=LearnerProfile, profile=profile, actor=actor)  # what their course requires
    return profile


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
    """Staff rights of any kind: a group other than Learner, a permission of its own, or Django's staff flags."""
    return (
        user.is_superuser
        or user.is_staff
        or user.groups.exclude(name=groups.LEARNER).exists()
        or user.user_permissions.exists()
    )


def may_change_credentials(*, actor, user) -> bool:
    """Whether `actor` may change what signs `user` in or recovers the account: e-mail, phone, password, lockout.

    Everyone their own; coordinators and trainers a learner's; a staff account's only an administrator (who
    can already edit users in Wagtail's admin), and a superuser's only a superuser.
    """
    if actor.pk == user.pk or not is_privileged(user):
        return True
    if user.is_superuser:
        return actor.is_superuser
    return actor.is_superuser or actor.has_perm("auth.change_user")


@transaction.atomic
def learner_reset_password(*, profile: LearnerProfile, actor) -> str:
    """A new password for the coordinator to hand over in person; also lifts a lockout. Returns it once."""
    user = profile.user
    if not may_change_credentials(actor=actor, user=user):
        # Otherwise a provincial coordinator could take over a national coordinator's or an administrator's account.
        raise ValidationError(PRIVILEGED_ACCOUNT, code="privileged")
    from .issued_passwords import issued_password_mark  # (it builds on this module)

    password = handover_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    issued_password_mark(user=user, actor=actor)  # the learner chooses their own at the next sign-in
    lockout.unlock(user=user)
    return password


@transaction.atomic
def learner_unlock(*, profile: LearnerProfile, actor) -> int:
    if not may_change_credentials(actor=actor, user=profile.user):
        # A lock stops someone guessing a staff password; only those who could reset that password lift it.
        raise ValidationError(PRIVILEGED_UNLOCK, code="privileged")
    return lockout.unlock(user=profile.user)


@transaction.atomic
def coordinator_scope_set(*, user, provinces: list[Province]) -> None:
    from .models import CoordinatorScope

    scope, _created = CoordinatorScope.objects.get_or_create(user=user)
    scope.full_clean(exclude=["provinces"])
    scope.provinces.set(provinces)
