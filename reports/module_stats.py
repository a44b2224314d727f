"""Per-module quiz results for the rollout reports: tried, passed, completed, average score, hardest questions."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet, Sum

from quizzes.models import (
    Attempt,
    AttemptStatus,
    ModuleCompletion,
    Question,
    QuestionOutcome,
    QuestionTally,
    Quiz,
    QuizTally,
)
from quizzes.tallies import question_counts, quiz_counts, tallies_fold

from .filters import Filters, in_range
from .progress import in_scope, learners_in_scope, narrowed
from .scope import Scope


@dataclass
class QuestionStat:
    question_id: int
    text: str
    answered: int
    wrong: int

    @property
    def wrong_share(self) -> float:
        return 100 * self.wrong / self.answered if self.answered else 0.0


@dataclass
class ModuleRow:
    module_id: int
    number: int
    title: str
    quiz_id: int | None
    tried: int = 0
    passed: int = 0
    completed: int = 0
    outdated: int = 0  # completions that need a refresher since the module changed significantly
    average_score: float | None = None
    hardest: list[QuestionStat] = field(default_factory=list)

    @property
    def not_passed(self) -> int:
        return self.tried - self.passed

    @property
    def current(self) -> int:
        return self.completed - self.outdated


def _attempts_of(learners: QuerySet, *, filters: Filters, moment: str) -> QuerySet:
    queryset = Attempt.objects.filter(learner_id__in=learners)
    low, high = filters.bounds()
    if low:
        queryset = queryset.filter(**{f"{moment}__gte": low})
    if high:
        queryset = queryset.filter(**{f"{moment}__lt": high})
    return queryset


QUIZ_COUNTS = ("tried", "passed", "submitted", "score_total")
QUESTION_COUNTS = ("answered", "wrong")


def _counted_quizzes(attempts: QuerySet, *, quiz_ids, first_only: bool = False) -> dict[int, dict]:
    """Per quiz, over these attempts (the submitted ones): learners who submitted one and who passed, submitted
    attempts and the sum of their scores (quizzes.tallies counts the same)."""
    rows = (
        attempts.filter(quiz_id__in=quiz_ids, status=AttemptStatus.SUBMITTED)
        .order_by()
        .values("quiz_id")
        .annotate(**quiz_counts(first_only=first_only))
    )
    return {row["quiz_id"]: {"quiz_id": row["quiz_id"], **_counts(row, QUIZ_COUNTS)} for row in rows}


def _counted_questions(attempts: QuerySet, *, quiz_ids) -> dict[int, dict]:
    """Per question, the answers given in these attempts (submitted ones have answers), and the wrong ones."""
    rows = (
        QuestionOutcome.objects.filter(attempt__in=attempts.values("pk"), quiz_id__in=quiz_ids)
        .order_by()
        .values("quiz_id", "question_id")
        .annotate(**question_counts())
    )
    return {row["question_id"]: {"quiz_id": row["quiz_id"], **_counts(row, QUESTION_COUNTS)} for row in rows}


def _tallied(model, *, key: str, counts: tuple[str, ...], scope: Scope, filters: Filters, quiz_ids) -> dict:
    """The folded figures without dates, summed over the scope's groups (quizzes.tallies keeps them)."""
    rows = (
        narrowed(model.objects.filter(quiz_id__in=quiz_ids), scope=scope, filters=filters)
        .order_by()
        .values("quiz_id", key)
        .annotate(**{name: Sum(name) for name in counts})
    )
    return {row[key]: {"quiz_id": row["quiz_id"], **_counts(row, counts)} for row in rows}


def _counts(row: dict, names: tuple[str, ...]) -> dict:
    return {name: row[name] or 0 for name in names}


def _combined(figures: dict, other: dict, names: tuple[str, ...], *, sign: int) -> dict:
    for key, counts in other.items():
        row = figures.setdefault(key, {"quiz_id": counts["quiz_id"], **dict.fromkeys(names, 0)})
        for name in names:
            row[name] += sign * counts[name]
    return figures


def _chunks(values: QuerySet, size: int = 5000) -> list[list[int]]:
    """The values in lists short enough for one statement's parameters (disjoint learners or attempts: their
    counts add up)."""
    listed = list(values)
    return [listed[start : start + size] for start in range(0, len(listed), size)]


