"""`askcheck lint` over corpus files: a finding names its record, bad records, --jobs, no in-place fixes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def run(args, input=None):
    return CliRunner().invoke(main, ["lint", "--isolated", *args], input=input, catch_exceptions=False)


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = [
        {"id": "t1", "text": "Thanks for the notes yesterday, they helped a lot."},
        {"id": "t2", "text": "Intro line.\nCould you review my slides before Friday?"},
    ]
    path = tmp_path / "inbox.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{broken\n", encoding="utf-8")
    return path


def test_findings_name_the_record_and_the_line_inside_it(inbox):
    r = run(["--format", "concise", "inbox.jsonl"])
    lines = r.stdout.splitlines()
    assert 'inbox.jsonl[t2]:2:1: ASK301 no-opt-out Asks a favor ("review my slides") with no easy way to say no' in lines
    assert not any("[t1]" in line for line in lines)  # thanks, no ask


def test_a_bad_record_is_an_error_naming_it_and_the_rest_is_linted(inbox):
    r = run(["--format", "concise", "inbox.jsonl"])
    assert r.exit_code == 2
    assert "askcheck: error: inbox.jsonl: line 3: invalid JSON" in r.stderr
    assert "inbox.jsonl[t2]" in r.stdout


def test_skip_bad_records_warns_and_exits_on_findings_alone(inbox):
    r = run(["--format", "concise", "--skip-bad-records", "inbox.jsonl"])
    assert r.exit_code == 1
    assert "warning: skipped bad record: inbox.jsonl: line 3" in r.stderr


def test_json_keeps_file_and_record_apart(inbox):
    r = run(["--format", "json", "--skip-bad-records", "inbox.jsonl"])
    findings = json.loads(r.stdout)
    assert findings and {f["filename"] for f in findings} == {"inbox.jsonl"}
    assert {f["record"] for f in findings} == {"t2"}
    assert all(f["location"]["row"] == 2 for f in findings)


def test_a_missing_file_is_still_an_error_with_skip_bad_records(inbox):
    r = run(["--format", "concise", "--skip-bad-records", "inbox.jsonl", "missing.jsonl"])
    assert r.exit_code == 2
    assert "askcheck: error: missing.jsonl: no such file or directory" in r.stderr


def test_csv_mbox_and_eml_are_read_as_messages():
    r = run(["--format", "concise", str(FIXTURES / "messages.csv"), str(FIXTURES / "archive.mbox"),
             str(FIXTURES / "reply.eml")])
    out = r.stdout
    assert "messages.csv[c1]:" in out and "archive.mbox[<mbox-1@example.com>]:" in out
    assert "From:" not in out and "Subject" not in out  # headers are not the message
    # One email: no record name. Its Subject ("Re: flaky test") is what its "any thoughts?" is about.
    r = run(["--format", "json", "--show-asks", str(FIXTURES / "reply.eml")])
    (reply,) = json.loads(r.stdout)
    assert reply["filename"].endswith("reply.eml") and "record" not in reply
    assert reply["asks"][0]["text"] == "Café meeting aside: any thoughts?"


def test_an_email_subject_is_context_for_its_asks():
    import askcheck

    assert askcheck.asks("Any thoughts?")[0]["what"] == "vague"
    ask = askcheck.asks("Any thoughts?", subject="Re: flaky test")[0]
    assert ask["what"] == "context" and "flaky test" in ask["why"]["what"]


def test_fix_never_rewrites_a_corpus_file(inbox):
    before = inbox.read_bytes()
    r = run(["--fix", "--skip-bad-records", "inbox.jsonl"])
    assert inbox.read_bytes() == before
    assert "not fixed: only text files are rewritten" in r.stderr


def test_jobs_2_output_equals_jobs_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    texts = [json.loads(line)["text"] for line in
             (ROOT / "corpus" / "labelled" / "asks.jsonl").read_text(encoding="utf-8").splitlines()[:150]]
    (tmp_path / "many.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    (tmp_path / "one.txt").write_text("Can you help?\n", encoding="utf-8")
    for fmt in ("concise", "json"):
        one = run(["--format", fmt, "--jobs", "1", "many.jsonl", "one.txt"])
        two = run(["--format", fmt, "--jobs", "2", "many.jsonl", "one.txt"])
        assert one.exit_code == two.exit_code == 1
        assert one.stdout == two.stdout
    records = {f.get("record") for f in json.loads(two.stdout)}
    assert len(records) > 64  # more than one chunk: the workers really ran


def test_lint_streams_reports_without_reading_ahead():
    from askcheck.cli import lint_sources
    from askcheck.corpus import Message
    from askcheck.settings import Settings

    pulled = 0

    def feed():
        nonlocal pulled
        for i in range(5000):
            pulled += 1
            yield Message("Could you review my slides?", "big.jsonl", f"line {i + 1}")

    stream = lint_sources(Settings(), feed(), jobs=1)
    first = next(stream)
    assert first.record == "line 1" and first.result.findings
    assert pulled < 500  # a chunk or so, not the 5,000 messages on offer
    stream.close()


def test_json_array_is_written_as_json_dump_would(inbox):
    r = run(["--format", "json", "--show-asks", "--skip-bad-records", "inbox.jsonl"])
    data = json.loads(r.stdout)
    assert r.stdout == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert [d.get("record") for d in data] == ["t1", "t2", "line 3"]
