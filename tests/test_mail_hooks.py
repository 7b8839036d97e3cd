"""Pre-send hooks for mail: `lint --stdin-filename draft.eml -`, the sendmail wrapper for mutt and
neomutt (hooks/askcheck-sendmail), and git's sendemail-validate hook (hooks/sendemail-validate)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

ASKCHECK = str(Path(sys.executable).with_name("askcheck"))
SENDMAIL_WRAPPER = ROOT / "hooks" / "askcheck-sendmail"
VALIDATE_HOOK = ROOT / "hooks" / "sendemail-validate"
TIMEOUT = 60

DRAFT = (b"From: Alex <alex@example.org>\r\nTo: Sam <sam@example.org>\r\nSubject: slides\r\n\r\n"
         b"Hi Sam,\r\n\r\nSorry to bother you, but could you review my slides?\r\n\r\n"
         b"> On Monday you wrote:\r\n> Can you help?\r\n\r\n-- \r\nAlex\r\n")
CLEAN = (b"From: Alex <alex@example.org>\r\nTo: Sam <sam@example.org>\r\nSubject: Thanks\r\n\r\n"
         b"Hi Sam,\r\n\r\nThanks for the slides, they were great.\r\n\r\nAlex\r\n")


def run(command, stdin: bytes = b"", env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(command, input=stdin, capture_output=True, timeout=TIMEOUT, cwd=cwd,
                          env={**os.environ, "ASKCHECK": ASKCHECK, **(env or {})})


# -------------------------------------------------------------------------- lint --stdin-filename

def test_stdin_named_eml_is_read_as_an_email_on_the_writers_own_words():
    result = run([ASKCHECK, "lint", "--isolated", "--format", "concise", "--stdin-filename", "draft.eml", "-"], DRAFT)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "draft.eml:3:1: ASK401 excessive-apology" in out  # line 3 of the body, headers not linted
    assert "vague-ask" not in out  # the quoted "Can you help?" is someone else's
    # The Subject is read as context: this "Can you help?" names its task there.
    asked = b"Subject: Printer on floor 2 jams on every page\r\n\r\nCan you help?\r\n"
    assert run([ASKCHECK, "lint", "--isolated", "--stdin-filename", "x.eml", "-"], asked).returncode == 0
    unrelated = b"Subject: lunch\r\n\r\nCan you help?\r\n"
    assert run([ASKCHECK, "lint", "--isolated", "--stdin-filename", "x.eml", "-"], unrelated).returncode == 1


def test_stdin_named_jsonl_is_read_record_by_record():
    result = run([ASKCHECK, "lint", "--isolated", "--format", "concise", "--stdin-filename", "inbox.jsonl", "-"],
                 b'{"id": "m1", "text": "Thanks!"}\n{"id": "m2", "text": "Can you help?"}\n')
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0].startswith("inbox.jsonl[m2]:1:1: ASK101")


# ------------------------------------------------------------------------------ sendmail wrapper

@pytest.fixture
def fake_sendmail(tmp_path):
    """A stand-in for /usr/sbin/sendmail that keeps what it is given."""
    script = tmp_path / "sendmail"
    script.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$0.args"\ncat > "$0.message"\nexit 0\n')
    script.chmod(0o755)
    return script


def wrapper(fake, message: bytes, **env) -> subprocess.CompletedProcess:
    return run([str(SENDMAIL_WRAPPER), "-oi", "-oem", "--", "sam@example.org"], message,
               {"ASKCHECK_SENDMAIL": str(fake), "ASKCHECK_FLAGS": "--isolated", **env})


def sent(fake) -> bytes | None:
    path = Path(f"{fake}.message")
    return path.read_bytes() if path.exists() else None


def test_wrapper_refuses_a_message_whose_ask_has_findings(fake_sendmail):
    result = wrapper(fake_sendmail, DRAFT)
    assert result.returncode == 65
    err = result.stderr.decode()
    assert "ASK401" in err and "not sent" in err and "X-Askcheck: skip" in err
    assert sent(fake_sendmail) is None


def test_wrapper_passes_a_clean_message_byte_for_byte_with_its_arguments(fake_sendmail):
    result = wrapper(fake_sendmail, CLEAN)
    assert result.returncode == 0, result.stderr
    assert sent(fake_sendmail) == CLEAN
    assert Path(f"{fake_sendmail}.args").read_text().split("\n")[:4] == ["-oi", "-oem", "--", "sam@example.org"]


def test_wrapper_sends_as_is_with_the_skip_header_and_removes_it(fake_sendmail):
    message = DRAFT.replace(b"Subject: slides\r\n", b"Subject: slides\r\nX-Askcheck: skip\r\n")
    assert wrapper(fake_sendmail, message).returncode == 0
    assert sent(fake_sendmail) == DRAFT


def test_wrapper_warn_mode_and_flags_let_a_message_go(fake_sendmail):
    warned = wrapper(fake_sendmail, DRAFT, ASKCHECK_MODE="warn")
    assert warned.returncode == 0 and b"ASK401" in warned.stderr and sent(fake_sendmail) == DRAFT
    Path(f"{fake_sendmail}.message").unlink()
    only_errors = wrapper(fake_sendmail, DRAFT, ASKCHECK_FLAGS="--isolated --select vague-ask")
    assert only_errors.returncode == 0 and sent(fake_sendmail) == DRAFT
    Path(f"{fake_sendmail}.message").unlink()
    vague = CLEAN.replace(b"Thanks for the slides, they were great.", b"Can you help?")
    assert wrapper(fake_sendmail, vague, ASKCHECK_FLAGS="--isolated --select vague-ask").returncode == 65


def test_wrapper_sends_unchecked_when_askcheck_cannot_run(fake_sendmail, tmp_path):
    result = wrapper(fake_sendmail, DRAFT, ASKCHECK=str(tmp_path / "no-askcheck-here"))
    assert result.returncode == 0 and b"sending it unchecked" in result.stderr
    assert sent(fake_sendmail) == DRAFT


# ---------------------------------------------------------------------- git sendemail-validate hook

def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                               "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"})


@pytest.fixture
def patches(tmp_path):
    """A repository with two commits, as `git format-patch --cover-letter` mails them: the cover
    letter asks for a review; the patch's diff holds a vague ask, which is code, not the writer's words."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / "notes.txt").write_text("first\n")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "Start the notes", cwd=repo)
    (repo / "notes.txt").write_text("first\nCan you help?\n")
    git("commit", "-qam", "Add a line to the notes", cwd=repo)
    git("format-patch", "-q", "--cover-letter", "-1", "-o", "out", cwd=repo)
    cover = repo / "out" / "0000-cover-letter.patch"
    text = cover.read_text().replace("*** BLURB HERE ***",
                                     "Sorry to bother you all, but could you review this series?")
    cover.write_text(text)
    return repo, cover, repo / "out" / "0001-Add-a-line-to-the-notes.patch"


