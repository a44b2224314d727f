"""Factories for the manual's pages and media: small trees built per test, never the demo content."""

import uuid

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Collection, Page, Site

from curriculum.models import LessonPage, ManualPage, ModulePage

# Khmer with stacked consonants (subscripts and vowels above and below), so rendering problems show.
KHMER_SAMPLE = "ស្ត្រី និង កុមារ ត្រូវបានការពារ។ ព្រះរាជាណាចក្រកម្ពុជា"


def make_site_root(page: Page) -> Site:
    """Make `page` the default site's root, as the demo loader does with the manual."""
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()
    return site


def root_collection() -> Collection:
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in Wagtail's root collection (the upstream factory makes a new root collection each time)."""

    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=800, height=450, color="blue", filename="picture.png")


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Recording {n}")
    # Not a real recording: the blocks only look at the file's name and size.
    file = factory.LazyFunction(lambda: ContentFile(b"\0" * 2048, name="recording.mp3"))
    file_size = factory.LazyAttribute(lambda o: o.file.size)  # as the admin's upload form records it


class _BilingualPageFactory(wagtail_factories.PageFactory):
    """Pages with both language versions of their title; `title` (the base column) repeats the Khmer one."""

    title_km = factory.Sequence(lambda n: f"ទំព័រ {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    title = factory.SelfAttribute("title_km")
    slug = factory.Sequence(lambda n: f"page-{n}")

    class Meta:
        abstract = True


class ManualPageFactory(_BilingualPageFactory):
    title_km = "សៀវភៅណែនាំប៉ូលីសមិត្តភាពកុមារ"
    title_en = "Child-friendly police manual"
    slug = factory.Sequence(lambda n: f"manual-{n}")
    introduction_km = "<p>សៀវភៅណែនាំនេះសម្រាប់ប៉ូលីស និងក្រុមប្រឹក្សាឃុំ។</p>"
    introduction_en = "<p>This manual is for police officers and commune councils.</p>"

    class Meta:
        model = ManualPage


class ModulePageFactory(_BilingualPageFactory):
    number = factory.Sequence(lambda n: n % 99 + 1)
    title_km = factory.LazyAttribute(lambda o: f"ម៉ូឌុល {o.number}")
    title_en = factory.LazyAttribute(lambda o: f"Module title {o.number}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary_km = "សេចក្ដីសង្ខេបនៃម៉ូឌុល។"
    summary_en = "A summary of the module."
    learning_objectives_km = "ស្គាល់សិទ្ធិកុមារ\nឆ្លើយតបដោយសុវត្ថិភាព"
    learning_objectives_en = "Know the rights of the child\nRespond safely"
    audience_roles = factory.LazyFunction(lambda: ["police_officer"])
    estimated_minutes = 20

    class Meta:
        model = ModulePage


def text_block(html: str) -> dict:
    return {"type": "text", "value": html, "id": str(uuid.uuid4())}


def block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


class LessonPageFactory(_BilingualPageFactory):
    title_km = factory.Sequence(lambda n: f"មេរៀន {n}")
    title_en = factory.Sequence(lambda n: f"Lesson title {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    summary_km = "សេចក្ដីសង្ខេបនៃមេរៀន។"
    summary_en = "A summary of the lesson."
    body_km = factory.LazyFunction(lambda: [text_block(f"<p>{KHMER_SAMPLE}</p>")])
    body_en = factory.LazyFunction(lambda: [text_block("<p>Women and children are protected.</p>")])

    class Meta:
        model = LessonPage


def every_block_body(*, language: str, image, audio, video=None) -> list[dict]:
    """A lesson body with one block of each type (video only when a video document is given)."""
    km = language == "km"
    blocks = [
        text_block(f"<h3>{'ចំណុចសំខាន់' if km else 'Heading'}</h3><p>{KHMER_SAMPLE if km else 'Plain text.'}</p>"),
        block("image", {"image": image.pk, "alt_text": "រូបភាព" if km else "A picture", "caption": "Caption"}),
        block("practice", {"title": "Practice", "do": ["Sit at eye level"], "dont": ["Shout"]}),
        block("scenario", {"title": "Scenario", "situation": "A girl of 14 comes in.", "questions": ["What first?"]}),
        block("key_points", {"title": "", "points": ["Safety first"]}),
        block(
            "legal_reference",
            {"instrument": "Convention on the Rights of the Child", "article": "3", "quotation": "Q", "note": "N"},
        ),
        block("procedure", {"title": "Steps", "style": "checklist", "steps": ["Make the child safe"]}),
        block("audio", {"title": "Listen", "file": audio.pk, "transcript": "Transcript text"}),
    ]
    if video is not None:
        blocks.append(block("video", {"title": "Watch", "file": video.pk, "caption": "A short video"}))
    return blocks
