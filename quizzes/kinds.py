"""Question kinds and marking, with the rule a question's choices must meet to be graded."""

from django.db import models
from django.utils.translation import gettext_lazy as _

NEEDS_A_CORRECT_CHOICE = _("Mark at least one choice as correct.")
SINGLE_NEEDS_ONE_CORRECT = _("A single-choice question needs exactly one correct choice.")
TRUE_FALSE_SHAPE = _("A true-or-false question needs exactly two choices (true and false), one of them correct.")
NEEDS_TWO_CHOICES = _("Add at least two choices.")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple select")
    TRUE_FALSE = "true_false", _("True or false")

    def choices_problem(self, correct: list[bool]) -> str | None:
        """What is wrong with a question of this kind whose choices are correct/incorrect as listed; None if
        nothing. The admin form refuses such a question, and a snapshot leaves out one saved before the rule."""
        right = sum(1 for is_correct in correct if is_correct)
        if self is QuestionKind.TRUE_FALSE:
            return None if len(correct) == 2 and right == 1 else str(TRUE_FALSE_SHAPE)
        if len(correct) < 2:
            return str(NEEDS_TWO_CHOICES)
        if right == 0:
            return str(NEEDS_A_CORRECT_CHOICE)
        if self is QuestionKind.SINGLE and right != 1:
            return str(SINGLE_NEEDS_ONE_CORRECT)
        return None

    @property
    def one_answer(self) -> bool:
        """Whether a learner picks exactly one choice (single choice, true or false)."""
        return self is not QuestionKind.MULTIPLE


class Scoring(models.TextChoices):
    """How a multiple-select question is marked (single choice and true/false are right or wrong)."""

    ALL_OR_NOTHING = "all", _("All or nothing")
    PARTIAL = "partial", _("Partial credit")
