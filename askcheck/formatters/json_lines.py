"""JSON Lines: one finding object per line, for log pipelines and line-by-line tools such as `jq -c`."""
from __future__ import annotations

import json

from . import all_findings

# json.dumps escapes control characters but leaves these raw, and str.splitlines() breaks lines on them.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps(obj) -> str:
    """One JSON document guaranteed to stay on one line, however a line is split."""
    text = json.dumps(obj, ensure_ascii=False)
    for char, escaped in _LINE_BREAKS.items():
        text = text.replace(char, escaped)  # only ever inside strings, where the escape is equivalent
    return text


STREAMING = True


def render(reports, out, options) -> None:
    for f in all_findings(reports):
        out.write(dumps(f.to_dict()) + "\n")
