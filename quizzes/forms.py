"""The quiz editing form (Wagtail admin): checks each question's choices across the nested inline formsets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .kinds import (  # noqa: F401  (the messages the form shows, kept importable from here)
    NEEDS_A_CORRECT_CHOICE,
    NEEDS_TWO_CHOICES,
    SINGLE_NEEDS_ONE_CORRECT,
    TRUE_FALSE_SHAPE,
    QuestionKind,
)

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
            kind = form.cleaned_data.get("kind")
            if choices_formset is None or kind not in QuestionKind.values:
                continue  # an unknown kind already carries the field's own error
            correct = [bool(choice.cleaned_data.get("is_correct")) for choice in _kept(choices_formset)]
            problem = QuestionKind(kind).choices_problem(correct)
            if problem:
                form.add_error("kind", problem)
                valid = False
        return valid
