"""Quality gates on the labelled corpus: precision and recall per rule, and fixes that work."""
from __future__ import annotations

from pathlib import Path

import pytest

from askcheck.evaluate import evaluate, iter_labelled

LABELLED = Path(__file__).resolve().parent.parent / "corpus" / "labelled"
RULES = ["vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology"]


@pytest.fixture(scope="module")
def scores(linter):
    return evaluate(linter, [LABELLED])


def test_corpus_is_big_and_covers_every_rule():
    records = list(iter_labelled([LABELLED]))
    assert len(records) >= 400
    for rule in RULES:
        assert sum(rule in exp for _, _, exp in records) >= 30, rule
    assert sum(not exp for _, _, exp in records) >= 100  # clean asks and non-requests


@pytest.mark.parametrize("rule", RULES)
def test_precision_and_recall(scores, rule):
    s = scores[0][rule]
    assert s.precision >= 0.95, (rule, s.precision, s.fp_examples[:5])
    assert s.recall >= 0.90, (rule, s.recall, s.fn_examples[:5])


@pytest.mark.parametrize("rule", RULES)
def test_fixes_clear_their_finding_without_side_effects(scores, rule):
    s = scores[0][rule]
    assert s.clear_share >= 0.95, rule
    assert s.side_effects == 0, rule
    if rule != "excessive-apology":  # an apology inside a clause has no clean cut: suggestion only
        assert s.fix_share == 1.0, rule
