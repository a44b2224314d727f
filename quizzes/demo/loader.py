"""Demo quizzes for the demo manual's modules, and demo learners' attempts and completions."""


def load_quizzes(*, stdout, force: bool = False) -> None:
    return None
