"""When a learner may see a quiz's correct answers, explanations and feedback: the quiz's review setting.

Learners always see their own answers, their score and which questions they got wrong. The correct answers,
explanations and per-choice feedback are revealed only as the setting allows, and never while the learner has
another attempt at the quiz open (otherwise a blank attempt's review could be copied into the next one).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

ANSWERS_AFTER_FINISHING = _(
    "The right answers and explanations are shown once you pass this quiz or have used every attempt."
)
ANSWERS_NEVER_SHOWN = _("This quiz does not show the right answers. Your trainer can go through them with you.")
ANSWERS_HIDDEN_WHILE_OPEN = _("The right answers are not shown while you have an attempt at this quiz in progress.")


class ReviewPolicy(models.TextChoices):
    """As Moodle's review options: when the correct answers and explanations are shown after submitting."""

    WHEN_FINISHED = "finished", _("After passing or after the last attempt")
    EVERY_ATTEMPT = "always", _("After every attempt")
    NEVER = "never", _("Never")


def answers_hidden_reason(*, policy: str, passed: bool, attempts_left: int | None, attempt_open: bool):
    """None when the correct answers, explanations and feedback may be shown; otherwise the message saying why not.

    `passed`: any attempt of the learner's at this quiz passed; `attempts_left`: None when unlimited;
    `attempt_open`: the learner has an attempt at this quiz in progress.
    """
    if attempt_open:
        return ANSWERS_HIDDEN_WHILE_OPEN
    if policy == ReviewPolicy.EVERY_ATTEMPT:
        return None
    if policy == ReviewPolicy.WHEN_FINISHED:
        return None if passed or attempts_left == 0 else ANSWERS_AFTER_FINISHING
    return ANSWERS_NEVER_SHOWN  # NEVER, and any value this code does not know: hiding is the safe side
