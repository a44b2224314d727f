"""The printed workshop pack and the printed manual (WeasyPrint; Khmer shaped by Pango/HarfBuzz, copied as printed
through core.pdf).

A pack is what a trainer carries to a workshop where some participants have no phone: the covered modules as a
handout (the lessons' text, pictures, Do/Don't cards, legal references, procedures, scenarios and key points; audio
as its transcript, video as its title and caption), the attendance sheet with the roster (a column per day with a
box to sign), and the paper pre- and post-test. The answer key is a document of its own: the learner-facing parts
are built from questions that do not carry which choice is correct (`paper_questions(answers=False)`), so no answer
can reach them by a template's mistake.

Khmer is never placed inside SVG (WeasyPrint breaks it); every label is HTML text.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Count, Max, Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.models import Page

from core import pdf
from core.dates import date_en, date_km
from core.fonts import source_font_path
from curriculum.models import LessonPage, ManualPage, ModulePage
from quizzes.models import Choice, Question

from .models import PaperTest, Participant, TestKind, Workshop

BLANK_ROSTER_LINES = 5  # for people registered on the spot
DAYS_PER_SHEET = 5  # signature boxes stay wide enough to sign in on A4 landscape
IMAGE_SPEC = "max-900x700|format-jpeg|jpegquality-70"


@dataclass
class PrintedModule:
    page: ModulePage
    lessons: list[LessonPage] = field(default_factory=list)


def _image_source(image) -> str:
    """A file URI WeasyPrint reads straight from disk where the storage has paths, else the file's URL."""
    rendition = image.get_rendition(IMAGE_SPEC)
    try:
        return rendition.file.path and f"file://{rendition.file.path}"
    except NotImplementedError:  # object storage: WeasyPrint fetches the URL
        return rendition.file.url


def printed_modules(modules: list[ModulePage]) -> list[PrintedModule]:
    """The modules (in the order given) with their live lessons in tree order: two queries whatever the size."""
    printed = {module.pk: PrintedModule(page=module) for module in modules}
    paths = {module.path: module.pk for module in modules}
    if not paths:
        return []
    under = reduce(operator.or_, (Q(path__startswith=path) for path in paths))
    lessons = LessonPage.objects.live().filter(under, depth=modules[0].depth + 1).order_by("path")
    for lesson in lessons:
        printed[paths[lesson.path[: -Page.steplen]]].lessons.append(lesson)
    return list(printed.values())


def _with_figures(modules: list[PrintedModule]) -> list[PrintedModule]:
    """Each lesson's blocks paired with the picture file to print (renditions made once per image)."""
    sources = {}
    for module in modules:
        for lesson in module.lessons:
            lesson.printed_blocks = []
            for block in lesson.body:
                source = None
                if block.block_type == "image" and block.value["image"] is not None:
                    image = block.value["image"]
                    if image.pk not in sources:
                        sources[image.pk] = _image_source(image)
                    source = sources[image.pk]
                lesson.printed_blocks.append((block, source))
    return modules


def _base_context(language: str) -> dict:
    today = timezone.localdate()
    return {
        "language": language,
        "font_url": source_font_path().resolve().as_uri(),
        "printed_on": date_km(today) if language == "km" else date_en(today),
    }


