"""The site on two app servers, on loopback: PostgreSQL + Redis + two gunicorn servers on different ports.

1. A learner signs in on server A, reads a lesson and starts the quiz there, answers and submits on server B.
2. A trainer's change saved as a draft is published through the admin on A; B serves the new page at once (the
   kept copy is left behind through Redis); unpublished on A, B answers 404 at once.
3. Under load (anonymous lessons and quiz submissions spread over both servers, as a proxy would), A is killed
   with SIGKILL. Requests that could not reach A go to B (a proxy's retry; never for a request A may have
   received); B carries on. Counted: errors on B (must be 0), requests in flight on A when it died, and every
   acknowledged submission must be stored whole (0 lost).

    .venv/bin/python bench/drill.py [--learners 120] [--clients 16] [--seconds 8]

Needs a PostgreSQL server at 127.0.0.1:5432 (a throwaway database, dropped afterwards), `redis-server`
(Debian: apt-get install redis-server; a private one on a free port, stopped afterwards) and the `redis` Python
package; skips with a message when one is missing. Loopback only; every loop bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from quiz_load import CSRF_SECRET, REQUEST_TIMEOUT, Connection, post_submit
from quiz_submit import (
    POSTGRES_ADMIN_URL,
    bench_env,
    check_stored,
    django_setup,
    link_fonts,
    make_learners_and_attempts,
)
from quiz_submit import postgres_database as throwaway_postgres
from server import HOST, ProductionServer, collectstatic, free_port

PASSWORD = "drill-Password-2026"  # noqa: S105 - a throwaway account in a throwaway database


def missing() -> str | None:
    if not shutil.which("redis-server"):
        return "redis-server is not installed (Debian: apt-get install redis-server)"
    try:
        import psycopg
        import redis  # noqa: F401
    except ImportError as error:
        return f"the {error.name} Python package is missing (pip install {error.name})"
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            pass
    except psycopg.Error:
        return f"PostgreSQL does not answer at {POSTGRES_ADMIN_URL}"
    return None


@contextlib.contextmanager
def redis_server():
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import redis

        client = redis.Redis(host=HOST, port=port)
        for _try in range(50):
            with contextlib.suppress(redis.ConnectionError):
                if client.ping():
                    break
            time.sleep(0.1)
        print(f"redis-server on {HOST}:{port} (pid {process.pid})")
        yield f"redis://{HOST}:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Browser:
    """One person's cookies against one server at a time (the proxy's job is only to pick the server)."""

    def __init__(self):
        self.cookies = {"csrftoken": CSRF_SECRET}

    def request(self, server: ProductionServer, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if method == "POST":
            # Signing in rotates the CSRF secret: the form sends the cookie's current one, as a page would.
            body = urlencode({"csrfmiddlewaretoken": self.cookies["csrftoken"], **(form or {})}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.headers.get("Location", ""), text


def check(condition: bool, what: str, failures: list[str]) -> None:
    print(f"  {'ok  ' if condition else 'FAIL'} {what}")
    if not condition:
        failures.append(what)


def learner_across_servers(a: ProductionServer, b: ProductionServer, lesson, failures: list[str]) -> set[int]:
    """Returns the ids of the bench attempts this learner had (deleted: they start afresh)."""
    from django.contrib.auth import get_user_model

    from quizzes.models import Attempt, AttemptStatus, LessonView

    print("\n1. A learner signs in on A, reads and starts the quiz on A, answers and submits on B")
    lesson_path = lesson.get_url()
    user = get_user_model().objects.filter(username__startswith="drill-").order_by("pk").last()
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    taken = set(Attempt.objects.filter(learner=user).values_list("pk", flat=True))
    Attempt.objects.filter(learner=user).delete()  # a learner who has not started yet
    browser = Browser()
    browser.request(a, "GET", "/km/account/sign-in/")
    status, location, _ = browser.request(
        a, "POST", "/km/account/sign-in/?next=" + lesson_path, {"username": user.username, "password": PASSWORD}
    )
    check(status == 302 and "sessionid" in browser.cookies, f"signed in on A ({status} to {location})", failures)
    status, _, page = browser.request(a, "GET", lesson_path)
    read = LessonView.objects.filter(learner=user, lesson_id=lesson.pk).exists()
    check(status == 200 and f'data-learner="{user.pk}"' in page and read, "the lesson read on A is recorded", failures)
    quiz_id = int(re.search(r'action="/km/training/quiz/(\d+)/start/"', module_page(browser, a, lesson_path))[1])
    status, location, _ = browser.request(a, "POST", f"/km/training/quiz/{quiz_id}/start/")
    check(status == 302 and "/question/1/" in location, f"quiz started on A ({status} to {location})", failures)
    if "/question/" not in location:
        return taken
    path, answered = location, 0
    for _step in range(50):  # bounded: the demo quizzes have a handful of questions
        if "/question/" not in path:
            break
        status, _, page = browser.request(b, "GET", path)
        question = re.search(r'name="question" value="([^"]+)"', page)[1]
        choice = re.search(r'name="choice" value="([^"]+)"', page)[1]
        status, path, _ = browser.request(b, "POST", path, {"question": question, "choice": choice, "next": "1"})
        answered += status == 302
    attempt_id = int(re.search(r"/attempt/(\d+)/", path)[1])
    status, location, _ = browser.request(b, "POST", f"/km/training/attempt/{attempt_id}/submit/")
    attempt = Attempt.objects.get(pk=attempt_id)
    check(
        status == 302 and location.endswith("/result/") and attempt.status == AttemptStatus.SUBMITTED,
        f"{answered} answers and the submission on B stored (score {attempt.score}%)",
        failures,
    )
    return taken


def module_page(browser: Browser, server: ProductionServer, lesson_path: str) -> str:
    module_path = lesson_path.rstrip("/").rsplit("/", 1)[0] + "/"
    return browser.request(server, "GET", module_path)[2]


def trainer_publishes(a: ProductionServer, b: ProductionServer, lesson, failures: list[str]) -> None:
    from django.contrib.auth import get_user_model

    print("\n2. A trainer publishes on A; B serves the new page at once")
    path = lesson.get_url()
    anonymous = Browser()
    before = anonymous.request(b, "GET", path)[2]
    anonymous.request(b, "GET", path)  # kept on B now
    admin = get_user_model().objects.create_superuser("drill-trainer", password=PASSWORD)
    trainer = Browser()
    trainer.request(a, "GET", "/admin/login/")
    form = {"username": admin.username, "password": PASSWORD}
    status, _location, _ = trainer.request(a, "POST", "/admin/login/", form)
    check(status == 302 and "sessionid" in trainer.cookies, f"the trainer signed in on A ({status})", failures)
    new_title = f"{lesson.title_km} (drill {int(time.time())})"
    lesson.title_km = new_title
    lesson.save_revision(user=admin)  # the trainer's edit, saved as a draft: nobody sees it yet
    check(new_title not in anonymous.request(b, "GET", path)[2], "a draft changes nothing on B", failures)
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={lesson.pk}"
    status, location, _ = trainer.request(a, "POST", publish)
    after = anonymous.request(b, "GET", path)[2]
    published = new_title in after and after != before
    check(status == 302 and published, f"published on A ({status} to {location}), new title on B at once", failures)
    status, location, _ = trainer.request(a, "POST", f"/admin/bulk/wagtailcore/page/unpublish/?id={lesson.pk}")
    gone = anonymous.request(b, "GET", path)[0]
    check(status == 302 and gone == 404, f"unpublished on A, B answers {gone} at once", failures)


async def balanced_load(servers, paths, work, clients: int, seconds: float, kill_after: float, victim) -> dict:
    """Anonymous lesson reads and quiz submissions over both servers, round robin, as a proxy would; a request
    that cannot connect to a server goes to the next one (it never reached the first). `victim` is SIGKILLed
    `kill_after` seconds in."""
    stats = {"reads": 0, "acked": [], "in_flight_lost": 0, "errors_on_survivor": 0, "rerouted": 0, "sent": 0}
    down: set[int] = set()
    queue = list(reversed(work))
    stop_at = time.monotonic() + seconds
    counter = [0]

    def pick() -> ProductionServer:
        counter[0] += 1
        alive = [s for s in servers if s.port not in down]
        return alive[counter[0] % len(alive)]

    async def client(number: int):
        connections = {s.port: Connection(s.port) for s in servers}
        while time.monotonic() < stop_at:
            submitting = number % 2 == 0 and queue
            item = queue.pop() if submitting else None
            for _try in range(len(servers)):
                server = pick()
                connection = connections[server.port]
                fresh = connection.writer is None
                try:
                    if item is not None:
                        stats["sent"] += 1
                        status, location = await post_submit(connection, item[0], item[1], REQUEST_TIMEOUT)
                        ok = status == 302 and location.endswith(f"/attempt/{item[0]}/result/")
                        if ok:
                            stats["acked"].append(item[0])
                    else:
                        path = paths[counter[0] % len(paths)]
                        raw = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{server.port}\r\n\r\n".encode()
                        status, _headers = await connection.request(raw, REQUEST_TIMEOUT)
                        ok = status == 200
                        stats["reads"] += ok
                    if not ok and server is not victim:
                        stats["errors_on_survivor"] += 1
                    break
                except (OSError, TimeoutError):
                    connection.close()
                    if server is victim and victim.process is None:
                        down.add(server.port)
                        if fresh:  # refused: it never reached the dead server, so the proxy tries the other
                            stats["rerouted"] += 1
                            continue
                        stats["in_flight_lost"] += 1
                    else:
                        stats["errors_on_survivor"] += 1
                    break
        for connection in connections.values():
            connection.close()

    async def killer():
        await asyncio.sleep(kill_after)
        process, victim.process = victim.process, None
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        print(f"  SIGKILL to server A (pid {process.pid}) {kill_after:g} s into the load")

    await asyncio.gather(killer(), *(client(n) for n in range(clients)))
    return stats


def run(args) -> int:
    reason = missing()
    if reason:
        print(f"SKIP: {reason}. The drill needs PostgreSQL, redis-server and the redis package.")
        return 0
    failures: list[str] = []
    with (
        tempfile.TemporaryDirectory(prefix="drill-") as var,
        redis_server() as redis_url,
        throwaway_postgres() as database_url,
    ):
        link_fonts(Path(var))  # the Khmer web font `make fonts` built (collectstatic needs it)
        env = {**bench_env(Path(var), database_url), "REDIS_URL": redis_url, "TWO_FACTOR_REQUIRED": "0"}
        print(f"PostgreSQL: {database_url.rsplit('/', 1)[1]} (throwaway); migrating and loading the demo manual")
        os.environ["REDIS_URL"] = redis_url  # this process's changes reach the servers' shared cache too
        django_setup(env)
        made = make_learners_and_attempts(prefix="drill-", learners=args.learners)
        from curriculum.models import LessonPage

        lessons = list(LessonPage.objects.live().order_by("path"))
        collectstatic(env)
        with ProductionServer(workers=2, env=env) as a, ProductionServer(workers=2, env=env) as b:
            print(f"server A {a.base_url}, server B {b.base_url}")
            taken = learner_across_servers(a, b, lessons[0], failures)
            trainer_publishes(a, b, lessons[-1], failures)
            print(f"\n3. Load on both servers ({args.clients} clients, {args.seconds:g} s); A killed mid-load")
            paths = [lesson.get_url() for lesson in lessons[:-1]]
            work = [item for item in made["attempts"] if item[0] not in taken]
            stats = asyncio.run(balanced_load([a, b], paths, work, args.clients, args.seconds, args.seconds / 3, a))
            survivor_ok = b.process is not None and b.process.poll() is None
        stored = check_stored(stats["acked"])
        print(
            f"  {stats['reads']} lessons read, {len(stats['acked'])} submissions acknowledged of "
            f"{stats['sent']} sent; {stats['rerouted']} requests rerouted to B after A died; "
            f"{stats['in_flight_lost']} in flight on A when it died"
        )
        check(survivor_ok and stats["errors_on_survivor"] == 0, "B carried on: 0 errors on B", failures)
        check(
            not stored["problems"],
            f"0 acknowledged writes lost: {stored['checked']} acknowledged submissions stored whole",
            failures,
        )
        from django.db import connections

        connections.close_all()
    verdict = "PASS: every step held" if not failures else "FAIL: " + "; ".join(failures)
    print(f"\n{verdict}")
    return 0 if not failures else 1


def main(argv: list[str] | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=120)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=8.0, help="load duration (at most 30)")
    args = parser.parse_args(argv)
    args.seconds = max(3.0, min(args.seconds, 30.0))
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
