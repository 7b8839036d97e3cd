"""JUnit XML: a testcase per linted file, for CI test-report views (GitLab, Jenkins, Azure Pipelines)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# Characters XML 1.0 cannot carry at all, not even escaped (e.g. form feed, vertical tab).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def build(reports) -> ET.Element:
    # A file with findings is one failed testcase holding a <failure> per finding; an unreadable file is
    # an errored testcase. tests/failures/errors count testcases, so passed = tests - failures - errors.
    suite = ET.Element("testsuite", name="askcheck")
    counts = {"tests": 0, "failures": 0, "errors": 0}
    for r in reports:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=_xml(r.name), name=_xml(r.label))
        if r.error:
            counts["errors"] += 1
            ET.SubElement(case, "error", message=_xml(r.error), type="read-error").text = _xml(r.error)
            continue
        findings = r.result.findings if r.result else []
        if findings:
            counts["failures"] += 1
        for f in findings:
            failure = ET.SubElement(case, "failure", message=_xml(f"{f.code} {f.name}: {f.message}"), type=f.code)
            where = f"{f.label}:{f.location.row}:{f.location.column}"
            failure.text = _xml(f"{where}: help: {f.suggestion}")
    for key, value in counts.items():
        suite.set(key, str(value))
    root = ET.Element("testsuites", name="askcheck", **{k: str(v) for k, v in counts.items()})
    root.append(suite)
    return root


def render(reports, out, options) -> None:
    root = build(reports)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
