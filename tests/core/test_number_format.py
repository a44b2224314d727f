"""Decimals are written one way on a page: template filters (localized) and Python-formatted report figures agree
in Khmer as in English, and Khmer dates still use Django's Khmer formats."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from reports.charts import coverage_text


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_filtered_decimal_matches_the_python_formatted_one(language):
    with translation.override(language):
        filtered = Template("{{ value|floatformat:1 }}%").render(Context({"value": 42.857}))
        assert filtered == "42.9%"
        assert filtered == coverage_text(42.857)


def test_khmer_dates_keep_djangos_khmer_format():
    with translation.override("km"):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": datetime.date(2026, 3, 5)}))
    assert rendered.startswith("5 ខែ ")
