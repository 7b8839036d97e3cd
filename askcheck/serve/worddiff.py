"""A word-level diff of a draft and its rewrite, for the page's preview.

Words, runs of spaces and punctuation marks are the units, so an added sentence shows as one
insertion and a cut apology as one deletion, not as a smear of changed characters.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_UNITS = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(before: str, after: str) -> list[dict]:
    """[{"op": "equal" | "delete" | "insert", "text": ...}], in order; joining the equal and delete
    parts gives `before`, the equal and insert parts `after`."""
    a, b = _UNITS.findall(before), _UNITS.findall(after)
    parts: list[dict] = []

    def add(op: str, units: list[str]) -> None:
        if not units:
            return
        text = "".join(units)
        if parts and parts[-1]["op"] == op:
            parts[-1]["text"] += text
        else:
            parts.append({"op": op, "text": text})

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return parts
