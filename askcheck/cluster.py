"""Linting a corpus on a Dask cluster: the stream parallel.lint_pairs gives, from many machines.

    with connect("tcp://host:8786") as client:       # or "local:4": a LocalCluster for this run
        for item, result, extra in cluster_pairs(client, settings, plan_parts(paths), ...):
            ...

The client lists the files and sends parts (partitions.py) to the workers. Each worker reads its
part itself (the files must be at the same paths there: a shared or copied file system), lints it
with a pipeline it builds once per worker thread, and sends back plain records: the item it read
(corpus.Message, corpus.RecordError, sources.Source), the findings and asks, the annotation; never
a spaCy object. Results are taken in input order with a bounded number of parts in flight, so the
client's memory stays flat and the output is what `--jobs 1` writes.

A worker lost mid-run: the scheduler runs its parts again on another worker (up to Dask's
`distributed.scheduler.allowed-failures`, 3 by default). Reading and linting a part has no side
effect, so running it twice changes nothing.

The `dask` extra (`pip install 'askcheck[dask]'`) is imported only here, and only when used.
"""
from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from .engine import Linter, Result
from .parallel import DEFAULT_CHUNK_SIZE, _chunks, _lint_chunk
from .partitions import DEFAULT_PART_BYTES, Offsets, Part, count_part, cut_csv, read_part
from .registry import load_rules
from .settings import PerFileIgnores, Settings, rule_kwargs, selected_rules

EXTRA_HINT = "pip install 'askcheck[dask]'"
PARTS_PER_THREAD = 3  # parts in flight per worker thread: one running, the next ones queued on the worker
WINDOW_CHECK_EVERY = 5.0  # seconds between looks at how many worker threads there are
CONNECT_TIMEOUT = 15  # seconds to reach a scheduler, and to wait for its first worker
_LOCAL = re.compile(r"^local:(\d+)$")


class ClusterError(Exception):
    """Anything that stops a run on the cluster; str() is one line for the user."""


def require_dask():
    """The `distributed` module, or a ClusterError naming the extra to install."""
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--scheduler needs the optional Dask extra, which is not installed: {EXTRA_HINT}") from None
    return distributed


def check_settings(settings: Settings) -> None:
    """Raise what building a Linter would raise for these settings, without loading a pipeline here."""
    rules = load_rules()
    for cls in selected_rules(settings, rules):
        rule_kwargs(cls, settings)
    PerFileIgnores(settings.per_file_ignores, rules)


@contextlib.contextmanager
def connect(address: str, timeout: float = CONNECT_TIMEOUT):
    """A dask.distributed Client for `address`: "tcp://host:8786" (any scheduler address), or "local:N"
    for a LocalCluster of N single-threaded worker processes that lives as long as the run."""
    distributed = require_dask()
    local = _LOCAL.match(address.strip())
    if not local and "://" not in address:
        raise ClusterError(f"--scheduler {address!r}: expected tcp://HOST:PORT (a running dask scheduler) or local:N")
    cluster = None
    try:
        if local:
            n = int(local.group(1))
            if n < 1:
                raise ClusterError("--scheduler local:N needs N >= 1 workers")
            # One thread per worker: linting holds the GIL, and each process keeps one pipeline.
            cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(address, timeout=timeout)
    except ClusterError:
        raise
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_one_line(exc)}") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (TimeoutError, OSError) as exc:
            raise ClusterError(f"the Dask scheduler at {address} has no workers ({_one_line(exc)})") from None
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# ------------------------------------------------------------------------------------- on a worker

_THREAD = threading.local()


def _worker_linter(settings: Settings) -> Linter:
    # Built once per worker thread (a spaCy pipeline is not shared between threads) and kept for
    # every later part of the run, and of later runs with the same settings.
    linters = getattr(_THREAD, "linters", None)
    if linters is None:
        linters = _THREAD.linters = {}
    key = settings.key() + tuple(load_rules())
    if key not in linters:
        linters[key] = Linter(settings)
    return linters[key]


def _text_of(item) -> tuple | None:
    """(text, filename, record, subject) to lint, or None for an error item."""
    if hasattr(item, "filename") and hasattr(item, "text"):  # corpus.Message
        return (item.text, item.filename, item.record, item.subject)
    if hasattr(item, "text") and hasattr(item, "name"):  # sources.Source: a whole text file
        return (item.text, item.name, None, None)
    return None


