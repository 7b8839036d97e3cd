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
    fp_examples: list[str] = field(default_factory=list)
    fn_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

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
        got = {f.name for f in linter.run(text).findings}
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
