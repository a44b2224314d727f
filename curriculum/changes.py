"""What changed in the manual, and whether it matters to those who already completed it.

A trainer publishing a module or a lesson says whether the change is significant (a new legal provision, a changed
procedure) and, when it is, what changed, in Khmer and in English. The page keeps that answer in its revision
(`SignificantChangeMixin`), so it travels through review with the text it describes; when that revision goes live,
quizzes.refresher records it as a `ManualChange` and marks earlier completions of the module as needing a
refresher. The manual's version is its number of significant changes plus one.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

CHANGE_NOTE_REQUIRED = _("Say what changed, in Khmer and in English: learners who completed the module will read it.")
FIRST_VERSION = 1


class SignificantChangeMixin(models.Model):
    """The editor's answer to "is this change significant?", kept in each revision of a module or lesson.

    Once a significant change is recorded, the live page's box is unticked again (quizzes.refresher), so the next
    edit starts from "not significant": each publication answers for itself. A draft waiting for review keeps its
    answer for the reviewer who publishes it.
    """

    change_significant = models.BooleanField(
        _("significant change"),
        default=False,
        help_text=_(
            "Tick it when this change matters to people who already completed the module: a new legal provision, "
            "a changed procedure. When published, they are asked to read the new or changed lessons and take the "
            "quiz again. Leave it unticked for corrections of spelling or wording."
        ),
    )
    change_note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("One or two sentences for learners, in each language. Required for a significant change."),
    )

    change_panels = [
        MultiFieldPanel(
            [FieldPanel("change_significant"), FieldPanel("change_note")],
            heading=_("Is this change significant?"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.change_significant:
            return
        missing = [
            code for code, _name in settings.LANGUAGES if not (getattr(self, f"change_note_{code}", "") or "").strip()
        ]
        if missing:
            raise ValidationError({f"change_note_{code}": CHANGE_NOTE_REQUIRED for code in missing})


class ManualChange(models.Model):
    """A significant change of a module (or one of its lessons), recorded when it was published.

    Written only by quizzes.refresher, in the transaction that marks the module's earlier completions. Like
    ModuleRequirementChange, module and manual are ids without a database constraint, so the history outlives them.
    """

    manual = models.ForeignKey(
        "curriculum.ManualPage",
        verbose_name=_("manual"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    module = models.ForeignKey(
        "curriculum.ModulePage",
        verbose_name=_("module"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="significant_changes",
    )
    # The page published (the module, or one of its lessons) and the revision that went live: one record each.
    page_id = models.PositiveIntegerField(_("page"))
    revision_id = models.PositiveIntegerField(_("revision"), null=True, blank=True, unique=True)
    version = models.PositiveIntegerField(_("manual version"))
    note = models.JSONField(_("what changed"), default=dict)  # {"km": ..., "en": ...}
    # The lessons learners who completed the module read again (new or changed), in the module's order.
    lesson_ids = models.JSONField(_("new or changed lessons"), default=list)
    changed_at = models.DateTimeField(_("published at"), db_index=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    completions_marked = models.PositiveIntegerField(_("completions marked for a refresher"), default=0)

    class Meta:
        verbose_name = _("significant change")
        verbose_name_plural = _("significant changes")
        ordering = ["-changed_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["manual", "version"], name="manual_change_version_unique")]
        indexes = [models.Index(fields=["module", "changed_at"], name="manual_change_module")]

    def __str__(self):
        return f"{self.version} · {self.module_id} · {self.changed_at:%Y-%m-%d}"
