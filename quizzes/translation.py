"""Quiz texts held in both Khmer and English (django-modeltranslation), edited side by side in the admin."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import Choice, Question, Quiz


@register(Quiz)
class QuizTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "explanation")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text", "feedback")
