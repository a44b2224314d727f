"""The certificate's layout, read from WeasyPrint's laid-out boxes: the QR code, the module table and the foot (dates,
code, signatures) never overlap, at any length of the module list, and a long list flows onto a second page whole."""

from datetime import date

import pytest
from django.test import override_settings

from quizzes.certificates import certificate_document, certificate_html
from quizzes.models import Certificate

# The longest module titles of the demo manual (Khmer and English), and a long name: the worst case for height.
LONGEST_TITLE = {
    "km": "ការបញ្ជូនបន្ត និងការរាយការណ៍ ជាមួយក្រុមប្រឹក្សាឃុំ/សង្កាត់ CCWC និងសេវាសង្គមកិច្ច",
    "en": "Referral and reporting with commune councils, CCWC and social services",
}
HOLDER = {
    "name_km": "សុខ ស្រីពេជ្រ ចាន់ធីតា",
    "name_latin": "Sok Sreypich Chantheavy Rathanakvongsa",
    "role": "police_officer",
    "province_km": "បន្ទាយមានជ័យ",
    "province_en": "Banteay Meanchey",
}
VERIFY_URL = "https://training.example.org/verify/4D38-R72J-42EX/"


def certificate(modules: int) -> Certificate:
    return Certificate(
        code="4D38-R72J-42EX",
        completed_on=date(2026, 11, 24),
        holder=HOLDER,
        modules=[
            {"number": number, "title": LONGEST_TITLE, "completed_on": "2026-11-24"} for number in range(1, modules + 1)
        ],
    )


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def laid_out(modules: int) -> tuple[int, dict[str, list[tuple[int, tuple[float, float, float, float]]]], int]:
    """(pages, {part: [(page, (left, top, right, bottom))]}, table rows drawn) for the parts that must not meet. A part
    is drawn by several boxes (a table's wrapper, rows); its rectangle on a page holds them all."""
    document = certificate_document(certificate=certificate(modules), verify_url=VERIFY_URL)
    parts: dict[str, list] = {}
    rows = set()
    for number, page in enumerate(document.pages):
        drawn: dict[str, tuple] = {}
        for box in _boxes(page._page_box):
            element = box.element
            if element is None:
                continue
            if element.tag == "td" and element.get("class") == "num":  # one per module row (headings are th)
                rows.add(element)
            for name in {"qr", "modules", "foot"} & set((element.get("class") or "").split()):
                left, top = box.border_box_x(), box.border_box_y()
                rect = (left, top, left + box.border_width(), top + box.border_height())
                if name in drawn:
                    rect = tuple(f(a, b) for f, a, b in zip((min, min, max, max), drawn[name], rect, strict=True))
                drawn[name] = rect
        for name, rect in drawn.items():
            parts.setdefault(name, []).append((number, rect))
    return len(document.pages), parts, len(rows)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("modules", [1, 5, 6])
def test_up_to_six_modules_of_the_longest_titles_fit_one_page_without_overlap(modules):
    pages, parts, rows = laid_out(modules)
    assert pages == 1
    assert rows == modules
    (qr,), (table,), (foot,) = (parts["qr"], parts["modules"], parts["foot"])
    for one, other in ((qr, table), (qr, foot), (table, foot)):
        assert not overlap(one[1], other[1]), (one, other)
    assert table[1][3] <= foot[1][1]  # the foot follows the table


@pytest.mark.parametrize("modules", [7, 14])
def test_a_longer_list_runs_onto_the_next_page_with_every_row_and_the_foot_whole(modules):
    pages, parts, rows = laid_out(modules)
    assert pages == 2
    assert rows == modules
    assert len(parts["foot"]) == 1  # drawn once, in one piece
    foot_page, foot = parts["foot"][0]
    assert foot_page == pages - 1
    for page, box in parts["modules"] + parts["qr"]:
        assert page != foot_page or not overlap(box, foot), (page, box, foot)
    for page, box in parts["modules"]:
        assert page != 0 or not overlap(box, parts["qr"][0][1])


def test_the_issuer_and_signatories_come_from_the_settings_in_both_languages():
    issuer = {
        "organisation": {"km": "អង្គការសាកល្បង", "en": "Test Organisation"},
        "programme": {"km": "កម្មវិធីសាកល្បង", "en": "Test programme"},
        "signatories": [
            {"km": "ប្រធានទី១", "en": "First signatory"},
            {"km": "ប្រធានទី២", "en": "Second signatory"},
            {"km": "ប្រធានទី៣", "en": "Third signatory"},
        ],
    }
    with override_settings(CERTIFICATE_ISSUER=issuer):
        html = certificate_html(certificate=certificate(2), verify_url=VERIFY_URL)
    for text in ("អង្គការសាកល្បង", "Test Organisation", "កម្មវិធីសាកល្បង", "Test programme"):
        assert text in html
    assert html.count('class="signature"') == 3
    assert "ប្រធានទី៣" in html and "Third signatory" in html


def test_dates_print_in_each_languages_form():
    html = certificate_html(certificate=certificate(2), verify_url=VERIFY_URL)
    assert html.count("២៤ វិច្ឆិកា ២០២៦") == 3  # the course and both modules, in the Khmer part
    assert html.count("24 November 2026") == 3
    assert "2026-11-24" not in html
