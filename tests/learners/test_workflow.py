"""Publication needs a second trainer: trainers cannot publish, and the author cannot approve their own page."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from learners import groups
from learners.models import SELF_APPROVAL, SecondTrainerApprovalTask
from tests.factories import ManualPageFactory, TrainerFactory


@pytest.fixture
def draft(db):
    author = TrainerFactory(username="author")
    reviewer = TrainerFactory(username="reviewer")
    page = ManualPageFactory(parent=Page.get_first_root_node(), live=False)
    page.save_revision(user=author)
    return page, author, reviewer


def test_trainers_can_edit_but_not_publish(draft):
    page, author, _reviewer = draft
    permissions = page.permissions_for_user(author)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_the_tree_uses_the_two_trainer_review(draft):
    page, _author, _reviewer = draft
    workflow = page.get_workflow()
    assert workflow.name == "Two-trainer review"
    task = workflow.tasks.get().specific
    assert isinstance(task, SecondTrainerApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [groups.TRAINER]


def test_only_a_second_trainer_can_approve_and_that_publishes(draft):
    page, author, reviewer = draft
    page.get_workflow().start(page, author)
    page.refresh_from_db()
    state = page.current_workflow_task_state
    task = state.task.specific

    assert task.get_actions(page, author) == []
    assert not task.get_task_states_user_can_moderate(author).exists()
    with pytest.raises(ValidationError) as raised:
        task.on_action(state, author, "approve")
    assert raised.value.messages == [str(SELF_APPROVAL)]
    page.refresh_from_db()
    assert not page.live

    assert "approve" in [name for name, _label, _modal in task.get_actions(page, reviewer)]
    assert task.get_task_states_user_can_moderate(reviewer).filter(pk=state.pk).exists()
    task.on_action(state, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
