"""Linting a stream of messages on one process or many: same results, same order, bounded memory.

    for result in lint_stream(settings, messages, jobs=4):
        ...

`messages` is any iterable (a generator is best) of askcheck.corpus.Message or (text, filename,
record) triples. With jobs=1 the messages go through the in-process linter (engine.get_linter).
With jobs>1 they are cut into chunks and sent to a multiprocessing pool whose workers each build
their linter once; results come back in input order, and only a few chunks per worker are ever in
flight, so a corpus of any size is read no faster than it is linted.

Pool.imap is not used on purpose: its feeder thread drains the input iterator as fast as it can,
which would pull a whole corpus into memory. apply_async over a bounded deque keeps memory flat.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from . import readability
from .engine import Result, get_linter
from .settings import Settings

DEFAULT_CHUNK_SIZE = 64
CHUNKS_PER_WORKER = 4  # chunks in flight per worker: enough to keep it busy, few enough to stay small


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _triple(message) -> tuple[str, str, str | None, str | None]:
    """(text, filename, record, subject) of a message or of a tuple of the first three or all four."""
    if isinstance(message, tuple):
        return message if len(message) == 4 else (*message, None)
    return (message.text, message.filename, message.record, getattr(message, "subject", None))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


# The vocabulary may grow to this many words before chunks run in memory zones: about 480 bytes a word
# (spaCy's lexeme and string, the tokenizer's cache entry), so some 10 MB above a fresh pipeline's.
WARMUP_WORDS = 30_000


def _lint_chunk(linter, triples, annotate, asks: bool = True) -> list[tuple[Result, Any]]:
    # Once the vocabulary is large, each chunk runs in a spaCy memory zone, which frees the strings and
    # lexemes first seen in it once it is linted, so the vocabulary does not grow with the corpus. Until
    # then every word is kept: a word freed with its zone is made again (its lexeme, its tokenizing)
    # whenever a later chunk has it, which cost 1.1% of a lint of 11,000 messages with zones after
    # the first 5,000; the words kept by then make the common ones permanent for the zones after.
    # Results hold only plain Python values, never a Doc, so nothing outlives its zone.
    zone = getattr(linter.nlp, "memory_zone", None)
    with zone() if zone and len(linter.nlp.vocab) >= WARMUP_WORDS else _null():
        results = list(linter.run_many(triples, batch_size=max(len(triples), 1), asks=asks))
    return [(r, annotate(r) if annotate else None) for r in results]


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# ------------------------------------------------------------------------------------- workers

_WORKER: dict = {}


def _init_worker(settings: Settings, annotate, asks: bool = True) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM: the parent's handler is not theirs
    _WORKER["annotate"] = annotate
    _WORKER["asks"] = asks
    try:
        _WORKER["linter"] = get_linter(settings)
    except Exception as exc:  # raised again from _work, in the parent, instead of respawning forever
        _WORKER["error"] = exc


def _work(triples) -> list[tuple]:
    if "error" in _WORKER:
        raise _WORKER["error"]
    # The text is not sent back: the parent still has it.
    return [(r.findings, r.asks, extra) for r, extra in _lint_chunk(_WORKER["linter"], triples, _WORKER["annotate"],
                                                                 _WORKER["asks"])]


def _context():
    # fork shares the parent's loaded pipeline (copy-on-write) and starts in milliseconds; it is
    # only the safe default on Linux.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# ------------------------------------------------------------------------------------ streaming

def _lintable(item) -> bool:
    return isinstance(item, tuple) or hasattr(item, "text")


def lint_pairs(settings: Settings, messages: Iterable, jobs: int = 1, chunk_size: int = DEFAULT_CHUNK_SIZE, *,
               annotate: Callable[[Result], Any] | None = None, progress=None,
               asks: bool = True) -> Iterator[tuple[Any, Result | None, Any]]:
    """(message, Result, annotate(Result) or None) for each message, in input order.

    Items that are not messages (no `text`: a corpus.RecordError, say) come out in their place as
    (item, None, None), so errors keep their position among the results.
    `annotate` runs next to the linter (in the worker when jobs > 1), so per-message work such as
    readability scores is spread over the workers too; it must be a module-level function.
    `progress`, if given, has advance(n) and is called as results arrive. With asks=False the
    results carry no asks (`lint` shows them only with --show-asks).
    """
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    chunk_size = max(int(chunk_size), 1)
    chunks = _chunks(messages, chunk_size)
    first = next(chunks, [])
    if len(first) < chunk_size:
        jobs = 1  # the whole input is one chunk: starting workers would only cost time
    if jobs == 1:
        linter = get_linter(settings)
        for chunk in itertools.chain([first] if first else [], chunks):
            yield from _merge(chunk, _lint_chunk(linter, [_triple(m) for m in chunk if _lintable(m)], annotate, asks),
                              progress)
        return
    # Warm-up before forking: the parent builds the linter and lints the first chunk itself, so what a
    # process does once (import the reading-grade library and load its hyphenation dictionary, compile
    # the phrases the first messages call for, add the common words to the vocabulary) is done once,
    # here, and every forked worker starts with it done instead of repeating it.
    linter = get_linter(settings)
    yield from _merge(first, _lint_chunk(linter, [_triple(m) for m in first if _lintable(m)], annotate, asks),
                      progress)
    readability.warm()  # few messages need a reading grade, so the first chunk rarely loads it
    with _context().Pool(jobs, initializer=_init_worker, initargs=(settings, annotate, asks)) as pool:
        pending: deque = deque()

        def drain_one():
            chunk, future = pending.popleft()
            done = [(Result(text=text, findings=findings, asks=asks), extra)
                    for text, (findings, asks, extra) in zip((_triple(m)[0] for m in chunk if _lintable(m)),
                                                             future.get())]
            yield from _merge(chunk, done, progress)

        for chunk in chunks:
            pending.append((chunk, pool.apply_async(_work, ([_triple(m) for m in chunk if _lintable(m)],))))
            if len(pending) >= jobs * CHUNKS_PER_WORKER:
                yield from drain_one()
        while pending:
            yield from drain_one()


def _merge(chunk, done, progress):
    done = iter(done)
    for item in chunk:
        if _lintable(item):
            result, extra = next(done)
            yield item, result, extra
        else:
            yield item, None, None
    if progress is not None:
        progress.advance(len(chunk))


def lint_stream(settings: Settings, messages: Iterable, jobs: int = 1, chunk_size: int = DEFAULT_CHUNK_SIZE, *,
                annotate: Callable[[Result], Any] | None = None, progress=None) -> Iterator:
    """A Result per message in input order (with `annotate`: (Result, annotate(Result)) pairs).

    Items that are not messages are skipped; use lint_pairs to see them in place."""
    for _, result, extra in lint_pairs(settings, messages, jobs, chunk_size, annotate=annotate, progress=progress):
        if result is not None:
            yield (result, extra) if annotate else result


# ------------------------------------------------------------------------------------- progress

def is_terminal(stream=None) -> bool:
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def progress_wanted(stream=None) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and this is not CI."""
    return is_terminal(stream) and not os.environ.get("CI")


