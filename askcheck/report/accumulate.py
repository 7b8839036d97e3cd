"""The corpus summary, built one message at a time: counts, per-rule figures, readability, worst messages.

Memory does not grow with the corpus beyond two arrays of floats (the readability of each message
that has an ask, 16 bytes a message) and a heap of the `worst` messages.
"""
from __future__ import annotations

import bisect
import heapq
import math
import statistics
from array import array
from collections import Counter
from dataclasses import dataclass
from ..finding import record_label

SEVERITIES = ("error", "warning", "info")
FLESCH_BINS = [(-math.inf, 0)] + [(lo, lo + 10) for lo in range(0, 100, 10)] + [(100, math.inf)]
MAX_FINDINGS_BIN = 8  # findings-per-message histogram: 0, 1, ... 7, "8+"
MAX_ERROR_SAMPLES = 50
TEXT_LIMIT = 4000  # characters of a worst message kept for the report


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: str


def rule_infos(rule_classes) -> list[RuleInfo]:
    return [RuleInfo(r.code, r.name, r.severity.value) for r in rule_classes]


def message_score(findings) -> int:
    """How bad a message is: errors weigh 3, warnings 2, infos 1."""
    return sum(f.severity.rank for f in findings)


def where(filename: str, record: str | None, row: int | None = None, column: int | None = None) -> str:
    """file[record][:line:col], the location of a finding or message, written as `askcheck lint` does."""
    out = record_label(filename, record or None)
    return out + (f":{row}:{column}" if row is not None else "")


