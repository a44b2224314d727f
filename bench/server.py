"""Shared by the benchmarks: serve the site as in production (collectstatic + gunicorn) and walk it.

The server is started in its own process group and stopped by its id when the `with` block ends,
whatever happens inside it. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
HOST = "127.0.0.1"
START_TIMEOUT = 60.0  # seconds to wait for gunicorn to answer /health/
STOP_TIMEOUT = 15.0


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def default_workers() -> int:
    return 2 * cores() + 1


# Sync workers, as in production (scripts/serve.py): a sync worker takes a connection only when it is idle, serves one
# request and closes it, so the load spreads over every worker. A gthread worker keeps its clients' connections
# open and goes on accepting while its thread is busy: with 32 keep-alive clients one worker was seen holding 31 of
# them (17-31 in four tries), the other cores idle, and a signed-in page's requests/s halved in such rounds.
# Keeping phones' connections alive is the reverse proxy's job (nginx in front of gunicorn, docs/deploy.md).
WORKER_CLASS = "sync"
THREADS = 1


def production_env() -> dict[str, str]:
    """The environment a production deployment would set, minus TLS (loopback has none).

    DATABASE_URL is removed on purpose, so the server reads the same SQLite file `make demo` filled
    (VAR_DIR/db.sqlite3; VAR_DIR defaults to var/).
    """
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="1",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def database_path() -> Path:
    return Path(os.environ.get("VAR_DIR", ROOT / "var")) / "db.sqlite3"


def collectstatic(env: dict[str, str]) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


def stop_on_sigterm() -> None:
    """Turn SIGTERM (e.g. from `timeout` or run_all.py) into SystemExit, so `with` blocks stop their servers."""
    import threading

    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:

        def _exit(signum, frame):
            raise SystemExit(128 + signum)

        signal.signal(signal.SIGTERM, _exit)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 15.0) -> tuple[int, dict, bytes]:
    """GET without following redirects; returns status, headers (lower-case names) and the raw body."""
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError(f"benchmarks only talk to {HOST}: {url}")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


class ProductionServer(contextlib.AbstractContextManager):
    """gunicorn serving config.wsgi with production settings on a free loopback port."""

    def __init__(
        self,
        *,
        workers: int | None = None,
        env: dict[str, str] | None = None,
        quiet: bool = False,
        worker_class: str = WORKER_CLASS,
        threads: int = THREADS,
    ):
        self.workers = workers or default_workers()
        self.worker_class = worker_class
        self.threads = threads if worker_class == "gthread" else 1
        self.env = env or production_env()
        self.quiet = quiet
        self.port = 0
        self.process: subprocess.Popen | None = None
        self._log_dir = tempfile.TemporaryDirectory(prefix="bench-gunicorn-")
        self.log_path = Path(self._log_dir.name) / "gunicorn.log"

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> ProductionServer:
        stop_on_sigterm()
        try:
            for _attempt in range(3):  # the free port can be taken between choosing and binding it
                self.port = free_port()
                if self._start():
                    return self
                self._stop()
            raise RuntimeError(f"gunicorn did not start; log:\n{self.log_tail()}")
        except BaseException:  # also SIGTERM or Ctrl-C while starting: __exit__ will not run
            self._stop()
            self._log_dir.cleanup()
            raise

    def __exit__(self, *exc_info) -> None:
        self._stop()
        self._log_dir.cleanup()

    def _start(self) -> bool:
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--threads",
            str(self.threads),
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group, so the workers stop with the master
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with contextlib.suppress(OSError):
                status, _headers, _body = fetch(f"{self.base_url}/health/", timeout=2)
                if status == 200:
                    if not self.quiet:
                        kind = f"{self.worker_class} workers" + (
                            f" × {self.threads} threads" if self.threads > 1 else ""
                        )
                        print(f"gunicorn: {self.workers} {kind} on {self.base_url} (pid {self.process.pid})")
                    return True
            time.sleep(0.2)
        return False

    def _stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        pgid = process.pid  # start_new_session made the master the leader of its own group
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT)
        # Workers that outlived the master would still be in the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)

    def cpu_seconds(self) -> float:
        """User + system CPU time used so far by the master and its workers (Linux /proc; 0.0 elsewhere).

        Unlike requests/s, CPU time per request hardly changes when other programs share the machine.
        """
        if self.process is None or not Path("/proc").is_dir():
            return 0.0
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            pid, ppid = int(entry.name), int(fields[1])
            if pid == self.process.pid or ppid == self.process.pid:
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class _Links(HTMLParser):
    """The links inside `<ol class="cards">` and the `rel="next"` link of a page."""

    def __init__(self):
        super().__init__()
        self.cards_depth = 0
        self.cards: list[str] = []
        self.next: str | None = None

    @property
    def first_card(self) -> str | None:
        return self.cards[0] if self.cards else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ol" and "cards" in (attrs.get("class") or "").split():
            self.cards_depth += 1
        elif tag == "a" and attrs.get("href"):
            if self.cards_depth:
                self.cards.append(attrs["href"])
            if "next" in (attrs.get("rel") or "").split() and self.next is None:
                self.next = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "ol" and self.cards_depth:
            self.cards_depth -= 1


def _links(url: str) -> _Links:
    status, _headers, body = fetch(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    parser = _Links()
    parser.feed(body.decode("utf-8", errors="replace"))
    return parser


def discover_lessons(base_url: str, language: str) -> tuple[str, str]:
    """Walk the live site like a reader: /<lang>/ -> first module -> first lesson -> its "next lesson" link."""
    home = f"{base_url}/{language}/"
    module = _links(home).first_card
    if not module:
        raise RuntimeError(f"no module listed on {home}: is the demo loaded (make demo)?")
    module_url = urljoin(home, module)
    lesson = _links(module_url).first_card
    if not lesson:
        raise RuntimeError(f"no lesson listed on {module_url}")
    lesson_url = urljoin(module_url, lesson)
    following = _links(lesson_url).next
    if not following:
        raise RuntimeError(f'the first lesson {lesson_url} has no rel="next" link')
    return lesson_url, urljoin(lesson_url, following)


def discover_all_lessons(base_url: str, language: str, limit: int = 200) -> list[str]:
    """Every lesson of the manual in reading order (module by module), at most `limit`."""
    home = f"{base_url}/{language}/"
    lessons: list[str] = []
    for module in _links(home).cards:
        module_url = urljoin(home, module)
        lessons += [urljoin(module_url, lesson) for lesson in _links(module_url).cards]
        if len(lessons) >= limit:
            break
    return lessons[:limit]


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"
