"""Quiz results per group of learners (confirmed, one province, role and gender), folded in from the attempts.

The modules report used to group every submitted attempt and every answer of a scope's learners (1.4 million
answers at 100,000 learners, over a second). It now adds up the scope's groups from two small tables, and counts
from the rows only the attempts not folded in yet:

- `QuizTally`: per quiz, the learners who submitted an attempt and who passed, the submitted attempts and the sum
  of their scores (the average score is their ratio);
- `QuestionTally`: per question, the answers and the wrong ones (what "most often answered wrong" ranks).

A submission writes nothing here: it only leaves its attempt `tallied = False` (a partial index lists those).
`tallies_fold` adds the attempts not folded yet to their learners' groups and marks them folded; the modules report
runs it before reading, so what remains to count from the rows is what was submitted since. The quiz submission
path, the busiest write of a rollout day, keeps its cost; the fold writes once for many submissions.

Other writers, each keeping the tallies equal to what the folded attempts say:
- a learner whose group changes (province, role, gender, confirmed or not) takes their folded results from the
  old group to the new one (`tallies_learner_moved`, on learners' `learner_group_changed`, sent inside the
  profile's save); a deleted learner's are taken away before the rows go;
- `tallies_rebuild` computes both tables again from every submitted attempt (after a bulk load, or to repair).
Every writer first locks the one `TallyFold` row, so they run one after the other: a fold reads each learner's
group after a move of that learner has committed, or the move (waiting) then finds the attempts the fold marked.
Disabled accounts stay in their group; the report takes the few of them away (an account is enabled or disabled
on Wagtail's user screens, which save no profile).
"""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Sum, Value, When
from django.utils import timezone

from learners.models import Confirmation, CountedGroup

from .models import Attempt, AttemptStatus, QuestionOutcome, QuestionTally, QuizTally, TallyFold
from .transactions import write_transaction

# Per table: the column that tells its rows apart within a group, and the counts it keeps.
SHAPES = {
    QuizTally: ("quiz_id", ("tried", "passed", "submitted", "score_total")),
    QuestionTally: ("question_id", ("answered", "wrong")),
}
# Attempts folded per statement: the id lists stay well under SQLite's limit on parameters.
FOLD_CHUNK = 2000
_PROFILE = "learner__learner_profile__"


def tallies_fold() -> int:
    """Add the submitted attempts not folded in yet to their learners' groups and mark them folded; returns how
    many. Attempts of learners not confirmed are marked too: they count in no group, and a later confirmation
    brings them in (`tallies_learner_moved`). With nothing to fold it costs one read and takes no write lock
    (the modules report calls it on every visit)."""
    unfolded = Attempt.objects.filter(status=AttemptStatus.SUBMITTED, tallied=False).order_by()
    if not unfolded.exists():
        return 0
    with write_transaction():
        _lock()
        folded = 0
        while True:
            ids = list(unfolded.values_list("pk", flat=True)[:FOLD_CHUNK])
            if not ids:
                break
            _apply(_grouped_quizzes(ids=ids, first_only=True), QuizTally)
            _apply(_grouped_questions(ids=ids), QuestionTally)
            Attempt.objects.filter(pk__in=ids).update(tallied=True)
            folded += len(ids)
        if folded:
            TallyFold.objects.filter(pk=1).update(folded_at=timezone.now())
    return folded


def tallies_learner_moved(
    *, learner_id: int, before: CountedGroup | None, after: CountedGroup | None, created: bool = False
) -> None:
    """Move what a learner submitted and was folded in from the group they were counted in to the one they are
    counted in now (None: not counted). Runs inside the transaction that changed the profile.

    A profile just made (`created`) for an account that never submitted a quiz has nothing to move: registrations
    and imports then take no lock on the tallies (an import of 2,000 learners would otherwise hold it to its end).
    No fold can meet such an account meanwhile: its profile is not visible before this transaction commits.
    """
    if before == after:
        return
    if created and not Attempt.objects.filter(learner_id=learner_id, status=AttemptStatus.SUBMITTED).exists():
        return
    with write_transaction():
        _lock()
        quizzes, questions = _contribution(learner_id)
        # Table by table, groups in one order, as every writer here goes.
        changes = sorted((group, sign) for group, sign in ((before, -1), (after, 1)) if group is not None)
        for model, rows in ((QuizTally, quizzes), (QuestionTally, questions)):
            for group, sign in changes:
                _add(model, group, rows, sign=sign)


