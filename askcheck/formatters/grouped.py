"""Findings grouped under each file name, `  line:col CODE name message`: easy to scan in a CI log."""
from __future__ import annotations

import click

from . import Tally, all_findings


def _style(text, color, **kw):
    return click.style(text, **kw) if color else text


def _marker(f, options) -> str:
    applies = f.fixable and (f.fix.applicability.value == "safe" or options.unsafe_fixes)
    return " [*]" if applies else ""


def render(reports, out, options) -> None:
    color = options.color
    groups: dict[str, list] = {}
    for f in all_findings(reports):
        groups.setdefault(f.label, []).append(f)
    for name, findings in groups.items():
        out.write(_style(name, color, bold=True, underline=True) + "\n")
        for f in findings:
            where = f"{f.location.row}:{f.location.column}"
            out.write(f"  {where} " + _style(f.code + _marker(f, options), color, fg="red", bold=True)
                      + " " + _style(f.name, color, fg="yellow") + " " + f.message + "\n")
        out.write("\n")
    tally = Tally()
    tally.add(all_findings(reports))
    for r in reports:
        tally.count(r)
    out.write(tally.closing(options))
