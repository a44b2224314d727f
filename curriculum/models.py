"""Page types of the manual: ManualPage -> ModulePage -> LessonPage."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.fields import ChoiceListField
from core.roles import Role, every_role
from core.text import reading_minutes, stream_text
from core.translated import BilingualContentMixin

from .blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from .changes import ManualChange, SignificantChangeMixin  # noqa: F401 (ManualChange: a model of this app)
from .navigation import TreeNeighbourhoodMixin, route_descendant
from .page_forms import ManualPageForm
from .slugs import ReadableSlugMixin
from .translation_state import StaleTranslation  # noqa: F401 (a model of this app)


def role_labels(codes: list[str]) -> list[str]:
    """The roles' names in the reader's language, in the order of core.roles.Role."""
    chosen = set(codes or [])
    return [label for code, label in Role.choices if code in chosen]


class ManualPage(ReadableSlugMixin, TreeNeighbourhoodMixin, BilingualContentMixin, Page):
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
    base_form_class = ManualPageForm
    admin_default_ordering = "ord"  # modules listed in the order learners see them
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


class ModulePage(SignificantChangeMixin, ReadableSlugMixin, TreeNeighbourhoodMixin, BilingualContentMixin, Page):
    """One module of the manual: a few short lessons and, later, a quiz.

    Two lists of roles, on purpose. `audience_roles` says whom the module is written for: a description shown to
    readers ("For: ..."), which authors keep broad. `required_roles` says who must complete it for the certificate:
    a rule with consequences (a learner's course, certificate and the reports' "completed" follow it, and every
    change is recorded in ModuleRequirementChange with the moment it applies from). Keeping them apart lets a
    module be written for police and CCWC focal points yet required of police only, and open to every learner
    whatever it requires: council members may take the police interviewing module without having to pass it.
    """

    number = models.PositiveSmallIntegerField(
        _("module number"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown in the contents."))
    learning_objectives = models.TextField(_("learning objectives"), blank=True, help_text=_("One objective per line."))
    audience_roles = ChoiceListField(
        _("for whom"), choices=Role.choices, help_text=_("The roles this module is written for.")
    )
    required_roles = ChoiceListField(
        _("required for"),
        choices=Role.choices,
        default=every_role,
        help_text=_(
            "Learners in these roles must complete this module to earn the certificate; anyone else may take it. "
            "A change applies when the module is published, and is recorded."
        ),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=20, validators=[MinValueValidator(1), MaxValueValidator(600)]
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
                FieldPanel("required_roles"),
            ],
            heading=_("About this module"),
        ),
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("cover_image"),
        *SignificantChangeMixin.change_panels,
    ]
    parent_page_types = ["curriculum.ManualPage"]
    subpage_types = ["curriculum.LessonPage"]
    base_form_class = ManualPageForm
    admin_default_ordering = "ord"  # lessons listed in the order learners read them
    translation_required_fields = ("summary",)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def objectives(self) -> list[str]:
        return [line.strip() for line in (self.learning_objectives or "").splitlines() if line.strip()]

    def audience_role_labels(self) -> list[str]:
        return role_labels(self.audience_roles)

    def required_role_labels(self) -> list[str]:
        return role_labels(self.required_roles)

    def is_required_for(self, role: str | None) -> bool:
        """Whether a learner in `role` must complete this module, as published (a draft requires no one)."""
        return bool(role) and self.live and role in self.required_roles

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_lessons

        context = super().get_context(request, *args, **kwargs)
        context["content_lang"] = self.content_language()
        context["lessons"] = module_lessons(module=self)
        context["ancestors"] = self.tree_ancestors
        return context


class LessonPage(SignificantChangeMixin, ReadableSlugMixin, TreeNeighbourhoodMixin, BilingualContentMixin, Page):
    """A short lesson: a few minutes of reading on a phone."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("One sentence shown in the module contents."))
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        *SignificantChangeMixin.change_panels,
    ]
    parent_page_types = ["curriculum.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = ManualPageForm
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


class ModuleRequirementChange(models.Model):
    """A change in who must complete a module, recorded when it takes effect (the module's publication, or its
    withdrawal: an unpublished module requires no one). The reports say from when the current requirements apply.

    Written only by quizzes.requirements, in the transaction that brings learners' course completion up to date.
    The module and manual are kept as ids without a database constraint (as Wagtail's own page log does), so the
    history outlives a deleted module; its title is copied for that case.
    """

    module = models.ForeignKey(
        ModulePage,
        verbose_name=_("module"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="requirement_changes",
    )
    manual = models.ForeignKey(
        ManualPage, verbose_name=_("manual"), on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    module_title = models.JSONField(_("module title"), default=dict)
    # None: nothing was recorded before (a module published for the first time, or one from before this history).
    roles_before = ChoiceListField(_("required before"), choices=Role.choices, null=True, default=None)
    roles_after = ChoiceListField(_("required after"), choices=Role.choices)
    changed_at = models.DateTimeField(_("applies from"), db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("module requirement change")
        verbose_name_plural = _("module requirement changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["module", "-changed_at"], name="requirement_change_module")]

    def __str__(self):
        return f"{self.changed_at:%Y-%m-%d %H:%M} {self.module_id}: {self.roles_before} -> {self.roles_after}"
