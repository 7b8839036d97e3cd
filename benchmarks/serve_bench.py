"""Benchmark of `askcheck serve`: warm `POST /v2/check` on a 100-word message, with 1 and 2 workers.

    python benchmarks/serve_bench.py                       # 1 and 2 workers, 30 s of load each
    python benchmarks/serve_bench.py --seconds 5 --workers 1

For each worker count, a real `askcheck serve` process on a free port of 127.0.0.1:
1. one request at a time (after a warm-up): p50 and p99 latency and requests/s (aim: p50 <= 5 ms);
2. a bounded load test: CLIENTS concurrent clients (threads, each on its own keep-alive
   connection) for SECONDS seconds: requests/s, p50 and p99 latency, and errors (any answer but a
   200 with the expected matches, or a failed connection), which must be 0.

Latency is measured by the client: request written to answer read, over loopback. The clients run
in this process, on the same machine as the server, so on a small machine they take CPU from it.
Traffic goes only to 127.0.0.1; every loop is bounded in time and count, and the server is stopped.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode

# 100 words: a favor asked of a colleague, with an apology and no bound, no time, no way out.
MESSAGE = (
    "Hi Priya,\n\nI hope the launch week is treating you well and that the team got some rest after "
    "Friday. Sorry to bother you with this, but could you review the onboarding guide I drafted for "
    "the new support hires? It covers the ticket queue, the escalation rules and the tone we use with "
    "customers, and I would love a second pair of eyes from someone who has trained people before. "
    "I am especially unsure about the section on refunds, which feels too long and maybe too strict. "
    "Any comments would help me a lot.\n\nThank you so much,\nDaniel\n"
)
BODY = urlencode({"text": MESSAGE, "language": "en-US"}).encode()
HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}
START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from askcheck.cli import main; main()", "serve", "--isolated", "--port", str(port),
         "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return process, port
        except OSError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError(f"askcheck serve --workers {workers} did not start within {START_TIMEOUT} s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=20)


def expected_rules() -> set[str]:
    import askcheck

    return {f.code for f in askcheck.check(MESSAGE)}


def one_check(connection: http.client.HTTPConnection, expected: frozenset[str] = frozenset()) -> bool:
    """One /v2/check on a kept-alive connection; True when the answer is a 200 with the matches of
    `expected` rules (when given)."""
    connection.request("POST", "/v2/check", body=BODY, headers=HEADERS)
    response = connection.getresponse()
    payload = response.read()
    if response.status != 200:
        return False
    return not expected or {m["rule"]["id"] for m in json.loads(payload)["matches"]} == expected


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def sequential(port: int, requests: int = 500, warm_up: int = 50, expected: frozenset[str] = frozenset()) -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for _ in range(warm_up):
            one_check(connection)
        latencies, errors = [], 0
        began = time.perf_counter()
        for _ in range(requests):
            start = time.perf_counter()
            ok = one_check(connection, expected)
            latencies.append((time.perf_counter() - start) * 1000)
            errors += not ok
        elapsed = time.perf_counter() - began
    finally:
        connection.close()
    return {"requests": requests, "errors": errors, "rps": requests / elapsed,
            "p50_ms": statistics.median(latencies), "p99_ms": percentile(latencies, 0.99)}


def load(port: int, clients: int = 32, seconds: float = 30.0, max_requests: int = 1_000_000,
         expected: frozenset[str] = frozenset()) -> dict:
    """`clients` threads sending checks back to back for `seconds` (and at most `max_requests` in
    all); every answer is checked."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [max_requests]

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        try:
            while time.monotonic() < stop_at:
                with lock:
                    if budget[0] <= 0:
                        break
                    budget[0] -= 1
                start = time.perf_counter()
                try:
                    ok = one_check(connection, expected)
                except (OSError, http.client.HTTPException, ValueError):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                mine.append((time.perf_counter() - start) * 1000)
                bad += not ok
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)
                errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - began
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": errors[0],
            "rps": len(latencies) / elapsed, "p50_ms": statistics.median(latencies) if latencies else float("nan"),
            "p99_ms": percentile(latencies, 0.99) if latencies else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--requests", type=int, default=500, help="sequential requests (after 50 to warm up)")
    args = parser.parse_args()
    expected = frozenset(expected_rules())
    print(f"{len(MESSAGE.split())}-word message ({', '.join(sorted(expected))}), POST /v2/check, "
          f"{os.cpu_count()} cores\n")
    print("| workers | mode | requests | errors | req/s | p50 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for workers in args.workers:
        process, port = start_server(workers)
        try:
            one = sequential(port, args.requests, expected=expected)
            print(f"| {workers} | one at a time | {one['requests']} | {one['errors']} | {one['rps']:.0f} | "
                  f"{one['p50_ms']:.2f} | {one['p99_ms']:.2f} |", flush=True)
            many = load(port, args.clients, args.seconds, expected=expected)
            print(f"| {workers} | {many['clients']} clients, {many['seconds']:g} s | {many['requests']} | "
                  f"{many['errors']} | {many['rps']:.0f} | {many['p50_ms']:.1f} | {many['p99_ms']:.1f} |", flush=True)
        finally:
            stop_server(process)


if __name__ == "__main__":
    main()
