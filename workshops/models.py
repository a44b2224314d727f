"""Organisations (member NGOs and donors), funding projects, workshops, their days, rosters, attendance,
scans of the paper sign-in sheets, paper pre-/post-tests and the link from a module completion to its workshop.

Invariants live in the database: one day per date in a workshop, one roster line per learner, one attendance
mark per participant and day (and per phone id), one pre- and one post-test per workshop, one score per
participant and test, scores between 0 and 100.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.translated import field_in_language

from .storage import private_storage


class OrganisationKind(models.TextChoices):
    MEMBER = "member", _("Member NGO")
    DONOR = "donor", _("Donor")


class Organisation(models.Model):
    """A member NGO that runs workshops (its staff are trainers), or a donor that funds projects."""

    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=30, blank=True, help_text=_("For example NGOCRC."))
    kind = models.CharField(_("kind"), max_length=10, choices=OrganisationKind.choices, default=OrganisationKind.MEMBER)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers and staff"),
        blank=True,
        related_name="workshop_organisations",
        help_text=_("They see this organisation's workshops and participants, and run its workshops."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]
        constraints = [models.UniqueConstraint(fields=["name_en"], name="organisation_name_en_unique")]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return field_in_language(self)


class FundingProject(models.Model):
    """A donor's project that pays for workshops over a period."""

    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    donor = models.ForeignKey(
        Organisation,
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to={"kind": OrganisationKind.DONOR},
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        verbose_name = _("funding project")
        verbose_name_plural = _("funding projects")
        ordering = ["-starts_on", "name_en"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="project_period_order")]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return field_in_language(self)


class AttendanceRule(models.TextChoices):
    """What "attended" means for a participant of a workshop (set per workshop)."""

    ALL_DAYS = "all_days", _("Present on every day")
    AT_LEAST = "at_least", _("Present on at least a number of days")
    MODULE_DAYS = "module_days", _("Present on the days that cover each module")


