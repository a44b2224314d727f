"""JavaScript weight: the service worker and every script the pages load, as the production server sends them.

The scripts are found where a browser finds them: the `<script src>` of the rendered pages, /sw.js, and what the
worker imports (`importScripts(CONFIG.store)`). Each is fetched three times from gunicorn: plain, asking for gzip
only, and with the Accept-Encoding Chromium sends (brotli when offered: WhiteNoise serves its pre-compressed files);
the figures are body bytes as they travel, without HTTP headers. Budget (issue 11): at most 15,000 bytes compressed
for the service worker plus all JavaScript.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from server import fetch

SCRIPT_BUDGET = 15_000  # bytes, compressed
CHROMIUM_ACCEPT_ENCODING = "gzip, deflate, br, zstd"  # what Chromium 156 sends (the page-weight run prints it)
SERVICE_WORKER = "/sw.js"
CONFIG_LINE = re.compile(r"^const CONFIG = (\{.*\});$", re.MULTILINE)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.sources.append(attrs["src"])


@dataclass
class Script:
    path: str
    loaded_by: list[str] = field(default_factory=list)
    plain: int = 0
    gzip: int = 0
    served: int = 0
    served_encoding: str = ""


def _body(url: str, accept: str) -> tuple[int, str, bytes]:
    status, headers, body = fetch(url, headers={"Accept-Encoding": accept})
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    return len(body), headers.get("content-encoding", "none"), body


def script_weight(pages: dict[str, str]) -> dict:
    """`pages`: a label for each page to read its scripts from -> its URL (all on the same site)."""
    scripts: dict[str, Script] = {}
    base = ""
    for label, url in pages.items():
        base = base or f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
        _size, _encoding, html = _body(url, "identity")
        parser = _Scripts()
        parser.feed(html.decode("utf-8", errors="replace"))
        for source in parser.sources:
            path = urlsplit(urljoin(url, source)).path
            scripts.setdefault(path, Script(path=path)).loaded_by.append(label)
    worker = scripts.setdefault(SERVICE_WORKER, Script(path=SERVICE_WORKER))
    worker.loaded_by.append("the browser, as the service worker")
    _size, _encoding, source = _body(base + SERVICE_WORKER, "identity")
    config = CONFIG_LINE.search(source.decode("utf-8"))
    if config:
        imported = json.loads(config.group(1)).get("store")
        if imported:
            scripts.setdefault(imported, Script(path=imported)).loaded_by.append("the service worker (importScripts)")
    for script in scripts.values():
        url = base + script.path
        script.plain, _encoding, _data = _body(url, "identity")
        script.gzip, _encoding, _data = _body(url, "gzip")
        script.served, script.served_encoding, _data = _body(url, CHROMIUM_ACCEPT_ENCODING)
    rows = sorted(scripts.values(), key=lambda s: (s.path != SERVICE_WORKER, s.path))
    totals = {key: sum(getattr(s, key) for s in rows) for key in ("plain", "gzip", "served")}
    return {
        "scripts": [asdict(s) for s in rows],
        "totals": totals,
        "budget": SCRIPT_BUDGET,
        "accept_encoding": CHROMIUM_ACCEPT_ENCODING,
        "verdict": "PASS" if totals["served"] <= SCRIPT_BUDGET else "OVER",
        "gzip_verdict": "PASS" if totals["gzip"] <= SCRIPT_BUDGET else "OVER",
    }


def print_script_weight(result: dict) -> None:
    print(
        "\nJavaScript: the service worker and every script the pages load (body bytes as sent by the production "
        f"server; budget {result['budget']:,} bytes compressed)"
    )
    print(f"  {'file':<34} {'plain':>8} {'gzip':>8} {'to Chromium':>12}  loaded by")
    for row in result["scripts"]:
        served = f"{row['served']:,} {row['served_encoding']}"
        print(f"  {row['path']:<34} {row['plain']:>8,} {row['gzip']:>8,} {served:>12}  {', '.join(row['loaded_by'])}")
    totals = result["totals"]
    print(f"  {'TOTAL':<34} {totals['plain']:>8,} {totals['gzip']:>8,} {totals['served']:>12,}")
    print(
        f"  {result['verdict']}: {totals['served']:,} bytes as served to Chromium "
        f"(Accept-Encoding: {result['accept_encoding']}) against {result['budget']:,}"
    )
    print(f"  {result['gzip_verdict']}: {totals['gzip']:,} bytes to a browser that takes gzip only")
