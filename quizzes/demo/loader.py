"""Demo quizzes for the demo manual's modules (seeded content; a quiz is created only for a module that has none).

The demo learners' reading and attempts are development data: devdata.demo generates them.
"""

from curriculum.models import ModulePage

from ..models import Choice, Question, Quiz


def _content():
    from . import quiz_content

    return quiz_content


def _quiz(module: ModulePage, spec: dict) -> Quiz:
    quiz = Quiz(
        module=module,
        pass_mark=spec["pass_mark"],
        attempts_allowed=spec["attempts_allowed"],
        shuffle_choices=spec["shuffle_choices"],
    )
    for language in ("km", "en"):
        setattr(quiz, f"title_{language}", spec["title"][language])
        setattr(quiz, f"intro_{language}", _content().INTRO[language])
    quiz.title = spec["title"]["km"]
    for index, question_spec in enumerate(spec["questions"]):
        question = Question(
            kind=question_spec["kind"],
            scoring=question_spec.get("scoring", "all"),
            sort_order=index,
            text=question_spec["text"]["km"],
            text_km=question_spec["text"]["km"],
            text_en=question_spec["text"]["en"],
            explanation_km=question_spec["explanation"]["km"],
            explanation_en=question_spec["explanation"]["en"],
        )
        choices = []
        for position, choice in enumerate(question_spec["choices"]):
            text_km, text_en, correct, *feedback = choice
            feedback_km, feedback_en = feedback if feedback else ("", "")
            choices.append(
                Choice(
                    sort_order=position,
                    text=text_km,
                    text_km=text_km,
                    text_en=text_en,
                    is_correct=correct,
                    feedback_km=feedback_km,
                    feedback_en=feedback_en,
                )
            )
        question.choices = choices
        quiz.questions.add(question)
    quiz.full_clean()
    quiz.save()
    # Its first published version, as a quiz approved in review has (quizzes keep revisions).
    quiz.save_revision(log_action=False).publish(skip_permission_checks=True, log_action=False)
    return quiz


def load_demo_quizzes(*, stdout) -> list[Quiz]:
    quizzes = []
    for slug, spec in _content().QUIZZES.items():
        module = ModulePage.objects.filter(slug=slug).first()
        if module is None:
            continue
        quiz = Quiz.objects.filter(module=module).first()
        if quiz is None:
            quiz = _quiz(module, spec)
            stdout.write(f"Created the quiz of module {module.number}.")
        quizzes.append(quiz)
    return quizzes


def load_quizzes(*, stdout, force: bool = False) -> None:
    """The `load_demo` step (quizzes are content, not accounts: `force` changes nothing here). The demo learners'
    attempts come later, from devdata.demo."""
    load_demo_quizzes(stdout=stdout)
