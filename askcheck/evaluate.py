"""Precision and recall of each rule, and of ask detection, against labelled messages.

A labelled file is JSONL, one message per line, labelled by `corpus/LABELLING.md`:

- `{"text": "...", "expect": [rule names], "ask": true, "kind": "favor", ...}`: a message written
  for development (`corpus/labelled/`, `corpus/holdout/`);
- `{"corpus": "politeness.jsonl", "id": "...", "sha1": "...", "expect": [...], ...}`: a real message
  kept where it was published (`corpus/real/`). Its text is read from the shared corpora folder
  (`--corpora`, default: the nearest `shared/corpora` above the label file) and checked against the
  SHA-1, so a label can never silently move to another text.

`ask`, `kind`, `audience` and `cost` are optional; where present, ask detection and the kind of the
main ask are scored too.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
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

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "support": self.support, "findings": self.findings, "with_fix": self.with_fix,
                "fix_share": self.fix_share, "fix_clears": self.clear_share, "fix_side_effects": self.side_effects}


@dataclass
class AskScore:
    """Ask detection (does the message ask?) and the kind of its main ask, against the labels."""

    detection: RuleScore = field(default_factory=RuleScore)
    kinds: Counter = field(default_factory=Counter)  # (labelled kind, detected kind) -> messages
    labelled: int = 0  # messages whose label says whether they ask

    @property
    def kind_accuracy(self) -> float:
        both = {k: v for k, v in self.kinds.items() if k[0] and k[1]}
        total = sum(both.values())
        return sum(v for (a, b), v in both.items() if a == b) / total if total else 1.0

    def to_dict(self) -> dict:
        return {"labelled": self.labelled, "detection": self.detection.to_dict(),
                "kind_accuracy": self.kind_accuracy,
                "kinds": [{"labelled": a, "detected": b, "messages": n} for (a, b), n in sorted(self.kinds.items(),
                                                                                                 key=str)]}


@dataclass(frozen=True)
class Labelled:
    where: str
    text: str
    expect: frozenset[str]
    ask: bool | None = None
    kind: str | None = None


# Which ask of a message is its main one: the one that costs the reader most (LABELLING.md, section 2).
_KIND_WEIGHT = {"favor": 5, "plea": 4, "task": 3, "proposal": 2, "question": 1}


def main_ask(asks: list[dict]) -> dict | None:
    """The main ask among a message's asks (as `Result.asks` dicts): the costliest, then the first."""
    if not asks:
        return None
    return max(asks, key=lambda a: (a["cost"] == "substantial", _KIND_WEIGHT.get(a["kind"], 0),
                                    -a["span"]["start"]))


def find_corpora(start: Path) -> Path | None:
    """The nearest `shared/corpora` folder at or above `start`."""
    for folder in [start, *start.parents]:
        candidate = folder / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return None


class Texts:
    """Texts of real messages by (corpus file, id), read once from the shared corpora folder."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._by_file: dict[str, dict[str, str]] = {}

    def get(self, corpus: str, rid: str, where: str) -> str:
        if self.folder is None:
            raise CorpusError(f"{where}: the text lives in the shared corpora, which are not here (use --corpora DIR)")
        if corpus not in self._by_file:
            path = self.folder / corpus
            if not path.is_file():
                raise CorpusError(f"{where}: {path}: no such corpus file")
            with path.open(encoding="utf-8") as fh:
                self._by_file[corpus] = {str(r["id"]): r["text"] for r in map(json.loads, fh)}
        try:
            return self._by_file[corpus][rid]
        except KeyError:
            raise CorpusError(f"{where}: no record {rid!r} in {corpus}") from None


def label_files(paths) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(f for f in p.rglob("*.jsonl") if not f.name.startswith("_")) if p.is_dir() else [p]
    return files


def needs_corpora(paths) -> bool:
    """Whether any label file names its texts by id (they live in the shared corpora)."""
    for f in label_files(paths):
        with f.open(encoding="utf-8") as fh:
            first = fh.readline()
        if first.strip() and "text" not in json.loads(first):
            return True
    return False


def iter_labelled(paths, corpora: Path | None = None):
    """Labelled messages in the files or directories given (texts resolved for real-message labels)."""
    files = label_files(paths)
    texts = Texts(corpora if corpora is not None else (find_corpora(files[0].resolve().parent) if files else None))
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{f}:{n}"
                try:
                    rec = json.loads(line)
                    if "text" in rec:
                        text = rec["text"]
                    else:
                        text = texts.get(rec["corpus"], str(rec["id"]), where)
                        if "sha1" in rec and hashlib.sha1(text.encode("utf-8")).hexdigest() != rec["sha1"]:
                            raise CorpusError(f"{where}: the text of {rec['id']} has changed since it was labelled")
                        where = f"{where} [{rec['corpus']}:{rec['id']}]"
                    yield Labelled(where, text, frozenset(rec["expect"]), rec.get("ask"), rec.get("kind"))
                except CorpusError:
                    raise
                except (ValueError, KeyError, TypeError) as exc:
                    raise CorpusError(f"{where}: not a labelled message ({exc})") from exc


def evaluate(linter: Linter, paths, corpora: Path | None = None, fixes: bool = True
             ) -> tuple[dict[str, RuleScore], int, AskScore]:
    names = [r.name for r in linter.rules]
    scores = {n: RuleScore() for n in names}
    asks = AskScore()
    count = 0
    for item in iter_labelled(paths, corpora):
        count += 1
        result = linter.run(item.text)
        findings = result.findings
        got = {f.name for f in findings}
        if fixes:
            _score_fixes(linter, item.text, findings, scores)
        else:
            for f in findings:
                scores[f.name].findings += 1
        for name in names:
            s = scores[name]
            if name in item.expect:
                s.support += 1
            if name in got and name in item.expect:
                s.tp += 1
            elif name in got:
                s.fp += 1
                s.fp_examples.append(f"{item.where}: {item.text}")
            elif name in item.expect:
                s.fn += 1
                s.fn_examples.append(f"{item.where}: {item.text}")
        if item.ask is not None:
            _score_asks(asks, item, result.asks)
    return scores, count, asks


def _score_asks(score: AskScore, item: Labelled, found: list[dict]) -> None:
    score.labelled += 1
    d = score.detection
    d.support += item.ask
    if found and item.ask:
        d.tp += 1
    elif found:
        d.fp += 1
        d.fp_examples.append(f"{item.where}: {item.text}")
    elif item.ask:
        d.fn += 1
        d.fn_examples.append(f"{item.where}: {item.text}")
    main = main_ask(found)
    score.kinds[(item.kind if item.ask else None, main["kind"] if main else None)] += 1


def _score_fixes(linter: Linter, text: str, findings, scores: dict[str, RuleScore]) -> None:
    """Apply each fix alone: does its finding go away, and does no other rule start firing?"""
    from .fixer import apply_edits

    before = Counter(f.name for f in findings)
    for f in findings:
        s = scores[f.name]
        s.findings += 1
        if f.fix is None:
            continue
        s.with_fix += 1
        after = Counter(g.name for g in linter.run(apply_edits(text, f.fix.edits)).findings)
        if after[f.name] < before[f.name]:
            s.cleared += 1
        if any(after[n] > before[n] for n in after if n != f.name):
            s.side_effects += 1
