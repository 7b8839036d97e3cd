"""One line per finding: `path:line:col: CODE name message`."""
from __future__ import annotations

from . import describe_ask


def line(f) -> str:
    where = f"{f.label}:{f.location.row}:{f.location.column}"
    return f"{where}: {f.code} {f.name} {f.message}"


STREAMING = True


def render(reports, out, options) -> None:
    for r in reports:
        if r.result is None:
            continue
        if options.show_asks:
            for ask in r.result.asks:
                loc = ask["location"]
                out.write(f"{r.label}:{loc['row']}:{loc['column']}: ask {ask['text']!r} [{describe_ask(ask)}]\n")
        for f in r.result.findings:
            out.write(line(f) + "\n")
