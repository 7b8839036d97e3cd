"""`.pre-commit-hooks.yaml`, run by pre-commit itself (`pre-commit try-repo`) in a throwaway git repository.

pre-commit installs askcheck from this repository into a hook environment of its own, as a user's
pre-commit would, so this takes about half a minute; it is skipped only where pre-commit or git is
not available (pre-commit comes with the `test` extra).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import askcheck

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "Hi Ana,\nSorry to bother you, but could you review my slides? Thanks so much!\n"


def test_hook_manifest_names_both_hooks():
    yaml = pytest.importorskip("yaml", reason="PyYAML (a pre-commit dependency) is not installed")
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"askcheck", "askcheck-fix"}
    assert all(h["language"] == "python" and h["types_or"] == ["plain-text", "markdown"] for h in hooks.values())
    assert hooks["askcheck-fix"]["entry"].split()[:3] == ["askcheck", "lint", "--fix"]


def git(*args, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def test_try_repo_lints_and_fixes_messages_only(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / "ask.txt").write_text(DRAFT)
    (repo / "notes.md").write_text("# Notes\n\nThe build is green.\n")
    (repo / "code.py").write_text("# Sorry to bother you, could you review this?\n")  # not a message
    git("add", "-A", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    # Both hooks, in the manifest's order: askcheck reports, then askcheck-fix rewrites.
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    report, fixing = out.split("askcheck (fix)", 1)
    assert "- hook id: askcheck\n" in report and "ask.txt:2:1: ASK401 [*] excessive-apology" in report
    assert "- files were modified by this hook" in fixing and "Fixed 1 finding." in fixing
    assert "code.py" not in out and "notes.md" not in out
    assert (repo / "ask.txt").read_text() == askcheck.fix(DRAFT)[0] == "Hi Ana,\nCould you review my slides? Thanks so much!\n"
    assert (repo / "code.py").read_text() == "# Sorry to bother you, could you review this?\n"
