"""The report as GitHub-flavoured Markdown, for a pull-request comment or a CI job summary.

Message text goes into fenced code blocks (never rendered as Markdown or HTML); every other piece of
text from the corpus is escaped.
"""
from __future__ import annotations

import html
import re

from .accumulate import where
from .text import bad_record, clean

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
SNIPPET_CHARS = 1500


def esc(text: str) -> str:
    """Text safe in a Markdown paragraph or table cell: HTML escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(clean(str(text)), quote=False)).replace("\n", " ")


def code(text: str) -> str:
    """An inline code span (shown verbatim), or escaped text when the text has a backtick of its own."""
    text = clean(str(text)).replace("\n", " ")
    return f"`{text}`" if "`" not in text else esc(text)


def fence(text: str, info: str = "text") -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{text}\n{ticks}"


def n(value) -> str:
    return f"{value:,}"


def f2(value) -> str:
    return "–" if value is None else f"{value:,.2f}"


def row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def render(summary: dict, out) -> None:
    s = summary
    sev = s["severity"]
    gate = s.get("gate")
    status = "" if not gate else (" — ✅ gate passed" if gate["passed"] else " — ❌ gate failed")
    lines = [f"## askcheck report{status}", ""]
    if s.get("inputs"):
        lines += ["Corpus: " + ", ".join(code(p) for p in s["inputs"]), ""]
    lines += [
        "| | |", "|---|--:|",
        row(["Messages read", n(s["messages"])]),
        row(["With an ask", f"{n(s['messages_with_ask'])} ({s['messages_with_ask_pct']:.2f}%)"]),
        row(["With ≥ 1 finding", f"{n(s['messages_with_findings'])} ({s['messages_with_findings_pct']:.2f}%)"]),
        row(["Findings", f"{n(s['findings'])} ({s['findings_per_100']:.2f} per 100 messages)"]),
        row(["Fixable findings", n(s["fixable_findings"])]),
        row(["Errors / warnings / infos", f"{n(sev['error'])} / {n(sev['warning'])} / {n(sev['info'])}"]),
        row(["Bad records", n(s["bad_records"])]),
        "",
    ]
    if gate:
        lines += ["### Gate", "", "**Passed**" if gate["passed"] else "**Failed**", ""]
        lines += [f"- {esc(reason)}" for reason in gate["failures"]]
        if gate.get("baseline"):
            b = gate["baseline"]
            lines.append("- Baseline written" if b["written"] else
                         f"- Baseline: {n(b['new_findings'])} new, {n(b['baselined_findings'])} known findings")
        lines.append("")

    lines += ["### Rules", "",
              row(["Code", "Rule", "Severity", "Count", "Per 100 messages", "Messages", "Share", "Fixable"]),
              "|---|---|---|--:|--:|--:|--:|--:|"]
    for r in s["rules"]:
        lines.append(row([r["code"], esc(r["name"]), r["severity"], n(r["count"]), f2(r["rate_per_100"]),
                          n(r["messages"]), f"{r['share_pct']:.2f}%", f"{r['fixable_pct']:.2f}%"]))
    lines.append("")

    rd = s["readability"]
    lines += [f"### Readability of the asks ({n(rd['asks_measured'])} messages with an ask)", "",
              row(["Measure", "Median", "P25", "P75", "IQR", "Std dev", "Min", "Max"]),
              "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for label, key in (("Flesch reading ease", "flesch_reading_ease"), ("Flesch-Kincaid grade", "flesch_kincaid_grade")):
        d = rd[key] or {}
        lines.append(row([label] + [f2(d.get(k)) for k in ("median", "p25", "p75", "iqr", "stdev", "min", "max")]))
    lines.append("")

    bins = s["findings_per_message"]
    lines += ["### Findings per message", "", row(["Findings"] + [b["findings"] for b in bins]),
              "|---" + "|--:" * len(bins) + "|", row(["Messages"] + [n(b["messages"]) for b in bins]), ""]

    if s["worst"]:
        lines += [f"### Worst messages (top {len(s['worst'])})", ""]
        for i, w in enumerate(s["worst"], 1):
            count = len(w["findings"])
            label = html.escape(clean(where(w["filename"], w["record"])))
            lines += [f"<details><summary>{i}. <code>{label}</code> — score {w['score']}, "
                      f"{count} finding{'s' if count != 1 else ''}</summary>", ""]
            text = w["text"] if len(w["text"]) <= SNIPPET_CHARS else w["text"][:SNIPPET_CHARS] + "\n…"
            lines += [fence(clean_block(text)), ""]
            for f in w["findings"]:
                loc = f["location"]
                lines.append(f"- `{loc['row']}:{loc['column']}` **{f['code']}** {esc(f['name'])} "
                             f"({f['severity']}): {esc(f['message'])}")
            lines += ["", "</details>", ""]

    if s["bad_records"]:
        samples = s["bad_record_samples"]
        more = f", first {len(samples)} shown" if len(samples) < s["bad_records"] else ""
        lines += [f"### Bad records ({n(s['bad_records'])}{more})", ""]
        lines += [f"- {esc(bad_record(e))}" for e in samples]
        lines.append("")
    out.write("\n".join(lines).rstrip("\n") + "\n")


def clean_block(text: str) -> str:
    return "\n".join(clean(line.rstrip("\r")) for line in text.split("\n"))
