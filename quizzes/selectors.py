"""Reads: quiz state for a learner, module progress, the "My training" overview, certificates; few queries each."""

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q
from django.utils import translation
from wagtail.models import Page

from core import page_cache
from core.roles import Role
from core.translated import in_language
from curriculum.models import LessonPage, ManualPage, ModulePage, ModuleRequirementChange
from learners.models import Confirmation, LearnerProfile

from .models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion, Quiz
from .refresher import attempt_counts


def required_modules(*, manual: ManualPage, role: str | None) -> list[ModulePage]:
    """The one rule of what a course requires: the live modules of the manual that a learner in `role` must complete
    for the certificate (ModulePage.is_required_for), in the manual's order. A learner without a role (an account
    with no learner profile) is required to complete nothing, and so never completes the course."""
    # A manual has a handful of modules: choosing them here works alike on SQLite, whose JSON fields have no
    # "contains" lookup, and on PostgreSQL.
    return [module for module in _live_modules(manual) if module.is_required_for(role)]


def required_ids_by_role(*, manual: ManualPage) -> dict[str, set[int]]:
    """For every role, the ids of the modules `required_modules` gives it, in one query (for a page of learners)."""
    modules = _live_modules(manual)
    return {role: {module.pk for module in modules if module.is_required_for(role)} for role in Role.values}


def _live_modules(manual: ManualPage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(manual).live().order_by("path"))


def requirement_changes(*, limit: int = 10) -> list[ModuleRequirementChange]:
    """The latest changes of who must complete which module, newest first, with who made them: the first says
    since when the current requirements apply."""
    return list(ModuleRequirementChange.objects.select_related("changed_by").order_by("-changed_at", "-pk")[:limit])


def holder_of(profile: LearnerProfile) -> dict:
    """Name, role and province as a certificate prints them."""
    return {
        "name_km": profile.full_name_km,
        "name_latin": profile.full_name_latin,
        "role": profile.role,
        "province_km": profile.province.name_km,
        "province_en": profile.province.name_en,
    }


def learner_holder(*, learner) -> dict:
    """The certificate's holder from the learner profile (or, without one, the account's name)."""
    from learners.selectors import own_profile

    profile = own_profile(user=learner)
    if profile is None:
        name = learner.get_full_name() or learner.get_username()
        return {"name_km": name, "name_latin": "", "role": "", "province_km": "", "province_en": ""}
    return holder_of(profile)


def learner_holders(*, user_ids) -> dict[int, dict]:
    """{account id: holder} for many learners with profiles, in one query."""
    profiles = LearnerProfile.objects.filter(user_id__in=user_ids).select_related("province")
    return {profile.user_id: holder_of(profile) for profile in profiles}


def learner_role(*, learner) -> str | None:
    """The role on the learner's profile, which decides what their course requires (None without a profile)."""
    return LearnerProfile.objects.filter(user_id=learner.pk).values_list("role", flat=True).first()


def role_label(code: str | None) -> str:
    return str(dict(Role.choices).get(code, "")) if code else ""


@dataclass
class ModuleState:
    module: ModulePage
    state: str  # "not_started" | "in_progress" | "completed"
    lessons_read: int = 0
    lesson_total: int = 0
    completed_at: datetime | None = None
    score: int | None = None
    best_score: int | None = None
    attempts_used: int = 0
    attempt_open: bool = False
    has_quiz: bool = False
    needs_refresher: bool = False  # completed, and a significant change since asks for a refresher

    @property
    def completed(self) -> bool:
        return self.state == "completed"

    @property
    def lessons_added(self) -> int:
        """Lessons published after the module was completed: completing it needed every lesson live then read."""
        return max(0, self.lesson_total - self.lessons_read) if self.completed else 0


