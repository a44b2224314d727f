"""`manage.py send_reminders`: a text, in Khmer, to confirmed learners who have not finished the training.

A dry run unless `--send`: it says how many would get one and what it says. Limited three ways: one reminder per
learner in `--every-days`, at most `--limit` a run, at most `--per-minute` (gateways refuse bursts).
"""

import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core import sms
from learners import reminders, selectors, texts
from learners.models import Province


class Command(BaseCommand):
    help = (
        "Text a reminder to finish the training to confirmed learners with a phone who have not completed it. "
        "Dry run unless --send."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            default=[],
            help="A province by code or name (repeat for several). Default: every province.",
        )
        parser.add_argument("--coordinator", help="Only the provinces of this coordinator (username).")
        parser.add_argument(
            "--inactive-days", type=int, default=7, help="Leave out learners active in these last days (7)."
        )
        parser.add_argument(
            "--every-days", type=int, default=14, help="At most one reminder per learner in this many days (14)."
        )
        parser.add_argument("--limit", type=int, default=200, help="At most this many texts in this run (200).")
        parser.add_argument(
            "--per-minute", type=float, default=30, help="At most this many texts a minute; 0: no pause (30)."
        )
        parser.add_argument("--send", action="store_true", help="Send them (without it, only say what would be sent).")

    def handle(self, *args, **options):
        for name in ("inactive_days", "every_days", "limit", "per_minute"):
            if options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} cannot be negative.")
        if options["send"] and not sms.is_enabled():
            raise CommandError("Text messages are off: set SMS_BACKEND (see the README's Configuration).")
        now = timezone.now()
        due = reminders.reminder_candidates(
            provinces=self._provinces(options),
            inactive_since=timezone.localdate(now) - timedelta(days=options["inactive_days"]),
            reminded_since=now - timedelta(days=options["every_days"]),
        )
        total = due.count()
        chosen = list(due[: options["limit"]])
        if not chosen:
            self.stdout.write("Nobody to remind.")
            return
        if not options["send"]:
            self._describe(chosen, total, options)
            return
        self._send(chosen, total, pause=60 / options["per_minute"] if options["per_minute"] else 0)

    def _provinces(self, options):
        provinces = None
        if options["coordinator"]:
            user = get_user_model().objects.filter(username=options["coordinator"]).first()
            if user is None or not selectors.is_coordinator(user):
                raise CommandError(f"{options['coordinator']!r} is not a coordinator.")
            provinces = selectors.coordinated_provinces(user=user)
        if options["province"]:
            index = selectors.PlaceIndex()
            codes = []
            for text in options["province"]:
                province, _ambiguous = index.province(text)
                if province is None:
                    raise CommandError(f"No province {text!r}.")
                codes.append(province.code)
            chosen = Province.objects.filter(code__in=codes)
            provinces = chosen if provinces is None else provinces.filter(code__in=codes)
        return provinces

    def _describe(self, chosen, total, options):
        body = texts.reminder_text(profile=chosen[0])
        segments = sms.TextMessage(to=chosen[0].phone, body=body).segments
        self.stdout.write(f"Dry run: {len(chosen)} of {total} learners due would get a reminder; nothing was sent.")
        self.stdout.write(f"For example ({segments} SMS):\n  {body}")
        if options["verbosity"] >= 2:
            for profile in chosen:
                self.stdout.write(f"  {profile.phone_display}  {profile.full_name_km}  {profile.province.name}")
        self.stdout.write("Add --send to send them.")

    def _send(self, chosen, total, *, pause: float):
        backend = sms.get_backend()
        sent = 0
        for number, profile in enumerate(chosen):
            if number and pause:
                time.sleep(pause)
            try:
                sent += reminders.reminder_send(profile=profile, now=timezone.now(), backend=backend)
            except Exception as error:
                # Those already sent are recorded: running the command again continues with the others.
                raise CommandError(f"Stopped after {sent} sent: {profile.phone_display}: {error}") from error
        self.stdout.write(f"Sent {sent} reminders ({total - sent} learners due are left for a later run).")
