"""What keeps the server safe by default, as plain ASGI middleware around the application.

- `Guard` (outermost): one access-log line per request, without the query string or the text (the
  text only with --log-text); any unexpected error becomes a JSON 500, and its log line names the
  exception type and where it was raised, never its message, which may quote the text.
- `Deadline`: a request that takes longer than the time limit is answered 503.
- `BodyLimit`: a body larger than the limit is refused with 413, before it is read when its
  Content-Length says so, and as soon as it passes the limit when it is streamed.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
import traceback

from starlette.exceptions import HTTPException

LOG = logging.getLogger("askcheck.serve")
TEXT_STATE_KEY = "askcheck_text"  # where a handler leaves the text it checked, for --log-text


async def send_json(send, status: int, payload: dict, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps(payload).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), *headers]})
    await send({"type": "http.response.body", "body": body})


class _Tracked:
    """Wraps `send` to note the status and whether the response has started."""

    def __init__(self, send):
        self._send = send
        self.status = None

    async def __call__(self, message):
        if message["type"] == "http.response.start":
            self.status = message["status"]
        await self._send(message)


class Guard:
    def __init__(self, app, log_text: bool = False):
        self.app = app
        self.log_text = log_text

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        tracked = _Tracked(send)
        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # the last line of defence: a JSON 500, never a traceback page
            frames = traceback.extract_tb(exc.__traceback__)
            where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
            LOG.error("internal error %s at %s", type(exc).__name__, where)
            if tracked.status is None:
                await send_json(tracked, 500, {"error": "internal error", "status": 500})
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            client = scope.get("client") or ("-", 0)
            line = f'{client[0]} "{scope["method"]} {scope["path"]}" {tracked.status or "-"} {elapsed:.1f}ms'
            text = scope.get("state", {}).get(TEXT_STATE_KEY)
            if self.log_text and text is not None:
                line += f" text={text!r}"
            LOG.info(line)


class Deadline:
    def __init__(self, app, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        tracked = _Tracked(send)
        try:
            await asyncio.wait_for(self.app(scope, receive, tracked), self.seconds)
        except TimeoutError:
            if tracked.status is None:
                await send_json(send, 503, {"error": f"the request took longer than the time limit ({self.seconds:g} s)",
                                            "status": 503}, [(b"retry-after", b"1")])


class BodyLimit:
    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> HTTPException:
        return HTTPException(413, f"the request body is larger than the limit ({self.max_bytes} bytes)")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                return await send_json(send, 400, {"error": "invalid Content-Length", "status": 400})
            if size > self.max_bytes:
                return await send_json(send, 413, {"error": self._too_large().detail, "status": 413},
                                       [(b"connection", b"close")])
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise self._too_large()
            return message

        await self.app(scope, counted, send)
