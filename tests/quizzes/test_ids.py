"""Ids in URLs: out-of-range numbers are a 404 at routing; every project URLconf uses the bounded converter."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from core.converters import ID_MAX, BoundedIdConverter

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("config", "core", "curriculum", "learners", "quizzes", "reports", "workshops", "search")


def _project_patterns(resolver, prefix=""):
    """Every (route, pattern) below `resolver` that one of the project's own modules declares."""
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _project_patterns(pattern, route)
            continue
        module = getattr(pattern.callback, "__module__", "") or ""
        if isinstance(pattern, URLPattern) and module.split(".")[0] in PROJECT_APPS:
            yield route, pattern


def test_no_project_url_uses_the_unbounded_int_converter():
    routes = list(_project_patterns(get_resolver()))
    assert any("<id:attempt_id>" in route for route, _pattern in routes)  # the walk does reach the quiz URLs
    unbounded = [
        route
        for route, pattern in routes
        if any(isinstance(converter, IntConverter) for converter in pattern.pattern.converters.values())
    ]
    assert unbounded == []


@pytest.mark.parametrize("value", ["0", str(ID_MAX + 1), "9" * 19])
def test_the_converter_refuses_zero_and_numbers_past_the_widest_id(value):
    with pytest.raises(ValueError):
        BoundedIdConverter().to_python(value)


def test_the_converter_keeps_the_largest_id():
    assert BoundedIdConverter().to_python(str(ID_MAX)) == ID_MAX


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/en/training/attempt/9223372036854775808/submit/"),
        ("get", "/en/training/attempt/9223372036854775808/result/"),
        ("get", "/en/training/attempt/9223372036854775808/review/"),
        ("get", "/en/training/attempt/1/question/99999999999999999999999/"),
        ("post", "/en/training/quiz/9223372036854775808/start/"),
        ("get", "/en/coordinate/learners/9223372036854775808/"),
        ("post", "/en/coordinate/learners/99999999999999999999/confirm/"),
        ("get", "/en/coordinate/import/9223372036854775808/report.csv"),
    ],
)
def test_out_of_range_ids_are_not_found(admin_client, method, path):
    response = getattr(admin_client, method)(path)
    assert response.status_code == 404