class ProgressBar:
    """A rich progress bar on stderr (messages/s, ETA when the total is known), or nothing at all.

    Started on the first advance(), after any worker processes are forked. log() prints a line
    above the bar, or to stderr when there is no bar. With plain=True (--progress where stderr is
    not a terminal: a log file) it writes a line every PLAIN_EVERY seconds, and one at the end, instead.
    """

    PLAIN_EVERY = 10.0

    def __init__(self, enabled: bool | None = None, total: int | None = None, description: str = "linting",
                 plain: bool = False):
        self.enabled = progress_wanted() if enabled is None else enabled
        self.plain = plain
        self.total = total
        self.description = description
        self._progress = None
        self._task = None
        self._plain = None  # [started, last line printed, messages] when writing plain lines
        self._began = time.monotonic()

    def _start(self):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        if self.plain:
            self._plain = [self._began, time.monotonic(), 0]
            return
        console = Console(stderr=True)
        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} msg/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=console, transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.description, total=self.total, rate="-")

    def advance(self, n: int = 1) -> None:
        if not self.enabled:
            return
        if self._progress is None and self._plain is None:
            self._start()
        if self._plain is not None:
            self._plain[2] += n
            if time.monotonic() - self._plain[1] >= self.PLAIN_EVERY:
                self._plain_line()
            return
        task = self._progress.tasks[0]
        if self.total is not None and task.completed + n > self.total:  # the total was an estimate
            self.total = task.completed + n
            self._progress.update(self._task, total=self.total)
        speed = task.speed
        self._progress.update(self._task, advance=n, rate=f"{speed:,.0f}" if speed else "-")

    def log(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=sys.stderr)

    def _plain_line(self) -> None:
        began, _, done = self._plain
        now = time.monotonic()
        self._plain[1] = now
        print(f"{self.description}: {done:,} messages, {done / max(now - began, 1e-9):,.0f} msg/s", file=sys.stderr,
              flush=True)

    def close(self) -> None:
        if self._plain is not None:
            self._plain_line()
            self._plain = None
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
