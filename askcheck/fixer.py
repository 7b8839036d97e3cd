"""Applying fixes: choose non-overlapping edits, apply them, re-lint, repeat until stable.

Overlapping edits from different findings are never merged: one round applies a deterministic,
non-overlapping subset (ordered by position, then rule code, highest first), the text is linted again, and the rest
get their chance next round, up to MAX_ROUNDS.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .engine import Linter
from .finding import Applicability, Edit, Finding, Fix

MAX_ROUNDS = 10


def applies(fix: Fix | None, unsafe: bool, display: bool = False) -> bool:
    if fix is None:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    if fix.applicability is Applicability.UNSAFE:
        return unsafe
    return display


def _clash(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two insertions at one point: their order would be arbitrary
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def choose(findings: Iterable[Finding], unsafe: bool, display: bool = False) -> list[Fix]:
    """A deterministic set of fixes whose edits do not touch one another."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    candidates = [f for f in findings if applies(f.fix, unsafe, display)]
    # By position; at one position the higher code first. Insertions at one point clash, so the other
    # waits a round and is then inserted in front: they end up in code order ("Specifically: [what].
    # It should take about [how long].").
    candidates.sort(key=lambda f: (f.code, f.start), reverse=True)
    candidates.sort(key=lambda f: f.fix.edits[0].start)
    for f in candidates:
        if any(_clash(e, t) for e in f.fix.edits for t in taken):
            continue
        chosen.append(f.fix)
        taken.extend(f.fix.edits)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; text outside them is kept exactly."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out = []
    pos = 0
    for e in ordered:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit {e}")
        out.append(text[pos:e.start])
        out.append(e.content)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_loop(linter: Linter, text: str, *, unsafe: bool, display: bool,
             filename: str = "-") -> tuple[str, list[Finding], int]:
    """(fixed text, findings that remain, number of fixes applied). `filename` picks per-file ignores."""
    return fix_rounds(lambda t: linter.run(t, filename=filename).findings, text, unsafe=unsafe, display=display)


def fix_rounds(lint: Callable[[str], list[Finding]], text: str, *, unsafe: bool,
               display: bool) -> tuple[str, list[Finding], int]:
    """fix_loop over any `lint` (text -> findings with offsets into that text), such as the language
    server's, which lints only part of a mail document."""
    applied = 0
    findings = lint(text)
    for _ in range(MAX_ROUNDS):
        fixes = choose(findings, unsafe, display)
        if not fixes:
            break
        new = apply_edits(text, [e for fx in fixes for e in fx.edits])
        if new == text:
            break
        text = new
        applied += len(fixes)
        findings = lint(text)
    return text, findings, applied


def fix_text(linter: Linter, text: str, unsafe: bool = False, filename: str = "-") -> tuple[str, list[Finding]]:
    new, remaining, _ = fix_loop(linter, text, unsafe=unsafe, display=False, filename=filename)
    return new, remaining


def rewrite_text(linter: Linter, text: str, filename: str = "-") -> str:
    """Every suggestion applied, templates with placeholders included: a draft for the writer to edit."""
    return fix_loop(linter, text, unsafe=True, display=True, filename=filename)[0]
