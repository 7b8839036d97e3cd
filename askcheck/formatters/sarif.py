"""SARIF 2.1.0: a static-analysis log for GitHub code scanning and other SARIF viewers."""
from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..registry import load_rules

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(filename: str) -> str:
    """A file name as a URI reference: relative paths stay relative, "-" (stdin) stays as given."""
    if filename == "-":
        return filename
    if os.path.isabs(filename):
        return Path(filename).as_uri()
    # quote() also encodes ":", so a name like "a:b.txt" cannot be read as a URI scheme.
    return quote(filename.replace(os.sep, "/"), safe="/")


def information_uri() -> str | None:
    """The project URL declared in the package metadata, if any (SARIF wants an absolute URI)."""
    try:
        md = metadata.metadata("askcheck")
    except metadata.PackageNotFoundError:
        return None
    urls = [entry.partition(",")[2].strip() for entry in md.get_all("Project-URL") or []]
    urls.append(md.get("Home-page") or "")
    return next((u for u in urls if u.startswith(("https://", "http://"))), None)


def rule_descriptor(cls) -> dict:
    rule = {"id": cls.code, "name": cls.name, "shortDescription": {"text": cls.summary}}
    doc = cls.doc.strip()
    if doc:
        rule["fullDescription"] = {"text": doc}
        rule["help"] = {"text": doc, "markdown": cls.documentation()}
    rule["defaultConfiguration"] = {"level": LEVELS[cls.severity.value]}
    return rule


def _fix(f) -> dict:
    changes = [{
        "artifactLocation": {"uri": artifact_uri(f.filename)},
        "replacements": [{
            "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
            "insertedContent": {"text": e.content},
        } for e in f.fix.edits],
    }]
    return {"description": {"text": f.fix.title}, "artifactChanges": changes,
            "properties": {"applicability": f.fix.applicability.value}}


def result(f, rule_index: dict[str, int]) -> dict:
    res = {"ruleId": f.code}
    if f.code in rule_index:
        res["ruleIndex"] = rule_index[f.code]
    res["level"] = LEVELS[f.severity.value]
    res["message"] = {"text": f"{f.message} - help: {f.suggestion}"}
    res["locations"] = [{"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(f.filename)},
        "region": {"startLine": f.location.row, "startColumn": f.location.column,
                   "endLine": f.end_location.row, "endColumn": f.end_location.column},
    }}]
    if f.fix is not None and f.fix.edits:
        res["fixes"] = [_fix(f)]
    if f.record is not None:
        res["properties"] = {"record": f.record}
    return res


def notification(report) -> dict:
    return {"level": "error", "message": {"text": report.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.name)}}}]}


def build(reports) -> dict:
    rules = list(load_rules().values())
    rule_index = {cls.code: i for i, cls in enumerate(rules)}
    driver = {"name": "askcheck", "version": __version__}
    if uri := information_uri():
        driver["informationUri"] = uri
    driver["rules"] = [rule_descriptor(cls) for cls in rules]
    errors = [notification(r) for r in reports if r.error]
    invocation = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    results = [result(f, rule_index) for r in reports if r.result for f in r.result.findings]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            # Finding columns and offsets count characters (code points), not SARIF's default UTF-16 units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render(reports, out, options) -> None:
    json.dump(build(reports), out, indent=2, ensure_ascii=False)
    out.write("\n")
