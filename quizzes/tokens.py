"""Per-attempt opaque values for a question's choices: what the browser sees and sends instead of database ids.

Ids and their order tell how a quiz was written (authors tend to write the right answer first: the lowest id was
right in every demo question). Each attempt's snapshot gives every choice a random token when the attempt starts;
the question page shows only tokens and the server maps them back, against the snapshot, to the ids it grades.
"""

import random
import secrets


def token_new(*, rng: random.Random | None = None) -> str:
    """Ten hex digits: from `secrets`, or from a seeded generator when data must be repeatable (benchmarks, demo)."""
    if rng is None:
        return secrets.token_hex(5)
    return f"{rng.getrandbits(40):010x}"


def questions_with_choice_tokens(questions: list[dict], *, rng: random.Random | None = None) -> list[dict]:
    """Copies of snapshot questions whose choices each carry a token unique within their question."""
    tokenised = []
    for question in questions:
        taken: set[str] = set()
        choices = []
        for choice in question["choices"]:
            token = token_new(rng=rng)
            while token in taken:
                token = token_new(rng=rng)
            taken.add(token)
            choices.append({**choice, "token": token})
        tokenised.append({**question, "choices": choices})
    return tokenised


def choice_ids_for_tokens(question: dict, tokens) -> list[int] | None:
    """The choice ids a learner's posted tokens stand for in this snapshot question; None if any is not one of
    its choices (another question's token, an old page, a made-up value)."""
    by_token = {choice["token"]: choice["id"] for choice in question["choices"] if choice.get("token")}
    ids = []
    for token in tokens or []:
        choice_id = by_token.get(str(token))
        if choice_id is None:
            return None
        ids.append(choice_id)
    return ids