def tallies_rebuild(using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> tuple[int, int]:
    """Compute both tables again from every submitted attempt and mark them all folded; returns the row counts.
    `apps` is a migration's app registry when a migration fills the tables."""
    quiz_tally, question_tally = apps.get_model("quizzes", "QuizTally"), apps.get_model("quizzes", "QuestionTally")
    with write_transaction(using):
        _lock(using, apps)
        quiz_tally.objects.using(using).all().delete()
        question_tally.objects.using(using).all().delete()
        quizzes = quiz_tally.objects.using(using).bulk_create(
            (quiz_tally(**row) for row in _grouped_quizzes(using=using, apps=apps)), batch_size=500
        )
        questions = question_tally.objects.using(using).bulk_create(
            (question_tally(**row) for row in _grouped_questions(using=using, apps=apps)), batch_size=500
        )
        attempts = apps.get_model("quizzes", "Attempt").objects.using(using)
        attempts.filter(status=AttemptStatus.SUBMITTED, tallied=False).update(tallied=True)
    return len(quizzes), len(questions)


def tallies_as_computed(using: str = DEFAULT_DB_ALIAS) -> tuple[set[tuple], set[tuple]]:
    """What the tallies must hold for the attempts folded in, as comparable sets of rows (zero rows left out)."""
    folded = {"using": using, "apps": global_apps, "folded_only": True}
    return _as_set(_grouped_quizzes(**folded), QuizTally), _as_set(_grouped_questions(**folded), QuestionTally)


def tallies_as_kept(using: str = DEFAULT_DB_ALIAS) -> tuple[set[tuple], set[tuple]]:
    """The kept tables in the form of `tallies_as_computed`."""
    return tuple(  # type: ignore[return-value]
        _as_set(model.objects.using(using).values(*_columns(model)), model) for model in (QuizTally, QuestionTally)
    )


def _lock(using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> None:
    """Take the tallies' lock (the one TallyFold row, made on first use), inside the caller's write transaction."""
    fold = apps.get_model("quizzes", "TallyFold").objects.using(using)
    fold.get_or_create(pk=1)
    list(fold.select_for_update().filter(pk=1).values_list("pk", flat=True))


def _columns(model) -> tuple[str, ...]:
    key, counts = SHAPES[model]
    fixed = ("quiz_id",) if key != "quiz_id" else ()
    return (*fixed, key, "province_id", "role", "gender", *counts)


def _as_set(rows: Iterable[dict], model) -> set[tuple]:
    _key, counts = SHAPES[model]
    columns = _columns(model)
    return {tuple(row[name] for name in columns) for row in rows if any(row[name] for name in counts)}


def _grouped_quizzes(
    *,
    using: str = DEFAULT_DB_ALIAS,
    apps=global_apps,
    ids: list[int] | None = None,
    first_only: bool = False,
    folded_only: bool = False,
) -> Iterable[dict]:
    """Per quiz and group: learners who submitted and who passed, attempts and their scores. `ids` narrows to
    those attempts; `first_only` counts a learner as having tried (passed) only when no attempt folded earlier
    tried (passed); `folded_only` reads the folded attempts alone."""
    model = apps.get_model("quizzes", "Attempt")
    attempts = model.objects.using(using).filter(
        status=AttemptStatus.SUBMITTED, **{f"{_PROFILE}confirmation": Confirmation.CONFIRMED}
    )
    if ids is not None:
        attempts = attempts.filter(pk__in=ids)
    if folded_only:
        attempts = attempts.filter(tallied=True)
    return (
        attempts.order_by()
        .values(
            "quiz_id",
            province_id=F(f"{_PROFILE}province_id"),
            role=F(f"{_PROFILE}role"),
            gender=F(f"{_PROFILE}gender"),
        )
        .annotate(**quiz_counts(model, using=using, first_only=first_only))
    )


def quiz_counts(model=Attempt, *, using: str = DEFAULT_DB_ALIAS, first_only: bool = False) -> dict:
    """QuizTally's counts as aggregates over submitted attempts. `first_only`: a learner counts as having tried
    (passed) only if no attempt of theirs at that quiz folded in earlier did (those are counted already)."""
    tried, passed = Q(), Q(passed=True)
    if first_only:
        earlier = model.objects.using(using).filter(
            learner_id=OuterRef("learner_id"), quiz_id=OuterRef("quiz_id"), status=AttemptStatus.SUBMITTED, tallied=True
        )
        tried, passed = ~Exists(earlier), passed & ~Exists(earlier.filter(passed=True))
    return {
        "tried": Count("learner_id", distinct=True, filter=tried),
        "passed": Count("learner_id", distinct=True, filter=passed),
        "submitted": Count("pk"),
        "score_total": Sum("score"),
    }


def question_counts() -> dict:
    """QuestionTally's counts as aggregates over question outcomes."""
    return {"answered": Count("pk"), "wrong": Count("pk", filter=Q(correct=False))}


def _grouped_questions(
    *, using: str = DEFAULT_DB_ALIAS, apps=global_apps, ids: list[int] | None = None, folded_only: bool = False
) -> Iterable[dict]:
    profile = f"attempt__{_PROFILE}"
    outcomes = apps.get_model("quizzes", "QuestionOutcome").objects.using(using)
    if ids is not None:
        outcomes = outcomes.filter(attempt_id__in=ids)
    if folded_only:
        outcomes = outcomes.filter(attempt__tallied=True)
    return (
        outcomes.filter(**{f"{profile}confirmation": Confirmation.CONFIRMED})
        .order_by()
        .values(
            "quiz_id",
            "question_id",
            province_id=F(f"{profile}province_id"),
            role=F(f"{profile}role"),
            gender=F(f"{profile}gender"),
        )
        .annotate(**question_counts())
    )


def _apply(rows: Iterable[dict], model) -> None:
    """Add grouped rows (as `_grouped_*` make them) to their groups."""
    key, _counts = SHAPES[model]
    by_group: dict[CountedGroup, dict[int, dict]] = {}
    for row in rows:
        by_group.setdefault(CountedGroup(row["province_id"], row["role"], row["gender"]), {})[row[key]] = row
    for group, grouped in sorted(by_group.items()):
        _add(model, group, grouped)


def _contribution(learner_id: int) -> tuple[dict[int, dict], dict[int, dict]]:
    """What one learner's folded attempts add to their group's rows: per quiz and per question."""
    quizzes = {
        row["quiz_id"]: row
        for row in Attempt.objects.filter(learner_id=learner_id, status=AttemptStatus.SUBMITTED, tallied=True)
        .order_by()
        .values("quiz_id")
        .annotate(**quiz_counts())
    }
    questions = {
        row["question_id"]: row
        for row in QuestionOutcome.objects.filter(attempt__learner_id=learner_id, attempt__tallied=True)
        .order_by()
        .values("quiz_id", "question_id")
        .annotate(**question_counts())
    }
    return quizzes, questions


def _add(model, group: CountedGroup, rows: dict[int, dict], *, sign: int = 1) -> None:
    """Add each row's counts (times `sign`) to the group's row of that key; rows missing are inserted with their
    counts. Callers hold the tallies' lock, so nobody makes the same rows meanwhile."""
    if not rows:
        return
    key, counts = SHAPES[model]
    where = {"province_id": group.province_id, "role": group.role, "gender": group.gender}
    keys = sorted(rows)
    queryset = model.objects.filter(**where, **{f"{key}__in": keys})
    changes = {
        name: F(name) + _amounts(key, {value: sign * (rows[value][name] or 0) for value in keys}) for name in counts
    }
    if queryset.update(**changes) == len(keys):
        return
    present = set(queryset.values_list(key, flat=True))
    model.objects.bulk_create(
        model(
            **where,
            **{key: value, "quiz_id": rows[value].get("quiz_id", value)},
            **{name: sign * (rows[value][name] or 0) for name in counts},
        )
        for value in keys
        if value not in present
    )


def _amounts(key: str, amounts: dict[int, int]):
    """What to add to each row: one value for all, or one CASE branch per distinct amount (not per row)."""
    by_amount: dict[int, list[int]] = {}
    for value, amount in amounts.items():
        by_amount.setdefault(amount or 0, []).append(value)
    if len(by_amount) == 1:
        return Value(next(iter(by_amount)))
    return Case(
        *(When(**{f"{key}__in": values}, then=Value(amount)) for amount, values in by_amount.items() if amount),
        default=Value(0),
        output_field=IntegerField(),
    )
