"""Precision and recall of each rule against labelled messages (JSONL: {"text", "expect": [names]})."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Linter


class CorpusError(ValueError):
    pass


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0
    findings: int = 0
    with_fix: int = 0  # findings that carry a fix
    cleared: int = 0  # fixes that, applied alone, remove their finding
    side_effects: int = 0  # fixes that add a finding of another rule
    fp_examples: list[str] = field(default_factory=list)
    fn_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def fix_share(self) -> float:
        return self.with_fix / self.findings if self.findings else 1.0

    @property
    def clear_share(self) -> float:
        return self.cleared / self.with_fix if self.with_fix else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def iter_labelled(paths):
    """(where, text, expected names) for each labelled message in the files or directories given."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    yield f"{f}:{n}", rec["text"], set(rec["expect"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise CorpusError(f"{f}:{n}: not a labelled message ({exc})") from exc


def evaluate(linter: Linter, paths) -> tuple[dict[str, RuleScore], int]:
    names = [r.name for r in linter.rules]
    scores = {n: RuleScore() for n in names}
    count = 0
    for where, text, expected in iter_labelled(paths):
        count += 1
        findings = linter.run(text).findings
        got = {f.name for f in findings}
        _score_fixes(linter, text, findings, scores)
        for name in names:
            s = scores[name]
            if name in expected:
                s.support += 1
            if name in got and name in expected:
                s.tp += 1
            elif name in got:
                s.fp += 1
                s.fp_examples.append(f"{where}: {text}")
            elif name in expected:
                s.fn += 1
                s.fn_examples.append(f"{where}: {text}")
    return scores, count


def _score_fixes(linter: Linter, text: str, findings, scores: dict[str, RuleScore]) -> None:
    """Apply each fix alone: does its finding go away, and does no other rule start firing?"""
    from .fixer import apply_edits

    before = {}
    for f in findings:
        before[f.name] = before.get(f.name, 0) + 1
    for f in findings:
        s = scores[f.name]
        s.findings += 1
        if f.fix is None:
            continue
        s.with_fix += 1
        after = {}
        for g in linter.run(apply_edits(text, f.fix.edits)).findings:
            after[g.name] = after.get(g.name, 0) + 1
        if after.get(f.name, 0) < before[f.name]:
            s.cleared += 1
        if any(after.get(n, 0) > before.get(n, 0) for n in after if n != f.name):
            s.side_effects += 1
