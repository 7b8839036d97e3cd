"""Third-party rules load through the `askcheck.rules` entry-point group, exactly like built-ins."""
from __future__ import annotations

import sys
import textwrap

import pytest
from click.testing import CliRunner

from askcheck import registry


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """Install a rule package the way pip would: a module plus a .dist-info with entry_points.txt."""
    (tmp_path / "shouty_rule.py").write_text(textwrap.dedent('''
        from askcheck.rule import Rule, Violation

        class NoShouting(Rule):
            code = "XYZ100"
            name = "no-shouting"
            summary = "Writes in capitals"
            doc = "## What it does\\nFlags words in capitals."

            def check(self, doc):
                for tok in doc:
                    if tok.is_upper and len(tok) > 3:
                        yield Violation(tok.idx, tok.idx + len(tok), "Shouting", "write it in lower case")
    '''))
    dist = tmp_path / "shouty_rule-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shouty-rule\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[askcheck.rules]\nno-shouting = shouty_rule:NoShouting\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry._entry_points.cache_clear()
    yield
    registry._entry_points.cache_clear()
    sys.modules.pop("shouty_rule", None)


def test_plugin_runs_and_is_selected_and_ignored_like_a_builtin(plugin):
    from askcheck.cli import main

    runner = CliRunner()
    out = runner.invoke(main, ["lint", "--isolated", "--format", "concise", "-"], input="HELLO there, thanks!").output
    assert "XYZ100 no-shouting Shouting" in out
    out = runner.invoke(main, ["lint", "--isolated", "--format", "concise", "--ignore", "no-shouting", "-"],
                        input="HELLO there, thanks!").output
    assert "XYZ100" not in out
    out = runner.invoke(main, ["lint", "--isolated", "--format", "concise", "--select", "XYZ", "-"],
                        input="Sorry to bother you, but HELLO, could you send it?").output
    assert "XYZ100" in out and "ASK401" not in out
    assert "no-shouting" in runner.invoke(main, ["rules"]).output


def test_duplicate_codes_fail_clearly(plugin):
    from askcheck.rule import Rule

    class Clash(Rule):
        code = "ASK101"
        name = "another-vague"
        summary = "clash"

    with pytest.raises(registry.RegistryError, match="duplicate rule code ASK101"):
        registry.load_rules(extra=(Clash,))


def test_duplicate_names_fail_clearly():
    from askcheck.rule import Rule

    class Clash(Rule):
        code = "ZZZ1"
        name = "vague-ask"
        summary = "clash"

    with pytest.raises(registry.RegistryError, match="duplicate rule name 'vague-ask'"):
        registry.load_rules(extra=(Clash,))


def test_builtin_rules_come_from_entry_points():
    names = {ep.name for ep in registry._entry_points()}
    assert {"vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology"} <= names


def test_every_builtin_rule_is_documented():
    for rule in registry.load_rules().values():
        if not rule.__module__.startswith("askcheck.rules."):
            continue
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
            assert heading in rule.doc, (rule.name, heading)
        assert "Essay" in rule.principle
