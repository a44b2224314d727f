"""Quizzes (snippets with inline questions and choices), attempts, reading progress, completions, certificates.

Invariants live in the database: one attempt number per learner and quiz, at most one attempt in progress,
scores between 0 and 100, one completion per learner and module, one certificate per learner and manual.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from core.json import UnicodeJSONEncoder
from core.translated import BilingualContentMixin

from .forms import QuizAdminForm
from .kinds import QuestionKind, Scoring
from .review import ReviewPolicy


class QuizQuerySet(models.QuerySet):
    def live(self):
        """The published quizzes, the only ones learners see. A quiz's row holds its published version (a draft
        or one awaiting review is a revision), so reading the row of a live quiz reads what learners get."""
        return self.filter(live=True)


class Quiz(
    BilingualContentMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """The quiz at the end of one module.

    Trainers edit it in drafts; a change reaches learners only when a second trainer approves it in the
    "Two-trainer review" workflow (quizzes.wagtail_hooks: nobody publishes a quiz directly).
    """

    module = models.OneToOneField(
        "curriculum.ModulePage",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="quiz",
        help_text=_("The module this quiz ends."),
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown before the learner starts."))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    wait_minutes = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"), default=0, help_text=_("0 means the learner may retry at once.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    review = models.CharField(
        _("show correct answers and explanations"),
        max_length=10,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.WHEN_FINISHED,
        help_text=_(
            "Learners always see their own answers, their score and which questions were wrong. This decides when "
            "they also see the correct answers, explanations and feedback; never while another attempt is open."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="quiz",
        for_concrete_model=False,
    )

    objects = QuizQuerySet.as_manager()

    panels = [
        FieldPanel("module"),
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("attempts_allowed"), FieldPanel("wait_minutes")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
                FieldPanel("review"),
            ],
            heading=_("Settings"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    base_form_class = QuizAdminForm
    translation_required_fields = ("title",)

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__gte=1, pass_mark__lte=100), name="quiz_pass_mark_range"),
        ]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    # The preview shows the quiz as a learner sees it before starting, in either language: never which choices
    # are right, feedback or explanations (quizzes.preview).
    @property
    def preview_modes(self):
        return [("km", _("Khmer")), ("en", _("English"))]

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        from .preview import quiz_preview_context

        return {**super().get_preview_context(request, mode_name), **quiz_preview_context(quiz=self)}

    def serve_preview(self, request, mode_name):
        from .preview import quiz_preview_serve

        return quiz_preview_serve(self, request, mode_name, render=super().serve_preview)


class Question(Orderable, ClusterableModel):
    quiz = ParentalKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    scoring = models.CharField(
        _("marking"),
        max_length=8,
        choices=Scoring.choices,
        default=Scoring.ALL_OR_NOTHING,
        help_text=_("For multiple select: all correct choices and no wrong one, or credit for each."),
    )
    text = models.TextField(_("question"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a picture of the scenario."),
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after the learner submits the quiz.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("scoring")]),
        FieldPanel("text"),
        FieldPanel("image"),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
        FieldPanel("explanation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:80]


class Choice(Orderable):
    question = ParentalKey(Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(_("feedback"), blank=True, help_text=_("Shown after submission to whoever chose it."))

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class Attempt(models.Model):
    """One try at a quiz, holding what it was taken against (the snapshot) so later edits never change it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # {"pass_mark": int, "questions": [{"id", "kind", "scoring", "text": {km, en}, "explanation": {..},
    #   "image_id", "choices": [{"id", "text": {..}, "correct": bool, "feedback": {..}}]}]}, in the order shown.
    snapshot = models.JSONField(_("questions as taken"), encoder=UnicodeJSONEncoder)
    # {"<question id>": [choice id, ...]}, saved screen by screen.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # {"<question id>": {"points": float, "correct": bool}} once submitted.
    results = models.JSONField(_("marks"), default=dict, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    # The id a phone gave an attempt taken offline (quizzes.offline), so sending it again records nothing new;
    # empty for attempts made on the server.
    client_id = models.UUIDField(_("id on the phone"), null=True, blank=True, editable=False)
    # The published version of the quiz the attempt was started on (its live revision then); empty for attempts
    # made before quizzes had revisions, or when that revision was later purged. The snapshot is what is graded.
    quiz_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("quiz version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Whether the submitted attempt is counted in the per-group tallies (quizzes.tallies folds submitted attempts
    # in later, so a submission writes nothing more); the reports count the few not folded yet from the rows.
    tallied = models.BooleanField(_("in the tallies"), default=False, editable=False)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["learner_id", "quiz_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "quiz", "number"], name="attempt_number_unique"),
            models.UniqueConstraint(
                fields=["learner", "quiz"],
                condition=Q(status="in_progress"),
                name="attempt_one_in_progress",
            ),
            models.UniqueConstraint(fields=["learner", "client_id"], name="attempt_client_id_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_positive"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100), name="attempt_score_range"
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="in_progress", score__isnull=True, passed__isnull=True, submitted_at__isnull=True)
                    | Q(status="submitted", score__isnull=False, passed__isnull=False, submitted_at__isnull=False)
                ),
                name="attempt_graded_when_submitted",
            ),
        ]
        # The modules report groups a scope's attempts per quiz from this index alone (no row of the table read).
        indexes = [
            models.Index(
                fields=["learner", "quiz", "status", "passed", "score", "started_at", "submitted_at"],
                name="attempt_report_cover",
            ),
            models.Index(fields=["quiz", "status", "submitted_at"]),
            # The submitted attempts not folded into the tallies yet: few, read by the modules report and the fold.
            models.Index(
                fields=["quiz", "learner"],
                condition=Q(status="submitted", tallied=False),
                name="attempt_untallied",
            ),
        ]

    def __str__(self):
        return f"{self.learner} · {self.quiz} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def pass_mark(self) -> int:
        return self.snapshot["pass_mark"]

    @property
    def questions(self) -> list[dict]:
        return self.snapshot["questions"]


