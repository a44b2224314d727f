"""The page approval step where a second trainer, never the page's author, approves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

SELF_APPROVAL = _("Someone other than the author must approve this page.")


class SecondTrainerApprovalTask(AbstractGroupApprovalTask):
    """A group approval where the trainer who wrote or submitted a page cannot approve it themselves."""

    class Meta:
        verbose_name = _("second trainer approval")
        verbose_name_plural = _("second trainer approvals")

    @staticmethod
    def _authors(obj) -> set[int]:
        authors = set()
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id:
            authors.add(state.requested_by_id)
        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        if revision is not None and revision.user_id:
            authors.add(revision.user_id)
        return authors

    def get_actions(self, obj, user):
        if user.pk in self._authors(obj):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in self._authors(task_state.workflow_state.content_object):
            raise ValidationError(SELF_APPROVAL)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if isinstance(states, models.QuerySet) and states.model is TaskState:
            return states.exclude(workflow_state__requested_by=user)
        return states

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups other than the page's author approves it.")
