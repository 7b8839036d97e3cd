"""Per-rule cases kept as data in tests/rule_cases/<rule>.toml (pass / fail / fix)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from askcheck.fixer import apply_edits

CASES = sorted((Path(__file__).parent / "rule_cases").glob("*.toml"))


def _load():
    for path in CASES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rule = data["rule"]
        for text in data.get("pass", []):
            yield pytest.param(rule, text, False, id=f"{rule}-pass-{text[:30]}")
        for text in data.get("fail", []):
            yield pytest.param(rule, text, True, id=f"{rule}-fail-{text[:30]}")


def _fixes():
    for path in CASES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data.get("fix", []):
            yield pytest.param(data["rule"], case["before"], case["after"], id=f"{data['rule']}-fix-{case['before'][:30]}")


def test_every_rule_has_cases():
    from askcheck.registry import load_rules

    names = {p.stem for p in CASES}
    builtin = {r.name for r in load_rules().values() if r.__module__.startswith("askcheck.rules.")}
    assert builtin <= names


@pytest.mark.parametrize("rule, text, fires", list(_load()))
def test_case(linter, rule, text, fires):
    names = [f.name for f in linter.run(text).findings]
    assert (rule in names) == fires, f"{rule} {'should' if fires else 'should not'} fire; got {names}"


@pytest.mark.parametrize("rule, before, after", list(_fixes()))
def test_fix_case(linter, rule, before, after):
    findings = [f for f in linter.run(before).findings if f.name == rule and f.fix]
    assert findings, f"{rule} has no fix for {before!r}"
    assert apply_edits(before, findings[-1].fix.edits) == after
