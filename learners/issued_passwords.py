"""One-time passwords: issued by a coordinator (a sheet of sign-in slips, or one handed over), replaced by the
learner's own at their first sign-in (learners.first_password makes that the only thing they can do).

A sheet is for learners without a password of their own: imported ones (no password yet) and those whose slip is
still unused. Replacing a password a learner chose needs the coordinator to say so, and is refused for a staff
account unless the coordinator may change its credentials (`services.may_change_credentials`).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import groups, lockout, services
from .hashers import ALGORITHM
from .models import IssuedPassword, LearnerProfile

SLIPS_AT_MOST = 200  # a sheet of 34 pages, printed in about ten seconds
NOTHING_CHOSEN = _("Tick at least one learner.")
TOO_MANY = _("At most %(max)s slips at a time: tick fewer learners and print the others on a second sheet.")
OWN_PASSWORDS = _(
    "%(names)s chose their own password. Untick them, or tick “Replace the passwords learners chose themselves”."
)
SAME_AS_ISSUED = _("Choose a password of your own, not the one you were given.")
STAFF_ACCOUNTS = _(
    "%(names)s also have staff rights (trainer, coordinator or administrator); only an administrator can give "
    "them a new password."
)


class PasswordState:
    """Where a learner's password stands, as the slips page shows it."""

    NONE = "none"  # never had one (imported): cannot sign in yet
    ISSUED = "issued"  # a slip or handed-over password not yet replaced
    OWN = "own"  # chosen by the learner
    STAFF = "staff"  # a staff account this coordinator may not reset


@dataclass(frozen=True)
class Slip:
    full_name_km: str
    full_name_latin: str
    username: str
    phone: str
    password: str
    texted: bool = False  # also sent to the learner's phone


def must_choose_password(user) -> bool:
    return user.is_authenticated and IssuedPassword.objects.filter(user_id=user.pk).exists()


def _staff_ids(user_ids: list[int]) -> set[int]:
    """Accounts with staff rights among `user_ids`, in one query (the rule of `services.is_privileged`)."""
    other_groups = Group.objects.exclude(name=groups.LEARNER)
    staff = (
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .filter(
            Q(is_superuser=True) | Q(is_staff=True) | Q(groups__in=other_groups) | Q(user_permissions__isnull=False)
        )
    )
    return set(staff.values_list("pk", flat=True).distinct())


def password_states(*, actor, profiles: list[LearnerProfile]) -> dict[int, str]:
    """{profile pk: PasswordState} in three queries, whatever the number of learners."""
    user_ids = [profile.user_id for profile in profiles]
    issued = set(IssuedPassword.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    staff = _staff_ids(user_ids)
    states = {}
    for profile in profiles:
        user = profile.user
        if user.pk in staff and not services.may_change_credentials(actor=actor, user=user):
            states[profile.pk] = PasswordState.STAFF
        elif user.pk in issued:
            states[profile.pk] = PasswordState.ISSUED
        elif user.password.startswith(UNUSABLE_PASSWORD_PREFIX) or not user.password:
            states[profile.pk] = PasswordState.NONE
        else:
            states[profile.pk] = PasswordState.OWN
    return states


def _names(profiles: list[LearnerProfile]) -> str:
    return ", ".join(profile.full_name_km for profile in profiles)


@transaction.atomic
def sign_in_slips_issue(*, actor, profiles: list[LearnerProfile], replace_own: bool = False) -> list[Slip]:
    """New one-time passwords for `profiles` (the caller checked they are in the actor's scope), returned once for
    printing and stored only as hashes. Any earlier slip or password of theirs stops working, and so do their
    open sessions; a lockout is lifted. All or none: a refusal changes nobody."""
    if not profiles:
        raise ValidationError(NOTHING_CHOSEN, code="nothing_chosen")
    if len(profiles) > SLIPS_AT_MOST:
        raise ValidationError(TOO_MANY, code="too_many", params={"max": SLIPS_AT_MOST})
    states = password_states(actor=actor, profiles=profiles)
    staff = [profile for profile in profiles if states[profile.pk] == PasswordState.STAFF]
    if staff:
        raise ValidationError(STAFF_ACCOUNTS, code="privileged", params={"names": _names(staff)})
    own = [profile for profile in profiles if states[profile.pk] == PasswordState.OWN]
    if own and not replace_own:
        raise ValidationError(OWN_PASSWORDS, code="own_password", params={"names": _names(own)})

    now = timezone.now()
    slips, users = [], []
    for profile in profiles:
        password = services.handover_password()
        user = profile.user
        user.password = make_password(password, hasher=ALGORITHM)
        users.append(user)
        slips.append(
            Slip(
                full_name_km=profile.full_name_km,
                full_name_latin=profile.full_name_latin,
                username=user.username,
                phone=profile.phone_display,
                password=password,
            )
        )
    get_user_model().objects.bulk_update(users, ["password"], batch_size=500)
    _mark_issued(users=users, actor=actor, now=now)
    for user in users:
        lockout.unlock(user=user)
    return slips


def _mark_issued(*, users, actor, now) -> None:
    user_ids = [user.pk for user in users]
    IssuedPassword.objects.filter(user_id__in=user_ids).delete()
    IssuedPassword.objects.bulk_create(
        [IssuedPassword(user_id=pk, issued_by=actor, issued_at=now) for pk in user_ids], batch_size=500
    )


@transaction.atomic
def issued_password_mark(*, user, actor) -> None:
    """A password a coordinator set and handed over (`services.learner_reset_password`, `learner_enrol`) is one
    the learner replaces at their first sign-in, like a slip's."""
    _mark_issued(users=[user], actor=actor, now=timezone.now())


@transaction.atomic
def own_password_choose(*, user, password: str) -> None:
    """The learner's own password in place of an issued one (checked by the site's password rules)."""
    if user.check_password(password):
        raise ValidationError({"new_password1": [SAME_AS_ISSUED]})
    services.password_set(user=user, password=password)
    IssuedPassword.objects.filter(user_id=user.pk).delete()
