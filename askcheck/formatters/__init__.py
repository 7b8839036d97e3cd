"""Output formats for `askcheck lint`. Each is a small module with `render(reports, out, options)`.

One finding model (askcheck.finding.Finding) feeds every formatter.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Iterable, TextIO

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


def describe_ask(ask: dict) -> str:
    """One line on an ask's judgment: "favor, reader, substantial (review my slides); size: none, when:
    "Friday", out: none", so a finding that fired or stayed quiet can be traced to its cause."""
    effort = f' ({ask["effort"]["text"]})' if ask.get("effort") else ""
    states = ", ".join(f'{k}: "{v["text"]}"' if v else f"{k}: none" for k, v in ask["states"].items())
    return f'{ask["kind"]}, {ask["audience"]}, {ask["cost"]}{effort}; what: {ask["what"]}; {states}'


def render(fmt: str, reports: Iterable[FileReport], out: TextIO, options: RenderOptions) -> None:
    """Render `reports` (read once). A formatter with STREAMING = True writes each report as it
    comes, so a corpus of any size passes through in flat memory; the others see a list."""
    module = importlib.import_module(f".{FORMATS[fmt]}", __name__)
    module.render(reports if getattr(module, "STREAMING", False) else list(reports), out, options)


class Tally:
    """Counts for the closing lines of the text formats, kept while the reports stream past."""

    def __init__(self):
        self.findings = self.safe = self.unsafe = 0
        self.checked = self.failed = 0  # inputs linted, inputs that could not be (their errors are on stderr)

    def count(self, report: FileReport) -> None:
        if report.result is not None:
            self.checked += 1
        elif report.error:
            self.failed += 1

    def add(self, findings) -> None:
        for f in findings:
            self.findings += 1
            if f.fix is not None:
                self.safe += f.fix.applicability.value == "safe"
                self.unsafe += f.fix.applicability.value == "unsafe"

    def closing(self, options: RenderOptions) -> str:
        n, safe, unsafe = self.findings, self.safe, self.unsafe
        if n == 0 and self.failed:
            # Never "All checks passed!" over inputs that were not checked at all.
            unread = f"{self.failed} input{'s' if self.failed != 1 else ''} could not be checked (see the errors)"
            return (f"No findings in {self.checked} checked; {unread}.\n" if self.checked
                    else f"Nothing checked: {unread}.\n")
        if n == 0:
            return "All checks passed!\n"
        text = f"Found {n} finding{'s' if n != 1 else ''}.\n"
        if options.unsafe_fixes:
            safe, unsafe = safe + unsafe, 0
        if safe:
            extra = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
            text += f"[*] {safe} fixable with --fix{extra}.\n"
        elif unsafe:
            text += f"No safe fixes ({unsafe} fixable with --fix --unsafe-fixes).\n"
        return text


def all_findings(reports):
    for r in reports:
        if r.result is not None:
            yield from r.result.findings