class Workshop(models.Model):
    """A training event run by a member NGO's trainers in one place, over one or several days."""

    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="workshops",
        limit_choices_to={"kind": OrganisationKind.MEMBER},
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="workshops_trained"
    )
    project = models.ForeignKey(
        FundingProject,
        verbose_name=_("funding project"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    province = models.ForeignKey(
        "learners.Province", verbose_name=_("province"), on_delete=models.PROTECT, related_name="workshops"
    )
    district = models.ForeignKey(
        "learners.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    commune = models.ForeignKey(
        "learners.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    modules = models.ManyToManyField(
        "curriculum.ModulePage", verbose_name=_("modules covered"), related_name="workshops"
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=30, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    attendance_rule = models.CharField(
        _("attended means"), max_length=12, choices=AttendanceRule.choices, default=AttendanceRule.ALL_DAYS
    )
    min_days = models.PositiveSmallIntegerField(
        _("days needed"), null=True, blank=True, help_text=_("For the rule 'at least a number of days'.")
    )
    # The first and last day, kept by the services from the workshop's days (lists and reports sort by them).
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["province", "starts_on"]), models.Index(fields=["organisation", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(attendance_rule=AttendanceRule.AT_LEAST) | Q(min_days__gte=1),
                name="workshop_min_days_for_rule",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return field_in_language(self, "title")


class WorkshopDay(models.Model):
    """One day of a workshop, with the modules taught that day (for the rule 'the days that cover each module')."""

    workshop = models.ForeignKey(Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    modules = models.ManyToManyField(
        "curriculum.ModulePage", verbose_name=_("modules taught"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("workshop day")
        verbose_name_plural = _("workshop days")
        ordering = ["workshop_id", "date"]
        constraints = [models.UniqueConstraint(fields=["workshop", "date"], name="workshop_day_unique")]

    def __str__(self):
        return f"{self.workshop_id} · {self.date.isoformat()}"


class RosterSource(models.TextChoices):
    SEARCH = "search", _("Found among the learners")
    FILE = "file", _("Imported from a file")
    REGISTERED = "registered", _("Registered at the workshop")


class Participant(models.Model):
    """A learner on a workshop's roster."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="participants"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="workshop_places"
    )
    source = models.CharField(_("added how"), max_length=12, choices=RosterSource.choices, default=RosterSource.SEARCH)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["workshop_id", "pk"]
        constraints = [models.UniqueConstraint(fields=["workshop", "learner"], name="participant_once_per_workshop")]

    def __str__(self):
        return f"{self.workshop_id} · {self.learner_id}"


class Attendance(models.Model):
    """Whether a participant was present on a day; entering it again changes this one row."""

    day = models.ForeignKey(WorkshopDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="attendance")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["day", "participant"], name="attendance_once_per_day")]
        indexes = [models.Index(fields=["participant", "present"])]

    def __str__(self):
        return f"{self.day_id} · {self.participant_id} · {self.present}"


class AttendanceSheet(models.Model):
    """One sending of a day's attendance (the form carries an id made when it was opened): the same sheet sent
    again, from the phone's outbox or by pressing the button twice, changes nothing."""

    day = models.ForeignKey(WorkshopDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="+")
    client_id = models.UUIDField(_("id on the phone"), unique=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))

    class Meta:
        verbose_name = _("attendance sheet sent")
        verbose_name_plural = _("attendance sheets sent")

    def __str__(self):
        return str(self.client_id)


class SignInScan(models.Model):
    """A photo or scan of a day's paper sign-in sheet, kept privately (only people in scope may open it)."""

    day = models.ForeignKey(WorkshopDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="scans")
    file = models.FileField(_("file"), storage=private_storage, upload_to="workshops/sign-in/%Y/%m/")
    content_type = models.CharField(_("file type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-in sheet scan")
        verbose_name_plural = _("sign-in sheet scans")
        ordering = ["day_id", "uploaded_at"]

    def __str__(self):
        return f"{self.day_id} · {self.file.name}"


class TestKind(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Post-test")


class PaperTest(models.Model):
    """The pre- or post-test taken on paper at a workshop: a chosen set of questions, or (none chosen) the
    questions of the covered modules' quizzes."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="paper_tests"
    )
    kind = models.CharField(_("test"), max_length=4, choices=TestKind.choices)
    questions = models.ManyToManyField(
        "quizzes.Question",
        verbose_name=_("questions"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to use the questions of the modules' quizzes."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("paper test")
        verbose_name_plural = _("paper tests")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "kind"], name="paper_test_once_per_kind"),
            models.CheckConstraint(condition=Q(pass_mark__gte=1, pass_mark__lte=100), name="paper_test_pass_mark"),
        ]

    def __str__(self):
        return f"{self.workshop_id} · {self.kind}"


class PaperScore(models.Model):
    """A participant's score on a paper test, entered as a percentage or worked out from answers per question."""

    test = models.ForeignKey(PaperTest, verbose_name=_("test"), on_delete=models.CASCADE, related_name="scores")
    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="paper_scores"
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), validators=[MaxValueValidator(100)])
    passed = models.BooleanField(_("passed"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"))

    class Meta:
        verbose_name = _("paper test score")
        verbose_name_plural = _("paper test scores")
        constraints = [
            models.UniqueConstraint(fields=["test", "participant"], name="paper_score_once"),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name="paper_score_range"),
        ]

    def __str__(self):
        return f"{self.test_id} · {self.participant_id} · {self.score}"


class PaperAnswer(models.Model):
    """Whether a participant answered one question of a paper test correctly (for item analysis)."""

    score = models.ForeignKey(PaperScore, verbose_name=_("score"), on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "quizzes.Question", verbose_name=_("question"), on_delete=models.CASCADE, related_name="+"
    )
    correct = models.BooleanField(_("answered correctly"))

    class Meta:
        verbose_name = _("paper test answer")
        verbose_name_plural = _("paper test answers")
        constraints = [models.UniqueConstraint(fields=["score", "question"], name="paper_answer_once")]
        indexes = [models.Index(fields=["question", "correct"])]

    def __str__(self):
        return f"{self.score_id} · {self.question_id} · {self.correct}"


class WorkshopCompletion(models.Model):
    """The workshop through which a module completion (source "workshop") was earned."""

    completion = models.OneToOneField(
        "quizzes.ModuleCompletion",
        verbose_name=_("module completion"),
        on_delete=models.CASCADE,
        related_name="workshop_link",
    )
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.PROTECT, related_name="completions"
    )

    class Meta:
        verbose_name = _("completion through a workshop")
        verbose_name_plural = _("completions through workshops")

    def __str__(self):
        return f"{self.workshop_id} · {self.completion_id}"
