"""Keeping a module on a phone: the keep list of one module and the versions of several (quizzes.offline_modules).

What the page script fetches must be what a learner sees online (lessons in order, the same file URLs as the
lesson pages), and the version must move exactly when the kept copy would be out of date.
"""

import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from quizzes.offline_module_views import MAX_VERSION_IDS
from tests.factories import LessonPageFactory, ModulePageFactory, block, every_block_body, text_block
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db


def keep_list_url(module, language="km") -> str:
    return f"/{language}/training/offline/module/{module.pk}.json"


def keep_list(client, module, language="km") -> dict:
    response = client.get(keep_list_url(module, language))
    assert response.status_code == 200, response
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def versions(client, ids: str, language="km"):
    return client.get(f"/{language}/training/offline/modules.json", {"ids": ids})


def media_lesson(module, audio, video, image, **extra):
    return LessonPageFactory(
        parent=module,
        slug=extra.pop("slug", "media-lesson"),
        body_km=every_block_body(language="km", image=image, audio=audio, video=video),
        body_en=every_block_body(language="en", image=image, audio=audio, video=video),
        **extra,
    )


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_keep_list_holds_the_live_lessons_in_order_in_the_readers_language(client, site_tree, language):
    data = keep_list(client, site_tree.module, language)

    module = site_tree.module
    assert data["module"] == module.pk
    assert data["title"] == getattr(module, f"title_{language}")
    assert data["url"] == f"/{language}/first-module/"
    # The draft lesson is left out; the others come in the order of the module page.
    assert data["lessons"] == [
        {"id": lesson.pk, "url": f"/{language}/first-module/lesson-{n}/", "title": getattr(lesson, f"title_{language}")}
        for n, lesson in enumerate(site_tree.lessons, start=1)
    ]
    assert data["quiz"] is None
    assert data["media"] == []
    assert len(data["version"]) == 12 and int(data["version"], 16) >= 0
    # Every lesson URL the phone will fetch is a page that answers.
    for lesson in data["lessons"]:
        assert client.get(lesson["url"]).status_code == 200


def test_lessons_follow_the_order_set_in_the_admin(client, site_tree):
    last = site_tree.lessons[-1]
    last.move(site_tree.lessons[0], pos="left")

    ids = [lesson["id"] for lesson in keep_list(client, site_tree.module)["lessons"]]

    assert ids == [last.pk, site_tree.lessons[0].pk, site_tree.lessons[1].pk]


@pytest.mark.parametrize("language", ["km", "en"])
def test_media_are_listed_with_their_sizes_and_the_urls_the_lesson_page_plays(
    client, site_tree, audio, video, image, language
):
    lesson = media_lesson(site_tree.module, audio, video, image)

    data = keep_list(client, site_tree.module, language)

    assert data["media"] == [
        {"url": audio.url, "bytes": 3000, "kind": "audio", "title": "Listen", "lesson": lesson.pk},
        {"url": video.url, "bytes": 250_000, "kind": "video", "title": "Watch", "lesson": lesson.pk},
    ]
    page = client.get(f"/{language}/first-module/media-lesson/").content.decode()
    for item in data["media"]:
        assert f'src="{item["url"]}"' in page


def test_media_come_from_the_body_the_page_shows_falling_back_to_the_other_language(
    client, site_tree, audio, video, image
):
    """An English reader of a lesson written only in Khmer sees (and keeps) the Khmer body's recordings; a
    language whose body is filled lists its own."""
    only_khmer = LessonPageFactory(
        parent=site_tree.module,
        slug="only-khmer",
        body_km=[block("audio", {"title": "ស្តាប់", "file": audio.pk, "transcript": ""})],
        body_en=[],
    )
    own_english = LessonPageFactory(
        parent=site_tree.module,
        slug="own-english",
        body_km=[block("audio", {"title": "ស្តាប់", "file": audio.pk, "transcript": ""})],
        body_en=[block("video", {"title": "Watch", "file": video.pk, "caption": ""})],
    )

    english = keep_list(client, site_tree.module, "en")["media"]
    khmer = keep_list(client, site_tree.module, "km")["media"]

    assert [(item["lesson"], item["kind"]) for item in english] == [(only_khmer.pk, "audio"), (own_english.pk, "video")]
    # In Khmer both lessons use the same recording: listed (and downloaded) once.
    assert [(item["lesson"], item["kind"], item["title"]) for item in khmer] == [(only_khmer.pk, "audio", "ស្តាប់")]


def test_a_file_used_in_two_lessons_is_listed_once(client, site_tree, audio, video, image):
    first = media_lesson(site_tree.module, audio, video, image, slug="first-media")
    media_lesson(site_tree.module, audio, video, image, slug="second-media")

    media = keep_list(client, site_tree.module, "en")["media"]

    assert [(item["url"], item["lesson"]) for item in media] == [(audio.url, first.pk), (video.url, first.pk)]