def lint_part(settings: Settings, part: Part, offsets: Offsets, reading: dict, annotate=None) -> list[tuple]:
    """Read and lint one part; a list of (item, findings, asks, annotation), findings None for an error."""
    items = list(read_part(part, offsets, **reading))
    lintable = [(item, t) for item in items if (t := _text_of(item)) is not None]
    linter = _worker_linter(settings) if lintable else None
    done: dict[int, tuple] = {}
    for chunk in _chunks(lintable, DEFAULT_CHUNK_SIZE):
        for (item, _), (result, extra) in zip(chunk, _lint_chunk(linter, [t for _, t in chunk], annotate)):
            done[id(item)] = (result.findings, result.asks, extra)
    # The text travels once, inside the item; the client builds the Result around it.
    return [(item, *done.get(id(item), (None, None, None))) for item in items]


def add_offsets(before: Offsets, counted: Offsets) -> Offsets:
    return before + counted


# ------------------------------------------------------------------------------------- the client

def cluster_pairs(client, settings: Settings, units: Iterable[Part | Any], *, reading: dict | None = None,
                  annotate: Callable | None = None, progress=None, part_bytes: int = DEFAULT_PART_BYTES,
                  window: int | None = None) -> Iterator[tuple[Any, Result | None, Any]]:
    """(item, Result or None, annotation) for every item of every part, in input order, as lint_pairs.

    `units`: plan_parts' output (made with the same `part_bytes`). Anything that is not a Part (a
    RecordError of the path listing) comes out in its place as (unit, None, None). `reading`:
    read_part's keyword arguments. `progress.advance(n)` is called as results arrive.
    """
    reading = dict(reading or {})
    sized = [0.0, window or 2]  # when the window was last sized, and its size

    def window_size() -> int:
        # Workers may join after the start (a batch job's nodes come up one by one): look again
        # every few seconds how many threads there are to keep busy.
        if window is None and time.monotonic() - sized[0] > WINDOW_CHECK_EVERY:
            sized[:] = [time.monotonic(), max((sum(client.nthreads().values()) or 1) * PARTS_PER_THREAD, 2)]
        return sized[1]

    pending: deque = deque()  # (unit, future or None), in input order
    in_flight = 0
    offsets: Any = Offsets()  # of the next range of the current file: a value, or the future of one

    def drain_one():
        nonlocal in_flight
        unit, future = pending.popleft()
        if future is None:
            yield unit, None, None
            return
        in_flight -= 1
        try:
            rows = future.result()
        except Exception as exc:  # a task that raised, or a part whose workers kept dying (KilledWorker)
            raise ClusterError(f"a part of the corpus failed on the cluster ({_describe(unit)}): "
                               f"{type(exc).__name__}: {_one_line(exc)}") from None
        finally:
            future.release()
        for item, findings, asks, extra in rows:
            if findings is None:
                yield item, None, None
            else:
                yield item, Result(text=item.text, findings=findings, asks=asks), extra
        if progress is not None:
            progress.advance(len(rows))

    def cut(units):
        # A big CSV file is cut where a worker, reading it through, finds rows; the client waits
        # for that (a read without linting), while the parts already sent keep the workers busy.
        for unit in units:
            if not (isinstance(unit, Part) and unit.cut_csv):
                yield unit
                continue
            future = client.submit(cut_csv, unit, part_bytes, reading.get("text_field", "text"), pure=False,
                                   priority=10)
            try:
                yield from future.result()
            except Exception as exc:
                raise ClusterError(f"cutting {unit.path} into parts failed on the cluster: "
                                   f"{type(exc).__name__}: {_one_line(exc)}") from None

    for unit in cut(units):
        if not isinstance(unit, Part):
            pending.append((unit, None))
        else:
            if unit.index == 0:
                offsets = Offsets()
            pending.append((unit, client.submit(lint_part, settings, unit, offsets, reading, annotate, pure=False)))
            in_flight += 1
            if not unit.last and unit.csv_start is None:
                # The next range's numbering, counted on a worker ahead of the linting (priority)
                # and chained there: the client never waits for it.
                counted = client.submit(count_part, unit, pure=False, priority=10)
                offsets = client.submit(add_offsets, offsets, counted, pure=False, priority=10)
        while in_flight >= window_size():
            yield from drain_one()
    while pending:
        yield from drain_one()


def _describe(part) -> str:
    if isinstance(part, Part) and part.is_range:
        return f"{part.path} bytes {part.start}-{'end' if part.end is None else part.end}"
    paths = [str(p) for p in getattr(part, "paths", ())]
    return ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


__all__ = ["ClusterError", "EXTRA_HINT", "require_dask", "check_settings", "connect", "cluster_pairs", "lint_part"]
