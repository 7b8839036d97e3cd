"""When lints run: debounced per document, one at a time on one worker thread.

A change restarts its document's timer, so a burst of keystrokes costs one lint. The lint itself runs
on a single worker thread: askcheck's pipeline keeps per-Doc caches that are not thread-safe, and one
thread keeps it warm. The event loop only waits for it, so the server goes on reading the client's
messages (more keystrokes, hovers, code actions) while a lint runs.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable

logger = logging.getLogger(__name__)


class LintScheduler:
    def __init__(self, delay: float):
        self.delay = delay
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askcheck-lint")
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task] = set()  # held so a running job is not garbage-collected

    def run(self, fn: Callable[..., Any], *args) -> Awaitable:
        """Run `fn(*args)` on the worker, after the jobs already queued there."""
        return asyncio.get_running_loop().run_in_executor(self.worker, fn, *args)

    def debounce(self, key: str, job: Callable[[], Awaitable], delay: float | None = None) -> None:
        """Start `job()` after `delay` seconds (default: the scheduler's), unless called again for the
        same key before then."""
        self.cancel(key)
        loop = asyncio.get_running_loop()
        self._timers[key] = loop.call_later(self.delay if delay is None else delay, self._start, key, job)

    def cancel(self, key: str) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.cancel()

    def _start(self, key: str, job: Callable[[], Awaitable]) -> None:
        self._timers.pop(key, None)
        task = asyncio.ensure_future(job())
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("askcheck: lint failed", exc_info=task.exception())

    def close(self) -> None:
        for key in list(self._timers):
            self.cancel(key)
        self.worker.shutdown(wait=False, cancel_futures=True)
