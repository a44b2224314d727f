"""Per-module quiz results for the rollout reports: tried, passed, completed, average score, hardest questions."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet

from quizzes.models import Attempt, AttemptStatus, ModuleCompletion, Question, QuestionOutcome, Quiz

from .filters import Filters, in_range
from .progress import learners_in_scope
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


def _attempts_in_scope(*, scope: Scope, filters: Filters, moment: str) -> QuerySet:
    learners = learners_in_scope(scope=scope, filters=filters).values("user_id")
    queryset = Attempt.objects.filter(learner_id__in=learners)
    low, high = filters.bounds()
    if low:
        queryset = queryset.filter(**{f"{moment}__gte": low})
    if high:
        queryset = queryset.filter(**{f"{moment}__lt": high})
    return queryset


def module_report(*, scope: Scope, filters: Filters, modules: list, hardest: int = 5) -> list[ModuleRow]:
    """Per module: learners who tried its quiz, passed it, not yet passed; average score of submitted attempts;
    completions; and the questions most often answered wrong. Four queries whatever the number of modules."""
    quizzes = dict(Quiz.objects.filter(module__in=modules).values_list("module_id", "pk"))
    rows = {
        module.pk: ModuleRow(
            module_id=module.pk, number=module.number, title=module.title, quiz_id=quizzes.get(module.pk)
        )
        for module in modules
    }
    by_quiz = {row.quiz_id: row for row in rows.values() if row.quiz_id}
    attempts = _attempts_in_scope(scope=scope, filters=filters, moment="started_at").filter(quiz_id__in=by_quiz)
    submitted = Q(status=AttemptStatus.SUBMITTED)
    for item in (
        attempts.order_by()
        .values("quiz_id")
        .annotate(
            tried=Count("learner_id", distinct=True, filter=submitted),
            passed=Count("learner_id", distinct=True, filter=Q(passed=True)),
            average=Avg("score", filter=submitted),
        )
    ):
        row = by_quiz[item["quiz_id"]]
        row.tried, row.passed, row.average_score = item["tried"], item["passed"], item["average"]
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
    outcomes = QuestionOutcome.objects.filter(
        attempt__in=_attempts_in_scope(scope=scope, filters=filters, moment="submitted_at").values("pk"),
        quiz_id__in=by_quiz,
    )
    stats = list(
        outcomes.order_by()
        .values("quiz_id", "question_id")
        .annotate(answered=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
        .filter(wrong__gt=0)
    )
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
