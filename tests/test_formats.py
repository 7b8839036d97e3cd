"""The CI-oriented output formats: json-lines, sarif, github, junit, gitlab, grouped."""
from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck import __version__
from askcheck.finding import Severity
from askcheck.formatters import FORMATS, FileReport, RenderOptions, render
from askcheck.formatters import github, gitlab, sarif
from askcheck.registry import load_rules

DATA = Path(__file__).resolve().parent / "data"
NEW_FORMATS = ["json-lines", "sarif", "github", "junit", "gitlab", "grouped"]

# A newline and a "%" in the text; two identical "sorry" spans flagged by the same rule; a name with , and :.
MESSY_NAME = "dir/we,ird:name.txt"
MESSY = "Sorry to bother you, sorry again, can you help me?\nI am 100% stuck, sorry. Thanks"
PERCENT_NAME = "percent.txt"
PERCENT = "I am so sorry\nto bother you. Can you help me with 50% of the\nreport?"
CLEAN_NAME = "clean.txt"
CLEAN = ("Could you review the 20-line diff in PR 14 by Friday? It should take about 10 minutes. "
         "If you are busy, no problem at all - I can ask Sam instead.")
ERROR = "x.txt: not valid UTF-8 (byte 0xff at offset 4)"


def make_reports(texts=((MESSY_NAME, MESSY), (PERCENT_NAME, PERCENT), (CLEAN_NAME, CLEAN)), error=True):
    from askcheck.engine import get_linter

    linter = get_linter()
    reports = [FileReport(name=name, result=linter.run(text, filename=name)) for name, text in texts]
    if error:
        reports.append(FileReport(name="x.txt", error=ERROR))
    return reports


@pytest.fixture(scope="module")
def reports():
    return make_reports()


def findings_of(reports):
    return [f for r in reports if r.result for f in r.result.findings]


def output(fmt, reports, **options) -> str:
    buf = io.StringIO()
    render(fmt, reports, buf, RenderOptions(**options))
    return buf.getvalue()


def test_all_new_formats_are_registered():
    for fmt in NEW_FORMATS:
        assert fmt in FORMATS


def test_fixture_messages_are_what_the_tests_need(reports):
    messy, percent, clean, _ = reports
    assert messy.result.findings and percent.result.findings
    assert clean.result.findings == []
    assert "\n" in messy.result.text and "%" in messy.result.text
    assert any(f.severity is Severity.ERROR for f in findings_of(reports))


# --- json-lines ------------------------------------------------------------------------------------

def test_json_lines_one_parseable_object_per_finding(reports):
    text = output("json-lines", reports)
    lines = text.splitlines()
    findings = findings_of(reports)
    assert len(lines) == len(findings)
    assert [json.loads(line) for line in lines] == [f.to_dict() for f in findings]


def test_json_lines_never_splits_a_finding_across_lines(reports):
    f = findings_of(reports)[0]
    odd = dataclasses.replace(f, message="a\u2028b\u2029c\x85d\ne\rf")
    report = FileReport(name=f.filename, result=dataclasses.replace(reports[0].result, findings=[odd]))
    lines = output("json-lines", [report]).splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["message"] == odd.message


# --- sarif -----------------------------------------------------------------------------------------

def sarif_validator():
    """A validator for the vendored schema that refuses to fetch anything over the network."""
    import jsonschema
    from referencing import Registry

    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # the draft the file declares in $schema
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)

    def offline(uri):
        raise AssertionError(f"schema tried to fetch {uri}")

    return cls(schema, registry=Registry(retrieve=offline))


def assert_valid_sarif(log):
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_validates_against_the_schema(reports):
    log = json.loads(output("sarif", reports))
    assert_valid_sarif(log)
    assert_valid_sarif(json.loads(output("sarif", reports[:3])))  # no errors
    assert_valid_sarif(json.loads(output("sarif", [])))  # nothing at all


