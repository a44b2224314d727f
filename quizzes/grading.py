"""Marking an attempt from its snapshot alone: no database, so the data generator grades exactly as the site does."""

from fractions import Fraction

from .kinds import QuestionKind, Scoring


def grade(*, snapshot: dict, answers: dict) -> tuple[dict, Fraction]:
    """Per-question marks and the fraction of the total earned, from the snapshot alone."""
    results = {}
    earned = Fraction(0)
    questions = snapshot["questions"]
    for question in questions:
        chosen = set(answers.get(str(question["id"]), []))
        correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
        if question["kind"] == QuestionKind.MULTIPLE and question["scoring"] == Scoring.PARTIAL:
            wrong = len(chosen - correct)
            points = max(Fraction(0), Fraction(len(chosen & correct) - wrong, len(correct)))
        else:
            points = Fraction(1 if chosen == correct else 0)
        earned += points
        results[str(question["id"])] = {"points": float(points), "correct": chosen == correct}
    total = Fraction(earned, len(questions)) if questions else Fraction(0)
    return results, total


def score_percent(fraction: Fraction) -> int:
    """The score shown and stored, in whole percent, floored: 69.9% is 69%, never rounded up to a pass."""
    return int(fraction * 100)


def is_passed(*, score: Fraction, pass_mark: int) -> bool:
    """Whether the fraction earned (as `grade` returns it) reaches the pass mark (a whole percent).

    Exact: 2/3 against a pass mark of 67 fails (66.7%), as the floored score of 66 says.
    """
    if not isinstance(score, Fraction):
        # An int here is almost surely a percent (an attempt's score), which would pass nearly everything.
        raise TypeError("is_passed takes the Fraction grade() returns, not a percent")
    return score * 100 >= pass_mark
