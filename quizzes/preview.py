"""The admin's preview of a quiz (a draft, or a revision awaiting review): the quiz as a learner sees it before
starting, in Khmer or in English.

Built from the quiz being edited (its questions and choices may not be saved yet) through the same content
snapshot an attempt is taken against, and shown with the one-page quiz's markup. Nothing that says which choices
are right leaves here: no correctness, feedback or explanation, and choices carry only their position.
"""

from django.utils import translation

from .attempts import quiz_content_snapshot
from .offline_views import _page_questions


def preview_questions(content: dict) -> list[dict]:
    """The questions of a content snapshot in authoring order, numbered (a new question has no id yet), each with
    its text, picture and choices' texts only."""
    return _page_questions(
        [
            {
                "id": number,
                "kind": question["kind"],
                "text": question["text"],
                "image_id": question["image_id"],
                "choices": [
                    {"token": f"{number}-{position}", "text": choice["text"]}
                    for position, choice in enumerate(question["choices"], start=1)
                ],
            }
            for number, question in enumerate(content["questions"], start=1)
        ]
    )


def quiz_preview_context(*, quiz) -> dict:
    content = quiz_content_snapshot(quiz=quiz)
    return {"quiz": quiz, "module": quiz.module, "questions": preview_questions(content)}


def quiz_preview_serve(quiz, request, mode_name, *, render):
    """The preview in the language of `mode_name` ("km" or "en"), rendered while that language is active."""
    language = mode_name if mode_name in ("km", "en") else "km"
    with translation.override(language):
        response = render(request, language)
        response.render()
    return response