def test_the_quiz_is_listed_with_its_one_page_url(client, site_tree):
    quiz = make_quiz(site_tree.module)

    assert keep_list(client, site_tree.module, "en")["quiz"] == {
        "id": quiz.pk,
        "url": f"/en/training/offline/quiz/{quiz.pk}/",
    }


def test_nothing_in_the_keep_list_gives_an_answer_away(client, site_tree):
    make_quiz(site_tree.module)

    body = client.get(keep_list_url(site_tree.module, "en")).content.decode()

    for secret in ("SECRET", "correct", "feedback", "explanation"):
        assert secret not in body


def test_anonymous_readers_may_keep_a_module(client, site_tree):
    response = client.get(keep_list_url(site_tree.module))

    assert response.status_code == 200
    assert not response.cookies  # nothing personal: no session is started for it


def test_an_unpublished_or_unknown_module_is_not_found(client, site_tree):
    draft = ModulePageFactory(parent=site_tree.manual, number=9, slug="draft-module", live=False)

    assert client.get(keep_list_url(draft)).status_code == 404
    assert client.get("/km/training/offline/module/999999.json").status_code == 404
    # A lesson is not a module.
    assert client.get(keep_list_url(site_tree.lessons[0])).status_code == 404


def test_only_reading_is_allowed(client, site_tree):
    assert client.post(keep_list_url(site_tree.module)).status_code == 405
    assert client.post("/km/training/offline/modules.json?ids=1").status_code == 405


def test_the_answer_is_revalidated_and_a_repeat_costs_a_304(client, site_tree):
    response = client.get(keep_list_url(site_tree.module))
    version = json.loads(response.content)["version"]

    assert response["ETag"] == f'"{version}"'
    assert response["Cache-Control"] == "no-cache"
    again = client.get(keep_list_url(site_tree.module), headers={"if-none-match": f'"{version}"'})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == f'"{version}"'
    # A phone holding an older version gets the whole list.
    assert client.get(keep_list_url(site_tree.module), headers={"if-none-match": '"000000000000"'}).status_code == 200


def version_of(client, module) -> str:
    return keep_list(client, module)["version"]


def test_the_version_stays_the_same_while_nothing_kept_changes(client, site_tree, signed_in):
    before = version_of(client, site_tree.module)
    # Another module published, a draft lesson edited without publishing, a lesson read by a learner.
    site_tree.empty_module.save_revision().publish()
    site_tree.draft.title_en = "Still a draft"
    site_tree.draft.save_revision()
    signed_in.get("/km/first-module/lesson-1/")

    assert version_of(client, site_tree.module) == before
    assert version_of(client, site_tree.module) == keep_list(client, site_tree.module, "en")["version"]


def test_publishing_a_lesson_or_the_module_gives_a_new_version(client, site_tree):
    first = version_of(client, site_tree.module)
    site_tree.lessons[1].save_revision().publish()
    second = version_of(client, site_tree.module)
    site_tree.module.save_revision().publish()
    third = version_of(client, site_tree.module)

    assert len({first, second, third}) == 3


def test_adding_unpublishing_or_moving_a_lesson_gives_a_new_version(client, site_tree):
    seen = [version_of(client, site_tree.module)]
    site_tree.draft.save_revision().publish()
    seen.append(version_of(client, site_tree.module))
    site_tree.lessons[0].unpublish()
    seen.append(version_of(client, site_tree.module))
    site_tree.lessons[2].move(site_tree.lessons[1], pos="left")
    seen.append(version_of(client, site_tree.module))

    assert len(set(seen)) == 4
    assert site_tree.lessons[0].pk not in [lesson["id"] for lesson in keep_list(client, site_tree.module)["lessons"]]


def test_replacing_a_recording_gives_a_new_version(client, site_tree, audio, video, image):
    media_lesson(site_tree.module, audio, video, image)
    before = version_of(client, site_tree.module)
    audio.file = ContentFile(b"\0" * 5000, name="listen-again.m4a")
    audio.file_size = 5000
    audio.save()

    data = keep_list(client, site_tree.module)
    assert data["version"] != before
    assert data["media"][0]["bytes"] == 5000


def test_editing_the_quiz_gives_a_new_version_and_saving_it_unchanged_does_not(client, site_tree):
    """The module's version follows the quiz's content, as the kept one-page quiz does (quizzes.offline)."""
    quiz = make_quiz(site_tree.module)
    before = version_of(client, site_tree.module)
    quiz.save()
    assert version_of(client, site_tree.module) == before

    choice = quiz.questions.first().choices.first()
    choice.text_en = "A trusted adult of the child's choosing"
    choice.save()

    assert version_of(client, site_tree.module) != before


