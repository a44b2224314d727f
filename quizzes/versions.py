"""Which version of the manual a completion or a certificate was earned on.

The manual's version is a number: 1 as first published, one more for each significant change
(curriculum.changes.ManualChange). A completion also keeps the exact content it was earned on: the module's and its
lessons' live page revisions and the quiz's version (its live revision when quizzes have revisions, else the time
it was last saved).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from curriculum.changes import FIRST_VERSION, ManualChange
from curriculum.models import ManualPage


def manual_version(*, manual_id: int) -> int:
    """The manual's current version: one query."""
    latest = ManualChange.objects.filter(manual_id=manual_id).aggregate(latest=Max("version"))["latest"]
    return latest or FIRST_VERSION


def manual_version_since(*, manual: ManualPage) -> date | None:
    """The day the manual's current version was published (its last significant change, else its first
    publication)."""
    changed = ManualChange.objects.filter(manual_id=manual.pk).order_by("-version").values_list("changed_at").first()
    moment = changed[0] if changed else manual.first_published_at
    return timezone.localdate(moment) if moment else None


def quiz_version(quiz) -> str:
    """The quiz's version: its live revision once quizzes keep revisions, else when it was last saved."""
    revision_id = getattr(quiz, "live_revision_id", None)
    if revision_id:
        return f"revision:{revision_id}"
    return f"saved:{quiz.updated_at.isoformat()}" if quiz.updated_at else ""


def content_version(*, module, lessons, quiz=None) -> dict:
    """What a completion was earned on: the module's and each lesson's live revision, and the quiz's version."""
    return {
        "module": module.live_revision_id,
        "lessons": {str(lesson.pk): lesson.live_revision_id for lesson in lessons},
        "quiz": quiz_version(quiz) if quiz is not None else None,
    }


def certificate_expiry(*, valid_from: date) -> date | None:
    """The last day a certificate issued or renewed on `valid_from` is valid, or None when certificates do not
    expire (settings.CERTIFICATE_VALID_DAYS empty or 0, the default)."""
    days = getattr(settings, "CERTIFICATE_VALID_DAYS", None)
    if not days:
        return None
    return valid_from + timedelta(days=int(days))
