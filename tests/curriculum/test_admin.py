"""Authors' side: the Wagtail admin edits both languages side by side, and bad uploads get a clear error.

These also guard the pinned wagtail-modeltranslation: an upgrade that drops the per-language fields fails here.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.blocks import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from curriculum.blocks import RICH_TEXT_FEATURES, WRONG_AUDIO_FILE, WRONG_VIDEO_FILE, AudioBlock, VideoBlock
from curriculum.models import LessonPage, ManualPage, ModulePage, ModuleRequirementChange
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def html(text: str) -> str:
    return rich_text(text, features=RICH_TEXT_FEATURES)


def list_block(items: list[str]) -> dict:
    """Form data of a ListBlock (Wagtail >= 2.16: each item has value, deleted, order and id)."""
    data = {str(i): {"value": item, "deleted": "", "order": str(i), "id": ""} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def manual_form(**overrides) -> dict:
    data = {
        "title_km": "សៀវភៅណែនាំកែប្រែ",
        "title_en": "Edited manual",
        "slug": "edited-manual",
        "introduction_km": html("<p>សេចក្ដីផ្ដើមថ្មី</p>"),
        "introduction_en": html("<p>New introduction</p>"),
        "audience_km": html("<p>ប៉ូលីស</p>"),
        "audience_en": html("<p>Police officers</p>"),
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **overrides})


def module_form(**overrides) -> dict:
    data = {
        "title_km": "ម៉ូឌុលថ្មី",
        "title_en": "New module",
        "slug": "new-module",
        "number": "7",
        "estimated_minutes": "30",
        "audience_roles": ["police_officer", "ccwc_focal_point"],
        "required_roles": ["police_officer", "commune_council", "ccwc_focal_point"],
        "summary_km": "សេចក្ដីសង្ខេបថ្មី",
        "summary_en": "New summary",
        "learning_objectives_km": "គោលបំណងមួយ",
        "learning_objectives_en": "One objective",
        "cover_image": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    # A list is several values of one field, not nested form data.
    roles = {name: data.pop(name) for name in ("audience_roles", "required_roles")}
    return {**nested_form_data(data), **roles}


def lesson_form(*, image, audio, video, **overrides) -> dict:
    def body(km: bool):
        return streamfield(
            [
                ("text", html("<p>ស្ត្រី និងកុមារ</p>" if km else "<p>Women and children</p>")),
                ("image", {"image": str(image.pk), "alt_text": "រូបភាព" if km else "A picture", "caption": ""}),
                ("practice", {"title": "", "do": list_block(["Listen"]), "dont": list_block(["Shout"])}),
                ("scenario", {"title": "Case", "situation": "A child arrives.", "questions": list_block(["Why?"])}),
                ("key_points", {"title": "", "points": list_block(["Safety first"])}),
                (
                    "legal_reference",
                    {
                        "instrument": "CRC",
                        "article": "3",
                        "quotation": "",
                        "status": "working",
                        "source": "",
                        "note": "",
                    },
                ),
                ("procedure", {"title": "Steps", "style": "steps", "steps": list_block(["Call the CCWC"])}),
                ("audio", {"title": "Listen", "file": str(audio.pk), "transcript": ""}),
                ("video", {"title": "Watch", "file": str(video.pk), "caption": ""}),
            ]
        )

    data = {
        "title_km": "មេរៀនថ្មី",
        "title_en": "New lesson",
        "slug": "new-lesson",
        "summary_km": "សង្ខេប",
        "summary_en": "Summary",
        "body_km": body(True),
        "body_en": body(False),
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **overrides})


def add_url(model, parent) -> str:
    return f"/admin/pages/add/curriculum/{model._meta.model_name}/{parent.pk}/"


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def assert_saved(response):
    """A successful save redirects; a form with errors comes back as 200 and names them."""
    if response.status_code == 200:
        form = response.context["form"]
        pytest.fail(f"the form was not saved: {form.errors.as_data()!r}")
    assert response.status_code == 302, response.status_code


BILINGUAL_FIELDS = {
    ManualPage: ["title_km", "title_en", "introduction_km", "introduction_en", "audience_km", "audience_en"],
    ModulePage: [
        "title_km",
        "title_en",
        "summary_km",
        "summary_en",
        "learning_objectives_km",
        "learning_objectives_en",
    ],
    LessonPage: ["title_km", "title_en", "summary_km", "summary_en", "body_km", "body_en"],
}


def parent_for(model, site_tree):
    return {ManualPage: site_tree.manual.get_parent(), ModulePage: site_tree.manual, LessonPage: site_tree.module}[
        model
    ]


def page_for(model, site_tree):
    return {ManualPage: site_tree.manual, ModulePage: site_tree.module, LessonPage: site_tree.lessons[0]}[model]


@pytest.mark.parametrize("model", [ManualPage, ModulePage, LessonPage], ids=lambda m: m.__name__)
def test_add_view_shows_both_languages(admin_client, site_tree, model):
    response = admin_client.get(add_url(model, parent_for(model, site_tree)))
    assert response.status_code == 200
    content = response.content.decode()
    for field in BILINGUAL_FIELDS[model]:
        assert f'id="id_{field}"' in content or f'id="{field}"' in content, field


@pytest.mark.parametrize("model", [ManualPage, ModulePage, LessonPage], ids=lambda m: m.__name__)
def test_edit_view_shows_both_languages(admin_client, site_tree, model):
    page = page_for(model, site_tree)
    response = admin_client.get(edit_url(page))
    assert response.status_code == 200
    content = response.content.decode()
    for field in BILINGUAL_FIELDS[model]:
        assert f'id="id_{field}"' in content or f'id="{field}"' in content, field
    assert page.title_en in content
    assert page.title_km in content


def test_adding_a_manual_saves_both_languages(admin_client, site_tree):
    response = admin_client.post(add_url(ManualPage, site_tree.manual.get_parent()), manual_form(slug="second"))
    assert_saved(response)
    manual = ManualPage.objects.get(slug="second")
    assert (manual.title_km, manual.title_en) == ("សៀវភៅណែនាំកែប្រែ", "Edited manual")
    assert "សេចក្ដីផ្ដើមថ្មី" in manual.introduction_km
    assert "New introduction" in manual.introduction_en
    assert manual.live


def test_adding_a_module_saves_both_languages(admin_client, site_tree):
    response = admin_client.post(add_url(ModulePage, site_tree.manual), module_form())
    assert_saved(response)
    module = ModulePage.objects.get(slug="new-module")
    assert (module.title_km, module.title_en) == ("ម៉ូឌុលថ្មី", "New module")
    assert (module.summary_km, module.summary_en) == ("សេចក្ដីសង្ខេបថ្មី", "New summary")
    assert (module.learning_objectives_km, module.learning_objectives_en) == ("គោលបំណងមួយ", "One objective")
    assert module.audience_roles == ["police_officer", "ccwc_focal_point"]
    assert module.number == 7


def test_adding_a_module_rejects_an_unknown_audience_role(admin_client, site_tree):
    response = admin_client.post(add_url(ModulePage, site_tree.manual), module_form(audience_roles=["astronaut"]))
    assert response.status_code == 200
    assert "audience_roles" in response.context["form"].errors
    assert not ModulePage.objects.filter(slug="new-module").exists()


def test_trainers_choose_who_must_complete_a_module_and_the_change_is_recorded(admin_client, site_tree):
    """The admin's publish goes through Wagtail's own publishing, whose signal records the change."""
    form = module_form(slug="first-module", required_roles=["police_officer", "ccwc_focal_point"])
    assert_saved(admin_client.post(edit_url(site_tree.module), form))
    site_tree.module.refresh_from_db()
    assert site_tree.module.required_roles == ["police_officer", "ccwc_focal_point"]
    change = ModuleRequirementChange.objects.filter(module=site_tree.module).first()
    assert change.roles_after == ["ccwc_focal_point", "police_officer"]
    assert change.changed_by.username == "admin"

    assert_saved(admin_client.post(edit_url(site_tree.module), {**form, "required_roles": []}))
    site_tree.module.refresh_from_db()
    assert site_tree.module.required_roles == []  # optional for everyone
    assert ModuleRequirementChange.objects.filter(module=site_tree.module).first().roles_after == []


def test_a_module_refuses_an_unknown_required_role(admin_client, site_tree):
    response = admin_client.post(add_url(ModulePage, site_tree.manual), module_form(required_roles=["astronaut"]))
    assert response.status_code == 200
    assert "required_roles" in response.context["form"].errors


def test_adding_a_lesson_with_every_block_saves_both_languages(admin_client, site_tree, image, audio, video):
    response = admin_client.post(
        add_url(LessonPage, site_tree.module), lesson_form(image=image, audio=audio, video=video)
    )
    assert_saved(response)
    lesson = LessonPage.objects.get(slug="new-lesson")
    assert (lesson.title_km, lesson.title_en) == ("មេរៀនថ្មី", "New lesson")
    types = ["text", "image", "practice", "scenario", "key_points", "legal_reference", "procedure", "audio", "video"]
    assert [block.block_type for block in lesson.body_km] == types
    assert [block.block_type for block in lesson.body_en] == types
    assert "ស្ត្រី និងកុមារ" in lesson.body_km[0].value.source
    assert "Women and children" in lesson.body_en[0].value.source
    assert lesson.body_en[1].value["alt_text"] == "A picture"
    assert lesson.body_km[7].value["file"] == audio


def test_editing_a_lesson_saves_both_languages_and_publishes(admin_client, site_tree, image, audio, video):
    lesson = site_tree.lessons[0]
    data = lesson_form(image=image, audio=audio, video=video, slug=lesson.slug, title_en="Renamed lesson")
    response = admin_client.post(edit_url(lesson), data)
    assert_saved(response)
    lesson.refresh_from_db()
    assert (lesson.title_km, lesson.title_en) == ("មេរៀនថ្មី", "Renamed lesson")
    assert len(lesson.body_km) == len(lesson.body_en) == 9
    # The reader sees the published edit in each language.
    assert "Renamed lesson" in admin_client.get("/en/first-module/lesson-1/").content.decode()
    assert "ស្ត្រី និងកុមារ" in admin_client.get("/km/first-module/lesson-1/").content.decode()


def test_editing_a_module_and_the_manual_saves_both_languages(admin_client, site_tree):
    response = admin_client.post(edit_url(site_tree.module), module_form(slug="first-module", title_en="Renamed"))
    assert_saved(response)
    response = admin_client.post(edit_url(site_tree.manual), manual_form(slug=site_tree.manual.slug))
    assert_saved(response)
    site_tree.module.refresh_from_db()
    site_tree.manual.refresh_from_db()
    assert (site_tree.module.title_km, site_tree.module.title_en) == ("ម៉ូឌុលថ្មី", "Renamed")
    assert "New introduction" in site_tree.manual.introduction_en
    assert "សេចក្ដីផ្ដើមថ្មី" in site_tree.manual.introduction_km


def test_saving_a_lesson_with_a_pdf_as_audio_is_refused(admin_client, site_tree, image, audio, video):
    pdf = DocumentFactory(file=SimpleUploadedFile("handout.pdf", b"%PDF-1.4 not really"))
    response = admin_client.post(
        add_url(LessonPage, site_tree.module), lesson_form(image=image, audio=pdf, video=video)
    )
    assert response.status_code == 200
    assert "body_km" in response.context["form"].errors
    assert not LessonPage.objects.filter(slug="new-lesson").exists()


# Uploads that are not images


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.png", b"this is plain text, not a picture"),  # right extension, wrong content
        ("notes.txt", b"plain text"),  # extension not allowed
        ("broken.jpg", png_bytes()[:40]),  # truncated image
        ("empty.png", b""),
    ],
)
def test_image_upload_that_is_not_an_image_gets_a_form_error(admin_client, name, content):
    Image = get_image_model()
    response = admin_client.post(
        "/admin/images/add/", {"title": "Not an image", "file": SimpleUploadedFile(name, content), "collection": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("file")
    assert not Image.objects.exists()


def test_image_upload_of_a_real_image_succeeds(admin_client):
    """Control for the test above: the same form with a real PNG is saved."""
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "A picture", "file": SimpleUploadedFile("red.png", png_bytes()), "collection": "1"},
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="A picture").exists()


def test_multiple_image_upload_that_is_not_an_image_reports_an_error(admin_client):
    """The admin's drag-and-drop uploader answers with an error message, not a 500."""
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("notes.png", b"plain text")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert payload["error_message"]
    assert not get_image_model().objects.exists()