def _quiz_and_question_figures(*, scope: Scope, filters: Filters, quiz_ids) -> tuple[dict, dict]:
    """Per quiz and per question. With dates, from the scope's attempts. Without (the page as it opens): the
    groups' tallies after folding in what was submitted since the last fold, plus what was submitted since this
    fold, less what the confirmed learners whose account was disabled had folded in (tallies still count them)."""
    low, high = filters.bounds()
    learners = learners_in_scope(scope=scope, filters=filters).values("user_id")
    if low or high:
        started = _attempts_of(learners, filters=filters, moment="started_at")
        submitted = _attempts_of(learners, filters=filters, moment="submitted_at")
        return (
            _counted_quizzes(started, quiz_ids=quiz_ids),
            _counted_questions(submitted.filter(status=AttemptStatus.SUBMITTED), quiz_ids=quiz_ids),
        )
    tallies_fold()
    shared = {"scope": scope, "filters": filters, "quiz_ids": quiz_ids}
    quizzes = _tallied(QuizTally, key="quiz_id", counts=QUIZ_COUNTS, **shared)
    questions = _tallied(QuestionTally, key="question_id", counts=QUESTION_COUNTS, **shared)
    # Both sets are few: attempts not folded (a partial index lists them) and learners with a disabled account (a
    # partial index too). Listed first, then counted within the scope: SQLite, without statistics, would otherwise
    # start from the scope's 100,000 learners.
    profile = "learner__learner_profile__"
    counted = in_scope(scope=scope, filters=filters, prefix=profile) & Q(**{f"{profile}confirmation": "confirmed"})
    submitted = Attempt.objects.filter(counted, status=AttemptStatus.SUBMITTED)
    unfolded = (
        Attempt.objects.filter(status=AttemptStatus.SUBMITTED, tallied=False).order_by().values_list("pk", flat=True)
    )
    disabled = get_user_model().objects.filter(is_active=False).values_list("pk", flat=True)
    parts = [(submitted.filter(learner__is_active=True, pk__in=ids), True, 1) for ids in _chunks(unfolded)]
    parts += [(submitted.filter(tallied=True, learner_id__in=ids), False, -1) for ids in _chunks(disabled)]
    for attempts, first_only, sign in parts:
        _combined(
            quizzes,
            _counted_quizzes(attempts, quiz_ids=quiz_ids, first_only=first_only),
            QUIZ_COUNTS,
            sign=sign,
        )
        _combined(questions, _counted_questions(attempts, quiz_ids=quiz_ids), QUESTION_COUNTS, sign=sign)
    return quizzes, questions


def module_report(*, scope: Scope, filters: Filters, modules: list, hardest: int = 5) -> list[ModuleRow]:
    """Per module: learners who tried its quiz, passed it, not yet passed; average score of submitted attempts;
    completions; and the questions most often answered wrong. The same few queries whatever the number of modules
    and of learners."""
    quizzes = dict(Quiz.objects.filter(module__in=modules).values_list("module_id", "pk"))
    rows = {
        module.pk: ModuleRow(
            module_id=module.pk, number=module.number, title=module.title, quiz_id=quizzes.get(module.pk)
        )
        for module in modules
    }
    by_quiz = {row.quiz_id: row for row in rows.values() if row.quiz_id}
    quiz_figures, question_figures = _quiz_and_question_figures(scope=scope, filters=filters, quiz_ids=list(by_quiz))
    for quiz_id, counts in quiz_figures.items():
        row = by_quiz[quiz_id]
        row.tried, row.passed = counts["tried"], counts["passed"]
        row.average_score = counts["score_total"] / counts["submitted"] if counts["submitted"] else None
    learners = learners_in_scope(scope=scope, filters=filters).values("user_id")
    completions = ModuleCompletion.objects.filter(module_id__in=rows, learner_id__in=learners).filter(
        in_range("completed_at", filters)
    )
    outdated = Q(refresher_since__isnull=False)
    for item in (
        completions.order_by().values("module_id").annotate(n=Count("pk"), outdated=Count("pk", filter=outdated))
    ):
        rows[item["module_id"]].completed = item["n"]
        rows[item["module_id"]].outdated = item["outdated"]
    stats = [
        {"question_id": question_id, **counts}
        for question_id, counts in question_figures.items()
        if counts["wrong"] > 0 and counts["quiz_id"] in by_quiz
    ]
    _attach_hardest(by_quiz, stats, hardest)
    return [rows[module.pk] for module in modules]


def _attach_hardest(by_quiz: dict, stats: list[dict], limit: int) -> None:
    stats.sort(key=lambda item: (-item["wrong"] / item["answered"], -item["wrong"], item["question_id"]))
    chosen: dict[int, list[dict]] = {}
    for item in stats:
        picked = chosen.setdefault(item["quiz_id"], [])
        if len(picked) < limit:
            picked.append(item)
    ids = [item["question_id"] for picked in chosen.values() for item in picked]
    texts = {question.pk: question.text for question in Question.objects.filter(pk__in=ids)}
    for quiz_id, picked in chosen.items():
        by_quiz[quiz_id].hardest = [
            QuestionStat(
                question_id=item["question_id"],
                text=texts.get(item["question_id"], ""),
                answered=item["answered"],
                wrong=item["wrong"],
            )
            for item in picked
        ]
