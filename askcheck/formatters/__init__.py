"""Output formats for `askcheck lint`. Each is a small module with `render(reports, out, options)`.

One finding model (askcheck.finding.Finding) feeds every formatter.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TextIO

from ..engine import Result
from ..finding import record_label
from ..sources import Source

FORMATS = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "grouped": "grouped",
}


@dataclass
class FileReport:
    """The outcome for one input (a file, or a record inside a corpus file): a result, or the error."""

    name: str
    source: Source | None = None  # only for a whole file that --fix may rewrite
    result: Result | None = None
    error: str | None = None
    record: str | None = None

    @property
    def label(self) -> str:
        return record_label(self.name, self.record)


@dataclass
class RenderOptions:
    show_asks: bool = False
    color: bool = False
    unsafe_fixes: bool = False


def render(fmt: str, reports: list[FileReport], out: TextIO, options: RenderOptions) -> None:
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    module.render(reports, out, options)


def all_findings(reports):
    for r in reports:
        if r.result is not None:
            yield from r.result.findings
