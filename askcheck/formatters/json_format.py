"""JSON: an array of findings; with --show-asks, an array of per-file objects with asks and findings.

The array is written element by element, so a corpus of any size streams through; the text is
exactly what json.dump(array, indent=2) would give.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

STREAMING = True


def report_object(r) -> dict:
    """One input's object in `--show-asks` output: its name, error, the asks detected and the findings."""
    obj = {"filename": r.name}
    if r.record is not None:
        obj["record"] = r.record
    obj.update({
        "error": r.error,
        "asks": r.result.asks if r.result else [],
        "findings": [f.to_dict() for f in r.result.findings] if r.result else [],
    })
    return obj


def _elements(reports, show_asks: bool) -> Iterator[dict]:
    for r in reports:
        if show_asks:
            yield report_object(r)
        elif r.result:
            yield from (f.to_dict() for f in r.result.findings)


def write_array(items: Iterable, out) -> None:
    first = True
    for item in items:
        # JSON escapes newlines inside strings, so every line break here is the layout's own.
        body = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + body)
        first = False
    out.write("[]\n" if first else "\n]\n")


def render(reports, out, options) -> None:
    write_array(_elements(reports, options.show_asks), out)
