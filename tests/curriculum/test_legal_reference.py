"""A legal reference says the word "Article" once, and tells the reader, in their language, whether the quoted words
are the official text or a working translation, and where they come from."""

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from curriculum.blocks import QUOTATION_WITHOUT_SOURCE, LegalReferenceBlock, QuotationStatus
from curriculum.demo import manual_content

BLOCK = LegalReferenceBlock()
QUOTED = {
    "instrument": "Convention on the Rights of the Child",
    "quotation": "For the purposes of the present Convention, a child means every human being below eighteen.",
    "source": "United Nations, Treaty Series, vol. 1577",
}


def _render(language: str, **value) -> str:
    with translation.override(language):
        return BLOCK.render(BLOCK.to_python(value))


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("en", "1", "Article 1"),
        ("en", "Article 1", "Article 1"),
        ("en", "art. 3 (1)", "Article 3 (1)"),
        ("km", "១", "មាត្រា ១"),
        ("km", "មាត្រា ១", "មាត្រា ១"),
    ],
)
def test_the_word_article_is_said_once(language, typed, shown):
    html = _render(language, instrument="CRC", article=typed)
    assert shown in html
    assert html.count("Article") + html.count("មាត្រា") == 1


def test_no_article_no_word():
    html = _render("en", instrument="Law on Suppression of Human Trafficking and Sexual Exploitation")
    assert "Article" not in html


def test_a_quotation_is_a_working_translation_unless_the_trainer_says_otherwise():
    assert BLOCK.to_python({**QUOTED})["status"] == QuotationStatus.WORKING
    english = _render("en", **QUOTED)
    assert "Working translation, not the official text." in english
    assert "Source: United Nations, Treaty Series, vol. 1577" in english
    khmer = _render("km", **QUOTED)
    assert "ការបកប្រែសម្រាប់ការងារ មិនមែនជាអត្ថបទផ្លូវការទេ។" in khmer
    assert "ប្រភព៖ United Nations" in khmer


def test_official_text_is_marked_official():
    html = _render("en", **QUOTED, status=QuotationStatus.OFFICIAL)
    assert "Official text." in html
    assert "Working translation" not in html


def test_nothing_is_said_about_a_quotation_that_is_not_there():
    html = _render("en", instrument="CRC", article="3", note="Applies to every action.")
    assert "Working translation" not in html and "Official text" not in html and "Source:" not in html


def test_a_quotation_must_name_its_source():
    with pytest.raises(StructBlockValidationError) as raised:
        BLOCK.clean(BLOCK.to_python({**QUOTED, "source": ""}))
    assert raised.value.block_errors["source"].messages == [str(QUOTATION_WITHOUT_SOURCE)]
    BLOCK.clean(BLOCK.to_python({**QUOTED}))


def _demo_references():
    for module in manual_content.MODULES:
        for lesson in module["lessons"]:
            for language, body in lesson["body"].items():
                for block_type, value in body:
                    if block_type == "legal_reference":
                        yield language, value


def test_demo_quotations_say_what_they_are():
    references = list(_demo_references())
    assert references
    for language, value in references:
        BLOCK.clean(BLOCK.to_python(value))
        assert not BLOCK.child_blocks["article"].to_python(value["article"]).startswith(("Article", "មាត្រា"))
        if value["quotation"]:
            # The Khmer quotations are the manual's own translations; the English ones are the treaties' words.
            expected = QuotationStatus.WORKING if language == "km" else QuotationStatus.OFFICIAL
            assert value["status"] == expected and value["source"], value["instrument"]
