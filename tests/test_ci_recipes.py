"""The README's CI recipes use options that exist and produce what the CI services read."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from askcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def recipe_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In CI"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"^\s*-(?: run:)? (askcheck lint .*)$", section, flags=re.MULTILINE)


def test_every_lint_line_of_the_recipes_runs(tmp_path, monkeypatch):
    commands = recipe_commands()
    assert len(commands) == 3  # GitHub: annotations, SARIF; GitLab: code quality
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ask.md").write_text("Sorry to bother you, but could you review my slides?\n")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        args = shlex.split(command)[1:]
        result = CliRunner().invoke(main, args)
        exit_zero = "--exit-zero" in args
        assert result.exit_code == (0 if exit_zero else 1), (command, result.output)
        fmt = args[args.index("--format") + 1]
        if fmt == "github":
            assert result.output.startswith("::warning file=docs/ask.md,line=1,")
        elif fmt == "sarif":
            report = json.loads((tmp_path / "askcheck.sarif").read_text())
            assert report["version"] == "2.1.0" and report["runs"][0]["results"]
        elif fmt == "gitlab":
            issues = json.loads((tmp_path / "gl-code-quality-report.json").read_text())
            assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issues[0])
            assert issues[0]["location"]["path"] == "docs/ask.md"
        else:
            raise AssertionError(f"unexpected format in a recipe: {fmt}")
