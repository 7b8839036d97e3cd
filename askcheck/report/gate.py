"""Pass/fail for a corpus report: --fail-on SEVERITY, --max-rate RULE=PCT, and a baseline of known findings.

A baseline entry is keyed by what a finding is about, not where it is: (file, record, rule code, the
normalized text of the finding's span), with a count. Line and column numbers are left out, so
editing other lines of a message, or other messages of a corpus, leaves the baseline valid. Records
named only by position ("line 7", "row 3") are keyed by their file alone, so inserting a record
does not shift every key after it.
"""
from __future__ import annotations

import math

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import is_positional
from ..finding import Severity

BASELINE_VERSION = 1
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})


class GateError(ValueError):
    """A gate option or baseline file that cannot be used; str() names it."""


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


def finding_key(message, result, finding) -> tuple[str, str, str, str]:
    record = "" if is_positional(message.record) else message.record
    filename = Path(message.filename).as_posix()
    return (filename, record, finding.code, normalize(result.text[finding.start:finding.end]))


def parse_max_rate(value: str, rules) -> tuple[str, float]:
    """ "vague-ask=30" / "ASK101=30%" / "ALL=50" -> ("ASK101", 30.0). `rules`: RuleInfo list."""
    name, sep, pct = value.partition("=")
    name, pct = name.strip(), pct.strip().rstrip("%").strip()
    if not sep or not name or not pct:
        raise GateError(f"--max-rate {value!r}: expected RULE=PCT, e.g. vague-ask=20 or ALL=50")
    try:
        limit = float(pct)
    except ValueError:
        raise GateError(f"--max-rate {value!r}: {pct!r} is not a number") from None
    if limit < 0 or math.isnan(limit):
        raise GateError(f"--max-rate {value!r}: the rate must be a number >= 0")
    if name.upper() == "ALL":
        return "ALL", limit
    for r in rules:
        if name.upper() == r.code or name.lower() == r.name:
            return r.code, limit
    raise GateError(f"--max-rate {value!r}: no rule named {name!r} (see `askcheck rules`)")


def load_baseline(path) -> Counter:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GateError(f"{path}: baseline not found (write one with --write-baseline)") from None
    except OSError as exc:
        raise GateError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GateError(f"{path}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("askcheck_baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise GateError(f"{path}: not an askcheck baseline (version {BASELINE_VERSION})")
    counts: Counter = Counter()
    for i, e in enumerate(data["findings"]):
        try:
            key = (str(e["file"]), str(e.get("record") or ""), str(e["code"]), str(e["text"]))
            counts[key] += int(e.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise GateError(f"{path}: findings[{i}] is not a baseline entry") from None
    return counts


def write_baseline(path, counts: Counter) -> None:
    entries = [{"file": f, "record": r or None, "code": c, "text": t, "count": n}
               for (f, r, c, t), n in sorted(counts.items())]
    data = {"askcheck_baseline": BASELINE_VERSION, "findings": entries}
    try:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise GateError(f"{path}: cannot write baseline ({exc.strerror or exc})") from None


@dataclass
class Gate:
    """Streams over the findings, then decides. Without any option set it always passes."""

    fail_on: Severity | None = None
    max_rates: dict[str, float] = field(default_factory=dict)  # rule code or "ALL" -> findings per 100 messages
    baseline: Counter | None = None  # read mode: fail only on findings not in it
    writing: bool = False  # write mode: collect the current findings as the new baseline
    collected: Counter = field(default_factory=Counter)
    new_counts: Counter = field(default_factory=Counter)  # severity -> findings not in the baseline
    baselined: int = 0

    def __post_init__(self):
        self._left = Counter(self.baseline) if self.baseline is not None else None

    def check(self, message, result) -> list[bool]:
        """For each finding of a message, whether it is new (not covered by the baseline)."""
        flags = []
        for f in result.findings:
            new = True
            if self.writing or self._left is not None:
                key = finding_key(message, result, f)
                if self.writing:
                    self.collected[key] += 1
                    new = False
                elif self._left[key] > 0:
                    self._left[key] -= 1
                    new = False
            if new:
                self.new_counts[f.severity.value] += 1
            else:
                self.baselined += 1
            flags.append(new)
        return flags

    @property
    def active(self) -> bool:
        return bool(self.fail_on is not None or self.max_rates or self.baseline is not None or self.writing)

    @property
    def severity_gate(self) -> Severity | None:
        if self.fail_on is not None:
            return self.fail_on
        return Severity.INFO if self.baseline is not None else None

    def decide(self, acc) -> dict:
        """{"passed", "failures": [one line each], ...} from the streamed findings and the accumulator."""
        failures = []
        gate = None if self.writing else self.severity_gate
        if gate is not None:
            over = sum(n for sev, n in self.new_counts.items() if Severity(sev).rank >= gate.rank)
            if over:
                what = "new finding" if self.baseline is not None else "finding"
                failures.append(f"{over} {what}{'s' if over != 1 else ''} at severity {gate.value} or above"
                                + (" (not in the baseline)" if self.baseline is not None else ""))
        for code, limit in sorted(self.max_rates.items()):
            rate = acc.rate(None if code == "ALL" else code)
            if rate > limit:
                label = "all rules" if code == "ALL" else f"{code} {acc.rules[code].name}" if code in acc.rules else code
                failures.append(f"{label}: {rate:.2f} findings per 100 messages, over the limit of {limit:g}")
        out = {"passed": not failures, "failures": failures,
               "fail_on": gate.value if gate is not None else None,
               "max_rates": dict(sorted(self.max_rates.items()))}
        if self.baseline is not None or self.writing:
            out["baseline"] = {"new_findings": sum(self.new_counts.values()), "baselined_findings": self.baselined,
                               "written": self.writing}
        return out
