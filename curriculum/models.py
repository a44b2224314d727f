"""Page types of the manual: ManualPage -> ModulePage -> LessonPage."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.fields import ChoiceListField
from core.roles import Role
from core.text import reading_minutes, stream_text
from core.translated import BilingualContentMixin

from .blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from .navigation import TreeNeighbourhoodMixin, route_descendant


class ManualPage(TreeNeighbourhoodMixin, BilingualContentMixin, Page):
    """The manual's home: what it is, who it is for, and its modules."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    audience = RichTextField(
        _("who it is for"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The people this manual trains."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("audience")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["curriculum.ModulePage"]
    translation_required_fields = ("introduction",)

    class Meta:
        verbose_name = _("manual")
        verbose_name_plural = _("manuals")

    def route(self, request, path_components):
        result = route_descendant(self, request, path_components, {1: ModulePage, 2: LessonPage})
        return result or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .selectors import manual_modules

        context = super().get_context(request, *args, **kwargs)
        context["content_lang"] = self.content_language()
        context["modules"] = manual_modules(manual=self)
        return context


class ModulePage(TreeNeighbourhoodMixin, BilingualContentMixin, Page):
    """One module of the manual: a few short lessons and, later, a quiz."""

    number = models.PositiveSmallIntegerField(
        _("module number"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in the contents."))
    learning_objectives = models.TextField(_("learning objectives"), blank=True, help_text=_("One objective per line."))
    audience_roles = ChoiceListField(
        _("for whom"), choices=Role.choices, help_text=_("The roles this module is written for.")
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=20, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    required_for_certificate = models.BooleanField(
        _("required for the certificate"),
        default=True,
        help_text=_("Learners must complete this module to earn the certificate."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("estimated_minutes"),
                FieldPanel("audience_roles"),
                FieldPanel("required_for_certificate"),
            ],
            heading=_("About this module"),
        ),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("cover_image"),
    ]
    parent_page_types = ["curriculum.ManualPage"]
    subpage_types = ["curriculum.LessonPage"]
    translation_required_fields = ("summary",)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def objectives(self) -> list[str]:
        return [line.strip() for line in (self.learning_objectives or "").splitlines() if line.strip()]

    def audience_role_labels(self) -> list[str]:
        labels = dict(Role.choices)
        return [labels[code] for code in self.audience_roles if code in labels]

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_lessons

        context = super().get_context(request, *args, **kwargs)
        context["content_lang"] = self.content_language()
        context["lessons"] = module_lessons(module=self)
        context["ancestors"] = self.tree_ancestors
        return context


class LessonPage(TreeNeighbourhoodMixin, BilingualContentMixin, Page):
    """A short lesson: a few minutes of reading on a phone."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One sentence shown in the module contents."))
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["curriculum.ModulePage"]
    subpage_types: list[str] = []
    translation_required_fields = ("body",)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def reading_minutes(self, language: str | None = None) -> int:
        language = language or self.content_language()
        return reading_minutes(stream_text(getattr(self, f"body_{language}", None)))

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_navigation

        context = super().get_context(request, *args, **kwargs)
        context["content_lang"] = self.content_language()
        context.update(lesson_navigation(lesson=self))
        return context
