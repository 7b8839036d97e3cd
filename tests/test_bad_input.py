"""What real users throw at a linter (issue 10): huge messages, lone surrogates, invisible characters,
unreadable files and folders, broken configs and corpora. Each case: a one-line error naming the
input, exit 2, the other inputs still checked, never a traceback; or, where it can be, linted."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import askcheck
from askcheck.cli import main
from cli_helpers import run

ROOT = Path(__file__).resolve().parent.parent
BAD_ASK = "Could you review my slides before Friday?\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no config file from the repository leaks in
    (tmp_path / "good.txt").write_text(BAD_ASK, encoding="utf-8")
    return tmp_path


def real_paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "corpus" / "labelled").glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


# ----------------------------------------------------------------------- 1. huge messages

def test_a_message_over_a_million_characters_is_linted_in_pieces_with_right_positions(here):
    (here / "b.txt").write_text("x" * 1_000_001 + "\n", encoding="utf-8")
    paras = real_paragraphs()
    chunks, size, i = [], 0, 0
    while size < 120_000:  # over LONG_MESSAGE: linted in pieces
        chunks.append(paras[i % len(paras)].replace("\r", ""))
        size += len(chunks[-1]) + 2
        i += 1
    body = "\n\n".join(chunks) + "\n\n"
    line = body.count("\n") + 1
    (here / "long.txt").write_text(body + "Hello Sam,\nSorry to bother you, but " + BAD_ASK, encoding="utf-8")
    r = run(["lint", "--isolated", "--format", "json", "--jobs", "1", "b.txt", "long.txt", "good.txt"])
    assert r.exit_code == 1, r.output
    findings = json.loads(r.output)
    assert {(f["filename"], f["code"]) for f in findings} >= {("good.txt", "ASK201"), ("long.txt", "ASK401")}
    assert not any(f["filename"] == "b.txt" for f in findings)
    # The apology at the very end of the long file, found at its own line and column.
    assert any(f["code"] == "ASK401" and f["location"] == {"row": line + 1, "column": 1} for f in findings)
    # Every finding's position is the position of its words in the file as written.
    text = (here / "long.txt").read_text(encoding="utf-8")
    for f in findings:
        if f["filename"] == "long.txt":
            start = f["span"]["start"]
            assert f["location"] == {"row": text.count("\n", 0, start) + 1,
                                     "column": start - (text.rfind("\n", 0, start) + 1) + 1}


def test_huge_message_on_stdin_in_a_corpus_and_in_rewrite(here):
    huge = "x" * 1_000_001
    assert run(["lint", "--isolated", "-"], input=huge).exit_code == 0
    (here / "c.jsonl").write_text(json.dumps({"text": huge}) + "\n" + json.dumps({"text": BAD_ASK}) + "\n")
    r = run(["report", "--isolated", "--jobs", "1", "c.jsonl"])
    assert r.exit_code == 0 and "messages read      2" in r.output, r.output
    (here / "b.txt").write_text(huge, encoding="utf-8")
    assert run(["rewrite", "--isolated", "b.txt"]).exit_code == 0


# ----------------------------------------------------------------------- 2. lone surrogates

def test_lone_surrogates_in_the_api_are_linted_not_a_crash():
    assert askcheck.check("\ud800") == []
    text = "Could you \ud83d help?"
    codes = [f.code for f in askcheck.check(text)]
    assert codes == ["ASK101"]  # read as U+FFFD, a character that is not there
    assert all(0 <= f.start <= f.end <= len(text) for f in askcheck.check(text))
    assert askcheck.fix("Sorry to bother you \udc00 but could you help me move on Saturday?")


def test_lone_surrogate_in_a_jsonl_record_is_a_bad_record(here):
    (here / "s.jsonl").write_text('{"text":"Could you \\ud83d help?"}\n' + json.dumps({"text": BAD_ASK}) + "\n")
    r = run(["lint", "--isolated", "--skip-bad-records", "--format", "concise", "s.jsonl"])
    assert r.exit_code == 1, r.output
    assert "s.jsonl: line 1: 'text' holds a lone surrogate (\\ud83d at character 11)" in r.output
    assert "s.jsonl[line 2]:1:1: ASK201" in r.output
    assert run(["lint", "--isolated", "s.jsonl"]).exit_code == 2


# ----------------------------------------------------------------------- 11. invisible characters

HIDDEN = {
    "no-break space": ("Could\u00a0you review my slides before Friday?", {"ASK201", "ASK301"}),
    "zero-width joiner": ("Sor\u200dry to bother you, but could you review my slides tomorrow? "
                          "It takes ten minutes, no worries if not. Thanks!", {"ASK401"}),
    "bidi override": ("\u202eCould you review my slides before Friday?", {"ASK201", "ASK301"}),
    "combining accent": ("Could you re\u0301view my slides before Friday?", {"ASK201", "ASK301"}),
    "fullwidth letters": ("\uff23\uff4f\uff55\uff4c\uff44 you review my slides before Friday?", {"ASK201", "ASK301"}),
}


@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_invisible_characters_do_not_hide_an_ask(case):
    text, expected = HIDDEN[case]
    findings = askcheck.check(text)
    assert expected <= {f.code for f in findings}
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert (f.location.row, f.location.column) == (1, f.start + 1)
    asks = askcheck.asks(text)
    assert asks and text[asks[0]["span"]["start"]:asks[0]["span"]["end"]] == asks[0]["text"]


def test_offsets_index_the_original_text_around_dropped_characters():
    text = "Hi,\n\u200b\u200bSorry to bother you, but could you review my slides tomorrow? No worries if not. Thanks!"
    apology = next(f for f in askcheck.check(text) if f.code == "ASK401")
    assert text[apology.start:apology.end] == "Sorry to bother"
    assert (apology.location.row, apology.location.column) == (2, 3)
    fixed, _ = askcheck.fix(text)
    assert fixed.startswith("Hi,\n\u200b\u200b") and "Sorry" not in fixed


# ----------------------------------------------------------------------- 5. unreadable files

def test_unreadable_file_is_one_error_and_the_others_are_linted(tmp_path):
    import shutil
    import subprocess
    import sys
    import tempfile

    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    folder = Path(tempfile.mkdtemp(prefix="askcheck-perm-"))
    try:
        folder.chmod(0o777)
        (folder / "good.txt").write_text(BAD_ASK, encoding="utf-8")
        (folder / "secret.txt").write_text(BAD_ASK, encoding="utf-8")
        (folder / "secret.txt").chmod(0)
        user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        proc = subprocess.run(user + [sys.executable, "-c", "import sys; from askcheck.cli import main; sys.exit(main())",
                                      "lint", "--isolated", "--format", "concise", "secret.txt", "good.txt"],
                              cwd=folder, capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(folder)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == "askcheck: error: secret.txt: permission denied"
    assert "good.txt:1:1: ASK201" in proc.stdout


# ----------------------------------------------------------------------- 9. output file

def test_output_file_in_a_missing_folder_is_a_one_line_error(here):
    r = run(["lint", "--isolated", "-o", str(here / "nonexistent" / "x.json"), "good.txt"])
    assert r.exit_code == 2
    assert r.output.strip() == f"askcheck: error: {here / 'nonexistent' / 'x.json'}: cannot write the report " \
                               "(No such file or directory)"


# ----------------------------------------------------------------------- 10. the closing line

def test_no_all_checks_passed_when_inputs_failed(here):
    (here / "bin.txt").write_bytes(b"\x00\x01\xff")
    r = run(["lint", "--isolated", "bin.txt", "missing.txt"])
    assert r.exit_code == 2
    assert "All checks passed!" not in r.output
    assert "Nothing checked: 2 inputs could not be checked (see the errors)." in r.output
    (here / "clean.txt").write_text("Thanks for the review yesterday!\n", encoding="utf-8")
    r = run(["lint", "--isolated", "clean.txt", "missing.txt"])
    assert "All checks passed!" not in r.output and r.exit_code == 2
    assert "No findings in 1 checked; 1 input could not be checked" in r.output


def test_fix_on_binary_stdin_writes_nothing_to_stdout():
    result = CliRunner().invoke(main, ["lint", "--isolated", "--fix", "-"], input=b"\x00\x01\xff")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "askcheck: error: -: not valid UTF-8" in result.stderr


# ----------------------------------------------------------------------- 8. config errors

@pytest.mark.parametrize("pattern, problem", [
    ("(unclosed", "unbalanced parentheses in phrase '(unclosed'"),
    ("x [BOGUS]", "unknown word class '[bogus]'"),
])
def test_bad_extra_phrase_is_a_one_line_error_naming_the_key(here, pattern, problem):
    (here / "pyproject.toml").write_text(f'[tool.askcheck.rules.excessive-apology]\nextra_phrases = ["{pattern}"]\n')
    r = run(["lint", "good.txt"])
    assert r.exit_code == 2
    assert r.output.startswith("askcheck: error: excessive-apology.extra_phrases: ") and problem in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_invalid_toml_in_a_pyproject_with_an_askcheck_table_is_an_error(here):
    (here / "pyproject.toml").write_text('[tool.askcheck]\nselect = ["ASK4"\n')
    r = run(["lint", "good.txt"])
    assert r.exit_code == 2
    assert r.output.startswith(f"askcheck: error: {here / 'pyproject.toml'}: invalid TOML")
    (here / "pyproject.toml").write_text('[tool.other]\nx = \n')  # not askcheck's: still ignored
    assert run(["lint", "good.txt"]).exit_code == 1


# ----------------------------------------------------------------------- 12. broken corpora

def test_invalid_base64_body_is_a_bad_email_not_an_empty_message(here):
    head = "From: a@b.c\nSubject: help\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
    (here / "bad.eml").write_text(head + "Q291bGQgeW91IGhlbHA/@@@\n")
    (here / "ok.eml").write_text(head + "Q291bGQgeW91IHJldmlldyBteSBzbGlkZXMgYmVmb3JlIEZyaWRheT8K\n")
    r = run(["lint", "--isolated", "--format", "concise", "bad.eml", "ok.eml"])
    assert r.exit_code == 2
    assert "askcheck: error: bad.eml: text/plain part is not valid base64" in r.output
    assert "ok.eml:1:1: ASK201" in r.output


def test_headers_only_email_is_an_error(here):
    (here / "cut.eml").write_text("From: a@b.c\nSubject: Could you review my slides?\nTo: x@y.z\n")
    r = run(["lint", "--isolated", "cut.eml", "good.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: cut.eml: no body: the email ends inside its headers (truncated?)" in r.output
    (here / "box.mbox").write_text("From a@b.c Mon Jan 1 00:00:00 2024\nSubject: x\n\nCould you review my slides?\n"
                                   "From a@b.c Mon Jan 1 00:00:00 2024\nSubject: cut off\n")
    r = run(["report", "--isolated", "--jobs", "1", "box.mbox"])
    assert r.exit_code == 2 and "box.mbox: message 2: no body" in r.output


def test_unterminated_csv_quote_is_an_error_not_a_swallowed_file(here):
    (here / "q.csv").write_text('id,text\n1,"Could you review my slides before Friday?\n'
                                '2,Could you help me move on Saturday?\n3,Thanks!\n')
    r = run(["lint", "--isolated", "--format", "concise", "q.csv"])
    assert r.exit_code == 2
    assert "askcheck: error: q.csv: row 1: unterminated quote (the row starting on line 2 runs to the end" in r.output
    assert "ASK" not in r.output.replace("askcheck", "")
    # A quoted field over several lines, properly closed, is still one good record.
    (here / "ok.csv").write_text('id,text\n1,"Could you review\nmy slides before Friday?"\n2,Thanks!\n')
    r = run(["lint", "--isolated", "--format", "concise", "ok.csv"])
    assert r.exit_code == 1 and "ok.csv[1]:1:1: ASK201" in r.output


# ----------------------------------------------------------------------- 13. the smaller ones

def test_a_file_reached_twice_is_linted_once(here):
    (here / "notes").mkdir()
    (here / "notes" / "a.txt").write_text(BAD_ASK, encoding="utf-8")
    r = run(["lint", "--isolated", "--format", "concise", "notes", "notes/*.txt", "./notes/a.txt"])
    assert r.output.count("ASK201") == 1, r.output
    r = run(["report", "--isolated", "--jobs", "1", "notes", "notes/*.txt"])
    assert "messages read      1" in r.output


def test_upper_case_suffix_is_found_in_folder_walks(here):
    (here / "notes").mkdir()
    (here / "notes" / "SHOUT.TXT").write_text(BAD_ASK, encoding="utf-8")
    (here / "notes" / "b.Md").write_text(BAD_ASK, encoding="utf-8")
    r = run(["lint", "--isolated", "--format", "concise", "notes"])
    assert "notes/SHOUT.TXT:1:1: ASK201" in r.output and "notes/b.Md:1:1: ASK201" in r.output


def test_symlink_loop_and_dangling_link_are_named_as_such(here):
    (here / "loop1").symlink_to("loop2")
    (here / "loop2").symlink_to("loop1")
    (here / "dangling.txt").symlink_to("nowhere.txt")
    r = run(["lint", "--isolated", "--format", "concise", "loop1", "dangling.txt", "good.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: loop1: symbolic link loop" in r.output
    assert "askcheck: error: dangling.txt: broken symbolic link (to nowhere.txt, which does not exist)" in r.output
    assert "good.txt:1:1: ASK201" in r.output


def test_statistics_marks_only_what_fix_applies(here):
    r = run(["lint", "--isolated", "--statistics", "good.txt"])
    assert "ASK301       no-opt-out" in r.output  # unsafe: not [*] without --unsafe-fixes
    r = run(["lint", "--isolated", "--statistics", "--unsafe-fixes", "good.txt"])
    assert "ASK301  [*]  no-opt-out" in r.output


def test_rule_documentation_has_one_options_section():
    rules = json.loads(run(["rules", "--format", "json"]).output)
    for rule in rules:
        doc = run(["rule", rule["name"]]).output
        assert doc.count("## Options") <= 1, rule["name"]
    doc = run(["rule", "no-opt-out"]).output
    assert "`extra_phrases` adds your team's own ways" in doc and "- `extra_phrases` (default [])" in doc


def test_write_baseline_takes_a_file_either_way(here):
    for args in (["--write-baseline", "b1.json"], ["--baseline", "b2.json", "--write-baseline"]):
        r = run(["report", "--isolated", "--jobs", "1", "good.txt", *args])
        assert r.exit_code == 0, r.output
    assert json.loads((here / "b1.json").read_text()) == json.loads((here / "b2.json").read_text())
    # The old order, flag then corpus, still reads the corpus and writes the --baseline file.
    r = run(["report", "--isolated", "--jobs", "1", "--baseline", "b3.json", "--write-baseline", "good.txt"])
    assert r.exit_code == 0 and (here / "b3.json").is_file() and "messages read      1" in r.output
    # Never over a corpus file.
    (here / "other.jsonl").write_text(json.dumps({"text": BAD_ASK}) + "\n")
    r = run(["report", "--isolated", "good.txt", "--write-baseline", "other.jsonl"])
    assert r.exit_code == 2 and "not overwriting it" in r.output
    assert json.loads((here / "other.jsonl").read_text()) == {"text": BAD_ASK}


def test_missing_corpus_path_in_report_is_not_a_bad_record(here):
    r = run(["report", "--isolated", "--jobs", "1", "--skip-bad-records", "missing.jsonl", "good.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: missing.jsonl: no such file or directory" in r.output
    assert "bad records             0" in r.output or "bad records        0" in r.output
    assert "skipped bad record" not in r.output
