"""The JSON report, written as it is built: per-message results first, one per line, then the summary.

    {"tool": "askcheck", "version": "...", "results": [
    {"filename": ..., "record": ..., "text": ..., "asks": [...], "findings": [...], "readability": {...}},
    {"filename": ..., "record": ..., "error": "..."},
    ...
    ],
    "summary": {...}}

Nothing per message is kept after it is written, so a corpus of any size streams through.
"""
from __future__ import annotations

import json

from .. import __version__


class JsonStream:
    def __init__(self, out):
        self.out = out
        self.first = True
        out.write(json.dumps({"tool": "askcheck", "version": __version__})[:-1] + ', "results": [\n')

    def _write(self, obj: dict) -> None:
        if not self.first:
            self.out.write(",\n")
        self.first = False
        self.out.write(json.dumps(obj, ensure_ascii=False))

    def message(self, message, result, readability=None, new_flags=None) -> None:
        findings = []
        for i, f in enumerate(result.findings):
            d = f.to_dict()
            if new_flags is not None:
                d["new"] = new_flags[i]
            findings.append(d)
        self._write({
            "filename": message.filename,
            "record": message.record,
            "where": getattr(message, "offset_note", None),
            "text": result.text,
            "has_ask": bool(result.asks),
            "asks": result.asks,
            "findings": findings,
            "readability": None if readability is None else {
                "flesch_reading_ease": round(readability[0], 2), "flesch_kincaid_grade": round(readability[1], 2)},
        })

    def error(self, error) -> None:
        self._write({"filename": error.filename, "record": error.record, "error": error.problem})

    def finish(self, summary: dict) -> None:
        self.out.write(("\n" if not self.first else "") + '],\n"summary": ')
        self.out.write(json.dumps(summary, indent=2, ensure_ascii=False))
        self.out.write("}\n")
