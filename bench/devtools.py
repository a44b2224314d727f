"""What a page and its service worker fetched, resource by resource, from the Chrome DevTools Protocol.

A page's own Network domain sees a request the service worker answered as "from the service worker" and nothing of
what the worker fetched to answer it, nor of what it fetched on its own (its precache at install, kept modules).
So the page's CDP session also auto-attaches to the targets that belong to the page (`Target.setAutoAttach`, not
flattened: Playwright's session for the page carries the worker's messages as `Target.receivedMessageFromTarget`),
each one paused until its Network domain is on, so not one of its requests is missed.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass

SETTLE_TIMEOUT_MS = 15_000
QUIET_MS = 600
NETWORK_EVENTS = (
    "Network.requestWillBeSent",
    "Network.requestWillBeSentExtraInfo",
    "Network.requestServedFromCache",
    "Network.responseReceived",
    "Network.responseReceivedExtraInfo",
    "Network.dataReceived",
    "Network.loadingFinished",
    "Network.loadingFailed",
)


@dataclass
class Resource:
    request_id: str
    url: str
    by: str = "page"  # "page", or the kind of target that fetched it ("service_worker")
    type: str = ""
    method: str = "GET"
    status: int = 0
    encoding: str = ""
    header_bytes: int = 0
    transferred: int = 0  # encodedDataLength at loadingFinished: headers + (compressed) body
    decoded: int = 0  # body bytes after decompression
    from_cache: str = ""  # "", "disk", "memory", "prefetch", "sw", "sw cache", "sw http cache"
    finished: bool = False
    failed: str = ""

    @property
    def body(self) -> int:
        return max(0, self.transferred - self.header_bytes)

    @property
    def network_bytes(self) -> int:
        return 0 if self.from_cache else self.transferred


class NetworkLog:
    """Collects the network events of one page and of the workers attached to it."""

    def __init__(self, cdp):
        self.cdp = cdp
        self.resources: dict[str, Resource] = {}
        self.order: list[str] = []
        self.in_flight: set[str] = set()
        self.last_event = time.monotonic()
        self.accept_encoding = ""
        self.targets: dict[str, str] = {}  # session id -> target type, for the workers attached so far
        self._message_ids = itertools.count(1)
        handlers = dict(zip(NETWORK_EVENTS, self._handlers(), strict=True))
        for method, handler in handlers.items():
            cdp.on(method, lambda event, handler=handler: handler(event, "page"))
        self._handlers_by_method = handlers
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.receivedMessageFromTarget", self._from_target)
        cdp.send("Network.enable")
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _handlers(self):
        return (
            self._will_be_sent,
            self._request_extra,
            self._served_from_cache,
            self._response,
            self._response_extra,
            self._data,
            self._finished,
            self._failed,
        )

    def reset(self) -> None:
        self.resources.clear()
        self.order.clear()
        self.in_flight.clear()

    # Workers: Network on first, then let the paused worker run.
    def _send_to(self, session_id: str, method: str, params: dict | None = None) -> None:
        message = json.dumps({"id": next(self._message_ids), "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session_id, "message": message})

    def _attached(self, event) -> None:
        session_id = event["sessionId"]
        kind = event["targetInfo"].get("type", "")
        self.targets[session_id] = kind
        if kind in ("service_worker", "shared_worker", "worker"):
            self._send_to(session_id, "Network.enable")
        self._send_to(session_id, "Runtime.runIfWaitingForDebugger")

    def _from_target(self, event) -> None:
        message = json.loads(event["message"])
        handler = self._handlers_by_method.get(message.get("method", ""))
        if handler is None:
            return
        params = dict(message.get("params", {}))
        if "requestId" in params:  # request ids are only unique within one target
            params["requestId"] = f"{event['sessionId']}:{params['requestId']}"
        handler(params, self.targets.get(event["sessionId"], "worker"))

    def _touch(self) -> None:
        self.last_event = time.monotonic()

    def _resource(self, request_id: str) -> Resource:
        if request_id not in self.resources:
            self.resources[request_id] = Resource(request_id=request_id, url="")
            self.order.append(request_id)
        return self.resources[request_id]

    def _will_be_sent(self, event, by: str) -> None:
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
        resource.by = by
        resource.method = event["request"].get("method", "GET")
        resource.type = event.get("type", resource.type)
        self.in_flight.add(request_id)

    def _request_extra(self, event, by: str) -> None:
        headers = {k.lower(): v for k, v in event.get("headers", {}).items()}
        if headers.get("accept-encoding") and by == "page":
            self.accept_encoding = headers["accept-encoding"]

    def _served_from_cache(self, event, by: str) -> None:
        self._touch()
        if event["requestId"] in self.resources:
            self.resources[event["requestId"]].from_cache = self.resources[event["requestId"]].from_cache or "memory"

    def _response(self, event, by: str) -> None:
        self._touch()
        if event["requestId"] not in self.resources:
            return
        resource = self.resources[event["requestId"]]
        response = event["response"]
        resource.type = event.get("type", resource.type)
        resource.status = response.get("status", 0)
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        resource.encoding = headers.get("content-encoding", "")
        if response.get("fromServiceWorker"):
            # Where the worker found it: its own cache ("sw cache"), the HTTP cache, or the network, which the
            # worker's own row then counts.
            source = response.get("serviceWorkerResponseSource", "")
            resource.from_cache = {"cache-storage": "sw cache", "http-cache": "sw http cache"}.get(source, "sw")
        elif response.get("fromDiskCache"):
            resource.from_cache = "disk"
        elif response.get("fromPrefetchCache"):
            resource.from_cache = "prefetch"
        if not resource.header_bytes:
            resource.header_bytes = int(response.get("encodedDataLength", 0))

    def _response_extra(self, event, by: str) -> None:
        # The raw header block as received: the exact header size when the response came from the network.
        text = event.get("headersText")
        if text and event["requestId"] in self.resources:
            self.resources[event["requestId"]].header_bytes = len(text.encode("latin-1", errors="replace"))

    def _data(self, event, by: str) -> None:
        self._touch()
        if event["requestId"] in self.resources:
            self.resources[event["requestId"]].decoded += int(event.get("dataLength", 0))

    def _finished(self, event, by: str) -> None:
        self._touch()
        self.in_flight.discard(event["requestId"])
        if event["requestId"] in self.resources:
            resource = self.resources[event["requestId"]]
            resource.transferred = int(event.get("encodedDataLength", 0))
            resource.finished = True

    def _failed(self, event, by: str) -> None:
        self._touch()
        self.in_flight.discard(event["requestId"])
        if event["requestId"] in self.resources:
            resource = self.resources[event["requestId"]]
            resource.failed = event.get("errorText", "failed") + (" (cancelled)" if event.get("canceled") else "")

    def rows(self) -> list[Resource]:
        return [self.resources[i] for i in self.order if i in self.resources]


def settle(page, log: NetworkLog, wire=None, quiet_ms: int = QUIET_MS) -> None:
    """Wait until nothing has been in flight for `quiet_ms`, in DevTools and on the wire (bounded by
    SETTLE_TIMEOUT_MS)."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        quiet = time.monotonic() - log.last_event > quiet_ms / 1000
        if wire is not None:
            quiet = quiet and wire.idle_for() > quiet_ms / 1000
        if not log.in_flight and quiet:
            return
    print(f"  (network still busy after {SETTLE_TIMEOUT_MS} ms: {len(log.in_flight)} in flight)")
