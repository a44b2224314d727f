"""Page weight of a lesson on a phone: every byte the browser transfers, first visit and next lesson.

Headless Chromium (Debian's, driven by Playwright) at 360x740, device scale factor 1, fresh profile per
language. It opens the first demo lesson (found by walking /<lang>/ -> first module -> first lesson),
scrolls to the bottom so lazy images load, then follows the "next lesson" link in the same browser
(warm cache). Bytes are what Chrome DevTools reports as transferred (Network.loadingFinished
encodedDataLength: compressed bodies plus response headers); body-only and decoded sizes are shown too.

Run twice: with the machine's fonts as they are, and with every system font that covers Khmer hidden
from Chromium (a generated fontconfig file), so the self-hosted fallback web font must be downloaded:
the worst case, a phone without a Khmer font.

    .venv/bin/python bench/page_weight.py [--json out.json] [--mode system|no-khmer-font|both]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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
SETTLE_TIMEOUT_MS = 15_000
QUIET_MS = 600
MAX_SCROLL_STEPS = 60
LANGUAGES = ("km", "en")
MODES = ("system", "no-khmer-font")
MAX_LESSONS = 60  # per language, for --every-lesson


@dataclass
class Resource:
    request_id: str
    url: str
    type: str = ""
    method: str = "GET"
    status: int = 0
    encoding: str = ""
    header_bytes: int = 0
    transferred: int = 0  # encodedDataLength at loadingFinished: headers + (compressed) body
    decoded: int = 0  # body bytes after decompression
    from_cache: str = ""  # "", "disk", "memory", "prefetch", "sw"
    finished: bool = False
    failed: str = ""

    @property
    def body(self) -> int:
        return max(0, self.transferred - self.header_bytes)

    @property
    def network_bytes(self) -> int:
        return 0 if self.from_cache else self.transferred


class NetworkLog:
    """Collects Chrome DevTools Protocol network events for one page."""

    def __init__(self, cdp):
        self.resources: dict[str, Resource] = {}
        self.order: list[str] = []
        self.in_flight: set[str] = set()
        self.last_event = time.monotonic()
        self.accept_encoding = ""
        cdp.on("Network.requestWillBeSent", self._will_be_sent)
        cdp.on("Network.requestServedFromCache", self._served_from_cache)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.responseReceivedExtraInfo", self._response_extra)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.on("Network.requestWillBeSentExtraInfo", self._request_extra)
        cdp.send("Network.enable")

    def reset(self) -> None:
        self.resources.clear()
        self.order.clear()
        self.in_flight.clear()

    def _touch(self) -> None:
        self.last_event = time.monotonic()

    def _resource(self, request_id: str) -> Resource:
        if request_id not in self.resources:
            self.resources[request_id] = Resource(request_id=request_id, url="")
            self.order.append(request_id)
        return self.resources[request_id]

    def _will_be_sent(self, event) -> None:
        self._touch()
        request_id = event["requestId"]
        redirect = event.get("redirectResponse")
        if redirect and request_id in self.resources:
            # The redirect itself was transferred: keep it as its own row.
            old = self.resources.pop(request_id)
            old.request_id = f"{request_id}:redirect:{len(self.order)}"
            old.status = redirect.get("status", 0)
            old.transferred = int(redirect.get("encodedDataLength", 0))
            old.header_bytes = old.transferred
            old.finished = True
            self.resources[old.request_id] = old
            self.order[self.order.index(request_id)] = old.request_id
        if event["request"]["url"].startswith("data:"):
            return
        resource = self._resource(request_id)
        resource.url = event["request"]["url"]
        resource.method = event["request"].get("method", "GET")
        resource.type = event.get("type", resource.type)
        self.in_flight.add(request_id)

    def _request_extra(self, event) -> None:
        headers = {k.lower(): v for k, v in event.get("headers", {}).items()}
        if headers.get("accept-encoding"):
            self.accept_encoding = headers["accept-encoding"]

    def _served_from_cache(self, event) -> None:
        self._touch()
        if event["requestId"] in self.resources:
            self.resources[event["requestId"]].from_cache = self.resources[event["requestId"]].from_cache or "memory"

    def _response(self, event) -> None:
        self._touch()
        if event["requestId"] not in self.resources:
            return
        resource = self.resources[event["requestId"]]
        response = event["response"]
        resource.type = event.get("type", resource.type)
        resource.status = response.get("status", 0)
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        resource.encoding = headers.get("content-encoding", "")
        if response.get("fromDiskCache"):
            resource.from_cache = "disk"
        elif response.get("fromPrefetchCache"):
            resource.from_cache = "prefetch"
        elif response.get("fromServiceWorker"):
            resource.from_cache = "sw"
        if not resource.header_bytes:
            resource.header_bytes = int(response.get("encodedDataLength", 0))

    def _response_extra(self, event) -> None:
        # The raw header block as received: the exact header size when the response came from the network.
        text = event.get("headersText")
        if text and event["requestId"] in self.resources:
            self.resources[event["requestId"]].header_bytes = len(text.encode("latin-1", errors="replace"))

    def _data(self, event) -> None:
        self._touch()
        if event["requestId"] in self.resources:
            self.resources[event["requestId"]].decoded += int(event.get("dataLength", 0))

    def _finished(self, event) -> None:
        self._touch()
        self.in_flight.discard(event["requestId"])
        if event["requestId"] in self.resources:
            resource = self.resources[event["requestId"]]
            resource.transferred = int(event.get("encodedDataLength", 0))
            resource.finished = True

    def _failed(self, event) -> None:
        self._touch()
        self.in_flight.discard(event["requestId"])
        if event["requestId"] in self.resources:
            resource = self.resources[event["requestId"]]
            resource.failed = event.get("errorText", "failed") + (" (cancelled)" if event.get("canceled") else "")

    def rows(self) -> list[Resource]:
        return [self.resources[i] for i in self.order if i in self.resources]


def settle(page, log: NetworkLog) -> None:
    """Wait until nothing has been in flight for QUIET_MS (bounded by SETTLE_TIMEOUT_MS)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if not log.in_flight and time.monotonic() - log.last_event > QUIET_MS / 1000:
            return
    print(f"  (network still busy after {SETTLE_TIMEOUT_MS} ms: {len(log.in_flight)} in flight)")


