"""What quizzes does when something happens in another app, connected in QuizzesConfig.ready().

learners sends the signal and never imports quizzes (the allowed direction is quizzes -> learners); the work is
done by the completion service, inside the sender's transaction.
"""

from django.dispatch import receiver

from learners.signals import learner_confirmed

from .completion import certificates_issue_on_confirmation


@receiver(learner_confirmed, dispatch_uid="quizzes.certificates_on_confirmation")
def issue_certificates_on_confirmation(sender, *, profile, **kwargs):
    """A learner who completed the course while waiting for confirmation gets the certificate now."""
    certificates_issue_on_confirmation(learner=profile.user)
