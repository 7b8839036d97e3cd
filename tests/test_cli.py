"""The command line, through click's runner (and once as the installed `askcheck` command)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
BAD_ASK = "Could you review my slides before Friday?\n"
CLEAN_ASK = ("Could you spend twenty minutes reviewing the intro paragraph tomorrow afternoon? "
             "If you're swamped, no problem - I'll ask someone else.\n")


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no config file from the repository leaks in
    (tmp_path / "bad.txt").write_text(BAD_ASK, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN_ASK, encoding="utf-8")
    return tmp_path


def test_lint_reports_in_full_format(files):
    r = run(["lint", "bad.txt"])
    assert r.exit_code == 1
    assert "bad.txt:1:1: ASK301" in r.output and "no-opt-out" in r.output
    assert "^^^^" in r.output and "= help:" in r.output
    assert "Found 2 findings." in r.output


def test_clean_file_exits_zero(files):
    r = run(["lint", "clean.txt"])
    assert r.exit_code == 0, r.output
    assert "All checks passed!" in r.output


def test_concise_is_exactly_one_line_per_finding(files):
    r = run(["lint", "--format", "concise", "bad.txt"])
    lines = r.output.strip().splitlines()
    assert lines == [
        'bad.txt:1:1: ASK201 missing-duration Asks a favor ("review my slides") without saying how long or how big it is',
        'bad.txt:1:1: ASK301 no-opt-out Asks a favor ("review my slides") with no easy way to say no',
    ]


def test_json_has_the_contract_fields(files):
    r = run(["lint", "--format", "json", "bad.txt", "clean.txt"])
    data = json.loads(r.output)
    assert {f["code"] for f in data} == {"ASK201", "ASK301"}
    f = data[0]
    for key in ("filename", "code", "name", "message", "severity", "location", "end_location", "span",
                "suggestion", "fix"):
        assert key in f
    assert f["location"] == {"row": 1, "column": 1}
    assert f["span"]["end"] > f["span"]["start"]


def test_json_show_asks_is_per_file(files):
    data = json.loads(run(["lint", "--format", "json", "--show-asks", "bad.txt", "clean.txt"]).output)
    assert [d["filename"] for d in data] == ["bad.txt", "clean.txt"]
    assert data[0]["asks"][0]["text"] == BAD_ASK.strip()
    assert data[1]["findings"] == []


def test_stdin_exit_status_and_filename(files):
    r = run(["lint", "--format", "concise", "-", "--stdin-filename", "draft.txt"], input="Can you give me a hand?")
    assert r.exit_code == 1
    assert r.output.startswith("draft.txt:1:1: ASK101 vague-ask")


def test_select_ignore_by_code_prefix_and_name(files):
    r = run(["lint", "--format", "concise", "--select", "ASK2", "bad.txt"])
    assert "ASK301" not in r.output and "ASK201" in r.output
    r = run(["lint", "--format", "concise", "--ignore", "no-opt-out,missing-duration", "bad.txt"])
    assert r.exit_code == 0
    r = run(["lint", "--select", "nonsense", "bad.txt"])
    assert r.exit_code == 2 and "nonsense" in r.output


def test_exit_zero(files):
    assert run(["lint", "--exit-zero", "bad.txt"]).exit_code == 0


def test_missing_and_undecodable_files_are_errors_but_others_are_linted(files):
    (files / "latin1.txt").write_bytes("Caf\xe9, could you review it?".encode("latin-1"))
    r = run(["lint", "--format", "concise", "nope.txt", "latin1.txt", "bad.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: nope.txt: no such file or directory" in r.output
    assert "askcheck: error: latin1.txt: not valid UTF-8" in r.output
    assert "bad.txt:1:1: ASK301" in r.output


def test_directories_are_walked_with_default_extensions_and_globs(files):
    sub = files / "notes"
    sub.mkdir()
    (sub / "a.md").write_text(BAD_ASK)
    (sub / "b.eml").write_text(BAD_ASK)
    (sub / "c.json").write_text(BAD_ASK)
    out = run(["lint", "--format", "concise", "notes"]).output
    assert "notes/a.md" in out and "notes/b.eml" in out and "c.json" not in out
    out = run(["lint", "--format", "concise", "--exclude", "*.md", "notes"]).output
    assert "a.md" not in out and "b.eml" in out
    out = run(["lint", "--format", "concise", "--include", "*.json", "notes"]).output
    assert "c.json" in out and "a.md" not in out


def test_empty_file_has_no_findings(files):
    (files / "empty.txt").write_text("")
    assert run(["lint", "empty.txt"]).exit_code == 0


def test_crlf_and_bom_positions(files):
    (files / "crlf.txt").write_bytes("\ufeffHi Sam,\r\n\r\nCould you review my slides?\r\n".encode("utf-8"))
    data = json.loads(run(["lint", "--format", "json", "crlf.txt"]).output)
    assert all(f["location"] == {"row": 3, "column": 1} for f in data)
    assert data[0]["end_location"]["row"] == 3


def test_rules_and_rule_docs():
    r = run(["rules"])
    assert r.exit_code == 0
    for name in ("vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology"):
        assert name in r.output
    doc = run(["rule", "no-opt-out"]).output
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety", "Essay"):
        assert heading in doc
    assert run(["rule", "ASK101"]).exit_code == 0
    assert run(["rule", "nope"]).exit_code == 2


def test_eval_prints_precision_and_recall():
    path = str(ROOT / "corpus" / "labelled")
    r = run(["eval", path, "--format", "json", "--no-fixes"])
    data = json.loads(r.output)[path]
    assert data["messages"] >= 400
    assert set(data["rules"]) >= {"vague-ask", "no-opt-out"}
    assert data["asks"]["labelled"] >= 400 and 0 <= data["asks"]["detection"]["precision"] <= 1
    r = run(["eval", path])
    assert "(ask detection)" in r.output and "MAIN ASK KIND" in r.output


def test_config_from_pyproject_and_flag_override(files):
    (files / "pyproject.toml").write_text('[tool.askcheck]\nignore = ["no-opt-out"]\nbogus = 1\n')
    r = run(["lint", "--format", "concise", "bad.txt"])
    assert "ASK301" not in r.output and "unknown key" in r.output
    r = run(["lint", "--format", "concise", "--isolated", "bad.txt"])
    assert "ASK301" in r.output


def test_invalid_config_value_exits_2_naming_the_key(files):
    (files / "askcheck.toml").write_text('[rules.excessive-apology]\nmax_apologies = "two"\n')
    r = run(["lint", "bad.txt"])
    assert r.exit_code == 2 and "excessive-apology.max_apologies" in r.output


def test_rule_option_from_config_changes_behaviour(files):
    (files / "two.txt").write_text("Sorry I'm late with this. Sorry again!\n")
    assert "ASK401" in run(["lint", "--format", "concise", "two.txt"]).output
    (files / "askcheck.toml").write_text("[rules.excessive-apology]\nmax_apologies = 2\n")
    assert "ASK401" not in run(["lint", "--format", "concise", "two.txt"]).output


def test_per_file_ignores_skip_rules_in_matching_files_only(files):
    (files / "templates" / "2026").mkdir(parents=True)
    (files / "templates" / "2026" / "ask.txt").write_text(BAD_ASK, encoding="utf-8")
    (files / "askcheck.toml").write_text('[per-file-ignores]\n"templates/*" = ["no-opt-out", "ASK2"]\n')
    lines = run(["lint", "--format", "concise", "bad.txt", "templates"]).output.splitlines()
    assert [line.split(": ")[0] + " " + line.split()[1] for line in lines] == [
        "bad.txt:1:1 ASK201", "bad.txt:1:1 ASK301"]
    # An ignored rule's fix is not applied either.
    run(["lint", "--fix", "--unsafe-fixes", "templates"])
    assert (files / "templates" / "2026" / "ask.txt").read_text(encoding="utf-8") == BAD_ASK
    assert "no problem" not in run(["rewrite", "templates/2026/ask.txt"]).output


def test_per_file_ignores_with_an_unknown_rule_exit_2(files):
    (files / "askcheck.toml").write_text('[per-file-ignores]\n"templates/*" = ["no-such-rule"]\n')
    r = run(["lint", "bad.txt"])
    assert r.exit_code == 2 and "per-file-ignores.templates/*" in r.output and "no-such-rule" in r.output


@pytest.mark.skipif(shutil.which("askcheck") is None and not (Path(sys.executable).parent / "askcheck").exists(),
                    reason="askcheck is not installed as a command")
def test_installed_command_runs_in_a_subprocess(tmp_path):
    exe = shutil.which("askcheck") or str(Path(sys.executable).parent / "askcheck")
    proc = subprocess.run([exe, "lint", "--format", "concise", "-"], input="Can you give me a hand?",
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "ASK101 vague-ask" in proc.stdout
