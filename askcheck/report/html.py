"""One self-contained HTML page: tables, inline SVG charts, the worst messages with their findings marked.

No script, stylesheet, font or image is loaded from anywhere: the page opens offline. The template
(templates/report.html.j2) is rendered with autoescape on, so every piece of corpus text is escaped;
the only Markup inserted is built here from escaped parts.
"""
from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from .. import __version__
from . import charts
from .accumulate import where


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("askcheck.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def highlight(text: str, findings: list[dict]) -> Markup:
    """The message text, escaped, with each finding's span wrapped in <mark title="CODE ...">."""
    bounds = {0, len(text)}
    spans = []
    for f in findings:
        start, end = max(0, f["span"]["start"]), min(len(text), f["span"]["end"])
        if start < end:
            spans.append((start, end, f"{f['code']} {f['name']}: {f['message']}"))
            bounds.update((start, end))
    cuts = sorted(bounds)
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [label for s, e, label in spans if s <= a and b <= e]
        piece = escape(text[a:b])
        if covering:
            parts.append(Markup('<mark title="{}">{}</mark>').format("\n".join(covering), piece))
        else:
            parts.append(piece)
    return Markup("").join(parts)


def render(summary: dict, out) -> None:
    s = dict(summary)
    s.setdefault("gate", None)
    s.setdefault("inputs", [])
    rule_chart = charts.hbars([(f"{r['code']} {r['name']}", r["rate_per_100"]) for r in s["rules"]],
                              "Findings per 100 messages, by rule")
    hist = s["readability"]["flesch_histogram"]
    readability_chart = charts.columns([(b["label"], b["count"]) for b in hist],
                                       "Flesch reading ease of the asks (messages)",
                                       x_label="reading ease (higher is easier)")
    per_message_chart = charts.columns([(b["findings"], b["messages"]) for b in s["findings_per_message"]],
                                       "Findings per message (messages)", x_label="findings in the message")
    worst = [dict(w, location=where(w["filename"], w["record"]), marked=highlight(w["text"], w["findings"]))
             for w in s["worst"]]
    page = _env().get_template("report.html.j2").render(
        s=s, version=__version__, worst=worst, where=where,
        rule_chart=rule_chart, readability_chart=readability_chart, per_message_chart=per_message_chart,
    )
    out.write(page)
    if not page.endswith("\n"):
        out.write("\n")
