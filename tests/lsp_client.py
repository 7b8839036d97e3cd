"""A minimal LSP client over a subprocess's stdio: JSON-RPC framed with Content-Length headers.

Written from the protocol, not with pygls, so the tests check what goes over the wire. A reader thread
puts every message from the server on a queue; every wait has a timeout, so a silent or dead server
fails a test instead of hanging it. Requests from the server (client/registerCapability) are answered
with null, as a client that accepts them would.
"""
from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path

TIMEOUT = 30.0


class ServerGone(AssertionError):
    pass


class LspClient:
    def __init__(self, command: list[str], cwd: Path | None = None):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd)
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []  # every notification seen, in order
        self.server_requests: list[dict] = []
        self._next_id = 0
        self._write_lock = threading.Lock()
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self._stderr.extend(self.proc.stderr), daemon=True).start()

    # ----------------------------------------------------------------------------------------- wire

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        with self._write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)  # the server closed its stdout
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def _next(self, deadline: float) -> dict:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no message from the server in time; stderr:\n{self.stderr()}")
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError(f"no message from the server in time; stderr:\n{self.stderr()}") from None
        if message is None:
            raise ServerGone(f"the server exited ({self.proc.poll()}); stderr:\n{self.stderr()}")
        if "method" in message and "id" in message:  # a request from the server
            self.server_requests.append(message)
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")[-4000:]

    # ------------------------------------------------------------------------------------ messages

    def request(self, method: str, params, timeout: float = TIMEOUT):
        self._next_id += 1
        rid = self._next_id
        self.send({"id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == rid and "method" not in message:
                if "error" in message:
                    raise AssertionError(f"{method} failed: {message['error']}")
                return message.get("result")

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, method: str, where=lambda params: True, timeout: float = TIMEOUT) -> dict:
        """The params of the first notification `method` (seen before or arriving now) that `where` accepts;
        it is consumed, so the next wait finds a later one."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for i, note in enumerate(self.notifications[seen:], seen):
                if note["method"] == method and where(note["params"]):
                    del self.notifications[i]
                    return note["params"]
            seen = len(self.notifications)
            self._next(deadline)

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT) -> list[dict]:
        """The diagnostics published for `uri` (for `version`, when given)."""
        params = self.wait_for("textDocument/publishDiagnostics",
                               lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
                               timeout)
        return params["diagnostics"]

    # ------------------------------------------------------------------------------------ lifetime

    def initialize(self, capabilities: dict | None = None, root: Path | None = None) -> dict:
        result = self.request("initialize", {
            "processId": None,
            "rootUri": root.as_uri() if root else None,
            "capabilities": capabilities if capabilities is not None else {},
        }, timeout=60)
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language_id: str = "plaintext", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language_id, "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                "contentChanges": [{"text": text}]})

    def close(self) -> None:
        """shutdown + exit, then make sure the process is gone."""
        try:
            if self.proc.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self.proc.wait(timeout=10)
        except (TimeoutError, ServerGone, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=10)
