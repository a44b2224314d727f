"""One JSON line per request for a log collector: status and duration, no query string, nothing personal."""

import json
import logging

import pytest
from django.test import Client


@pytest.fixture
def request_lines(caplog):
    logger = logging.getLogger("core.requests")  # it does not propagate: its lines go to their own handler
    caplog.set_level(logging.INFO, logger="core.requests")
    logger.addHandler(caplog.handler)
    yield lambda: [json.loads(r.getMessage()) for r in caplog.records if r.name == "core.requests"]
    logger.removeHandler(caplog.handler)


@pytest.mark.django_db
def test_each_request_is_one_json_line(request_lines, site_tree):
    Client().get("/km/first-module/lesson-1/?next=/secret-token/")
    Client().get("/km/no-such-page/")
    lines = request_lines()
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("GET", "/km/first-module/lesson-1/", 200),
        ("GET", "/km/no-such-page/", 404),
    ]
    assert all(line["ms"] >= 0 and line["time"].endswith("+00:00") for line in lines)
    assert lines[0]["bytes"] > 0
    assert "secret-token" not in json.dumps(lines)


@pytest.mark.django_db
def test_nothing_is_logged_when_the_logger_is_off(request_lines):
    logging.getLogger("core.requests").setLevel(logging.WARNING)
    Client().get("/health/")
    assert request_lines() == []
