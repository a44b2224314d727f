"""A counting relay between the browser and gunicorn: every byte that crosses the loopback, whoever asked for it.

DevTools reports what a page and the targets it is attached to fetched; the relay counts what the server actually
sent, so a request DevTools does not see (the browser's update check of the service worker's script, a worker's
`importScripts` revalidation) still shows up. Bytes are counted as TCP payload: HTTP status lines, headers and
bodies as sent (compressed, chunked framing included), without TCP/IP framing, which is what DevTools'
`encodedDataLength` counts too. Each response is put to the request it answers: Chromium does not pipeline, so on
one connection a response comes before the next request.

`cut()` is a real network cut for everything, the browser process included (Playwright's offline mode reaches the
pages and their workers, not the browser's own fetches): connections are closed, new ones refused, and the first
line of whatever was attempted is noted.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from dataclasses import dataclass

HOST = "127.0.0.1"
CHUNK = 64 * 1024
ACCEPT_POLL = 0.2  # seconds between checks that the relay should stop
REQUEST_LINE = re.compile(rb"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP/1\.[01]\r\n")


@dataclass
class WireRequest:
    method: str
    path: str
    up: int = 0  # request line, headers and body
    down: int = 0  # status line, headers and body of its response


class WireCounter(contextlib.AbstractContextManager):
    """Listens on a free loopback port and relays each connection to `upstream_port`, counting bytes both ways."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.port = 0
        self.down = 0  # server -> browser
        self.up = 0  # browser -> server
        self.connections = 0
        self.requests: list[WireRequest] = []
        self.attempted_while_cut: list[str] = []
        self.last_activity = time.monotonic()
        self._cut = False
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener: socket.socket | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.down = self.up = self.connections = 0
            self.requests = []
            self.attempted_while_cut = []

    def idle_for(self) -> float:
        return time.monotonic() - self.last_activity

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            sockets = list(self._sockets)
        self._close(sockets)

    def restore(self) -> None:
        with self._lock:
            self._cut = False

    def __enter__(self) -> WireCounter:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, 0))
        listener.listen(64)
        listener.settimeout(ACCEPT_POLL)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._start(self._accept_loop)
        return self

    def __exit__(self, *exc_info) -> None:
        self._stopping.set()
        with self._lock:
            sockets = list(self._sockets)
        self._close(sockets)
        for thread in self._threads:
            thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()

    @staticmethod
    def _close(sockets) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _start(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._cut:
                self._start(self._refuse, client)
                continue
            try:
                server = socket.create_connection((HOST, self.upstream_port), timeout=10)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets.update((client, server))
                self.connections += 1
            # Shared by the two directions: the request being answered, and how many directions have ended.
            state = {"request": None, "ends": 0}
            self._start(self._pump, server, client, "down", state)
            self._start(self._pump, client, server, "up", state)

    def _refuse(self, client: socket.socket) -> None:
        """Note what the browser tried to send while the network was cut, and send nothing back."""
        with contextlib.suppress(OSError):
            client.settimeout(1.0)
            first = client.recv(CHUNK).split(b"\r\n", 1)[0].decode("latin-1")
            if first:
                with self._lock:
                    self.attempted_while_cut.append(first)
        self._close([client])

    def _count(self, data: bytes, direction: str, state: dict) -> None:
        with self._lock:
            if direction == "up":
                line = REQUEST_LINE.match(data)
                if line:
                    state["request"] = WireRequest(method=line.group(1).decode(), path=line.group(2).decode())
                    self.requests.append(state["request"])
                self.up += len(data)
            else:
                self.down += len(data)
            record = state["request"]
            if record is not None:
                setattr(record, direction, getattr(record, direction) + len(data))
                if not any(kept is record for kept in self.requests):  # a response that straddled reset()
                    self.requests.append(record)
            self.last_activity = time.monotonic()

    def _pump(self, source: socket.socket, target: socket.socket, direction: str, state: dict) -> None:
        try:
            while True:
                data = source.recv(CHUNK)
                if not data:
                    break
                self._count(data, direction, state)
                target.sendall(data)
        except OSError:
            pass
        # Half-close only: the other direction may still be carrying the end of a response.
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)
        with self._lock:
            state["ends"] += 1
            last = state["ends"] == 2
            if last:
                self._sockets.difference_update((source, target))
        if last:
            self._close([source, target])
