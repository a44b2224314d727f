import pytest


def test_smoke(client, site_tree, rich_lesson, django_assert_max_num_queries):
    for url in ["/km/", "/en/", "/km/first-module/", "/en/first-module/lesson-1/", "/km/first-module/rich/"]:
        r = client.get(url)
        print(url, r.status_code)
        print(r.content.decode()[:6000])