def module_states(*, learner, modules: list[ModulePage], lesson_totals: dict[int, int] | None = None) -> dict:
    """State of each module for a learner, in three queries whatever the number of modules."""
    ids = [module.pk for module in modules]
    completions = {c.module_id: c for c in ModuleCompletion.objects.filter(learner=learner, module_id__in=ids)}
    read = dict(
        LessonView.objects.filter(learner=learner, module_id__in=ids)
        .values_list("module_id")
        .annotate(n=Count("pk"))
        .values_list("module_id", "n")
    )
    quiz_rows = (
        Quiz.objects.live()
        .filter(module_id__in=ids)
        .annotate(
            used=Count("attempts", filter=Q(attempts__learner=learner)),
            best=Max("attempts__score", filter=Q(attempts__learner=learner)),
            open=Count("attempts", filter=Q(attempts__learner=learner, attempts__status=AttemptStatus.IN_PROGRESS)),
        )
        .values("module_id", "used", "best", "open")
    )
    quizzes = {row["module_id"]: row for row in quiz_rows}
    states = {}
    for module in modules:
        completion = completions.get(module.pk)
        quiz = quizzes.get(module.pk)
        lessons_read = read.get(module.pk, 0)
        used = quiz["used"] if quiz else 0
        if completion is not None:
            state = "completed"
        elif lessons_read or used:
            state = "in_progress"
        else:
            state = "not_started"
        states[module.pk] = ModuleState(
            module=module,
            state=state,
            lessons_read=lessons_read,
            lesson_total=(lesson_totals or {}).get(module.pk, 0),
            completed_at=completion.completed_at if completion else None,
            score=completion.score if completion else None,
            best_score=quiz["best"] if quiz else None,
            attempts_used=used,
            attempt_open=bool(quiz and quiz["open"]),
            has_quiz=quiz is not None,
            needs_refresher=bool(completion and completion.needs_refresher),
        )
    return states


def lessons_read(*, learner, module_id: int) -> set[int]:
    return set(LessonView.objects.filter(learner=learner, module_id=module_id).values_list("lesson_id", flat=True))


@dataclass
class QuizState:
    quiz: Quiz | None
    attempts_used: int = 0
    attempts_left: int | None = None  # None: unlimited
    open_attempt: Attempt | None = None
    best_score: int | None = None
    passed: bool = False
    last_attempt: Attempt | None = None


def quiz_state(*, learner, module_id: int) -> QuizState:
    """What the module page shows about its quiz for this learner: two queries."""
    quiz = Quiz.objects.live().filter(module_id=module_id).first()
    if quiz is None:
        return QuizState(quiz=None)
    attempts = list(
        Attempt.objects.filter(learner=learner, quiz=quiz)
        .only("id", "number", "status", "score", "passed", "submitted_at", "answers", "quiz_id", "learner_id")
        .annotate(counted=ExpressionWrapper(attempt_counts(module_id=module_id), output_field=BooleanField()))
        .order_by("number")
    )
    used = sum(1 for attempt in attempts if attempt.counted)  # a refresher starts the count again
    submitted = [a for a in attempts if a.status == AttemptStatus.SUBMITTED]
    return QuizState(
        quiz=quiz,
        attempts_used=used,
        attempts_left=max(0, quiz.attempts_allowed - used) if quiz.attempts_allowed else None,
        open_attempt=next((a for a in attempts if a.is_open), None),
        best_score=max((a.score for a in submitted), default=None),
        passed=any(a.passed for a in submitted),
        last_attempt=submitted[-1] if submitted else None,
    )


def learner_attempt(*, learner, attempt_id: int, with_quiz: bool = True) -> Attempt | None:
    """An attempt only its own learner may see (anyone else gets None, i.e. a 404). Without its quiz and module
    for the question and review screens, which show those through `quiz_heading`: joining the quiz and the page
    tables made this read four times dearer (2.3 ms against 0.6 ms, measured)."""
    # get() rather than first(): a primary key needs no ORDER BY, which costs more to build than to run here.
    queryset = Attempt.objects.select_related("quiz", "quiz__module") if with_quiz else Attempt.objects.all()
    try:
        return queryset.get(pk=attempt_id, learner_id=learner.pk)
    except Attempt.DoesNotExist:
        return None


@dataclass(frozen=True)
class ModuleLink:
    title: str
    url: str


