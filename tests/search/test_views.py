"""The results page: the reader's language, the other language for words in its script, restricted pages never
shown, "did you mean", and a clear message (never an error) for what cannot be searched."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.forms import QUERY_EMPTY, QUERY_NO_WORDS, QUERY_TOO_LONG
from search.indexing import index_rebuild
from tests.factories import LessonPageFactory, text_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(site_tree):
    interview = LessonPageFactory(
        parent=site_tree.module,
        slug="interview",
        title_km="ការសម្ភាសកុមារ",
        title_en="Interviewing a child witness",
        body_km=[text_block("<p>ក្រុមប្រឹក្សាឃុំ និងប៉ូលីស ត្រូវស្តាប់កុមារ។ CCWC ជួយ។</p>")],
        body_en=[text_block("<p>The commune council and the police listen to the child.</p>")],
    )
    index_rebuild()
    site_tree.interview = interview
    return site_tree


def test_the_search_box_is_on_every_page(client, indexed):
    page = client.get("/km/").content.decode()
    assert 'action="/km/search/"' in page and 'name="q"' in page


def test_khmer_results_link_to_the_khmer_lesson_with_the_word_marked(client, indexed):
    response = client.get("/km/search/", {"q": "ឃុំ"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="/km/first-module/interview/"' in page
    assert "<mark>ឃុំ</mark>" in page
    assert "ការសម្ភាសកុមារ" in page and 'lang="km"' in page


def test_a_word_typed_with_a_look_alike_spelling_finds_the_page(client, indexed):
    typed = "ស្ដាប់"  # subscript DA; the lesson writes subscript TA
    page = client.get("/km/search/", {"q": typed}).content.decode()
    assert "/km/first-module/interview/" in page


def test_english_results_link_to_the_english_lesson(client, indexed):
    page = client.get("/en/search/", {"q": "witness"}).content.decode()
    assert 'href="/en/first-module/interview/"' in page
    assert "Interviewing a child witness" in page


def test_english_words_on_a_khmer_page_find_the_english_manual_and_say_so(client, indexed):
    page = client.get("/km/search/", {"q": "police"}).content.decode()
    assert 'href="/en/first-module/interview/"' in page
    assert "Your words are in English" in page or "ពាក្យរបស់អ្នកជាភាសាអង់គ្លេស" in page
    assert 'lang="en"' in page


def test_latin_letters_found_in_the_khmer_text_stay_in_khmer(client, indexed):
    page = client.get("/km/search/", {"q": "CCWC"}).content.decode()
    assert 'href="/km/first-module/interview/"' in page
    assert 'href="/en/' not in page.split("<main")[1]


def test_a_word_of_the_title_comes_before_the_same_word_said_often_in_the_text(client, indexed):
    LessonPageFactory(
        parent=indexed.module,
        slug="referral",
        title_en="Referral",
        body_en=[text_block("<p>Refer the child. The child is safe. The child is heard. The child comes first.</p>")],
    ).save_revision().publish()
    page = client.get("/en/search/", {"q": "child"}).content.decode()
    results = page.split('class="cards search-results"')[1]
    assert results.index("Interviewing a child witness") < results.index("Referral")


def test_a_misspelt_english_word_is_corrected(client, indexed):
    page = client.get("/en/search/", {"q": "intervewing"}).content.decode()
    assert "Interviewing a child witness" in page
    assert "interviewing" in page.split("notice")[1]


def test_pages_behind_a_restriction_are_never_shown(client, indexed, django_user_model):
    group = Group.objects.create(name="Trainers only")
    restriction = PageViewRestriction.objects.create(
        page=indexed.interview, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    assert "/en/first-module/interview/" not in client.get("/en/search/", {"q": "witness"}).content.decode()
    member = django_user_model.objects.create_user(username="member", password="x")
    member.groups.add(group)
    client.force_login(member)
    assert "/en/first-module/interview/" in client.get("/en/search/", {"q": "witness"}).content.decode()


def test_a_password_on_the_manual_hides_every_result(client, indexed):
    PageViewRestriction.objects.create(
        page=indexed.manual, restriction_type=PageViewRestriction.PASSWORD, password="a-password"
    )
    page = client.get("/en/search/", {"q": "child"}).content.decode()
    assert "search-results" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", QUERY_EMPTY),
        ("   ", QUERY_EMPTY),
        ("ក" * 201, QUERY_TOO_LONG),
        ("!!! ??? ។៖", QUERY_NO_WORDS),
        ("\u200b\u200d", QUERY_EMPTY),
        ("🙂", QUERY_NO_WORDS),
    ],
)
def test_what_cannot_be_searched_gets_a_clear_message(client, indexed, query, message):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    expected = str(message) % {"limit": 200} if "%(limit)s" in str(message) else str(message)
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    "extra", [{"page": "abc"}, {"page": "-3"}, {"page": "99999"}, {"q": "child\x00"}, {"q": "child wit\x00ness"}]
)
def test_odd_parameters_never_fail(client, indexed, extra):
    response = client.get("/en/search/", {"q": "child", **extra})
    assert response.status_code == 200


def test_nothing_found_says_so(client, indexed):
    page = client.get("/en/search/", {"q": "zebra"}).content.decode()
    assert "Nothing in the manual matches" in page


def test_the_page_opens_without_a_query(client, indexed):
    response = client.get("/km/search/")
    assert response.status_code == 200 and 'role="alert"' not in response.content.decode()
