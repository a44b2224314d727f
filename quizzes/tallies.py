"""Quiz results per group of learners (confirmed, one province, role and gender), kept as they change.

The modules report used to group every submitted attempt and every answer of a scope's learners (1.4 million
answers at 100,000 learners, over a second). It now adds up the scope's groups from two small tables:

- `QuizTally`: per quiz, the learners who submitted an attempt and who passed, the submitted attempts and the sum
  of their scores (the average score is their ratio);
- `QuestionTally`: per question, the answers and the wrong ones (what "most often answered wrong" ranks).

One writer, in the transaction that changes what is counted:
- a submitted attempt adds itself (`tallies_attempt_submitted`, from the submission service, learner locked);
- a learner whose group changes (province, role, gender, confirmed or not) moves everything they submitted from the
  old group to the new one (`tallies_learner_moved`, on learners' `learner_group_changed`, sent inside the profile's
  save); a deleted learner's results are taken away before the rows go.
Disabled accounts stay in their group; the report takes the few of them away when it reads (reports.module_stats),
since an account is enabled or disabled on Wagtail's user screens, which save no profile.

`tallies_rebuild` computes both tables again from the attempts (after a bulk load, or to check them: the tests
compare the kept tallies with a rebuild after every kind of change).
"""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Sum, Value, When

from learners.models import Confirmation, CountedGroup, LearnerProfile

from .models import Attempt, AttemptStatus, QuestionOutcome, QuestionTally, QuizTally
from .transactions import write_transaction

# Per table: the column that tells its rows apart within a group, and the counts it keeps.
SHAPES = {
    QuizTally: ("quiz_id", ("tried", "passed", "submitted", "score_total")),
    QuestionTally: ("question_id", ("answered", "wrong")),
}


def tallies_attempt_submitted(attempt: Attempt) -> None:
    """Count a just-submitted attempt in its learner's group (inside the submitting transaction, learner locked).

    The profile row is locked as it is read (PostgreSQL): a change of the learner's group waits for this
    submission to commit and then moves it with the rest, or commits first and is read here. Learners not
    confirmed count in no group.
    """
    earlier = Attempt.objects.filter(
        learner_id=OuterRef("user_id"), quiz_id=attempt.quiz_id, status=AttemptStatus.SUBMITTED
    ).exclude(pk=attempt.pk)
    found = (
        LearnerProfile.objects.select_for_update()
        .filter(user_id=attempt.learner_id, confirmation=Confirmation.CONFIRMED)
        .annotate(tried_before=Exists(earlier), passed_before=Exists(earlier.filter(passed=True)))
        .values_list("province_id", "role", "gender", "tried_before", "passed_before")
        .first()
    )
    if found is None:
        return
    province_id, role, gender, tried_before, passed_before = found
    group = CountedGroup(province_id, role, gender)
    quiz = {
        "tried": int(not tried_before),
        "passed": int(bool(attempt.passed) and not passed_before),
        "submitted": 1,
        "score_total": attempt.score or 0,
    }
    _add(QuizTally, group, {attempt.quiz_id: quiz})
    questions = {
        int(key): {"quiz_id": attempt.quiz_id, "answered": 1, "wrong": int(not mark["correct"])}
        for key, mark in attempt.results.items()
    }
    _add(QuestionTally, group, questions)


def tallies_learner_moved(*, learner_id: int, before: CountedGroup | None, after: CountedGroup | None) -> None:
    """Move what a learner submitted from the group they were counted in to the one they are counted in now
    (None: not counted). Runs inside the transaction that changed the profile, after the profile's row is written
    (so a submission in flight, which locks that row to read the group, is either read here or reads the new one)."""
    if before == after:
        return
    quizzes, questions = _contribution(learner_id)
    # Table by table, groups in one order (as every writer here goes): two learners moving opposite ways at once
    # then wait for each other's rows instead of deadlocking.
    changes = sorted((group, sign) for group, sign in ((before, -1), (after, 1)) if group is not None)
    for model, rows in ((QuizTally, quizzes), (QuestionTally, questions)):
        for group, sign in changes:
            _add(model, group, rows, sign=sign)


