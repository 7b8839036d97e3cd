"""JSON: an array of findings; with --show-asks, an array of per-file objects with asks and findings."""
from __future__ import annotations

import json


def render(reports, out, options) -> None:
    if options.show_asks:
        data = [
            {
                "filename": r.name,
                **({"record": r.record} if r.record is not None else {}),
                "error": r.error,
                "asks": r.result.asks if r.result else [],
                "findings": [f.to_dict() for f in r.result.findings] if r.result else [],
            }
            for r in reports
        ]
    else:
        data = [f.to_dict() for r in reports if r.result for f in r.result.findings]
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")
