"""Corpus reports: lint many messages, summarise them, render the summary, and gate on it.

    summary = build_report(iter_messages(paths), settings, jobs=4)
    render("markdown", summary, sys.stdout)

Modules: accumulate (the streaming summary), gate (--fail-on, --max-rate, baselines), readability
(textstat scores of the asks), charts (inline SVG), and one module per format: text, markdown,
html (templates/report.html.j2) and json_stream (written while the corpus is read).
"""
from __future__ import annotations

import importlib

from .build import build_report

FORMATS = ("text", "json", "markdown", "html")
_MODULES = {"text": "text", "markdown": "markdown", "html": "html"}


def render(fmt: str, summary: dict, out) -> None:
    """Write a finished summary as text, markdown or html (json is streamed: see json_stream.JsonStream)."""
    if fmt not in _MODULES:
        raise ValueError(f"format {fmt!r} is rendered while streaming, or is unknown (one of {', '.join(FORMATS)})")
    importlib.import_module(f".{_MODULES[fmt]}", __name__).render(summary, out)


__all__ = ["FORMATS", "build_report", "render"]
