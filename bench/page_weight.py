"""Page weight of a lesson on a phone: every byte the browser transfers, first visit, next lesson, kept lesson.

Headless Chromium (Debian's, driven by Playwright) at 360x740, device scale factor 1, fresh profile per
language. It opens the first demo lesson (found by walking /<lang>/ -> first module -> first lesson),
scrolls to the bottom so lazy images load, then follows the "next lesson" link in the same browser
(warm cache). The site's service worker installs itself on the first visit and precaches a few files; what it
fetches counts too.

Bytes are counted twice. DevTools, resource by resource (`devtools.py`): the page's requests and, through
`Target.setAutoAttach` on the page, the service worker's (`Network.loadingFinished` encodedDataLength:
compressed bodies plus response headers; body-only and decoded sizes are shown too). And on the wire: Chromium
talks to gunicorn through a counting relay on the loopback (`wire.py`), which sees every byte the server sent
whoever asked for it. The budgets are held against the wire count; a difference between the two is printed.

A third scenario, "kept lesson, opened again": a fresh profile opens the first module's page, waits for the
service worker to control it, presses "Keep this module on my phone", and then opens one of the module's
lessons it never opened (budget: 0 bytes), and another with the network cut (it must render, 0 bytes).
And the JavaScript weight: /sw.js and every script the pages load, as served (`script_weight.py`).

Run twice: with the machine's fonts as they are (Noto Sans Khmer from the project's font package is added when
the machine has no Khmer font: a phone that has one, as Android phones do), and with every system font that covers
Khmer hidden from Chromium (a generated fontconfig file), so the self-hosted fallback web font must be downloaded:
the worst case, a phone without a Khmer font.

    .venv/bin/python bench/page_weight.py [--json out.json] [--mode system|no-khmer-font|both] [--every-lesson]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from devtools import NetworkLog, settle
from script_weight import SERVICE_WORKER, print_script_weight, script_weight
from server import (
    ProductionServer,
    collectstatic,
    database_path,
    discover_all_lessons,
    discover_lessons,
    fetch,
    kb,
    production_env,
)
from wire import WireCounter

CHROMIUM = "/usr/bin/chromium"
# From TESTING.md: keep Chromium quiet on a machine with no internet. Playwright adds the headless flag
# and the fresh --user-data-dir itself (launch_persistent_context on a new temporary folder).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 360, "height": 740}
FIRST_VISIT_BUDGET = 100_000  # bytes (1 KB = 1000 bytes here, the stricter reading)
WARM_VISIT_BUDGET = 20_000
KEPT_LESSON_BUDGET = 0
BUDGETS = {"first": FIRST_VISIT_BUDGET, "warm": WARM_VISIT_BUDGET, "kept": KEPT_LESSON_BUDGET}
MAX_SCROLL_STEPS = 60
# After each navigation to a page the service worker controls, Chromium checks the worker's script for an update
# (the spec's "soft update"), a second or two later, once the worker is idle. Such a step waits for that request
# (bounded), so it is counted in the step that caused it, not in the next one, nor missed.
UPDATE_CHECK_TIMEOUT_MS = 10_000
WORKER_READY_MS = 15_000
KEEP_TIMEOUT_MS = 120_000
LANGUAGES = ("km", "en")
MODES = ("system", "no-khmer-font")
MAX_LESSONS = 60  # per language, for --every-lesson


def open_phone(playwright, profile: str, *, language: str, browser_env: dict[str, str]):
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_FLAGS,
        env=browser_env,
        viewport=VIEWPORT,
        screen=VIEWPORT,
        device_scale_factor=1,
        locale="km-KH" if language == "km" else "en-US",
        timeout=60_000,
    )


def worker_ready(page) -> bool:
    """Wait (bounded) until the service worker is active; True if it controls the page."""
    page.evaluate(
        "ms => Promise.race([navigator.serviceWorker.ready, new Promise(r => setTimeout(r, ms))]).then(() => true)",
        WORKER_READY_MS,
    )
    return page.evaluate("() => !!navigator.serviceWorker.controller")


def read_to_the_end(page, log: NetworkLog, wire: WireCounter) -> None:
    """Scroll down a screen at a time, as a reader would, so lazy images load; bounded in steps."""
    settle(page, log, wire)
    for _step in range(MAX_SCROLL_STEPS):
        at_bottom = page.evaluate(
            "() => { window.scrollBy(0, window.innerHeight * 0.9);"
            " return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2; }"
        )
        page.wait_for_timeout(120)
        if at_bottom:
            break
    page.evaluate("() => document.fonts.ready.then(() => true)")
    settle(page, log, wire)


def wait_for_update_check(page, log: NetworkLog, wire: WireCounter) -> bool:
    """Wait (bounded) until the browser has asked for the worker's script, sent or refused; True if it did."""
    deadline = time.monotonic() + UPDATE_CHECK_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        asked = [r.path for r in list(wire.requests)] + [
            (line.split(" ") + ["", ""])[1] for line in list(wire.attempted_while_cut)
        ]
        if SERVICE_WORKER in asked:
            settle(page, log, wire)
            return True
        page.wait_for_timeout(100)
    return False


