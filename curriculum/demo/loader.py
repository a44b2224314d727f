"""Build the demo manual (pages, illustrations, recordings, videos) in Khmer and English; adds only what is missing."""

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ..models import LessonPage, ManualPage, ModulePage
from .media import draw_card, make_recording, make_slideshow

LANGUAGES = ("km", "en")
VIDEO_COLOUR = "#5a3d7a"


def _content():
    from . import manual_content

    return manual_content


def _bilingual(target, field: str, values: dict) -> None:
    for language in LANGUAGES:
        setattr(target, f"{field}_{language}", values[language])


def _images(stdout, content) -> dict:
    Image = get_image_model()
    found = {}
    for key, spec in content.IMAGES.items():
        title = spec["title"]["en"]
        image = Image.objects.filter(title=title).first()
        if image is None:
            png = draw_card(title_km=spec["title"]["km"], title_en=title, symbol=spec["symbol"], colour=spec["colour"])
            image = Image(title=title, file=ContentFile(png, name=f"demo-{key}.png"))
            image.save()
            stdout.write(f"Drew illustration '{title}'.")
        found[key] = image
    return found


def _documents(stdout, content) -> dict:
    Document = get_document_model()
    found = {}
    media = [(key, spec, "m4a") for key, spec in content.AUDIO.items()]
    media += [(key, spec, "mp4") for key, spec in content.VIDEO.items()]
    for key, spec, extension in media:
        title = spec["title"]["en"]
        document = Document.objects.filter(title=title).first()
        if document is None:
            # Small: a one-second recording and a two-slide video at one second a slide (the test settings ask
            # for it; the tests check that media exist and are served, not how long they play).
            small = getattr(settings, "CURRICULUM_DEMO_SMALL_MEDIA", False)
            if extension == "m4a":
                data = make_recording(seconds=1.0, rate=8000) if small else make_recording()
            else:
                slides = [(slide["km"], slide["en"]) for slide in spec["slides"]]
                if small:
                    data = make_slideshow(slides=slides[:2], colour=VIDEO_COLOUR, seconds_per_slide=1)
                else:
                    data = make_slideshow(slides=slides, colour=VIDEO_COLOUR)
            # file_size as the admin's upload form sets it; otherwise the first reader's view writes it.
            document = Document(
                title=title, file=ContentFile(data, name=f"demo-{key}.{extension}"), file_size=len(data)
            )
            document.save()
            stdout.write(f"Made demo {'recording' if extension == 'm4a' else 'video'} '{title}'.")
        found[key] = document
    return found


def _stream(blocks: list, images: dict, documents: dict) -> list[dict]:
    """Raw StreamField data from the content file's (type, value) pairs, with media keys turned into ids."""
    raw = []
    for block_type, value in blocks:
        if block_type == "image":
            value = {**value, "image": images[value["image"]].pk}
        elif block_type in {"audio", "video"}:
            value = {**value, "file": documents[value["file"]].pk}
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return raw


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def _manual(stdout, content) -> ManualPage:
    manual = ManualPage.objects.filter(slug=content.MANUAL["slug"]).first()
    if manual is None:
        manual = ManualPage(slug=content.MANUAL["slug"])
        _bilingual(manual, "title", content.MANUAL["title"])
        _bilingual(manual, "introduction", content.MANUAL["introduction"])
        _bilingual(manual, "audience", content.MANUAL["audience"])
        manual.title = content.MANUAL["title"]["km"]
        _publish(Page.get_first_root_node(), manual)
        stdout.write("Created the demo manual.")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=manual, is_default_site=True)
    elif site.root_page_id != manual.pk:
        previous = site.root_page
        site.root_page = manual
        site.save()
        # Wagtail's own placeholder home page goes; a real page someone made stays.
        if previous.content_type.model_class() is Page and previous.numchild == 0:
            previous.delete()
    return manual


def load_manual(*, stdout, force: bool = False) -> None:
    content = _content()
    with translation.override("km"):
        images = _images(stdout, content)
        documents = _documents(stdout, content)
        manual = _manual(stdout, content)
        for spec in content.MODULES:
            module = ModulePage.objects.child_of(manual).filter(slug=spec["slug"]).first()
            if module is None:
                module = ModulePage(
                    slug=spec["slug"],
                    number=spec["number"],
                    audience_roles=spec["audience_roles"],
                    required_roles=spec["required_roles"],
                    estimated_minutes=spec["estimated_minutes"],
                    cover_image=images.get(spec["cover_image"]) if spec.get("cover_image") else None,
                )
                _bilingual(module, "title", spec["title"])
                _bilingual(module, "summary", spec["summary"])
                _bilingual(module, "learning_objectives", {k: "\n".join(v) for k, v in spec["objectives"].items()})
                module.title = spec["title"]["km"]
                _publish(manual, module)
                stdout.write(f"Created module {spec['number']}.")
            for lesson_spec in spec["lessons"]:
                if LessonPage.objects.child_of(module).filter(slug=lesson_spec["slug"]).exists():
                    continue
                lesson = LessonPage(slug=lesson_spec["slug"])
                _bilingual(lesson, "title", lesson_spec["title"])
                _bilingual(lesson, "summary", lesson_spec["summary"])
                for language in LANGUAGES:
                    body = _stream(lesson_spec["body"][language], images, documents)
                    setattr(lesson, f"body_{language}", body)
                lesson.title = lesson_spec["title"]["km"]
                _publish(module, lesson)
