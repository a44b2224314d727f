"""The HTTP side of the quiz benchmarks: learners submitting attempts, and /health/ as the reference.

Raw HTTP/1.1 over asyncio streams on 127.0.0.1, keep-alive as a browser does; every loop bounded in time.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from server import HOST

MAX_DURATION = 60.0
REQUEST_TIMEOUT = 20.0
CSRF_SECRET = "b" * 32  # any 32 characters: Django accepts the unmasked secret as the form token


class Connection:
    """One learner's HTTP/1.1 connection, kept alive between requests as a browser keeps it.

    Servers that close after every response (gunicorn's sync workers) say `Connection: close`; the next request
    then opens a new connection. A kept connection the server closed while idle is reopened once, as browsers do.
    """

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, raw: bytes, timeout: float) -> tuple[int, dict[str, str]]:
        for _try in range(2):
            fresh = self.writer is None
            if fresh:
                self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, self.port), timeout)
            try:
                self.writer.write(raw)
                await self.writer.drain()
                head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), timeout)
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if fresh:
                    raise ConnectionError("connection closed before a response") from None
                continue
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1]) if lines[0].startswith("HTTP/") else 0
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length") or 0)
            try:
                if length:
                    await asyncio.wait_for(self.reader.readexactly(length), timeout)
            except asyncio.IncompleteReadError:
                self.close()
                raise ConnectionError("connection closed inside a response") from None
            if headers.get("connection", "").lower() == "close":
                self.close()
            return status, headers
        raise ConnectionError("the server closed the connection twice")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def post_submit(connection: Connection, attempt_id: int, session: str, timeout: float) -> tuple[int, str]:
    body = f"csrfmiddlewaretoken={CSRF_SECRET}".encode()
    path = f"/km/training/attempt/{attempt_id}/submit/"
    request = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{connection.port}\r\n"
        f"Cookie: sessionid={session}; csrftoken={CSRF_SECRET}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    status, headers = await connection.request(request, timeout)
    return status, headers.get("location", "")


async def get_health(connection: Connection, timeout: float) -> int:
    status, _headers = await connection.request(
        f"GET /health/ HTTP/1.1\r\nHost: {HOST}:{connection.port}\r\n\r\n".encode(), timeout
    )
    return status


async def submit_load(port: int, work: list, clients: int, duration: float, log: list | None = None) -> dict:
    """`clients` concurrent learners submit the attempts in `work` (each once) until done or time is up."""
    queue = list(reversed(work))
    latencies: list[float] = []
    acked: list[int] = []
    errors: dict[str, int] = {"status": 0, "connect": 0, "timeout": 0, "wrong_location": 0}
    started = time.monotonic()
    stop_at = started + min(duration, MAX_DURATION)

    async def learner():
        connection = Connection(port)
        while queue and time.monotonic() < stop_at:
            attempt_id, session = queue.pop()
            if log is not None:
                log.append(("sent", attempt_id))
            t0 = time.perf_counter()
            try:
                status, location = await post_submit(connection, attempt_id, session, REQUEST_TIMEOUT)
            except TimeoutError:
                errors["timeout"] += 1
                connection.close()
                continue
            except OSError:
                errors["connect"] += 1
                connection.close()
                continue
            latencies.append(time.perf_counter() - t0)
            if status != 302:
                errors["status"] += 1
            elif not location.endswith(f"/attempt/{attempt_id}/result/"):
                errors["wrong_location"] += 1
            else:
                acked.append(attempt_id)
                if log is not None:
                    log.append(("acked", attempt_id))
        connection.close()

    await asyncio.gather(*(learner() for _ in range(clients)))
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "submissions": len(acked),
        "seconds": elapsed,
        "rps": len(acked) / elapsed if elapsed else 0.0,
        "p50_ms": statistics.median(ordered) * 1000 if ordered else 0.0,
        "p95_ms": ordered[int(0.95 * (len(ordered) - 1))] * 1000 if ordered else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "acked": acked,
        "latencies": latencies,
    }


async def health_load(port: int, clients: int, duration: float) -> dict:
    count = [0]
    errors = [0]
    stop_at = time.monotonic() + min(duration, MAX_DURATION)
    started = time.monotonic()

    async def client():
        connection = Connection(port)
        while time.monotonic() < stop_at:
            try:
                status = await get_health(connection, REQUEST_TIMEOUT)
            except (TimeoutError, OSError):
                errors[0] += 1
                connection.close()
                continue
            count[0] += 1
            if status != 200:
                errors[0] += 1
        connection.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.monotonic() - started
    return {"rps": count[0] / elapsed, "requests": count[0], "seconds": elapsed, "errors": errors[0]}