# Media blocks accept only what phones play


@pytest.mark.parametrize("filename", ["clip.mp4", "handout.pdf", "clip.webm"])
def test_audio_block_refuses_files_that_are_not_audio(db, filename):
    document = DocumentFactory(file=SimpleUploadedFile(filename, b"\0" * 10))
    block = AudioBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"title": "Listen", "file": document.pk, "transcript": ""}))
    error = caught.value.block_errors["file"]
    assert isinstance(error, ValidationError)
    assert error.messages == [str(WRONG_AUDIO_FILE)]


@pytest.mark.parametrize("filename", ["talk.mp3", "talk.M4A", "talk.ogg", "talk.wav"])
def test_audio_block_accepts_audio_files(db, filename):
    document = DocumentFactory(file=SimpleUploadedFile(filename, b"\0" * 10))
    block = AudioBlock()
    value = block.clean(block.to_python({"title": "Listen", "file": document.pk, "transcript": ""}))
    assert value["file"] == document


@pytest.mark.parametrize("filename", ["talk.mp3", "handout.pdf"])
def test_video_block_refuses_files_that_are_not_video(db, filename):
    document = DocumentFactory(file=SimpleUploadedFile(filename, b"\0" * 10))
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"title": "Watch", "file": document.pk, "caption": ""}))
    assert caught.value.block_errors["file"].messages == [str(WRONG_VIDEO_FILE)]


def test_video_block_accepts_mp4(db):
    document = DocumentFactory(file=SimpleUploadedFile("clip.mp4", b"\0" * 10))
    block = VideoBlock()
    assert block.clean(block.to_python({"title": "Watch", "file": document.pk, "caption": ""}))["file"] == document
