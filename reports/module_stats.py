"""Per-module quiz results for the rollout reports: tried, passed, completed, average score, hardest questions."""

from dataclasses import dataclass, field

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

from .filters import Filters, in_range
from .progress import disabled_learners_in_scope, learners_in_scope, narrowed
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
    queryset = Attempt.objects.filter(learner_id__in=learners.values("user_id"))
    low, high = filters.bounds()
    if low:
        queryset = queryset.filter(**{f"{moment}__gte": low})
    if high:
        queryset = queryset.filter(**{f"{moment}__lt": high})
    return queryset


QUIZ_COUNTS = ("tried", "passed", "submitted", "score_total")
QUESTION_COUNTS = ("answered", "wrong")


def _counted_quizzes(learners: QuerySet, *, filters: Filters, quiz_ids) -> dict[int, dict]:
    """Per quiz, from the attempts of these learners started within the dates: learners who submitted one and who
    passed, submitted attempts and the sum of their scores."""
    submitted = Q(status=AttemptStatus.SUBMITTED)
    rows = (
        _attempts_of(learners, filters=filters, moment="started_at")
        .filter(quiz_id__in=quiz_ids)
        .order_by()
        .values("quiz_id")
        .annotate(
            tried=Count("learner_id", distinct=True, filter=submitted),
            passed=Count("learner_id", distinct=True, filter=Q(passed=True)),
            submitted=Count("pk", filter=submitted),
            score_total=Sum("score", filter=submitted),
        )
    )
    return {row["quiz_id"]: _counts(row, QUIZ_COUNTS) for row in rows}


def _counted_questions(learners: QuerySet, *, filters: Filters, quiz_ids) -> dict[int, dict]:
    """Per question, the answers of these learners' attempts submitted within the dates, and the wrong ones."""
    rows = (
        QuestionOutcome.objects.filter(
            attempt__in=_attempts_of(learners, filters=filters, moment="submitted_at").values("pk"),
            quiz_id__in=quiz_ids,
        )
        .order_by()
        .values("quiz_id", "question_id")
        .annotate(answered=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
    )
    return {row["question_id"]: {"quiz_id": row["quiz_id"], **_counts(row, QUESTION_COUNTS)} for row in rows}


def _tallied(model, *, key: str, counts: tuple[str, ...], scope: Scope, filters: Filters, quiz_ids) -> dict:
    """The same figures without dates, summed over the scope's groups (quizzes.tallies keeps them)."""
    rows = (
        narrowed(model.objects.filter(quiz_id__in=quiz_ids), scope=scope, filters=filters)
        .order_by()
        .values("quiz_id", key)
        .annotate(**{name: Sum(name) for name in counts})
    )
    return {row[key]: {"quiz_id": row["quiz_id"], **_counts(row, counts)} for row in rows}


def _counts(row: dict, names: tuple[str, ...]) -> dict:
    return {name: row[name] or 0 for name in names}


def _less(figures: dict, taken: dict, names: tuple[str, ...]) -> dict:
    for key, counts in taken.items():
        for name in names:
            figures[key][name] -= counts[name]
    return figures


def _quiz_and_question_figures(*, scope: Scope, filters: Filters, quiz_ids) -> tuple[dict, dict]:
    """Per quiz and per question. With dates, from the scope's attempts; without (the page as it opens), from the
    groups' tallies, less the confirmed learners whose account was disabled (tallies still count them)."""
    low, high = filters.bounds()
    if low or high:
        learners = learners_in_scope(scope=scope, filters=filters)
        return (
            _counted_quizzes(learners, filters=filters, quiz_ids=quiz_ids),
            _counted_questions(learners, filters=filters, quiz_ids=quiz_ids),
        )
    disabled = disabled_learners_in_scope(scope=scope, filters=filters)
    shared = {"scope": scope, "filters": filters, "quiz_ids": quiz_ids}
    quizzes = _tallied(QuizTally, key="quiz_id", counts=QUIZ_COUNTS, **shared)
    questions = _tallied(QuestionTally, key="question_id", counts=QUESTION_COUNTS, **shared)
    return (
        _less(quizzes, _counted_quizzes(disabled, filters=filters, quiz_ids=quiz_ids), QUIZ_COUNTS),
        _less(questions, _counted_questions(disabled, filters=filters, quiz_ids=quiz_ids), QUESTION_COUNTS),
    )


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