def tallies_rebuild(using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> tuple[int, int]:
    """Compute both tables again from the submitted attempts and their answers; returns their row counts.
    `apps` is a migration's app registry when a migration fills the tables."""
    quiz_tally, question_tally = apps.get_model("quizzes", "QuizTally"), apps.get_model("quizzes", "QuestionTally")
    with write_transaction(using):
        quiz_tally.objects.using(using).all().delete()
        question_tally.objects.using(using).all().delete()
        quizzes = quiz_tally.objects.using(using).bulk_create(
            (quiz_tally(**row) for row in _grouped_quizzes(using, apps)), batch_size=500
        )
        questions = question_tally.objects.using(using).bulk_create(
            (question_tally(**row) for row in _grouped_questions(using, apps)), batch_size=500
        )
    return len(quizzes), len(questions)


def tallies_learners_added(learner_ids: Iterable[int]) -> None:
    """Count these learners' submitted attempts, written in bulk and counted nowhere yet (devdata's generators)."""
    learners = list(learner_ids)
    for model, rows in (
        (QuizTally, _grouped_quizzes(DEFAULT_DB_ALIAS, global_apps, learners)),
        (QuestionTally, _grouped_questions(DEFAULT_DB_ALIAS, global_apps, learners)),
    ):
        key, _counts = SHAPES[model]
        by_group: dict[CountedGroup, dict[int, dict]] = {}
        for row in rows:
            group = CountedGroup(row["province_id"], row["role"], row["gender"])
            by_group.setdefault(group, {})[row[key]] = row
        for group, grouped in by_group.items():
            _add(model, group, grouped)


def tallies_as_computed(using: str = DEFAULT_DB_ALIAS) -> tuple[set[tuple], set[tuple]]:
    """What a rebuild would write, as comparable sets of rows (zero rows left out): for checks and tests."""
    return (
        _as_set(_grouped_quizzes(using, global_apps), QuizTally),
        _as_set(_grouped_questions(using, global_apps), QuestionTally),
    )


def tallies_as_kept(using: str = DEFAULT_DB_ALIAS) -> tuple[set[tuple], set[tuple]]:
    """The kept tables in the form of `tallies_as_computed`."""
    return tuple(  # type: ignore[return-value]
        _as_set(model.objects.using(using).values(*_columns(model)), model) for model in (QuizTally, QuestionTally)
    )


def _columns(model) -> tuple[str, ...]:
    key, counts = SHAPES[model]
    fixed = ("quiz_id",) if key != "quiz_id" else ()
    return (*fixed, key, "province_id", "role", "gender", *counts)


def _as_set(rows: Iterable[dict], model) -> set[tuple]:
    _key, counts = SHAPES[model]
    columns = _columns(model)
    return {tuple(row[name] for name in columns) for row in rows if any(row[name] for name in counts)}


_PROFILE = "learner__learner_profile__"


def _grouped_quizzes(using: str, apps, learners: list[int] | None = None) -> Iterable[dict]:
    attempts = apps.get_model("quizzes", "Attempt").objects.using(using)
    if learners is not None:
        attempts = attempts.filter(learner_id__in=learners)
    return (
        attempts.filter(status=AttemptStatus.SUBMITTED, **{f"{_PROFILE}confirmation": Confirmation.CONFIRMED})
        .order_by()
        .values(
            "quiz_id",
            province_id=F(f"{_PROFILE}province_id"),
            role=F(f"{_PROFILE}role"),
            gender=F(f"{_PROFILE}gender"),
        )
        .annotate(
            tried=Count("learner_id", distinct=True),
            passed=Count("learner_id", distinct=True, filter=Q(passed=True)),
            submitted=Count("pk"),
            score_total=Sum("score"),
        )
    )


def _grouped_questions(using: str, apps, learners: list[int] | None = None) -> Iterable[dict]:
    profile = f"attempt__{_PROFILE}"
    outcomes = apps.get_model("quizzes", "QuestionOutcome").objects.using(using)
    if learners is not None:
        outcomes = outcomes.filter(attempt__learner_id__in=learners)
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
        .annotate(answered=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
    )


def _contribution(learner_id: int) -> tuple[dict[int, dict], dict[int, dict]]:
    """What one learner adds to their group's rows: per quiz and per question."""
    quizzes = {
        row["quiz_id"]: {
            "tried": 1,
            "passed": int(row["passed"] > 0),
            "submitted": row["submitted"],
            "score_total": row["score_total"] or 0,
        }
        for row in Attempt.objects.filter(learner_id=learner_id, status=AttemptStatus.SUBMITTED)
        .order_by()
        .values("quiz_id")
        .annotate(passed=Count("pk", filter=Q(passed=True)), submitted=Count("pk"), score_total=Sum("score"))
    }
    questions = {
        row["question_id"]: row
        for row in QuestionOutcome.objects.filter(attempt__learner_id=learner_id)
        .order_by()
        .values("quiz_id", "question_id")
        .annotate(answered=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
    }
    return quizzes, questions


def _add(model, group: CountedGroup, rows: dict[int, dict], *, sign: int = 1) -> None:
    """Add each row's counts (times `sign`) to the group's row of that key, making the rows that do not exist yet.

    Rows are made first (empty, skipping any a concurrent transaction has just made: PostgreSQL waits for it to
    commit), then one UPDATE adds to all of them. Updating first and making only the rows it missed would lose a
    count: a row another transaction commits between the two statements is seen as existing but was not updated.
    """
    if not rows:
        return
    key, counts = SHAPES[model]
    where = {"province_id": group.province_id, "role": group.role, "gender": group.gender}
    keys = sorted(rows)
    present = set(model.objects.filter(**where, **{f"{key}__in": keys}).values_list(key, flat=True))
    missing = [value for value in keys if value not in present]
    if missing:
        quiz = (lambda value: value) if key == "quiz_id" else (lambda value: rows[value]["quiz_id"])
        model.objects.bulk_create(
            [model(**where, **{key: value, "quiz_id": quiz(value)}) for value in missing], ignore_conflicts=True
        )
    changes = {
        name: F(name)
        + Case(
            *(When(**{key: value}, then=Value(sign * rows[value][name])) for value in keys),
            default=Value(0),
            output_field=IntegerField(),
        )
        for name in counts
    }
    model.objects.filter(**where, **{f"{key}__in": keys}).update(**changes)
