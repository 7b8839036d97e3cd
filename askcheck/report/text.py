"""The default report format: aligned plain-text tables for a terminal or a log."""
from __future__ import annotations

from .accumulate import where

SNIPPET_LINES = 6
SNIPPET_WIDTH = 100


def clean(text: str) -> str:
    """Printable text only: a message must not be able to send escape sequences to the terminal."""
    return "".join(c if c.isprintable() or c == "\t" else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
                   for c in text)


def n(value) -> str:
    return f"{value:,}"


def f2(value) -> str:
    return "-" if value is None else f"{value:,.2f}"


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]

    def fmt(row):
        cells = [str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(cells).rstrip()
    return [fmt(headers)] + [fmt(r) for r in rows]


def snippet(text: str) -> list[str]:
    lines = [line.rstrip("\r") for line in text.strip("\n").split("\n")]
    out = []
    for line in lines[:SNIPPET_LINES]:
        line = clean(line)
        out.append(line if len(line) <= SNIPPET_WIDTH else line[: SNIPPET_WIDTH - 1] + "…")
    if len(lines) > SNIPPET_LINES:
        out.append(f"… ({len(lines) - SNIPPET_LINES} more lines)")
    return out


def bad_record(e: dict) -> str:
    """The same words as the error line on stderr: "file: record: problem"."""
    return f"{e['filename']}: {e['record']}: {e['problem']}" if e.get("record") else f"{e['filename']}: {e['problem']}"


def render(summary: dict, out) -> None:
    s = summary
    lines = ["askcheck report" + (f": {', '.join(map(clean, s['inputs']))}" if s.get("inputs") else ""), ""]
    sev = s["severity"]
    overview = [
        ["messages read", n(s["messages"]), ""],
        ["with an ask", n(s["messages_with_ask"]), f"{s['messages_with_ask_pct']:.2f}%"],
        ["with >= 1 finding", n(s["messages_with_findings"]), f"{s['messages_with_findings_pct']:.2f}%"],
        ["findings", n(s["findings"]), f"{s['findings_per_100']:.2f} per 100 messages"],
        ["fixable findings", n(s["fixable_findings"]), ""],
        ["severity", n(sum(sev.values())), f"error {n(sev['error'])}  warning {n(sev['warning'])}  info {n(sev['info'])}"],
        ["bad records", n(s["bad_records"]), ""],
    ]
    lines += ["  " + r for r in table(["", "", ""], overview, right={1})[1:]]

    lines += ["", "RULES"]
    rows = [[r["code"], r["name"], r["severity"], n(r["count"]), f2(r["rate_per_100"]), n(r["messages"]),
             f"{r['share_pct']:.2f}%", f"{r['fixable_pct']:.2f}%"] for r in s["rules"]]
    lines += table(["CODE", "NAME", "SEVERITY", "COUNT", "PER 100", "MESSAGES", "SHARE", "FIXABLE"], rows,
                   right={3, 4, 5, 6, 7})

    rd = s["readability"]
    lines += ["", f"READABILITY OF THE ASKS ({n(rd['asks_measured'])} messages with an ask)"]
    rows = []
    for label, key in (("Flesch reading ease", "flesch_reading_ease"), ("Flesch-Kincaid grade", "flesch_kincaid_grade")):
        d = rd[key] or {}
        rows.append([label] + [f2(d.get(k)) for k in ("median", "p25", "p75", "iqr", "stdev", "min", "max")])
    lines += table(["MEASURE", "MEDIAN", "P25", "P75", "IQR", "STDEV", "MIN", "MAX"], rows, right=set(range(1, 8)))

    lines += ["", "FINDINGS PER MESSAGE"]
    lines += table(["FINDINGS"] + [b["findings"] for b in s["findings_per_message"]],
                   [["messages"] + [n(b["messages"]) for b in s["findings_per_message"]]], right=set(range(1, 20)))

    if s["worst"]:
        lines += ["", f"WORST MESSAGES (top {len(s['worst'])})"]
        for i, w in enumerate(s["worst"], 1):
            note = f" ({w['where']})" if w.get("where") and w["where"] != w.get("record") else ""
            count = len(w["findings"])
            lines.append(f"{i}. {clean(where(w['filename'], w['record']))}{clean(note)}  "
                         f"score {w['score']}, {count} finding{'s' if count != 1 else ''}")
            lines += [f"   | {line}" for line in snippet(w["text"])]
            for f in w["findings"]:
                loc = f["location"]
                lines.append(f"   {loc['row']}:{loc['column']}  {f['code']} {f['name']} ({f['severity']})  "
                             f"{clean(f['message'])}")
            lines.append("")
        lines.pop()

    if s["bad_records"]:
        samples = s["bad_record_samples"]
        more = f", first {len(samples)} shown" if len(samples) < s["bad_records"] else ""
        lines += ["", f"BAD RECORDS ({n(s['bad_records'])}{more})"]
        lines += [f"  {clean(bad_record(e))}" for e in samples]

    gate = s.get("gate")
    if gate:
        lines += ["", "GATE: " + ("passed" if gate["passed"] else "FAILED")]
        lines += [f"  - {reason}" for reason in gate["failures"]]
        if gate.get("baseline"):
            b = gate["baseline"]
            lines.append("  baseline written" if b["written"] else
                         f"  baseline: {n(b['new_findings'])} new, {n(b['baselined_findings'])} known")
    out.write("\n".join(lines) + "\n")
