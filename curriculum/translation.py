"""Fields of the manual held in both Khmer and English (django-modeltranslation)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import LessonPage, ManualPage, ModulePage


@register(ManualPage)
class ManualPageTranslation(TranslationOptions):
    fields = ("introduction", "audience")


@register(ModulePage)
class ModulePageTranslation(TranslationOptions):
    fields = ("summary", "learning_objectives", "change_note")


@register(LessonPage)
class LessonPageTranslation(TranslationOptions):
    fields = ("summary", "body", "change_note")
