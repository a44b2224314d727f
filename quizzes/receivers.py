"""What quizzes does when something happens in another app, connected in QuizzesConfig.ready().

learners sends its signals and never imports quizzes (the allowed direction is quizzes -> learners); Wagtail sends
its page signals. The work is done by the completion services, inside the sender's transaction or in their own.
"""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from curriculum.models import LessonPage, ModulePage
from learners.models import LearnerProfile
from learners.signals import learner_confirmed, learner_group_changed, learner_role_changed

from .completion import certificates_issue_on_confirmation
from .refresher import significant_change_apply
from .requirements import learner_role_apply, module_requirement_apply
from .tallies import tallies_learner_moved


@receiver(learner_confirmed, dispatch_uid="quizzes.certificates_on_confirmation")
def issue_certificates_on_confirmation(sender, *, profile, **kwargs):
    """A learner who completed the course while waiting for confirmation gets the certificate now."""
    certificates_issue_on_confirmation(learner=profile.user)


@receiver(learner_role_changed, dispatch_uid="quizzes.course_on_role_change")
def follow_role_change(sender, *, profile, **kwargs):
    """A learner's course requires what their new role requires."""
    learner_role_apply(learner=profile.user)


@receiver(page_published, sender=ModulePage, dispatch_uid="quizzes.requirement_on_publish")
def apply_requirement_on_publish(sender, *, instance, revision=None, **kwargs):
    """Who must complete a module changes when it is published. Recorded as the change of the revision's author:
    who edited the requirement (when a reviewer approves it in a workflow, the author still made the change)."""
    module_requirement_apply(module=instance, by=getattr(revision, "user", None))


@receiver(page_unpublished, sender=ModulePage, dispatch_uid="quizzes.requirement_on_unpublish")
def apply_requirement_on_unpublish(sender, *, instance, **kwargs):
    """A withdrawn module requires no one. Wagtail also withdraws a module it is about to delete, without saving
    the row first (it still reads as live): then the module is left out of what the course requires."""
    leaving = ModulePage.objects.filter(pk=instance.pk, live=True).exists()
    module_requirement_apply(module=instance, leaving=leaving)


@receiver(page_published, dispatch_uid="quizzes.refresher_on_publish")
def mark_refreshers_on_publish(sender, *, instance, revision=None, **kwargs):
    """A module or lesson published as a significant change: earlier completions of the module need a refresher."""
    if isinstance(instance, ModulePage | LessonPage):
        significant_change_apply(page=instance, revision=revision, by=getattr(revision, "user", None))


@receiver(learner_group_changed, dispatch_uid="quizzes.tallies_on_group_change")
def move_tallies_on_group_change(sender, *, profile, before, after, created=False, **kwargs):
    """The learner is counted in another group (or in none, or newly in one): their results move with them."""
    tallies_learner_moved(learner_id=profile.user_id, before=before, after=after, created=created)


@receiver(pre_delete, sender=LearnerProfile, dispatch_uid="quizzes.tallies_on_learner_delete")
def take_tallies_on_learner_delete(sender, *, instance, **kwargs):
    """A learner deleted (with their account, or alone) is counted in no group: taken away before their attempts
    go (Django sends pre_delete for everything it will delete, inside the deletion's transaction, first)."""
    tallies_learner_moved(learner_id=instance.user_id, before=instance.counted_group, after=None)