def test_sarif_schema_check_is_not_a_no_op(reports):
    log = json.loads(output("sarif", reports))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["invocations"][0]["executionSuccessful"]
    assert len(list(sarif_validator().iter_errors(log))) >= 2


def test_sarif_tool_and_rules(reports):
    run = json.loads(output("sarif", reports))["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "askcheck" and driver["version"] == __version__
    rules = load_rules()
    assert [r["id"] for r in driver["rules"]] == list(rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in driver["rules"]:
        cls = rules[descriptor["id"]]
        assert descriptor["name"] == cls.name
        assert descriptor["shortDescription"]["text"] == cls.summary
        assert descriptor["fullDescription"]["text"] == cls.doc.strip()
        assert descriptor["help"]["text"] == cls.doc.strip()
        assert descriptor["defaultConfiguration"]["level"] == levels[cls.severity.value]


def test_sarif_results_match_findings(reports):
    run = json.loads(output("sarif", reports))["runs"][0]
    findings = findings_of(reports)
    assert len(run["results"]) == len(findings)
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for f, res in zip(findings, run["results"]):
        assert res["ruleId"] == f.code
        assert rules[res["ruleIndex"]]["id"] == f.code
        assert res["level"] == {"error": "error", "warning": "warning"}[f.severity.value]
        assert res["message"]["text"] == f"{f.message} - help: {f.suggestion}"
        loc = res["locations"][0]["physicalLocation"]
        assert loc["region"] == {"startLine": f.location.row, "startColumn": f.location.column,
                                 "endLine": f.end_location.row, "endColumn": f.end_location.column}
        assert loc["artifactLocation"]["uri"] == sarif.artifact_uri(f.filename)
        if f.fix is None:
            assert "fixes" not in res
            continue
        (fix,) = res["fixes"]
        (change,) = fix["artifactChanges"]
        assert fix["properties"]["applicability"] == f.fix.applicability.value
        assert [(r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"], r["insertedContent"]["text"])
                for r in change["replacements"]] == [(e.start, e.end - e.start, e.content) for e in f.fix.edits]
    assert any("fixes" in res for res in run["results"])


def test_sarif_info_severity_is_a_note(reports):
    f = dataclasses.replace(findings_of(reports)[0], severity=Severity.INFO)
    report = FileReport(name=f.filename, result=dataclasses.replace(reports[0].result, findings=[f]))
    log = json.loads(output("sarif", [report]))
    assert log["runs"][0]["results"][0]["level"] == "note"
    assert_valid_sarif(log)


def test_sarif_uris():
    assert sarif.artifact_uri("-") == "-"
    assert sarif.artifact_uri("msgs/a.txt") == "msgs/a.txt"
    assert sarif.artifact_uri("my msgs/50%.txt") == "my%20msgs/50%25.txt"
    assert sarif.artifact_uri(MESSY_NAME) == "dir/we%2Cird%3Aname.txt"  # no "dir/we,ird:" scheme confusion
    assert sarif.artifact_uri("/abs/a b.txt") == "file:///abs/a%20b.txt"


def test_sarif_reports_read_errors_as_notifications(reports):
    run = json.loads(output("sarif", reports))["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == ERROR
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "x.txt"
    ok = json.loads(output("sarif", reports[:3]))["runs"][0]["invocations"][0]
    assert ok == {"executionSuccessful": True}


# --- github ----------------------------------------------------------------------------------------

def test_github_escaping_rules():
    assert github.escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert github.escape_property("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext%3A a%2Cb"


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


COMMAND_RE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def test_github_one_annotation_per_finding_and_error(reports):
    lines = output("github", reports).split("\n")
    assert lines.pop() == ""
    findings = findings_of(reports)
    assert len(lines) == len(findings) + 1
    for f, line in zip(findings, lines):
        level, props, data = COMMAND_RE.match(line).groups()
        assert level == {"error": "error", "warning": "warning"}[f.severity.value]
        props = dict(p.split("=", 1) for p in props.split(","))  # safe: values escape "," and ":"
        assert {k: _unescape(v) for k, v in props.items()} == {
            "file": f.filename, "line": str(f.location.row), "col": str(f.location.column),
            "endLine": str(f.end_location.row), "endColumn": str(f.end_location.column),
            "title": f"{f.code} {f.name}"}
        assert "\r" not in data and "%0A" in data
        assert _unescape(data) == f"{f.message}\nhelp: {f.suggestion}"
    assert lines[-1] == f"::error file=x.txt,title=askcheck::{github.escape_data(ERROR)}"


def test_github_escapes_percent_newline_and_property_separators(reports):
    text = output("github", reports)
    assert "file=dir/we%2Cird%3Aname.txt," in text
    percent = [line for line in text.splitlines() if "file=percent.txt" in line]
    assert any("50%25 of the report" in line for line in percent)  # the ask is quoted in a suggestion
    assert not re.search(r"%(?!25|0A|0D|3A|2C)", text)  # every % left is an escape


def test_github_newline_in_message_stays_on_one_line(reports):
    f = dataclasses.replace(findings_of(reports)[0], message="line one\r\nline two 100%", severity=Severity.INFO)
    report = FileReport(name=f.filename, result=dataclasses.replace(reports[0].result, findings=[f]))
    (line,) = output("github", [report]).splitlines()
    assert line.startswith("::notice ")
    assert line.endswith("::line one%0D%0Aline two 100%25%0Ahelp: " + github.escape_data(f.suggestion))


# --- junit -----------------------------------------------------------------------------------------

def test_junit_parses_with_correct_counts(reports):
    text = output("junit", reports)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "askcheck"
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == [MESSY_NAME, PERCENT_NAME, CLEAN_NAME, "x.txt"]
    for el in (root, suite):
        assert (el.get("tests"), el.get("failures"), el.get("errors")) == ("4", "2", "1")
    failed = [c for c in cases if c.find("failure") is not None]
    errored = [c for c in cases if c.find("error") is not None]
    passed = [c for c in cases if len(c) == 0]
    assert (len(failed), len(errored), len(passed)) == (2, 1, 1)
    assert passed[0].get("classname") == CLEAN_NAME
    assert errored[0].find("error").get("message") == ERROR


def test_junit_one_failure_per_finding(reports):
    root = ET.fromstring(output("junit", reports))
    for report, case in zip(reports, root.iter("testcase")):
        if report.result is None:
            continue
        failures = case.findall("failure")
        assert len(failures) == len(report.result.findings)
        for f, failure in zip(report.result.findings, failures):
            assert failure.get("message") == f"{f.code} {f.name}: {f.message}"
            assert failure.text == f"{f.filename}:{f.location.row}:{f.location.column}: help: {f.suggestion}"


def test_junit_stays_well_formed_with_control_characters(reports):
    f = dataclasses.replace(findings_of(reports)[0], message='form\x0cfeed <&> "quoted"\nnext')
    report = FileReport(name=f.filename, result=dataclasses.replace(reports[0].result, findings=[f]))
    failure = ET.fromstring(output("junit", [report])).find(".//failure")
    assert failure.get("message").endswith('form\ufffdfeed <&> "quoted"\nnext')


# --- gitlab ----------------------------------------------------------------------------------------

def test_gitlab_code_quality_fields(reports):
    issues = json.loads(output("gitlab", reports))
    findings = findings_of(reports)
    assert len(issues) == len(findings)
    for f, issue in zip(findings, issues):
        assert issue["check_name"] == f.name
        assert f.message in issue["description"]
        assert issue["severity"] == {"error": "major", "warning": "minor"}[f.severity.value]
        assert issue["location"] == {"path": f.filename, "lines": {"begin": f.location.row}}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])


def test_gitlab_fingerprints_unique_even_for_identical_spans(reports):
    issues = json.loads(output("gitlab", reports))
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)
    # MESSY has two "sorry" apologies flagged by the same rule: same file, code and text.
    messy = reports[0].result
    spans = [(f.code, messy.text[f.start:f.end]) for f in messy.findings]
    assert len(set(spans)) < len(spans)


def test_gitlab_fingerprints_stable_across_runs_and_line_shifts():
    first = [i["fingerprint"] for i in json.loads(output("gitlab", make_reports()))]
    second = [i["fingerprint"] for i in json.loads(output("gitlab", make_reports()))]
    assert first == second
    shifted = make_reports(((MESSY_NAME, "Hi,\n\n" + MESSY), (PERCENT_NAME, "\n\n\n" + PERCENT)))
    shifted_issues = json.loads(output("gitlab", shifted))
    assert [i["location"]["lines"]["begin"] for i in shifted_issues] != [
        i["location"]["lines"]["begin"] for i in json.loads(output("gitlab", make_reports()))]
    assert [i["fingerprint"] for i in shifted_issues] == first


def test_gitlab_info_severity():
    assert gitlab.SEVERITIES == {"error": "major", "warning": "minor", "info": "info"}


# --- grouped ---------------------------------------------------------------------------------------

def test_grouped_shows_each_filename_once(reports):
    text = output("grouped", reports)
    lines = text.split("\n")
    headers = [line for line in lines if line and not line.startswith("  ")]
    findings = findings_of(reports)
    assert headers[:2] == [MESSY_NAME, PERCENT_NAME]
    assert len(headers) == 4 and headers[2] == f"Found {len(findings)} findings."
    assert headers[3].startswith("[*] ")  # the fix summary, as in the full format
    assert CLEAN_NAME not in text
    entries = [line for line in lines if line.startswith("  ")]
    assert len(entries) == len(findings)
    for f, entry in zip(findings, entries):
        assert re.fullmatch(rf"  {f.location.row}:{f.location.column} {f.code}( \[\*\])? {f.name} .+", entry)
        assert entry.endswith(" " + f.message)
    # a blank line closes each file's block
    assert lines[lines.index(PERCENT_NAME) - 1] == ""


def test_grouped_all_clear(reports):
    assert output("grouped", [reports[2]]) == "All checks passed!\n"


# --- the command line ------------------------------------------------------------------------------

CHECKS = {
    "json-lines": lambda out: [json.loads(line) for line in out.splitlines()],
    "sarif": lambda out: assert_valid_sarif(json.loads(out)),
    "github": lambda out: all(COMMAND_RE.match(line) for line in out.splitlines()) or pytest.fail(out),
    "junit": lambda out: ET.fromstring(out),
    "gitlab": lambda out: json.loads(out),
    "grouped": lambda out: "Found " in out or pytest.fail(out),
}


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no project config is found above a temporary folder
    (tmp_path / "msg.txt").write_text(MESSY + "\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN + "\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"bad \xff byte")
    return tmp_path


@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_cli_format_with_findings(in_tmp, fmt):
    from askcheck.cli import main

    result = CliRunner().invoke(main, ["lint", "--format", fmt, "msg.txt"])
    assert result.exit_code == 1, result.output
    assert result.stdout.strip()
    CHECKS[fmt](result.stdout)


@pytest.mark.parametrize("fmt", NEW_FORMATS)
def test_cli_format_clean_file(in_tmp, fmt):
    from askcheck.cli import main

    result = CliRunner().invoke(main, ["lint", "--format", fmt, "clean.txt"])
    assert result.exit_code == 0, result.output
    if fmt in ("json-lines", "github"):
        assert result.stdout == ""
    elif fmt == "grouped":
        assert result.stdout == "All checks passed!\n"
    else:
        CHECKS[fmt](result.stdout)


def test_cli_sarif_with_unreadable_file(in_tmp):
    from askcheck.cli import main

    result = CliRunner().invoke(main, ["lint", "--format", "sarif", "msg.txt", "bad.txt"])
    assert result.exit_code == 2, result.output
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "msg.txt"