@dataclass
class Visit:
    language: str
    kind: str  # "first", "warm", or "kept" (a kept lesson opened from the phone's copy)
    url: str
    resources: list[dict] = field(default_factory=list)
    transferred: int = 0  # bytes the server sent, counted on the wire: the figure held against the budget
    sent: int = 0  # bytes the browser sent (requests), on the wire
    connections: int = 0  # new connections opened
    devtools: int = 0  # the same bytes as DevTools reports them, summed over the rows
    by_worker: int = 0  # of which fetched by the service worker
    body: int = 0
    decoded: int = 0
    requests: int = 0
    from_cache: int = 0
    failed: int = 0
    web_font_fetched: bool = False
    budget: int = 0
    accept_encoding: str = ""
    offline: bool = False
    wire_requests: list[list] = field(default_factory=list)  # [method, path, bytes sent back], in order
    # Per path, where the wire carried more than DevTools reported: [path, wire bytes, DevTools bytes].
    unseen: list[list] = field(default_factory=list)
    attempted_while_cut: list[str] = field(default_factory=list)
    update_check: bool | None = None  # whether the browser asked for /sw.js after the navigation (None: not waited)

    @property
    def verdict(self) -> str:
        return "PASS" if self.transferred <= self.budget else "OVER"


def summarise(
    language: str, kind: str, url: str, log: NetworkLog, wire: WireCounter, update_check: bool | None = None
) -> Visit:
    visit = Visit(language=language, kind=kind, url=url, budget=BUDGETS[kind], accept_encoding=log.accept_encoding)
    visit.update_check = update_check
    visit.transferred, visit.sent, visit.connections = wire.down, wire.up, wire.connections
    for resource in log.rows():
        visit.resources.append({**asdict(resource), "body": resource.body, "network_bytes": resource.network_bytes})
        visit.requests += 1
        if resource.failed:
            visit.failed += 1
        if resource.from_cache:
            visit.from_cache += 1
            continue
        visit.devtools += resource.transferred
        if resource.by != "page":
            visit.by_worker += resource.transferred
        visit.body += resource.body
        visit.decoded += resource.decoded
        if "/static/fonts/" in resource.url and resource.url.endswith(".woff2") and resource.transferred:
            visit.web_font_fetched = True
    visit.wire_requests = [[r.method, r.path, r.down] for r in wire.requests]
    visit.unseen = unseen_by_devtools(log, wire)
    visit.attempted_while_cut = list(wire.attempted_while_cut)
    return visit


def unseen_by_devtools(log: NetworkLog, wire: WireCounter) -> list[list]:
    seen: dict[str, int] = {}
    for resource in log.rows():
        path = urlsplit(resource.url)._replace(scheme="", netloc="", fragment="").geturl()
        seen[path] = seen.get(path, 0) + resource.network_bytes
    carried: dict[str, int] = {}
    for request in wire.requests:
        carried[request.path] = carried.get(request.path, 0) + request.down
    return [[path, down, seen.get(path, 0)] for path, down in carried.items() if down > seen.get(path, 0)]


