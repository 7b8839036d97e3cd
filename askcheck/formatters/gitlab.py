"""GitLab Code Quality report: a JSON array of issues for `artifacts:reports:codequality` in merge requests."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def fingerprint(filename: str, code: str, span_text: str, occurrence: int = 0, record: str | None = None) -> str:
    """Stable across runs and line shifts: hashes what was flagged, never where.

    `occurrence` numbers identical (file, code, text) findings in order, so each keeps a unique fingerprint.
    """
    key = "\0".join((filename, record or "", code, span_text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def issues(reports) -> list[dict]:
    out = []
    for r in reports:
        if r.result is None:
            continue
        seen: Counter = Counter()
        for f in r.result.findings:
            span_text = r.result.text[f.start:f.end]
            key = (f.filename, f.record, f.code, span_text)
            out.append({
                "description": f"{f.code}: {f.message}",
                "check_name": f.name,
                "fingerprint": fingerprint(f.filename, f.code, span_text, seen[key], f.record),
                "severity": SEVERITIES[f.severity.value],
                "location": {"path": f.filename, "lines": {"begin": f.location.row}},
            })
            seen[key] += 1
    return out


def render(reports, out, options) -> None:
    json.dump(issues(reports), out, indent=2, ensure_ascii=False)
    out.write("\n")
