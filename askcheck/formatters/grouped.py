"""Findings grouped under each file name, `  line:col CODE name message`: easy to scan in a CI log."""
from __future__ import annotations

import click

from . import all_findings


def _style(text, color, **kw):
    return click.style(text, **kw) if color else text


def _marker(f, options) -> str:
    applies = f.fixable and (f.fix.applicability.value == "safe" or options.unsafe_fixes)
    return " [*]" if applies else ""


def summary(findings, options) -> str:
    """The closing count lines, worded as in the full format."""
    n = len(findings)
    if n == 0:
        return "All checks passed!\n"
    text = f"Found {n} finding{'s' if n != 1 else ''}.\n"
    safe = sum(1 for f in findings if f.fix and f.fix.applicability.value == "safe")
    unsafe = sum(1 for f in findings if f.fix and f.fix.applicability.value == "unsafe")
    if options.unsafe_fixes:
        safe, unsafe = safe + unsafe, 0
    if safe:
        extra = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
        text += f"[*] {safe} fixable with --fix{extra}.\n"
    elif unsafe:
        text += f"No safe fixes ({unsafe} fixable with --fix --unsafe-fixes).\n"
    return text


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
    out.write(summary(list(all_findings(reports)), options))