def test_adding_a_quiz_gives_a_new_version(client, site_tree):
    before = version_of(client, site_tree.module)
    make_quiz(site_tree.module)

    assert version_of(client, site_tree.module) != before


def test_the_query_count_does_not_grow_with_the_lessons(
    client, site_tree, audio, video, image, django_assert_max_num_queries
):
    make_quiz(site_tree.module)
    media_lesson(site_tree.module, audio, video, image)
    client.get(keep_list_url(site_tree.module))  # the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as few:
        client.get(keep_list_url(site_tree.module))
    for index in range(8):
        media_lesson(site_tree.module, audio, video, image, slug=f"more-{index}")

    with django_assert_max_num_queries(len(few)):
        data = keep_list(client, site_tree.module)
    assert len(data["lessons"]) == 12
    with django_assert_max_num_queries(8):  # site, module, lessons, restrictions, documents, quiz (3)
        client.get(keep_list_url(site_tree.module))


def test_a_restricted_lesson_is_kept_only_by_those_who_may_read_it(client, site_tree, signed_in):
    PageViewRestriction.objects.create(page=site_tree.lessons[1], restriction_type=PageViewRestriction.LOGIN)

    anonymous = keep_list(Client(), site_tree.module)
    member = keep_list(signed_in, site_tree.module)

    assert site_tree.lessons[1].pk not in [lesson["id"] for lesson in anonymous["lessons"]]
    assert site_tree.lessons[1].pk in [lesson["id"] for lesson in member["lessons"]]
    assert anonymous["version"] != member["version"]


def test_a_module_behind_a_password_is_not_found(client, site_tree):
    PageViewRestriction.objects.create(
        page=site_tree.manual, restriction_type=PageViewRestriction.PASSWORD, password="a-password"
    )

    assert client.get(keep_list_url(site_tree.module)).status_code == 404
    assert json.loads(versions(client, str(site_tree.module.pk)).content) == {
        "modules": {str(site_tree.module.pk): None}
    }


def test_versions_of_several_modules_match_their_keep_lists(client, site_tree):
    draft = ModulePageFactory(parent=site_tree.manual, number=9, slug="draft-module", live=False)
    ids = f"{site_tree.module.pk},{site_tree.empty_module.pk},{draft.pk},999999"

    response = versions(client, ids)

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "modules": {
            str(site_tree.module.pk): version_of(client, site_tree.module),
            str(site_tree.empty_module.pk): version_of(client, site_tree.empty_module),
            str(draft.pk): None,
            "999999": None,
        }
    }
    assert response["Cache-Control"] == "no-cache"
    assert versions(client, ids, "en").content == response.content
    again = client.get(f"/km/training/offline/modules.json?ids={ids}", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    # A lesson published: the answer changes, so the ETag does.
    site_tree.lessons[0].save_revision().publish()
    assert versions(client, ids)["ETag"] != response["ETag"]


def test_no_ids_means_no_modules(client, db):
    assert json.loads(versions(client, "").content) == {"modules": {}}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Give the module numbers as whole numbers separated by commas."),
        ("km", "សូមផ្តល់លេខម៉ូឌុលជាចំនួនគត់ ដោយបំបែកដោយសញ្ញាក្បៀស។"),
    ],
)
@pytest.mark.parametrize("ids", ["1,a", "1,,2", "-1", "0", "1.5", "99999999999999999999", "١"])
def test_bad_ids_are_refused_with_a_message(client, db, language, message, ids):
    response = versions(client, ids, language)

    assert response.status_code == 400
    assert json.loads(response.content) == {"message": message}


@pytest.mark.parametrize("language", ["en", "km"])
def test_at_most_a_hundred_modules_at_a_time(client, site_tree, language):
    many = ",".join(str(number) for number in range(1, MAX_VERSION_IDS + 2))

    response = versions(client, many, language)

    assert response.status_code == 400
    expected = {"en": "Ask for at most 100 modules at a time.", "km": "សូមសួររកម៉ូឌុលយ៉ាងច្រើន 100 ក្នុងមួយដង។"}
    assert json.loads(response.content) == {"message": expected[language]}
    assert versions(client, ",".join(str(n) for n in range(1, MAX_VERSION_IDS + 1))).status_code == 200


def test_the_keep_list_of_a_lesson_with_text_only_lists_no_media(client, site_tree):
    LessonPageFactory(parent=site_tree.module, slug="plain", body_en=[text_block("<p>Only words.</p>")])

    assert keep_list(client, site_tree.module, "en")["media"] == []
