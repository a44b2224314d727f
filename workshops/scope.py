"""Who sees and who runs which workshops: decided here, on the server.

NGOCRC (national coordinators, administrators) sees every workshop; a provincial coordinator sees the workshops
held in their provinces (learners.selectors decides whose provinces); an organisation's staff see their
organisation's workshops, and a trainer the workshops they train at. Seeing is not running: attendance, rosters
and scores are entered by the organisation's staff and trainers, and by NGOCRC.
"""

from django.db.models import Q, QuerySet

from learners.selectors import coordinated_provinces, is_coordinator, sees_all_provinces

from .models import Organisation, OrganisationKind, Workshop


def _signed_in(user) -> bool:
    return user.is_authenticated and user.is_active


def workshops_for(*, user) -> QuerySet[Workshop]:
    """Every workshop this user may see."""
    workshops = Workshop.objects.select_related("organisation", "province", "district", "commune", "project")
    if not _signed_in(user):
        return workshops.none()
    if sees_all_provinces(user):
        return workshops
    condition = Q(organisation__staff=user) | Q(trainers=user)
    if is_coordinator(user):
        condition |= Q(province__in=coordinated_provinces(user=user))
    return workshops.filter(pk__in=Workshop.objects.filter(condition).values("pk"))


def runs(*, user, workshop: Workshop) -> bool:
    """Whether this user may change the workshop (roster, attendance, scores): NGOCRC, the organisation's
    staff and the workshop's trainers. A provincial coordinator only reads."""
    if not _signed_in(user):
        return False
    if sees_all_provinces(user):
        return True
    return workshop.organisation.staff.filter(pk=user.pk).exists() or workshop.trainers.filter(pk=user.pk).exists()


def organisations_run_by(*, user) -> QuerySet[Organisation]:
    """The member NGOs this user may create workshops for (NGOCRC: any)."""
    members = Organisation.objects.filter(kind=OrganisationKind.MEMBER, active=True)
    if not _signed_in(user):
        return members.none()
    if sees_all_provinces(user):
        return members
    return members.filter(staff=user)


def may_see_workshops(user) -> bool:
    return _signed_in(user) and (
        sees_all_provinces(user)
        or is_coordinator(user)
        or organisations_run_by(user=user).exists()
        or Workshop.objects.filter(trainers=user).exists()
    )