@dataclass(frozen=True)
class QuizHeading:
    module: ModuleLink
    quiz_title: str


def quiz_heading(attempt: Attempt) -> QuizHeading:
    """What the question and review screens say above an attempt: its module, linked, and the quiz's title as it
    was taken. The module's title and address are kept per process until the manual changes (page_cache)."""
    language = translation.get_language()

    def from_database() -> tuple[ModuleLink, str]:
        quiz = Quiz.objects.select_related("module").get(pk=attempt.quiz_id)
        return ModuleLink(title=quiz.module.title, url=quiz.module.url or "/"), quiz.title

    module, quiz_title = page_cache.kept_while_unchanged(f"quiz-heading:{attempt.quiz_id}:{language}", from_database)
    return QuizHeading(module=module, quiz_title=in_language(attempt.snapshot.get("title")) or quiz_title)


def module_lesson_ids(*, module_id: int, place: tuple[str, int] | None = None) -> frozenset[int]:
    """The live lessons of a module, kept per process until the manual changes (page_cache): a first reading asks
    whether it was the module's last unread lesson without a query joining the page tables. `place` is the module
    page's (path, depth) when the caller has it."""

    def from_database() -> frozenset[int]:
        path, depth = place or Page.objects.filter(pk=module_id).values_list("path", "depth").first() or ("", 0)
        if not path:
            return frozenset()
        lessons = LessonPage.objects.filter(path__startswith=path, depth=depth + 1, live=True)
        return frozenset(lessons.values_list("pk", flat=True))

    return page_cache.kept_while_unchanged(f"module-lessons:{module_id}", from_database)


def module_quiz_id(*, module_id: int) -> int | None:
    """The module's live quiz, if any, kept per process until the manual or a quiz changes (page_cache watches
    snippets): the completion check asks it on every module's last reading."""

    def from_database() -> int | None:
        return Quiz.objects.live().filter(module_id=module_id).values_list("pk", flat=True).first()

    return page_cache.kept_while_unchanged(f"module-quiz:{module_id}", from_database)


def valid_certificates():
    """Certificates that stand: their holder is a confirmed learner. One issued to an account while it waited
    for confirmation (before that rule) or whose claim was later rejected is neither downloadable nor genuine."""
    return Certificate.objects.filter(learner__learner_profile__confirmation=Confirmation.CONFIRMED)


def certificate_for(*, learner, manual: ManualPage | None = None) -> Certificate | None:
    queryset = valid_certificates().filter(learner=learner)
    if manual is not None:
        queryset = queryset.filter(manual=manual)
    return queryset.order_by("issued_at").first()


KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


def normalise_code(code: str) -> str:
    """A code as typed from paper (any case, spaces, dashes of any kind, Khmer or full-width digits) in the form
    certificates store: ABCD-EFGH-JKLM."""
    text = unicodedata.normalize("NFKC", code or "").translate(KHMER_DIGITS).upper()
    raw = "".join(ch for ch in text if ch.isascii() and ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:12]}" if len(raw) == 12 else raw


def certificate_by_code(*, code: str) -> Certificate | None:
    normalised = normalise_code(code)
    if len(normalised) != 14:
        return None  # not the shape of any code: no query
    return valid_certificates().filter(code=normalised).first()


def training_overview(*, learner, manual: ManualPage) -> dict:
    """Every module of the manual with the learner's state, best score, attempts and completion; the certificate."""
    from curriculum.selectors import manual_modules

    items = manual_modules(manual=manual)
    modules = [item["page"] for item in items]
    totals = {item["page"].pk: item["lesson_count"] for item in items}
    states = module_states(learner=learner, modules=modules, lesson_totals=totals)
    role = learner_role(learner=learner)
    required = {module.pk for module in required_modules(manual=manual, role=role)}
    rows = [states[module.pk] for module in modules]
    return {
        "rows": rows,
        "role": role_label(role),
        "required_ids": required,
        "required_done": sum(1 for row in rows if row.completed and row.module.pk in required),
        "required_total": len(required),
        "certificate": certificate_for(learner=learner, manual=manual),
    }
