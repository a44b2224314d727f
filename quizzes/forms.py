"""The quiz editing form (Wagtail admin): checks each question's choices across the nested inline formsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

NEEDS_A_CORRECT_CHOICE = _("Mark at least one choice as correct.")
SINGLE_NEEDS_ONE_CORRECT = _("A single-choice question needs exactly one correct choice.")
TRUE_FALSE_SHAPE = _("A true-or-false question needs exactly two choices (true and false), one of them correct.")
NEEDS_TWO_CHOICES = _("Add at least two choices.")
QUIZ_NEEDS_A_QUESTION = _("Add at least one question.")


def _kept(formset) -> list:
    """The forms of a formset that will be saved (not marked for deletion)."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE"):
            continue
        kept.append(form)
    return kept


def question_problem(*, kind: str, choices: list[bool]) -> str | None:
    """What is wrong with a question of `kind` whose choices are correct/incorrect as listed; None if nothing."""
    correct = sum(1 for is_correct in choices if is_correct)
    if kind == "true_false":
        return None if len(choices) == 2 and correct == 1 else str(TRUE_FALSE_SHAPE)
    if len(choices) < 2:
        return str(NEEDS_TWO_CHOICES)
    if correct == 0:
        return str(NEEDS_A_CORRECT_CHOICE)
    if kind == "single" and correct != 1:
        return str(SINGLE_NEEDS_ONE_CORRECT)
    return None


class QuizAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        if not super().is_valid():
            return False
        questions = self.formsets.get("questions")
        if questions is None:
            return True
        kept_questions = _kept(questions)
        valid = True
        if not kept_questions:
            self.add_error(None, QUIZ_NEEDS_A_QUESTION)
            valid = False
        for form in kept_questions:
            choices_formset = form.formsets.get("choices")
            if choices_formset is None:
                continue
            choices = [bool(choice.cleaned_data.get("is_correct")) for choice in _kept(choices_formset)]
            problem = question_problem(kind=form.cleaned_data.get("kind"), choices=choices)
            if problem:
                form.add_error("kind", problem)
                valid = False
        return valid