def read_to_the_end(page, log: NetworkLog) -> None:
    """Scroll down a screen at a time, as a reader would, so lazy images load; bounded in steps."""
    settle(page, log)
    for _step in range(MAX_SCROLL_STEPS):
        at_bottom = page.evaluate(
            "() => { window.scrollBy(0, window.innerHeight * 0.9);"
            " return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2; }"
        )
        page.wait_for_timeout(120)
        if at_bottom:
            break
    page.evaluate("() => document.fonts.ready.then(() => true)")
    settle(page, log)


@dataclass
class Visit:
    language: str
    kind: str  # "first" or "warm"
    url: str
    resources: list[dict] = field(default_factory=list)
    transferred: int = 0
    body: int = 0
    decoded: int = 0
    requests: int = 0
    from_cache: int = 0
    web_font_fetched: bool = False
    budget: int = 0
    accept_encoding: str = ""

    @property
    def verdict(self) -> str:
        return "PASS" if self.transferred <= self.budget else "OVER"


def summarise(language: str, kind: str, url: str, log: NetworkLog) -> Visit:
    rows = log.rows()
    visit = Visit(language=language, kind=kind, url=url)
    visit.budget = FIRST_VISIT_BUDGET if kind == "first" else WARM_VISIT_BUDGET
    for resource in rows:
        visit.resources.append({**asdict(resource), "body": resource.body, "network_bytes": resource.network_bytes})
        visit.requests += 1
        if resource.from_cache:
            visit.from_cache += 1
            continue
        visit.transferred += resource.transferred
        visit.body += resource.body
        visit.decoded += resource.decoded
        if "/static/fonts/" in resource.url and resource.url.endswith(".woff2") and resource.transferred:
            visit.web_font_fetched = True
    return visit


def print_visit(visit: Visit, title: str) -> None:
    print(f"\n{title}: {visit.url}")
    print(f"  {'resource':<58} {'type':<11} {'st':>3} {'enc':<4} {'transfer':>9} {'body':>8} {'decoded':>9}  cache")
    for row in visit.resources:
        path = urlsplit(row["url"]).path or row["url"]
        if len(path) > 58:
            path = path[:27] + "…" + path[-30:]
        cache = row["from_cache"] or ("failed: " + row["failed"] if row["failed"] else "-")
        print(
            f"  {path:<58} {row['type'][:11]:<11} {row['status']:>3} {row['encoding'][:4]:<4} "
            f"{row['network_bytes']:>9,} {0 if row['from_cache'] else row['body']:>8,} "
            f"{0 if row['from_cache'] else row['decoded']:>9,}  {cache}"
        )
    print(
        f"  {'TOTAL over the network':<58} {visit.requests - visit.from_cache:>3} req {'':<8} "
        f"{visit.transferred:>9,} {visit.body:>8,} {visit.decoded:>9,}"
    )
    print(
        f"  {visit.verdict}: {kb(visit.transferred)} transferred (body only {kb(visit.body)}) "
        f"against a budget of {kb(visit.budget)}; {visit.from_cache} of {visit.requests} requests from cache; "
        f"Khmer web font downloaded: {'yes' if visit.web_font_fetched else 'no'}"
    )


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


