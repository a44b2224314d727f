"""StreamField blocks of a lesson: each renders well at 360 px and carries what a screen reader needs."""

import re
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]
AUDIO_EXTENSIONS = {"mp3", "m4a", "ogg", "oga", "wav"}
VIDEO_EXTENSIONS = {"mp4", "webm"}
WRONG_AUDIO_FILE = _("Choose an audio file (MP3, M4A, OGG or WAV).")
WRONG_VIDEO_FILE = _("Choose a video file (MP4 or WebM).")


class ParagraphsBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "curriculum/blocks/text.html"
        description = _("Paragraphs, short lists and sub-headings.")
        preview_value = "<p>Explain each step to the child in words they understand.</p>"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "curriculum/blocks/image.html"
        description = _("A picture with its description and an optional caption.")


class PracticeCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    do = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Do"), min_num=1)
    dont = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Don't"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Do / Don't")
        template = "curriculum/blocks/practice.html"
        description = _("Good practice next to what to avoid.")
        preview_value = {
            "title": "Talking with a child",
            "do": ["Sit at the child's eye level", "Let a trusted adult stay"],
            "dont": ["Raise your voice", "Blame the child"],
        }


class ScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    situation = blocks.TextBlock(label=_("Situation"), help_text=_("A short case, in a few sentences."))
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Questions to think about"), min_num=1)

    class Meta:
        icon = "openquote"
        label = _("Scenario")
        template = "curriculum/blocks/scenario.html"
        description = _("A short case from practice and questions to think about.")
        preview_value = {
            "title": "At the commune office",
            "situation": "A girl of 14 comes in with her aunt and says a man offered her work across the border.",
            "questions": ["What do you do first?", "Who else should you call?"],
        }


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Points"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "curriculum/blocks/key_points.html"
        description = _("What the reader must remember.")
        preview_value = {"title": "Remember", "points": ["The child's safety comes first"]}


class QuotationStatus(models.TextChoices):
    OFFICIAL = "official", _("Official text")
    WORKING = "working", _("Working translation")


# "Article Article 1": the template says the word, so a number typed with it has the word taken off.
ARTICLE_WORD = re.compile(r"^\s*(?:article|art\.|មាត្រា)\s*", re.IGNORECASE)
QUOTATION_WITHOUT_SOURCE = _("Name the source of the quoted text.")


class LegalReferenceBlock(blocks.StructBlock):
    instrument = blocks.CharBlock(label=_("Instrument"), max_length=250, help_text=_("The law or convention."))
    article = blocks.CharBlock(
        label=_("Article"),
        required=False,
        max_length=60,
        help_text=_("The number only, such as 3 (1): the word “Article” is added in the reader’s language."),
    )
    quotation = blocks.TextBlock(label=_("Quoted text"), required=False)
    # Readers take a quotation for the law's own words unless told otherwise: most Khmer quotations of the
    # conventions are the manual's own translations, so that is the default.
    status = blocks.ChoiceBlock(
        label=_("The quoted text is"),
        choices=QuotationStatus.choices,
        default=QuotationStatus.WORKING,
        help_text=_(
            "“Official text” only when these are the published words in this language (such as the treaty’s "
            "English text); otherwise a working translation."
        ),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=250,
        help_text=_("Where the quoted words come from: the published text, or who translated them."),
    )
    note = blocks.TextBlock(label=_("What it means in practice"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Legal reference")
        template = "curriculum/blocks/legal_reference.html"
        description = _("A law or convention, the article and its words, and whether they are the official text.")
        preview_value = {
            "instrument": "Convention on the Rights of the Child",
            "article": "34",
            "quotation": "States Parties undertake to protect the child from all forms of sexual exploitation "
            "and sexual abuse.",
            "status": QuotationStatus.OFFICIAL,
            "source": "United Nations, Treaty Series, vol. 1577",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("quotation") and not value.get("source"):
            raise StructBlockValidationError(block_errors={"source": ValidationError(QUOTATION_WITHOUT_SOURCE)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["article_number"] = ARTICLE_WORD.sub("", value.get("article") or "")
        context["official"] = value.get("status") == QuotationStatus.OFFICIAL
        return context


class ProcedureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("steps", _("Numbered steps")), ("checklist", _("Checklist"))],
        default="steps",
    )
    steps = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Procedure or checklist")
        template = "curriculum/blocks/procedure.html"
        description = _("Steps to follow in order, or items to check.")
        preview_value = {"title": "First response", "style": "steps", "steps": ["Make the child safe"]}


class MediaFileBlock(blocks.StructBlock):
    """An uploaded audio or video file: nothing is fetched until the reader presses play."""

    allowed_extensions: set[str] = set()
    wrong_file_message = ""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    file = DocumentChooserBlock(label=_("File"))

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None:
            extension = PurePosixPath(document.file.name).suffix.lower().lstrip(".")
            if extension not in self.allowed_extensions:
                raise StructBlockValidationError(block_errors={"file": ValidationError(self.wrong_file_message)})
        return value


class AudioBlock(MediaFileBlock):
    allowed_extensions = AUDIO_EXTENSIONS
    wrong_file_message = WRONG_AUDIO_FILE
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "curriculum/blocks/audio.html"
        description = _("A recording for readers who prefer listening, with its transcript.")


class VideoBlock(MediaFileBlock):
    allowed_extensions = VIDEO_EXTENSIONS
    wrong_file_message = WRONG_VIDEO_FILE
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "curriculum/blocks/video.html"
        description = _("An uploaded video; its size is shown before anything is downloaded.")


class LessonBodyBlock(blocks.StreamBlock):
    text = ParagraphsBlock()
    image = FigureBlock()
    practice = PracticeCardBlock()
    scenario = ScenarioBlock()
    key_points = KeyPointsBlock()
    legal_reference = LegalReferenceBlock()
    procedure = ProcedureBlock()
    audio = AudioBlock()
    video = VideoBlock()
