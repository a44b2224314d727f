"""The admin dashboard's panel of registrations waiting for the coordinator's confirmation (learners.wagtail_hooks)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import notices


class WaitingRegistrationsPanel(Component):
    name = "waiting_registrations"
    template_name = "learners/admin/waiting_panel.html"
    order = 50  # before Wagtail's own panels: people waiting matter more than pages

    def __init__(self, *, count: int):
        self.count = count

    @classmethod
    def for_user(cls, user) -> "WaitingRegistrationsPanel | None":
        count = notices.waiting_count(user=user)
        return None if count is None else cls(count=count)

    def get_context_data(self, parent_context):
        return {"count": self.count, "waiting_url": reverse("learners:waiting")}
