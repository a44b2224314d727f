"""Search at ten times the demo manual: index rebuild time, query time, recall and precision, and what the results
page weighs beside a lesson page.

Builds its own content in a temporary folder (VAR_DIR): migrates a fresh SQLite database, loads the demo manual and
adds nine copies of each module with all its lessons (10x the text, every word found ten times as often), then
measures in this process, as the site does it:

- rebuild: `search.indexing.index_rebuild()` (what `manage.py search_index_rebuild` runs), three times, median;
- query: `search.selectors.search()` for the words of search.quality's sample (Khmer and English), as the results
  page asks it (ten results and the count), and the whole page through Django's test client; medians and 95th
  percentiles in ms;
- recall and precision on the same samples (search.quality);
- page weight: the results page for ឃុំ and a lesson page, gzip-compressed as the site sends them (status line and
  headers counted as 200 bytes), plus the static files both load on a first visit, against the lesson's first-visit
  budget of bench/page_weight.py (100 KB).

    .venv/bin/python bench/search.py [--copies 10] [--json FILE]

Budgets: median query <= 50 ms, rebuild <= 60 s, results page <= the lesson page's first-visit budget. No network.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY_BUDGET_MS = 50.0
REBUILD_BUDGET_S = 60.0
FIRST_VISIT_BUDGET = 100_000  # bench/page_weight.py: a lesson's first visit, bytes
HEADERS_ESTIMATE = 200
SAMPLE_SIZE = 100


def setup_django(var_dir: Path) -> None:
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.CURRICULUM_DEMO_SMALL_MEDIA = True
    settings.ALLOWED_HOSTS = ["*"]


def build_content(copies: int) -> dict:
    from django.core.management import call_command
    from django.utils import translation

    from curriculum.demo.loader import load_manual
    from curriculum.models import LessonPage, ManualPage, ModulePage

    call_command("migrate", "--noinput", verbosity=0)
    load_manual(stdout=io.StringIO())
    manual = ManualPage.objects.get()
    originals = list(ModulePage.objects.child_of(manual))
    module_fields = ["title_km", "title_en", "summary_km", "summary_en", "learning_objectives_km"]
    module_fields += ["learning_objectives_en", "audience_roles", "required_roles", "estimated_minutes"]
    lesson_fields = ["title_km", "title_en", "summary_km", "summary_en"]
    with translation.override("km"):
        for copy in range(2, copies + 1):
            for original in originals:
                module = ModulePage(
                    slug=f"{original.slug}-{copy}",
                    number=original.number + 10 * (copy - 1),
                    **{name: getattr(original, name) for name in module_fields},
                )
                module.title = module.title_km
                manual.add_child(instance=module)
                for lesson in LessonPage.objects.child_of(original):
                    twin = LessonPage(
                        slug=f"{lesson.slug}-{copy}",
                        body_km=lesson.body_km.raw_data,
                        body_en=lesson.body_en.raw_data,
                        **{name: getattr(lesson, name) for name in lesson_fields},
                    )
                    twin.title = twin.title_km
                    module.add_child(instance=twin)
    return {"modules": ModulePage.objects.live().count(), "lessons": LessonPage.objects.live().count()}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def time_queries(samples: dict[str, list[str]]) -> dict:
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client, RequestFactory

    from search.selectors import search

    request = RequestFactory().get("/km/search/")
    request.user, request.session = AnonymousUser(), {}
    selector_ms, page_ms = [], []
    client = Client()
    for language, words in samples.items():
        search(text=words[0], language=language, request=request, limit=10)  # warm
        for word in words:
            started = time.perf_counter()
            search(text=word, language=language, request=request, limit=10)
            selector_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            response = client.get(f"/{language}/search/", {"q": word})
            page_ms.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (word, response.status_code)
    return {
        "queries": len(selector_ms),
        "selector_median_ms": round(statistics.median(selector_ms), 1),
        "selector_p95_ms": round(percentile(selector_ms, 0.95), 1),
        "page_median_ms": round(statistics.median(page_ms), 1),
        "page_p95_ms": round(percentile(page_ms, 0.95), 1),
    }


def page_weight() -> dict:
    from django.contrib.staticfiles import finders
    from django.test import Client
    from django.utils import translation

    from curriculum.models import LessonPage

    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    lesson = LessonPage.objects.live().first()
    weights = {}
    for language in ("km", "en"):
        results = client.get(f"/{language}/search/", {"q": "ឃុំ" if language == "km" else "commune"})
        with translation.override(language):
            lesson_url = lesson.get_url()
        page = client.get(lesson_url)
        weights[language] = {
            "results_html": len(results.content) + HEADERS_ESTIMATE,
            "lesson_html": len(page.content) + HEADERS_ESTIMATE,
            "gzip": results.get("Content-Encoding") == "gzip",
        }
    static = sum(
        len(gzip.compress(Path(finders.find(name)).read_bytes())) + HEADERS_ESTIMATE
        for name in ("css/site.css", "js/store.js", "js/site.js")
    )
    for figures in weights.values():
        figures["static"] = static
        figures["results_first_visit"] = figures["results_html"] + static
        figures["lesson_first_visit"] = figures["lesson_html"] + static
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="the demo manual this many times (default 10)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        setup_django(Path(tmp))
        started = time.perf_counter()
        content = build_content(args.copies)
        print(
            f"Content: {content['modules']} modules, {content['lessons']} lessons "
            f"({args.copies}x the demo manual), built in {time.perf_counter() - started:.0f} s",
            flush=True,
        )

        from search.indexing import index_rebuild
        from search.quality import measure, word_sample

        rebuilds, entries = [], 0
        for _round in range(3):
            started = time.perf_counter()
            entries = index_rebuild()
            rebuilds.append(time.perf_counter() - started)
        rebuild_s = round(statistics.median(rebuilds), 2)
        samples = {
            "km": word_sample("km", size=SAMPLE_SIZE, including=("ឃុំ", "ច្បាប់")),
            "en": word_sample("en", size=SAMPLE_SIZE),
        }
        queries = time_queries(samples)
        quality = {language: measure(words, language=language) for language, words in samples.items()}
        weights = page_weight()

    figures = {
        "copies": args.copies,
        **content,
        "entries": entries,
        "rebuild_s": rebuild_s,
        "rebuild_runs_s": [round(value, 2) for value in rebuilds],
        **queries,
        "recall": {language: round(result.recall, 4) for language, result in quality.items()},
        "found_as_word": {
            language: round(result.found_as_word / result.pairs, 4) for language, result in quality.items()
        },
        "precision_top5": {language: round(result.precision, 4) for language, result in quality.items()},
        "sample_words": {language: result.words for language, result in quality.items()},
        "weights": weights,
    }
    verdict = {
        "query": "PASS" if figures["selector_median_ms"] <= QUERY_BUDGET_MS else "OVER",
        "rebuild": "PASS" if rebuild_s <= REBUILD_BUDGET_S else "OVER",
        "weight": "PASS" if all(w["results_first_visit"] <= FIRST_VISIT_BUDGET for w in weights.values()) else "OVER",
    }
    markdown = [
        f"**Search** ({args.copies}x the demo manual: {content['modules']} modules, {content['lessons']} lessons, "
        f"{entries} index entries; SQLite, in process)",
        "",
        "| Measure | Figure | Budget | Verdict |",
        "|---|---:|---:|---|",
        f"| Index rebuild (median of 3) | {rebuild_s} s | {REBUILD_BUDGET_S:.0f} s | {verdict['rebuild']} |",
        f"| Query, median ({queries['queries']} words, Khmer and English) | {queries['selector_median_ms']} ms "
        f"| {QUERY_BUDGET_MS:.0f} ms | {verdict['query']} |",
        f"| Query, 95th percentile | {queries['selector_p95_ms']} ms | | |",
        f"| Whole results page, median / 95th percentile | {queries['page_median_ms']} / "
        f"{queries['page_p95_ms']} ms | | |",
        f"| Recall, Khmer / English | {figures['recall']['km']:.1%} / {figures['recall']['en']:.1%} | 95% / 98% | |",
        f"| Found as a word of its own (the segmenter's share), Khmer | {figures['found_as_word']['km']:.1%} | | |",
        f"| Top-5 precision, Khmer / English | {figures['precision_top5']['km']:.1%} / "
        f"{figures['precision_top5']['en']:.1%} | | |",
    ]
    for language, w in weights.items():
        markdown.append(
            f"| Results page, first visit ({language}; lesson page {w['lesson_first_visit']:,} B) "
            f"| {w['results_first_visit']:,} B | {FIRST_VISIT_BUDGET:,} B | {verdict['weight']} |"
        )
    print("\n".join(markdown))
    if args.json:
        args.json.write_text(json.dumps({**figures, "markdown": markdown}, ensure_ascii=False), encoding="utf-8")
    return 0 if all(value == "PASS" for value in verdict.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
