"""A small HTTP/1.1 load generator, used by throughput.py only when `wrk` is not available.

Runs in its own process: N concurrent clients send GET requests to one loopback URL for a fixed time
(and never more than --max-requests), then print one JSON line with the same fields as the wrk script.
One connection per request, as gunicorn's sync workers close the connection after each response.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from urllib.parse import urlsplit


async def one_request(host: str, port: int, path: str, timeout: float) -> tuple[int, int]:
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)  # until the server closes
    finally:
        writer.close()
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, len(data)


async def client(url: str, stop_at: float, budget: list[int], latencies: list[float], stats: dict, timeout: float):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    while time.monotonic() < stop_at and budget[0] > 0:
        budget[0] -= 1
        started = time.perf_counter()
        try:
            status, size = await one_request(parts.hostname, parts.port, path, timeout)
        except TimeoutError:
            stats["timeout"] += 1
            continue
        except OSError:
            stats["connect"] += 1
            continue
        latencies.append(time.perf_counter() - started)
        stats["bytes"] += size
        if not 200 <= status < 400:
            stats["status"] += 1


async def run(url: str, connections: int, duration: float, max_requests: int, timeout: float) -> dict:
    latencies: list[float] = []
    stats = {"bytes": 0, "connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}
    budget = [max_requests]
    started = time.monotonic()
    stop_at = started + duration
    await asyncio.gather(*(client(url, stop_at, budget, latencies, stats, timeout) for _ in range(connections)))
    elapsed = time.monotonic() - started
    ordered = sorted(latencies)

    def percentile(p: float) -> int:
        if not ordered:
            return 0
        return int(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1e6)

    return {
        "requests": len(latencies),
        "duration_us": int(elapsed * 1e6),
        "p50_us": percentile(50),
        "p95_us": percentile(95),
        "p99_us": percentile(99),
        "mean_us": statistics.fmean(latencies) * 1e6 if latencies else 0,
        "max_us": int(ordered[-1] * 1e6) if ordered else 0,
        **stats,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    if urlsplit(args.url).hostname not in {"127.0.0.1", "localhost"}:
        raise SystemExit("loadgen only talks to 127.0.0.1")
    result = asyncio.run(run(args.url, args.connections, min(args.duration, 120.0), args.max_requests, args.timeout))
    print("BENCH_JSON " + json.dumps(result))


if __name__ == "__main__":
    main()
