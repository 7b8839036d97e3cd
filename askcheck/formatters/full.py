"""The default format: each finding with its source line, a caret underline and the suggested rewrite."""
from __future__ import annotations

import click

from . import Tally, describe_ask
from .concise import line


def _style(text, color, **kw):
    return click.style(text, **kw) if color else text


STREAMING = True


def render(reports, out, options) -> None:
    color = options.color
    tally = Tally()  # counts only: nothing of a report outlives its turn
    for r in reports:
        tally.count(r)
        if r.result is None:
            continue
        tally.add(r.result.findings)
        text_lines = r.result.text.split("\n")
        if options.show_asks:
            for ask in r.result.asks:
                loc = ask["location"]
                out.write(_style(f"{r.label}:{loc['row']}:{loc['column']}: ask ", color, fg="cyan")
                          + ask["text"].replace("\n", " ") + "\n")
                out.write(f"  = {describe_ask(ask)}\n")
        for f in r.result.findings:
            head = line(f)
            marker = " [*]" if f.fixable and (f.fix.applicability.value == "safe" or options.unsafe_fixes) else ""
            code_at = head.index(f": {f.code} ") + 2
            out.write(_style(head[:code_at], color, bold=True)
                      + _style(f.code + marker, color, fg="red", bold=True)
                      + " " + _style(f.name, color, fg="yellow") + " " + f.message + "\n")
            row = f.location.row
            src = text_lines[row - 1].rstrip("\r") if row - 1 < len(text_lines) else ""
            gutter = " " * len(str(row))
            start_col = f.location.column
            end_col = f.end_location.column if f.end_location.row == row else len(src) + 1
            width = max(1, min(end_col, len(src) + 1) - start_col)
            out.write(f"{gutter} |\n{row} | {src}\n{gutter} | " + " " * (start_col - 1)
                      + _style("^" * width, color, fg="red") + "\n")
            out.write(f"{gutter} = " + _style("help", color, bold=True) + f": {f.suggestion}\n\n")
    out.write(tally.closing(options))