def start_counting(log: NetworkLog, wire: WireCounter) -> None:
    log.reset()
    wire.reset()


def print_visit(visit: Visit, title: str) -> None:
    print(f"\n{title}: {visit.url}")
    print(
        f"  {'resource':<58} {'by':<6} {'type':<10} {'st':>3} {'enc':<4} {'transfer':>9} {'body':>8} "
        f"{'decoded':>9}  cache"
    )
    for row in visit.resources:
        path = urlsplit(row["url"]).path or row["url"]
        if len(path) > 58:
            path = path[:27] + "…" + path[-30:]
        by = "page" if row["by"] == "page" else "worker"
        cache = row["from_cache"] or ("failed: " + row["failed"] if row["failed"] else "-")
        print(
            f"  {path:<58} {by:<6} {row['type'][:10]:<10} {row['status']:>3} {row['encoding'][:4]:<4} "
            f"{row['network_bytes']:>9,} {0 if row['from_cache'] else row['body']:>8,} "
            f"{0 if row['from_cache'] else row['decoded']:>9,}  {cache}"
        )
    fetched = visit.requests - visit.from_cache - visit.failed
    print(
        f"  {'TOTAL as DevTools reports it':<58} {fetched:>3} req {'':<15} "
        f"{visit.devtools:>9,} {visit.body:>8,} {visit.decoded:>9,}"
    )
    print(
        f"  On the wire: {visit.transferred:,} bytes from the server ({visit.sent:,} sent to it, "
        f"{visit.connections} new connections); the service worker's own fetches (DevTools): {visit.by_worker:,} "
        "bytes"
    )
    for path, down, seen in visit.unseen:
        print(f"    on the wire, not (all) in DevTools: {path}: {down:,} bytes (DevTools: {seen:,})")
    for line in visit.attempted_while_cut:
        print(f"    tried while the network was cut (nothing sent back): {line}")
    if visit.update_check is False:
        print(f"    the browser did not ask for {SERVICE_WORKER} within {UPDATE_CHECK_TIMEOUT_MS:,} ms")
    print(
        f"  {visit.verdict}: {visit.transferred:,} bytes over the network against a budget of {visit.budget:,}; "
        f"{visit.from_cache} of {visit.requests} requests from a cache or the service worker"
        + (f", {visit.failed} failed" if visit.failed else "")
        + f"; Khmer web font downloaded: {'yes' if visit.web_font_fetched else 'no'}"
    )


def measure_pair(
    playwright, *, language: str, first_url: str, browser_env: dict[str, str], wire: WireCounter
) -> list[Visit]:
    """A fresh profile opens first_url (first visit, the service worker installing), then follows its
    "next lesson" link (warm cache, the worker in charge)."""
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        context = open_phone(playwright, profile, language=language, browser_env=browser_env)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(30_000)
            log = NetworkLog(context.new_cdp_session(page))
            start_counting(log, wire)
            page.goto(first_url, wait_until="load")
            worker_ready(page)  # its install (the precache) is part of the first visit
            read_to_the_end(page, log, wire)
            first = summarise(language, "first", page.url, log, wire)
            next_link = page.locator('a[rel="next"]')
            if next_link.count() == 0:
                return [first]
            start_counting(log, wire)
            with page.expect_navigation(wait_until="load"):
                next_link.first.click()
            read_to_the_end(page, log, wire)
            checked = wait_for_update_check(page, log, wire)
            return [first, summarise(language, "warm", page.url, log, wire, update_check=checked)]
        finally:
            context.close()