class Accumulator:
    def __init__(self, rules: list[RuleInfo] = (), worst: int = 10, text_limit: int = TEXT_LIMIT):
        self.rules = {r.code: r for r in rules}
        self.worst_n = max(int(worst), 0)
        self.text_limit = text_limit
        self.messages = 0
        self.with_ask = 0
        self.with_findings = 0
        self.findings = 0
        self.fixable = 0
        self.rule_count: Counter = Counter()
        self.rule_messages: Counter = Counter()
        self.rule_fixable: Counter = Counter()
        self.severity: Counter = Counter()
        self.per_message: Counter = Counter()
        self.fre = array("d")
        self.grade = array("d")
        self.bad_records = 0
        self.error_samples: list[dict] = []
        self._heap: list = []
        self._seq = 0

    # ------------------------------------------------------------------------------- adding

    def add(self, message, result, readability: tuple[float, float] | None = None) -> None:
        self._seq += 1
        self.messages += 1
        if result.asks:
            self.with_ask += 1
        if readability is not None:
            self.fre.append(readability[0])
            self.grade.append(readability[1])
        findings = result.findings
        self.per_message[min(len(findings), MAX_FINDINGS_BIN)] += 1
        if not findings:
            return
        self.with_findings += 1
        self.findings += len(findings)
        for f in findings:
            self.rule_count[f.code] += 1
            self.severity[f.severity.value] += 1
            if f.fixable:
                self.fixable += 1
                self.rule_fixable[f.code] += 1
            if f.code not in self.rules:
                self.rules[f.code] = RuleInfo(f.code, f.name, f.severity.value)
        for code in {f.code for f in findings}:
            self.rule_messages[code] += 1
        if self.worst_n:
            key = (message_score(findings), len(findings), -self._seq)
            if len(self._heap) < self.worst_n:
                heapq.heappush(self._heap, (key, self._entry(message, result, key[0])))
            elif key > self._heap[0][0]:
                heapq.heapreplace(self._heap, (key, self._entry(message, result, key[0])))

    def _entry(self, message, result, score: int) -> dict:
        text = result.text
        return {
            "filename": message.filename,
            "record": message.record,
            "where": getattr(message, "offset_note", None),
            "text": text[: self.text_limit],
            "truncated": len(text) > self.text_limit,
            "score": score,
            "findings": [f.to_dict() for f in result.findings],
        }

    def add_error(self, error) -> None:
        self.bad_records += 1
        if len(self.error_samples) < MAX_ERROR_SAMPLES:
            self.error_samples.append({"filename": error.filename, "record": error.record, "problem": error.problem})

    # ------------------------------------------------------------------------------ summary

    def _pct(self, n: int) -> float:
        return round(100.0 * n / self.messages, 2) if self.messages else 0.0

    def rate(self, code: str | None = None) -> float:
        """Findings per 100 messages, of one rule or (code None) of all."""
        n = self.findings if code is None else self.rule_count.get(code, 0)
        return 100.0 * n / self.messages if self.messages else 0.0

    def summary(self) -> dict:
        rules = []
        for code in sorted(self.rules):
            info, count = self.rules[code], self.rule_count.get(code, 0)
            rules.append({
                "code": code, "name": info.name, "severity": info.severity, "count": count,
                "rate_per_100": round(self.rate(code), 2),
                "messages": self.rule_messages.get(code, 0),
                "share_pct": self._pct(self.rule_messages.get(code, 0)),
                "fixable": self.rule_fixable.get(code, 0),
                "fixable_pct": round(100.0 * self.rule_fixable.get(code, 0) / count, 2) if count else 0.0,
            })
        per_message = [{"findings": str(n) if n < MAX_FINDINGS_BIN else f"{n}+", "messages": self.per_message.get(n, 0)}
                       for n in range(MAX_FINDINGS_BIN + 1)]
        worst = [entry for _, entry in sorted(self._heap, key=lambda item: item[0], reverse=True)]
        return {
            "messages": self.messages,
            "messages_with_ask": self.with_ask,
            "messages_with_ask_pct": self._pct(self.with_ask),
            "messages_with_findings": self.with_findings,
            "messages_with_findings_pct": self._pct(self.with_findings),
            "findings": self.findings,
            "findings_per_100": round(self.rate(), 2),
            "fixable_findings": self.fixable,
            "bad_records": self.bad_records,
            "severity": {s: self.severity.get(s, 0) for s in SEVERITIES},
            "rules": rules,
            "readability": {
                "asks_measured": len(self.fre),
                "flesch_reading_ease": describe(self.fre),
                "flesch_kincaid_grade": describe(self.grade),
                "flesch_histogram": histogram(self.fre, FLESCH_BINS),
            },
            "findings_per_message": per_message,
            "worst": worst,
            "bad_record_samples": list(self.error_samples),
        }


def describe(values) -> dict | None:
    """Median and spread (quartiles, IQR, standard deviation, range) of some numbers; None if there are none."""
    if not len(values):
        return None
    data = sorted(values)
    if len(data) > 1:
        p25, _, p75 = statistics.quantiles(data, n=4, method="inclusive")
        stdev = statistics.pstdev(data)
    else:
        p25 = p75 = data[0]
        stdev = 0.0
    return {key: round(value, 2) for key, value in (
        ("median", statistics.median(data)), ("p25", p25), ("p75", p75), ("iqr", p75 - p25),
        ("mean", statistics.fmean(data)), ("stdev", stdev), ("min", data[0]), ("max", data[-1]))}


def histogram(values, bins) -> list[dict]:
    """Counts of values in consecutive [lo, hi) bins that cover the whole line (first lo -inf, last hi inf)."""
    edges = [lo for lo, _ in bins[1:]]
    counts = [0] * len(bins)
    for v in values:
        counts[bisect.bisect_right(edges, v)] += 1
    out = []
    for (lo, hi), n in zip(bins, counts):
        label = f"< {hi:g}" if lo == -math.inf else f">= {lo:g}" if hi == math.inf else f"{lo:g}-{hi:g}"
        out.append({"label": label, "count": n})
    return out


__all__ = ["Accumulator", "RuleInfo", "rule_infos", "describe", "histogram", "message_score", "where"]