def khmer_fonts_visible(env: dict[str, str] | None = None) -> list[str]:
    if not shutil.which("fc-list"):
        return []
    result = subprocess.run(
        ["fc-list", ":charset=1780", "family"], capture_output=True, text=True, timeout=60, check=False, env=env
    )
    return sorted({line.strip() for line in result.stdout.splitlines() if line.strip()})


def measure_pair(playwright, *, language: str, first_url: str, browser_env: dict[str, str]) -> list[Visit]:
    """A fresh profile opens first_url (first visit), then follows its "next lesson" link (warm cache)."""
    with tempfile.TemporaryDirectory(prefix="bench-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
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
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(30_000)
            cdp = context.new_cdp_session(page)
            log = NetworkLog(cdp)
            page.goto(first_url, wait_until="load")
            read_to_the_end(page, log)
            first = summarise(language, "first", page.url, log)
            first.accept_encoding = log.accept_encoding
            next_link = page.locator('a[rel="next"]')
            if next_link.count() == 0:
                return [first]
            log.reset()
            with page.expect_navigation(wait_until="load"):
                next_link.first.click()
            read_to_the_end(page, log)
            return [first, summarise(language, "warm", page.url, log)]
        finally:
            context.close()


def every_lesson(playwright, *, base_url: str, browser_env: dict[str, str]) -> list[dict]:
    """Each lesson once as a first visit, and each "next lesson" step with a warm cache (worst-case fonts)."""
    rows = []
    for language in LANGUAGES:
        lessons = discover_all_lessons(base_url, language, limit=MAX_LESSONS)
        warm_by_url: dict[str, Visit] = {}
        first_by_url: dict[str, Visit] = {}
        for url in lessons:
            visits = measure_pair(playwright, language=language, first_url=url, browser_env=browser_env)
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
                    "first_requests": first.requests - first.from_cache,
                    "warm": warm.transferred if warm else None,
                    "warm_requests": (warm.requests - warm.from_cache) if warm else None,
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
    results: dict = {"modes": {}}
    with ProductionServer(env=env, workers=3) as server, tempfile.TemporaryDirectory(prefix="bench-fonts-") as tmp:
        lessons = {language: discover_lessons(server.base_url, language) for language in LANGUAGES}
        for language, (first, second) in lessons.items():
            print(f"{language}: first lesson {first}\n    next lesson  {second}")
        # Warm the server (renditions are generated on the first render), not the browser.
        for first, second in lessons.values():
            fetch(first)
            fetch(second)
        compression = html_compression(server.base_url, lessons["km"][0])
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
                    print(f"\n== mode {mode}: system Khmer fonts: {', '.join(system) if system else 'none'} ==")
                visits: list[Visit] = []
                for language in LANGUAGES:
                    visits += measure_pair(
                        playwright, language=language, first_url=lessons[language][0], browser_env=browser_env
                    )
                for visit in visits:
                    kind = "first visit" if visit.kind == "first" else "next lesson, warm cache"
                    print_visit(visit, f"[{mode}] {visit.language.upper()} {kind}")
                results["modes"][mode] = [{**asdict(v), "verdict": v.verdict} for v in visits]
            if every:
                browser_env = dict(os.environ)
                browser_env["FONTCONFIG_FILE"] = str(conf)
                results["every_lesson"] = every_lesson(playwright, base_url=server.base_url, browser_env=browser_env)
    if every:
        print_every_lesson(results["every_lesson"])
    print_summary(results)
    return results


def print_summary(results: dict) -> None:
    print("\nPage weight summary (bytes over the network: headers + compressed bodies)")
    print(
        f"  {'mode':<14} {'lang':<4} {'visit':<18} {'requests':>8} {'transfer':>10} {'body':>10} {'budget':>9}"
        "  verdict  web font"
    )
    for mode, visits in results["modes"].items():
        for v in visits:
            kind = "first visit" if v["kind"] == "first" else "next lesson, warm"
            print(
                f"  {mode:<14} {v['language']:<4} {kind:<18} {v['requests'] - v['from_cache']:>8} "
                f"{kb(v['transferred']):>10} {kb(v['body']):>10} {kb(v['budget']):>9}  {v['verdict']:<7}  "
                f"{'fetched' if v['web_font_fetched'] else 'not fetched'}"
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
