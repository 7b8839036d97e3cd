"""From a stream of messages to a summary: lint (in parallel), accumulate, check the gate, stream JSON."""
from __future__ import annotations

from typing import Callable, Iterable

from ..parallel import DEFAULT_CHUNK_SIZE, lint_pairs
from ..registry import load_rules
from ..settings import Settings, selected_rules
from .accumulate import Accumulator, rule_infos
from .gate import Gate
from .readability import measure


def build_report(items: Iterable, settings: Settings, *, jobs: int = 1, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 worst: int = 10, gate: Gate | None = None, json_out=None, progress=None,
                 on_error: Callable | None = None, inputs=(), pairs: Iterable | None = None) -> dict:
    """The summary of a corpus. `items`: corpus.Message / corpus.RecordError, read lazily.

    `pairs`, if given, replaces linting `items` here: (item, Result or None, readability) in input
    order, already linted elsewhere (cluster.cluster_pairs, with annotate=readability.measure).

    Each RecordError is counted, passed to on_error(error) and written to json_out in its place.
    json_out (a JsonStream) gets every message's result as soon as it is linted; nothing per
    message is kept here. The summary's "gate" entry holds the gate's decision.
    """
    gate = gate or Gate()
    acc = Accumulator(rule_infos(selected_rules(settings, load_rules())), worst=worst)
    if pairs is None:
        pairs = lint_pairs(settings, items, jobs, chunk_size, annotate=measure, progress=progress)
    for item, result, readability in pairs:
        if result is None:
            if not getattr(item, "path_error", False):  # a missing path is not a bad record
                acc.add_error(item)
            if on_error is not None:
                on_error(item)
            if json_out is not None:
                json_out.error(item)
            continue
        flags = gate.check(item, result)
        acc.add(item, result, readability)
        if json_out is not None:
            json_out.message(item, result, readability,
                             new_flags=flags if gate.baseline is not None else None)
    summary = acc.summary()
    summary["inputs"] = [str(p) for p in inputs]
    summary["gate"] = gate.decide(acc) if gate.active else None
    return summary