class _Heading(HTMLParser):
    """The text of a page's first <h1>."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.done = False
        self.text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "h1" and self.depth:
            self.depth -= 1
            self.done = not self.depth

    def handle_data(self, data):
        if self.depth:
            self.text += data


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def heading(url: str) -> str:
    status, _headers, body = fetch(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    parser = _Heading()
    parser.feed(body.decode("utf-8", errors="replace"))
    return squeeze(parser.text)


# What the module takes on the phone: the bodies in the worker's "pages" and "media" caches (the kept module's
# pages and images, plus the pages visited on the way), and the site's whole storage as the browser counts it.
ON_THE_PHONE = """async () => {
  const kept = await window.cfpStore.all("kept");
  let cached = 0, entries = 0;
  for (const name of ["pages", "media"]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      cached += (await (await cache.match(request)).blob()).size;
      entries += 1;
    }
  }
  const estimate = await navigator.storage.estimate();
  return { kept: kept.map((r) => ({ title: r.title, bytes: r.bytes, pages: r.pages.length, files: r.files.length })),
           cached, entries, usage: estimate.usage || 0 };
}"""


def open_kept(page, log: NetworkLog, wire: WireCounter, *, language: str, url: str, expected: str) -> dict:
    start_counting(log, wire)
    page.goto(url, wait_until="load")
    read_to_the_end(page, log, wire)
    checked = wait_for_update_check(page, log, wire)
    visit = summarise(language, "kept", page.url, log, wire, update_check=checked)
    shown = squeeze(page.inner_text("h1")) if page.locator("h1").count() else ""
    return {
        **asdict(visit),
        "verdict": visit.verdict,
        "h1": shown,
        "expected_h1": expected,
        "rendered": shown == expected,
    }


# The kept-lesson steps: the first lesson opened after keeping (the page script also checks, at most once an hour,
# whether kept modules changed), another one, and a third with the network cut. Each lesson is one never opened.
KEPT_STEPS = (
    ("online", "kept lesson, opened again"),
    ("again", "kept lesson, another"),
    ("offline", "kept lesson, network cut"),
)


def measure_kept(playwright, *, language: str, module_url: str, browser_env: dict[str, str], wire: WireCounter) -> dict:
    """Keep the module on a fresh phone, then open lessons of it never opened: two online, one offline."""
    result: dict = {"language": language, "module": module_url}
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        context = open_phone(playwright, profile, language=language, browser_env=browser_env)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(30_000)
            log = NetworkLog(context.new_cdp_session(page))
            page.goto(module_url, wait_until="load")
            result["reloaded"] = not worker_ready(page)
            if result["reloaded"]:
                start_counting(log, wire)
                page.reload(wait_until="load")
            result["controlled"] = page.evaluate("() => !!navigator.serviceWorker.controller")
            lessons = page.eval_on_selector_all("ol.cards a", "links => links.map((a) => a.href)")
            if not lessons:
                raise RuntimeError(f"no lesson listed on {module_url}")
            # A short module repeats its last lesson (then "never opened" no longer holds for the later steps).
            chosen = {key: lessons[min(i, len(lessons) - 1)] for i, (key, _label) in enumerate(KEPT_STEPS)}
            expected = {url: heading(url) for url in set(chosen.values())}
            if result["reloaded"]:  # a navigation the worker controlled: wait for the check it brings
                wait_for_update_check(page, log, wire)
            settle(page, log, wire)

            start_counting(log, wire)
            page.click("[data-keep-button]")
            page.wait_for_selector("[data-keep-remove]:visible", timeout=KEEP_TIMEOUT_MS)
            settle(page, log, wire)
            result["keeping"] = {"bytes": wire.down, "sent": wire.up, "requests": len(wire.requests)}
            result["panel"] = squeeze(page.inner_text("[data-keep-status]"))
            result["on_the_phone"] = page.evaluate(ON_THE_PHONE)

            for key, _label in KEPT_STEPS:
                url = chosen[key]
                if key == "offline":
                    context.set_offline(True)
                    wire.cut()
                try:
                    result[key] = open_kept(page, log, wire, language=language, url=url, expected=expected[url])
                finally:
                    wire.restore()
                    context.set_offline(False)
                result[key]["offline"] = key == "offline"
        finally:
            context.close()
    return result


def print_kept(mode: str, kept: dict) -> None:
    language = kept["language"].upper()
    print(f"\n[{mode}] {language} kept module: {kept['module']}")
    keeping, phone = kept["keeping"], kept["on_the_phone"]
    print(
        f"  The worker controlled the page {'after a reload' if kept['reloaded'] else 'without a reload'}. "
        f"Keeping the module cost {keeping['bytes']:,} bytes over the network ({keeping['requests']} requests); "
        f"the panel says: {kept['panel']!r}"
    )
    for record in phone["kept"]:
        print(
            f"  On the phone: {record['title']!r}: {record['bytes']:,} bytes kept ({record['pages']} pages, "
            f"{record['files']} files) by the page script's count"
        )
    print(
        f"  The worker's page and media caches hold {phone['cached']:,} bytes in {phone['entries']} entries; "
        f"the site's storage in all (navigator.storage.estimate, caches and IndexedDB): {phone['usage']:,} bytes"
    )
    for key, label in KEPT_STEPS:
        visit = kept[key]
        fields = {k: v for k, v in visit.items() if k in Visit.__dataclass_fields__}
        print_visit(Visit(**fields), f"[{mode}] {language} {label}")
        state = "rendered" if visit["rendered"] else "NOT rendered"
        print(f"  {state}: h1 {visit['h1']!r} (the lesson's own: {visit['expected_h1']!r})")


def fontconfig_without_khmer(folder: Path) -> tuple[Path, list[str]]:
    """A fontconfig file that loads the system configuration and then rejects every font covering Khmer."""
    files: list[str] = []
    if shutil.which("fc-list"):
        listing = subprocess.run(
            ["fc-list", ":charset=1780", "file"], capture_output=True, text=True, timeout=60, check=False
        ).stdout
        files = sorted({line.split(":")[0].strip() for line in listing.splitlines() if line.strip()})
    globs = [*files, "*Khmer*", "*khmer*"]
    rejects = "\n".join(f"      <glob>{glob}</glob>" for glob in globs)
    cache = folder / "fontconfig-cache"
    cache.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <cachedir>{cache}</cachedir>\n"
        f"  <selectfont>\n    <rejectfont>\n{rejects}\n    </rejectfont>\n  </selectfont>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf, files


def fontconfig_with_phone_font(folder: Path) -> Path:
    """A fontconfig file that adds Noto Sans Khmer (the project's pinned font package, the family Android phones
    ship) to the system configuration: the `system` mode on a machine that has no Khmer font of its own."""
    import fontpkg_noto_sans_khmer

    cache = folder / "fontconfig-cache-phone"
    cache.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts-phone.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{Path(fontpkg_noto_sans_khmer.ROOT) / 'files'}</dir>\n"
        f"  <cachedir>{cache}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def khmer_fonts_visible(env: dict[str, str] | None = None) -> list[str]:
    if not shutil.which("fc-list"):
        return []
    result = subprocess.run(
        ["fc-list", ":charset=1780", "family"], capture_output=True, text=True, timeout=60, check=False, env=env
    )
    return sorted({line.strip() for line in result.stdout.splitlines() if line.strip()})


def every_lesson(playwright, *, base_url: str, browser_env: dict[str, str], wire: WireCounter) -> list[dict]:
    """Each lesson once as a first visit, and each "next lesson" step with a warm cache (worst-case fonts)."""
    rows = []
    for language in LANGUAGES:
        lessons = discover_all_lessons(base_url, language, limit=MAX_LESSONS)
        warm_by_url: dict[str, Visit] = {}
        first_by_url: dict[str, Visit] = {}
        for url in lessons:
            visits = measure_pair(playwright, language=language, first_url=url, browser_env=browser_env, wire=wire)
            first_by_url[url] = visits[0]
            if len(visits) > 1:
                warm_by_url[visits[1].url] = visits[1]
        for url in lessons:
            first, warm = first_by_url[url], warm_by_url.get(url)
            rows.append(
                {
                    "language": language,
                    "path": urlsplit(url).path,
                    "first": first.transferred,
                    "first_requests": len(first.wire_requests),
                    "warm": warm.transferred if warm else None,
                    "warm_requests": len(warm.wire_requests) if warm else None,
                    "images": sum(1 for r in first.resources if r["type"] == "Image" and not r["from_cache"]),
                }
            )
    return rows


def print_every_lesson(rows: list[dict]) -> None:
    print("\nEvery lesson, worst case (no Khmer system font): first visit, and arriving by 'next lesson' (warm)")
    print(f"  {'lesson':<62} {'first visit':>14} {'warm (next)':>14} {'images':>6}")
    for row in rows:
        path = f"{row['path']}"
        if len(path) > 62:
            path = path[:30] + "…" + path[-31:]
        warm = f"{kb(row['warm'])} ({row['warm_requests']})" if row["warm"] is not None else "-"
        first = f"{kb(row['first'])} ({row['first_requests']})"
        print(f"  {path:<62} {first:>14} {warm:>14} {row['images']:>6}")
    heaviest_first = max(rows, key=lambda r: r["first"])
    warm_rows = [r for r in rows if r["warm"] is not None]
    print(
        f"  {'PASS' if heaviest_first['first'] <= FIRST_VISIT_BUDGET else 'OVER'}: heaviest first visit "
        f"{kb(heaviest_first['first'])} ({heaviest_first['path']}) against {kb(FIRST_VISIT_BUDGET)}"
    )
    if warm_rows:
        heaviest_warm = max(warm_rows, key=lambda r: r["warm"])
        print(
            f"  {'PASS' if heaviest_warm['warm'] <= WARM_VISIT_BUDGET else 'OVER'}: heaviest next lesson with a warm "
            f"cache {kb(heaviest_warm['warm'])} ({heaviest_warm['path']}) against {kb(WARM_VISIT_BUDGET)}"
        )


def html_compression(base_url: str, url: str) -> dict:
    """What a lesson's HTML weighs plain, gzip and brotli, as the server sends it."""
    result = {}
    for label, accept in (("identity", "identity"), ("gzip", "gzip"), ("br", "br, gzip")):
        status, headers, body = fetch(url, headers={"Accept-Encoding": accept})
        result[label] = {"status": status, "encoding": headers.get("content-encoding", "none"), "bytes": len(body)}
    return result


