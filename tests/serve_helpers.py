"""Running askcheck's HTTP server in tests: in this process on a thread (to patch it), or as the real
`askcheck serve` command; and a tiny HTTP client. Every server gets a free port on 127.0.0.1 and is
always stopped; every wait has a time limit."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

START_TIMEOUT = 60  # seconds: a cold spaCy import and warm-up on a busy 2-core machine
REQUEST_TIMEOUT = 20


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def request(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None,
            timeout: float = REQUEST_TIMEOUT) -> Answer:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return Answer(exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read())


def post_json(url: str, payload, timeout: float = REQUEST_TIMEOUT) -> Answer:
    return request(url, "POST", json.dumps(payload).encode(), {"Content-Type": "application/json"}, timeout)


def post_form(url: str, fields: dict, timeout: float = REQUEST_TIMEOUT) -> Answer:
    from urllib.parse import urlencode

    return request(url, "POST", urlencode(fields).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded"}, timeout)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(base: str, alive=lambda: True) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError("the server exited before it was ready")
        try:
            if request(base + "/healthz", timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"no answer from {base}/healthz within {START_TIMEOUT} s")


@contextlib.contextmanager
def server_thread(app):
    """`app` served by uvicorn on a thread of this process; yields the base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, thread.is_alive)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@dataclass
class ServeProcess:
    base: str
    process: subprocess.Popen
    log_path: str

    def log(self) -> str:
        with open(self.log_path, encoding="utf-8", errors="replace") as fh:
            return fh.read()


@contextlib.contextmanager
def serve_process(tmp_path, *args: str):
    """The real `askcheck serve --port P ARGS...` in a process of its own; yields a ServeProcess."""
    port = free_port()
    log_path = str(tmp_path / f"serve-{port}.log")
    command = [sys.executable, "-c", "from askcheck.cli import main; main()", "serve", "--isolated",
               "--port", str(port), *args]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, lambda: process.poll() is None)
        yield ServeProcess(base, process, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
