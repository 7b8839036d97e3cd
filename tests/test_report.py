"""`askcheck report`: the summary, the four formats, bad records, gating and baselines."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck.corpus import Message
from askcheck.engine import Result
from askcheck.finding import Finding, Severity
from askcheck.report.accumulate import Accumulator, RuleInfo, describe, histogram, FLESCH_BINS
from askcheck.report.gate import GateError, finding_key, load_baseline, parse_max_rate
from askcheck.report.html import highlight
from askcheck.report.readability import measure
from askcheck.report_cli import report

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def run(*args):
    result = CliRunner().invoke(report, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = "Could you review the two-page intro of my design doc by Friday? It should take about 15 minutes. " \
       "If you're busy, no problem."


# --------------------------------------------------------------------------------------- summary

def test_text_report_counts_and_bad_records_exit_2():
    r = run(FIXTURES, "--jobs", "1")
    assert r.exit_code == 2
    out = r.stdout
    assert re.search(r"messages read\s+10\b", out)
    assert re.search(r"with >= 1 finding\s+6\s+60\.00%", out)
    assert re.search(r"ASK101\s+vague-ask\s+error\s+6\s+60\.00\s+6\s+60\.00%\s+0\.00%", out)
    assert "READABILITY OF THE ASKS" in out and "Flesch reading ease" in out
    assert "WORST MESSAGES" in out and "messages.csv[c4]" in out
    errors = [line for line in r.stderr.splitlines() if line.startswith("askcheck: error: tests") or "fixtures" in line]
    assert any("messages.jsonl: line 3: invalid JSON" in line for line in errors)
    assert any("messages.csv[c3]: row has no 'text' value" in line for line in errors)
    assert any("latin1.txt: not valid UTF-8" in line for line in errors)
    assert any("undecodable.eml: text/plain part does not decode" in line for line in errors)
    assert "4 bad records" in r.stderr


def test_skip_bad_records_counts_them_and_exits_0():
    r = run(FIXTURES, "--skip-bad-records", "--jobs", "1")
    assert r.exit_code == 0
    assert re.search(r"bad records\s+4", r.stdout)
    assert "BAD RECORDS (4)" in r.stdout
    assert r.stderr.count("skipped bad record") == 4


def test_json_report_streams_every_result_in_order_then_the_summary():
    r = run(FIXTURES, "--format", "json", "--skip-bad-records", "--jobs", "1")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    results = data["results"]
    assert len(results) == 14
    assert [Path(x["filename"]).name for x in results][:3] == ["archive.mbox", "archive.mbox", "ask.txt"]
    bad = [x for x in results if "error" in x]
    assert [(Path(b["filename"]).name, b["record"]) for b in bad] == [
        ("latin1.txt", None), ("messages.csv", "c3"), ("messages.jsonl", "line 3"), ("undecodable.eml", None)]
    m1 = next(x for x in results if x.get("record") == "m1")
    assert m1["has_ask"] and {f["code"] for f in m1["findings"]} >= {"ASK101"}
    assert m1["findings"][0]["record"] == "m1" and m1["findings"][0]["location"] == {"row": 1, "column": 1}
    assert m1["readability"]["flesch_reading_ease"] > 0
    s = data["summary"]
    assert (s["messages"], s["messages_with_ask"], s["messages_with_findings"], s["bad_records"]) == (10, 10, 6, 4)
    rules = {x["name"]: x for x in s["rules"]}
    assert rules["vague-ask"]["count"] == 6 and rules["vague-ask"]["rate_per_100"] == 60.0
    assert rules["excessive-apology"]["fixable_pct"] == 100.0 and rules["no-opt-out"]["count"] == 0
    assert s["severity"] == {"error": 6, "warning": 1, "info": 0}
    assert s["readability"]["asks_measured"] == 10
    assert set(s["readability"]["flesch_reading_ease"]) >= {"median", "p25", "p75", "iqr", "stdev"}
    assert len(s["worst"]) == 6 and s["worst"][0]["record"] == "c4"
    assert s["gate"] is None


def test_markdown_report(tmp_path):
    out = tmp_path / "summary.md"
    r = run(FIXTURES, "--format", "markdown", "--skip-bad-records", "-o", out, "--jobs", "1", "--fail-on", "error")
    assert r.exit_code == 1 and r.stdout == ""
    md = out.read_text(encoding="utf-8")
    assert md.startswith("## askcheck report — ❌ gate failed")
    assert "| ASK101 | vague-ask | error | 6 | 60.00 | 6 | 60.00% | 0.00% |" in md
    assert "### Readability of the asks" in md and "### Worst messages" in md
    assert "```text\nSorry, sorry to bother you again. Can you help?\n```" in md


def test_html_is_self_contained_and_escapes_message_text(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "x<1>", "text": "Sorry to bother you. Can you review my slides? <script>alert('pwned')</script> & <b>thanks</b>"},
        {"id": "ok", "text": GOOD},
    ])
    out = tmp_path / "report.html"
    r = run(corpus, "--format", "html", "-o", out, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(" in page
    assert "x&lt;1&gt;" in page and "<b>thanks" not in page
    assert page.count("<svg") == 3  # per-rule rates, readability, findings per message
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing loaded from the network
    assert "<mark" in page


def test_highlight_marks_spans_and_escapes():
    marked = highlight("a <b> c", [{"span": {"start": 2, "end": 5}, "code": "X1", "name": "n", "message": "m<"}])
    assert str(marked) == 'a <mark title="X1 n: m&lt;">&lt;b&gt;</mark> c'


def test_usage_errors_exit_2(tmp_path):
    assert run().exit_code == 2
    assert run(FIXTURES / "ask.txt", "--max-rate", "nonsense").exit_code == 2
    assert run(FIXTURES / "ask.txt", "--max-rate", "no-such-rule=5").exit_code == 2
    assert run(FIXTURES / "ask.txt", "--write-baseline").exit_code == 2
    r = run(FIXTURES / "ask.txt", "--baseline", tmp_path / "missing.json")
    assert r.exit_code == 2 and "baseline not found" in r.stderr
    assert run(FIXTURES / "ask.txt", "--select", "nothing-like-this").exit_code == 2
    assert run(tmp_path / "absent.jsonl").exit_code == 2


# ------------------------------------------------------------------------------------------ gates

def test_fail_on_severity(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": 1, "text": GOOD}])
    assert run(good, "--fail-on", "info", "--jobs", "1").exit_code == 0
    r = run(FIXTURES / "ask.txt", "--fail-on", "error", "--jobs", "1")
    assert r.exit_code == 1 and "gate failed: 1 finding at severity error" in r.stderr
    assert "GATE: FAILED" in r.stdout
    # excessive-apology is a warning: failing on errors only lets it through
    sorry = write_jsonl(tmp_path / "s.jsonl", [{"text": GOOD + " Sorry to bother you, sorry!"}])
    assert run(sorry, "--fail-on", "error", "--jobs", "1").exit_code == 0
    assert run(sorry, "--fail-on", "warning", "--jobs", "1").exit_code == 1


def test_max_rate_per_rule_and_overall():
    args = [FIXTURES, "--skip-bad-records", "--jobs", "1"]
    assert run(*args, "--max-rate", "vague-ask=60").exit_code == 0  # rate is 60.00: not over
    r = run(*args, "--max-rate", "ASK101=59.9%")
    assert r.exit_code == 1 and "ASK101 vague-ask: 60.00 findings per 100 messages" in r.stderr
    assert run(*args, "--max-rate", "ALL=70").exit_code == 0  # 70 per 100 messages overall
    assert run(*args, "--max-rate", "all=69", "--max-rate", "vague-ask=90").exit_code == 1


def test_parse_max_rate():
    rules = [RuleInfo("ASK101", "vague-ask", "error")]
    assert parse_max_rate("vague-ask=20", rules) == ("ASK101", 20.0)
    assert parse_max_rate("ask101 = 2.5%", rules) == ("ASK101", 2.5)
    assert parse_max_rate("ALL=50", rules) == ("ALL", 50.0)
    for bad in ("vague-ask", "=3", "vague-ask=x", "vague-ask=-1", "other=3"):
        with pytest.raises(GateError):
            parse_max_rate(bad, rules)


def test_baseline_round_trip(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    msgs = write_jsonl(corpus / "msgs.jsonl", [
        {"id": "a", "text": "Can you help me out?"},
        {"id": "b", "text": GOOD},
        {"text": "Thoughts?"},
    ])
    note = corpus / "note.txt"
    note.write_text("Hi Sam,\nI could really use your help with something. Can you help?\nThanks,\nJen\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"

    r = run(corpus, "--baseline", baseline, "--write-baseline", "--jobs", "1")
    assert r.exit_code == 0 and baseline.is_file() and "wrote 3 findings" in r.stderr
    entries = json.loads(baseline.read_text())["findings"]
    assert {(e["file"].rsplit("/", 1)[-1], e["record"]) for e in entries} == {
        ("msgs.jsonl", "a"), ("msgs.jsonl", None), ("note.txt", None)}
    assert not any("row" in e or "line" in e or "column" in e for e in entries)  # no positions in keys

    r = run(corpus, "--baseline", baseline, "--jobs", "1")
    assert r.exit_code == 0, r.stdout
    assert "baseline: 0 new, 3 known" in r.stdout

    # unrelated edits: a new first line in the note, a record inserted before the id-less one,
    # and a new field on another record. Every finding is still the same finding.
    note.write_text("Hi Sam,\nHope the launch went well!\nI could really use your help with something. "
                    "Can you help?\nThanks,\nJen\n", encoding="utf-8")
    write_jsonl(msgs, [
        {"id": "a", "text": "Can you help me out?", "team": "infra"},
        {"id": "b", "text": GOOD},
        {"id": "c", "text": "Thanks for the review yesterday, it was really helpful."},
        {"text": "Thoughts?"},
    ])
    r = run(corpus, "--baseline", baseline, "--jobs", "1")
    assert r.exit_code == 0, r.stdout + r.stderr

    # a new problem message fails the gate, and only the new findings count
    with msgs.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "d", "text": "Any ideas?? Sorry, sorry."}) + "\n")
    r = run(corpus, "--baseline", baseline, "--jobs", "1", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["summary"]["gate"]["baseline"] == {"new_findings": 2, "baselined_findings": 3, "written": False}
    new = [(x["record"], f["code"]) for x in data["results"] for f in x.get("findings", []) if f["new"]]
    assert {rec for rec, _ in new} == {"d"}
    # ... unless it is only a warning and the gate is on errors
    assert run(corpus, "--baseline", baseline, "--jobs", "1", "--fail-on", "error").exit_code == 1  # vague-ask
    r = run(corpus, "--baseline", baseline, "--jobs", "1", "--ignore", "vague-ask", "--fail-on", "error")
    assert r.exit_code == 0


def test_baseline_rejects_other_files(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]")
    with pytest.raises(GateError, match="not an askcheck baseline"):
        load_baseline(bad)
    bad.write_text("{oops")
    with pytest.raises(GateError, match="invalid JSON"):
        load_baseline(bad)


def test_finding_key_ignores_position_and_spacing():
    f1 = Finding("ASK101", "vague-ask", "m", Severity.ERROR, 0, 13, "s")
    f2 = Finding("ASK101", "vague-ask", "m", Severity.ERROR, 8, 23, "s")
    r1 = Result("Can you help?", [f1], [])
    r2 = Result("Hi Sam,\nCan  you\nhelp?", [f2], [])
    m1, m2 = Message(r1.text, "a.jsonl", "line 3", "line 3"), Message(r2.text, "a.jsonl", "line 9", "line 9")
    assert finding_key(m1, r1, f1) == finding_key(m2, r2, f2) == ("a.jsonl", "", "ASK101", "can you help?")
    m3 = Message(r1.text, "a.jsonl", "id-7", "line 3")
    assert finding_key(m3, r1, f1)[1] == "id-7"


# ---------------------------------------------------------------------------------- accumulator

def _result(text, codes):
    findings = [Finding(c, c.lower(), "m", sev, 0, len(text), "s") for c, sev in codes]
    return Result(text, findings, [{"text": text}] if codes else [])


def test_accumulator_worst_heap_is_bounded_and_ordered():
    acc = Accumulator(worst=2)
    for i, n in enumerate([1, 3, 0, 2, 3]):
        codes = [("ASK101", Severity.ERROR)] * n
        acc.add(Message(f"m{i}", "f", f"r{i}"), _result(f"m{i}", codes))
    s = acc.summary()
    assert [w["record"] for w in s["worst"]] == ["r1", "r4"]  # ties: earlier message first
    assert s["messages"] == 5 and s["messages_with_findings"] == 4 and s["findings"] == 9
    assert [b["messages"] for b in s["findings_per_message"][:4]] == [1, 1, 1, 2]
    assert s["rules"][0]["code"] == "ASK101" and s["rules"][0]["rate_per_100"] == 180.0


def test_describe_and_histogram():
    assert describe([]) is None
    d = describe([1.0, 2.0, 3.0, 4.0, 5.0])
    assert (d["median"], d["p25"], d["p75"], d["iqr"], d["min"], d["max"]) == (3.0, 2.0, 4.0, 2.0, 1.0, 5.0)
    assert describe([7.0])["iqr"] == 0.0
    h = histogram([-5, 0, 9.9, 10, 99.9, 100, 130], FLESCH_BINS)
    counts = {b["label"]: b["count"] for b in h}
    assert counts["< 0"] == 1 and counts["0-10"] == 2 and counts["10-20"] == 1
    assert counts["90-100"] == 1 and counts[">= 100"] == 2 and sum(counts.values()) == 7


def test_readability_of_asks_only():
    assert measure(Result("Hello there.", [], [])) is None
    fre, grade = measure(Result("x", [], [{"text": "Could you review my pull request by Friday?"}]))
    assert 0 < fre < 121 and -4 < grade < 20


def test_markdown_fences_and_code_spans_cannot_be_broken_out_of():
    from askcheck.report.markdown import code, esc, fence

    assert fence("a ``` b") == "````text\na ``` b\n````"
    assert code("my_corpus/x.jsonl") == "`my_corpus/x.jsonl`"
    assert code("a`b") == "a\\`b"
    assert esc("<script>|*x*") == "&lt;script&gt;\\|\\*x\\*"


def test_empty_corpus_renders_every_format(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    for fmt in ("text", "markdown", "html"):
        r = run(empty, "--format", fmt, "--jobs", "1")
        assert r.exit_code == 0, (fmt, r.stderr)
        assert "0" in r.stdout
    data = json.loads(run(empty, "--format", "json", "--jobs", "1").stdout)
    assert data["results"] == [] and data["summary"]["messages"] == 0
    assert data["summary"]["readability"]["flesch_reading_ease"] is None
