"""Print the demo accounts that exist, with their password, for `make run`."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core.demo import demo_logins, demo_password


class Command(BaseCommand):
    help = "List the demo accounts and their password."

    def handle(self, *args, **options):
        existing = set(get_user_model().objects.values_list("username", flat=True))
        rows = [login for login in demo_logins() if login.username in existing]
        if not rows:
            return
        self.stdout.write(f"Demo logins (password: {demo_password()}):")
        for login in rows:
            self.stdout.write(f"  {login.username:<20} {login.description}")
        base = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        self.stdout.write(f"Site: {base}/km/  Admin: {base}/admin/")
