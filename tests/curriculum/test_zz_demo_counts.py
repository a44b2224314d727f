import pytest
from tests.curriculum.test_demo import demo  # noqa: F401

pytestmark = pytest.mark.django_db

def test_print(demo):  # noqa: F811
    counts = demo["lesson queries"]
    with open("/tmp/demoq.txt", "w") as f:
        f.write(f"{len(counts)} {max(counts.values())} {sorted(counts.items(), key=lambda kv: -kv[1])[:6]}\n")