def _render(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    return pdf.write_pdf(pdf.render(html, base_url=str(source_font_path().parent)))


# --- the paper test -------------------------------------------------------------------------------------------


def test_questions(*, workshop: Workshop, kind: str) -> list[Question]:
    """The questions of the workshop's pre- or post-test: those chosen for it, else the covered modules' quiz
    questions, module by module (the modules in their manual order)."""
    chosen = Question.objects.filter(
        pk__in=PaperTest.questions.through.objects.filter(papertest__workshop=workshop, papertest__kind=kind).values(
            "question_id"
        )
    )
    questions = chosen if chosen.exists() else Question.objects.filter(quiz__module__in=workshop.modules.all())
    return list(
        questions.select_related("quiz", "quiz__module")
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")))
        .order_by("quiz__module__path", "sort_order", "pk")
    )


def paper_questions(questions: list[Question], *, answers: bool) -> list[dict]:
    """Questions as printed. Only with `answers` does a choice say whether it is correct (the trainer's key)."""
    printed = []
    for number, question in enumerate(questions, start=1):
        choices = []
        for letter, choice in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", question.choices.all(), strict=False):
            line = {"letter": letter, "text": choice.text}
            if answers:
                line["correct"] = choice.is_correct
            choices.append(line)
        item = {"number": number, "text": question.text, "kind": question.kind, "choices": choices}
        if answers:
            item["correct_letters"] = [choice["letter"] for choice in choices if choice["correct"]]
            item["explanation"] = question.explanation
        printed.append(item)
    return printed


# --- the roster -----------------------------------------------------------------------------------------------


def roster(workshop: Workshop) -> list[dict]:
    participants = (
        Participant.objects.filter(workshop=workshop)
        .select_related("learner__learner_profile")
        .order_by("learner__learner_profile__full_name_km", "pk")
    )
    lines = []
    for participant in participants:
        profile = getattr(participant.learner, "learner_profile", None)
        lines.append(
            {
                "name_km": profile.full_name_km if profile else participant.learner.get_full_name(),
                "name_latin": profile.full_name_latin if profile else participant.learner.username,
                "role": profile.get_role_display() if profile else "",
                "phone": profile.phone if profile else "",
            }
        )
    return lines


def day_sheets(workshop: Workshop, language: str) -> list[list[dict]]:
    days = [
        {"date": date_km(day.date) if language == "km" else date_en(day.date), "number": number}
        for number, day in enumerate(workshop.days.order_by("date"), start=1)
    ]
    if not days:
        days = [{"date": "", "number": 1}]
    return [days[start : start + DAYS_PER_SHEET] for start in range(0, len(days), DAYS_PER_SHEET)]


# --- the documents --------------------------------------------------------------------------------------------


def workshop_context(workshop: Workshop, language: str) -> dict:
    with translation.override(language):
        modules = printed_modules(list(workshop.modules.live().order_by("path")))
        place = ", ".join(area.name for area in (workshop.commune, workshop.district, workshop.province) if area)
        context = {
            **_base_context(language),
            "workshop": workshop,
            "title": workshop.title,
            "organisation": workshop.organisation.name,
            "place": place,
            "venue": workshop.venue,
            "modules": _with_figures(modules),
            "roster": roster(workshop),
            "blank_lines": range(BLANK_ROSTER_LINES),
            "sheets": day_sheets(workshop, language),
        }
    return context


def pack_pdf(*, workshop: Workshop, language: str = "km") -> bytes:
    """The learner-facing pack: handout, attendance sheet, pre-test and post-test. No answers in it."""
    with translation.override(language):
        context = workshop_context(workshop, language)
        context["tests"] = [
            {
                "kind": kind,
                "label": label,
                "questions": paper_questions(test_questions(workshop=workshop, kind=kind), answers=False),
            }
            for kind, label in TestKind.choices
        ]
        return _render("workshops/pack/pack.html", context)


def answer_key_pdf(*, workshop: Workshop, language: str = "km") -> bytes:
    """The trainer's answer key to the pre- and post-test: a separate document, never part of the pack."""
    with translation.override(language):
        context = {
            **_base_context(language),
            "workshop": workshop,
            "title": workshop.title,
            "organisation": workshop.organisation.name,
            "tests": [
                {
                    "kind": kind,
                    "label": label,
                    "questions": paper_questions(test_questions(workshop=workshop, kind=kind), answers=True),
                }
                for kind, label in TestKind.choices
            ],
        }
        return _render("workshops/pack/answer_key.html", context)


def manual_version_key(manual: ManualPage) -> str:
    """Changes with every publish or unpublish under the manual (its newest live revision and live page count)."""
    found = (
        Page.objects.descendant_of(manual, inclusive=True)
        .live()
        .aggregate(revision=Max("live_revision_id"), pages=Count("pk"))
    )
    return f"{found['revision'] or 0}-{found['pages']}"


def manual_pdf(*, manual: ManualPage, language: str = "km") -> bytes:
    """The whole manual as one printable document, for places without phones."""
    with translation.override(language):
        modules = printed_modules(list(ModulePage.objects.child_of(manual).live().order_by("path")))
        context = {
            **_base_context(language),
            "title": manual.title,
            "manual": manual,
            "modules": _with_figures(modules),
        }
        return _render("workshops/pack/manual.html", context)
