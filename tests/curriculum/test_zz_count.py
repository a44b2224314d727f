import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.factories import LessonPageFactory, every_block_body

@pytest.mark.django_db
@pytest.mark.parametrize("with_video", [False, True])
def test_count(client, site_tree, image, audio, video, with_video):
    body = every_block_body(language="km", image=image, audio=audio, video=video if with_video else None)
    LessonPageFactory(parent=site_tree.module, slug="av", body_km=body, body_en=body)
    for url in ["/km/first-module/av/", "/en/first-module/av/"]:
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
        with CaptureQueriesContext(connection) as warm:
            client.get(url)
        print("\nCOUNT", connection.vendor, "video" if with_video else "no video", url, "cold", len(cold), "warm", len(warm))