def test_validate_hook_stops_an_email_whose_ask_has_findings(patches):
    _, cover, _ = patches
    result = run([str(VALIDATE_HOOK), str(cover)], env={"ASKCHECK_FLAGS": "--isolated"})
    assert result.returncode == 1
    assert b"ASK401" in result.stderr and b"--no-validate" in result.stderr


def test_validate_hook_reads_the_message_not_the_diff(patches):
    _, _, patch = patches
    assert b"Can you help?" in patch.read_bytes()
    result = run([str(VALIDATE_HOOK), str(patch)], env={"ASKCHECK_FLAGS": "--isolated"})
    assert result.returncode == 0, result.stderr


def test_git_send_email_runs_the_hook(patches):
    repo, cover, patch = patches
    probe = subprocess.run(["git", "send-email", "-h"], capture_output=True, timeout=TIMEOUT)
    if b"--dump-aliases" not in probe.stdout + probe.stderr:
        pytest.skip("git send-email is not installed (Debian: git-email)")
    hooks = repo / "hooks"
    hooks.mkdir()
    shutil.copy(VALIDATE_HOOK, hooks / "sendemail-validate")
    git("config", "core.hooksPath", str(hooks), cwd=repo)
    command = ["git", "send-email", "--dry-run", "--confirm=never", "--to=sam@example.org",
               "--smtp-server=/bin/true"]
    env = {"ASKCHECK_FLAGS": "--isolated"}
    refused = run(command + [str(cover), str(patch)], env=env, cwd=repo)
    assert refused.returncode != 0 and b"ASK401" in refused.stderr
    passed = run(command + [str(patch)], env=env, cwd=repo)
    assert passed.returncode == 0, passed.stderr
