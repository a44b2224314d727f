"""What happens when a page's moderation workflow is approved (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    Trainers hold no publish permission, so nobody publishes alone: the second trainer's approval in the
    "Two-trainer review" workflow is what authorises publication, and it is checked by the task itself
    (learners.models.SecondTrainerApprovalTask), not by the approving trainer's page permissions.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