def run(modes: list[str], every: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    env = production_env()
    print(f"database: {database_path()}")
    collectstatic(env)
    results: dict = {"modes": {}, "kept": {}}
    with (
        ProductionServer(env=env, workers=3) as server,
        WireCounter(server.port) as wire,
        tempfile.TemporaryDirectory(prefix="bench-fonts-") as tmp,
    ):
        # The browser talks to gunicorn through the counting relay; so do the page walks below.
        lessons = {language: discover_lessons(wire.base_url, language) for language in LANGUAGES}
        modules = {language: urljoin(first, "../") for language, (first, _second) in lessons.items()}
        for language, (first, second) in lessons.items():
            print(f"{language}: first lesson {first}\n    next lesson  {second}\n    its module   {modules[language]}")
        # Warm the server (renditions are generated on the first render), not the browser.
        for first, second in lessons.values():
            fetch(first)
            fetch(second)
        results["scripts"] = script_weight(
            {
                "home": f"{wire.base_url}/km/",
                "module": modules["km"],
                "lesson": lessons["km"][0],
                "offline page": f"{wire.base_url}/km/offline/",
            }
        )
        print_script_weight(results["scripts"])
        compression = html_compression(wire.base_url, lessons["km"][0])
        results["html_compression"] = compression
        conf, hidden = fontconfig_without_khmer(Path(tmp))
        with sync_playwright() as playwright:
            for mode in modes:
                browser_env = dict(os.environ)
                if mode == "no-khmer-font":
                    browser_env["FONTCONFIG_FILE"] = str(conf)
                    still = khmer_fonts_visible(browser_env)
                    print(f"\n== mode {mode}: hiding {len(hidden)} system font files that cover Khmer ==")
                    if still:
                        print(f"   WARNING: fontconfig still lists Khmer fonts: {', '.join(still)}")
                else:
                    system = khmer_fonts_visible()
                    if not system:
                        browser_env["FONTCONFIG_FILE"] = str(fontconfig_with_phone_font(Path(tmp)))
                        system = khmer_fonts_visible(browser_env)
                        print(f"\n== mode {mode}: the machine has no Khmer font; added, as a phone has it: ", end="")
                    else:
                        print(f"\n== mode {mode}: system Khmer fonts: ", end="")
                    print(f"{', '.join(system) if system else 'none'} ==")
                visits: list[Visit] = []
                for language in LANGUAGES:
                    visits += measure_pair(
                        playwright,
                        language=language,
                        first_url=lessons[language][0],
                        browser_env=browser_env,
                        wire=wire,
                    )
                for visit in visits:
                    kind = "first visit" if visit.kind == "first" else "next lesson, warm cache"
                    print_visit(visit, f"[{mode}] {visit.language.upper()} {kind}")
                results["modes"][mode] = [{**asdict(v), "verdict": v.verdict} for v in visits]
                results["kept"][mode] = []
                for language in LANGUAGES:
                    kept = measure_kept(
                        playwright, language=language, module_url=modules[language], browser_env=browser_env, wire=wire
                    )
                    print_kept(mode, kept)
                    results["kept"][mode].append(kept)
            if every:
                browser_env = dict(os.environ)
                browser_env["FONTCONFIG_FILE"] = str(conf)
                results["every_lesson"] = every_lesson(
                    playwright, base_url=wire.base_url, browser_env=browser_env, wire=wire
                )
    if every:
        print_every_lesson(results["every_lesson"])
    print_summary(results)
    return results


def print_summary(results: dict) -> None:
    print("\nPage weight summary (bytes the server sent, counted on the wire: headers + compressed bodies)")
    print(
        f"  {'mode':<14} {'lang':<4} {'visit':<26} {'requests':>8} {'transfer':>10} {'worker':>9} {'budget':>9}"
        "  verdict  web font"
    )
    for mode, visits in results["modes"].items():
        rows = [(v, "first visit" if v["kind"] == "first" else "next lesson, warm") for v in visits]
        for kept in results["kept"].get(mode, []):
            rows += [(kept[key], label) for key, label in KEPT_STEPS]
        for v, label in sorted(rows, key=lambda row: row[0]["language"] != "km"):
            font = "fetched" if v["web_font_fetched"] else "not fetched"
            if "rendered" in v:
                font += ", rendered" if v["rendered"] else ", NOT RENDERED"
            print(
                f"  {mode:<14} {v['language']:<4} {label:<26} {len(v['wire_requests']):>8} "
                f"{v['transferred']:>10,} {v['by_worker']:>9,} {v['budget']:>9,}  {v['verdict']:<7}  {font}"
            )
            if "rendered" in v and v["transferred"]:
                what = "; ".join(f"{method} {path} {down:,} B" for method, path, down in v["wire_requests"])
                print(f"  {'':<14} {'':<4} {'':<26} on the wire: {what}")
    scripts = results.get("scripts")
    if scripts:
        totals = scripts["totals"]
        print(
            f"  JavaScript (service worker + scripts): {totals['served']:,} bytes as served to Chromium, "
            f"{totals['gzip']:,} with gzip, {totals['plain']:,} plain; budget {scripts['budget']:,}: "
            f"{scripts['verdict']}"
        )
    for mode, kept_rows in results["kept"].items():
        for kept in kept_rows:
            print(
                f"  [{mode}] {kept['language']}: keeping the module cost {kept['keeping']['bytes']:,} bytes; "
                f"on the phone {kept['on_the_phone']['cached']:,} bytes in the worker's caches; "
                f"panel: {kept['panel']!r}"
            )
    compression = results.get("html_compression", {})
    if compression:
        parts = ", ".join(f"{k}: {v['bytes']:,} B (Content-Encoding {v['encoding']})" for k, v in compression.items())
        print(f"  Lesson HTML as served by gunicorn: {parts}")
        if compression["gzip"]["encoding"] == "none":
            print("  NOTE: HTML is served uncompressed; the figures above would shrink with GZipMiddleware.")
    encodings = {v.get("accept_encoding", "") for visits in results["modes"].values() for v in visits}
    print(f"  Chromium sent Accept-Encoding: {', '.join(sorted(e for e in encodings if e)) or 'unknown'}")


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)  # progress shows even when piped to a file
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=[*MODES, "both"], default="both")
    parser.add_argument(
        "--every-lesson",
        action="store_true",
        help="also load every lesson cold and every 'next lesson' step warm (worst-case fonts)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    modes = list(MODES) if args.mode == "both" else [args.mode]
    results = run(modes, every=args.every_lesson)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