class QuestionOutcome(models.Model):
    """Whether one submitted attempt got one question right: what "most often answered wrong" counts in SQL.

    `question_id` is not a foreign key: a question deleted from a live quiz keeps its past outcomes.
    """

    attempt = models.ForeignKey(Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="outcomes")
    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="+")
    question_id = models.PositiveIntegerField(_("question"))
    correct = models.BooleanField(_("answered correctly"))

    class Meta:
        verbose_name = _("question outcome")
        verbose_name_plural = _("question outcomes")
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="question_outcome_unique")]
        indexes = [models.Index(fields=["quiz", "question_id", "correct"])]

    def __str__(self):
        return f"{self.attempt_id} · {self.question_id}"


class GroupTally(models.Model):
    """Quiz results summed over one group of learners: the confirmed learners of a province, role and gender
    (learners.models.CountedGroup), for the submitted attempts folded in (`Attempt.tallied`). The modules report
    adds up a scope's groups instead of grouping every attempt and answer of its learners. Written only by
    quizzes.tallies."""

    quiz = models.ForeignKey(Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey(
        "learners.Province", verbose_name=_("province"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=30)
    gender = models.CharField(_("gender"), max_length=10)

    class Meta:
        abstract = True


class TallyFold(models.Model):
    """One row: the lock every writer of the tallies takes first, so they write one after the other, and when
    submitted attempts were last folded in."""

    folded_at = models.DateTimeField(_("last folded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("tally fold")
        verbose_name_plural = _("tally folds")

    def __str__(self):
        return f"{self.folded_at}"


class QuizTally(GroupTally):
    tried = models.PositiveIntegerField(_("learners who submitted an attempt"), default=0)
    passed = models.PositiveIntegerField(_("learners who passed"), default=0)
    submitted = models.PositiveIntegerField(_("submitted attempts"), default=0)
    score_total = models.PositiveBigIntegerField(_("sum of their scores"), default=0)

    class Meta:
        verbose_name = _("quiz tally")
        verbose_name_plural = _("quiz tallies")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "province", "role", "gender"], name="quiz_tally_group_unique")
        ]

    def __str__(self):
        return f"{self.quiz_id} · {self.province_id} · {self.role} · {self.gender}"


class QuestionTally(GroupTally):
    # Not a foreign key, as in QuestionOutcome: a question deleted from a live quiz keeps its past answers.
    question_id = models.PositiveIntegerField(_("question"))
    answered = models.PositiveIntegerField(_("answers"), default=0)
    wrong = models.PositiveIntegerField(_("wrong answers"), default=0)

    class Meta:
        verbose_name = _("question tally")
        verbose_name_plural = _("question tallies")
        constraints = [
            models.UniqueConstraint(
                fields=["question_id", "province", "role", "gender"], name="question_tally_group_unique"
            )
        ]

    def __str__(self):
        return f"{self.question_id} · {self.province_id} · {self.role} · {self.gender}"


class LessonView(models.Model):
    """A learner opened a lesson (first time only): the reading half of a module's completion."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="lesson_views"
    )
    lesson = models.ForeignKey(
        "curriculum.LessonPage", verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="+"
    )
    # Kept with the view so a module's progress is one indexed filter, not a walk of the page tree.
    module = models.ForeignKey(
        "curriculum.ModulePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="+"
    )
    viewed_at = models.DateTimeField(_("first opened at"))

    class Meta:
        verbose_name = _("lesson read")
        verbose_name_plural = _("lessons read")
        constraints = [models.UniqueConstraint(fields=["learner", "lesson"], name="lesson_view_unique")]
        indexes = [models.Index(fields=["learner", "module"])]

    def __str__(self):
        return f"{self.learner} · {self.lesson_id}"


class CompletionSource(models.TextChoices):
    """How a module was completed: online on the site, through an attempt sent from a phone's offline queue, or
    at a workshop (attended and passed the paper post-test or the quiz; the workshop is in workshops)."""

    ONLINE = "online", _("Self-paced online")
    OFFLINE = "offline", _("Offline, sent later")
    WORKSHOP = "workshop", _("At a workshop")


class ModuleCompletion(models.Model):
    """Recorded once, by quizzes.completion only, when a learner has read every lesson and passed the quiz, or
    attended a workshop's sessions on the module and passed its post-test or the quiz."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="module_completions",
    )
    module = models.ForeignKey(
        "curriculum.ModulePage", verbose_name=_("module"), on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed at"))
    attempt = models.ForeignKey(
        Attempt,
        verbose_name=_("passing attempt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    # What it was earned on: the lessons read (ids) and the module's title at the time, in both languages.
    lesson_ids = models.JSONField(_("lessons read"), default=list)
    module_title = models.JSONField(_("module title"), default=dict)
    # The content it was earned (or last refreshed) on (quizzes.versions): the manual's version, and
    # {"module": revision id, "lessons": {"<id>": revision id}, "quiz": version}.
    manual_version = models.PositiveIntegerField(_("manual version"), default=1)
    content_version = models.JSONField(_("content version"), default=dict, blank=True)
    # Set (quizzes.refresher) when a significant change of the module was published after it: the learner reads the
    # new or changed lessons (`refresher_read`) and passes the quiz again, and the completion is current again.
    refresher_since = models.DateTimeField(_("needs a refresher since"), null=True, blank=True)
    refresher_read = models.JSONField(_("lessons read for the refresher"), default=list, blank=True)
    refreshed_at = models.DateTimeField(_("last refreshed at"), null=True, blank=True)
    source = models.CharField(
        _("completed how"), max_length=10, choices=CompletionSource.choices, default=CompletionSource.ONLINE
    )

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        ordering = ["learner_id", "completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "module"], name="module_completion_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100), name="completion_score_range"
            ),
        ]
        indexes = [
            models.Index(fields=["module", "completed_at"]),
            models.Index(fields=["module", "refresher_since"], name="completion_refresher"),
            # Whether a learner needs a refresher, asked per learner by the coverage reports: answered from the
            # index alone (without it, every completion row of every learner is read: 421 ms -> 137 ms at 100,000).
            models.Index(fields=["learner", "refresher_since"], name="completion_learner_refresher"),
        ]

    def __str__(self):
        return f"{self.learner} · {self.module_id}"

    @property
    def needs_refresher(self) -> bool:
        return self.refresher_since is not None


class Certificate(models.Model):
    """Issued once every required module is completed; its code is checked by anyone at /verify/<code>/."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="certificates"
    )
    manual = models.ForeignKey(
        "curriculum.ManualPage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    completed_on = models.DateField(_("completed on"))
    # As printed: {"name_km", "name_latin", "role", "province_km", "province_en"}.
    holder = models.JSONField(_("holder"))
    # [{"number", "title": {"km", "en"}, "completed_on": "YYYY-MM-DD"}, plus "id" and "revision" (the module's
    # revision it was completed on) since versions are recorded]
    modules = models.JSONField(_("modules"))
    # The manual's version it was earned on, or renewed on by refreshers (quizzes.versions); printed with it.
    manual_version = models.PositiveIntegerField(_("manual version"), default=1)
    # The last day it is valid, when settings.CERTIFICATE_VALID_DAYS gives certificates an expiry.
    expires_on = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["learner", "manual"], name="certificate_once_per_course")]

    def __str__(self):
        return self.code
