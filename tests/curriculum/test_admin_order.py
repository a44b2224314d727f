"""The admin's page explorer lists a manual's modules and a module's lessons in the order learners see them."""

import pytest

from curriculum.selectors import manual_modules, module_lessons

pytestmark = pytest.mark.django_db


def listed_ids(admin_client, parent) -> list[int]:
    response = admin_client.get(f"/admin/pages/{parent.pk}/")
    assert response.status_code == 200
    assert response.context["ordering"] == "ord"
    return [page.pk for page in response.context["pages"]]


def test_lessons_are_listed_in_reading_order(admin_client, site_tree):
    first, second, third = site_tree.lessons
    third.move(first, pos="left")  # now the third lesson is read first
    # The most recently edited lesson would come first in Wagtail's default order.
    second.refresh_from_db()  # its path moved
    second.save_revision().publish()
    live_order = [lesson.pk for lesson in module_lessons(module=site_tree.module)]
    assert live_order == [third.pk, first.pk, second.pk]
    assert listed_ids(admin_client, site_tree.module) == [*live_order, site_tree.draft.pk]


def test_modules_are_listed_in_learning_order(admin_client, site_tree):
    site_tree.empty_module.move(site_tree.module, pos="left")
    site_tree.module.refresh_from_db()
    site_tree.module.save_revision().publish()
    learner_order = [item["page"].pk for item in manual_modules(manual=site_tree.manual)]
    assert learner_order == [site_tree.empty_module.pk, site_tree.module.pk]
    assert listed_ids(admin_client, site_tree.manual) == learner_order
