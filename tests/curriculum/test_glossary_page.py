"""The learners' word list: the glossary's words in the reader's language, each with its name in the other language,
linked from every module page."""

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from core.glossary import learner_terms


@pytest.mark.parametrize(
    ("language", "other", "title"),
    [("km", "en", "ពាក្យដែលប្រើក្នុងសៀវភៅណែនាំនេះ"), ("en", "km", "Words used in this manual")],
)
def test_word_list_in_the_readers_language_with_the_other(client, language, other, title):
    with translation.override(language):
        url = reverse("glossary")
    assert url == f"/{language}/words/"
    response = client.get(url)
    assertContains(response, f"<h1>{title}</h1>", html=True)
    diversion = next(term for term in learner_terms() if term.key == "diversion")
    assertContains(response, diversion.term(language))
    assertContains(response, f"({diversion.term(other)})")
    assertContains(response, diversion.definition(language))
    # Interface words that only translators need stay out of the learners' list.
    assertContains(response, 'class="glossary-entry"', count=len(learner_terms()))
    assert "ពិន្ទុជាប់" not in response.content.decode()


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_module_page_links_to_the_word_list(client, site_tree, language):
    for module in (site_tree.module, site_tree.empty_module):
        response = client.get(f"/{language}/{module.slug}/")
        assertContains(response, f'href="/{language}/words/"')
