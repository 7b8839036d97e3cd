"""Quality gates on the labelled corpora (corpus/LABELLING.md): F1 per rule, ask detection, fixes that work.

corpus/labelled and corpus/holdout are messages the team wrote; corpus/real holds real messages from
../shared/corpora labelled blind by two editors (its texts stay there, so its test skips without them).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from askcheck.evaluate import evaluate, iter_labelled

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RULES = ["vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology"]


@pytest.fixture(scope="module")
def scores(linter):
    return {name: evaluate(linter, [CORPUS / name]) for name in ("labelled", "holdout")}


def test_corpus_is_big_and_covers_every_rule():
    records = list(iter_labelled([CORPUS / "labelled"]))
    assert len(records) >= 400
    for rule in RULES:
        assert sum(rule in r.expect for r in records) >= 30, rule
    assert sum(not r.expect for r in records) >= 100  # clean asks and non-requests
    assert all(r.ask is not None and (r.kind is None) == (not r.ask) for r in records)


@pytest.mark.parametrize("corpus", ["labelled", "holdout"])
@pytest.mark.parametrize("rule", RULES)
def test_f1_per_rule(scores, corpus, rule):
    s = scores[corpus][0][rule]
    assert s.f1 >= 0.92, (corpus, rule, s.precision, s.recall, s.fp_examples[:3], s.fn_examples[:3])


@pytest.mark.parametrize("corpus", ["labelled", "holdout"])
def test_ask_detection(scores, corpus):
    d = scores[corpus][2].detection
    assert d.precision >= 0.95 and d.recall >= 0.95, (d.fp_examples[:3], d.fn_examples[:3])


@pytest.mark.parametrize("rule", RULES)
def test_fixes_clear_their_finding_without_side_effects(scores, rule):
    s = scores["labelled"][0][rule]
    assert s.clear_share >= 0.95, rule
    assert s.side_effects == 0, rule
    if rule != "excessive-apology":  # an apology inside a clause has no clean cut: suggestion only
        assert s.fix_share == 1.0, rule


@pytest.fixture(scope="module")
def real(linter):
    path = CORPUS.parent.parent / "shared" / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is not present")
    return evaluate(linter, [CORPUS / "real"], path, fixes=False)


def test_real_rules_that_fire_are_right(real):
    """The issue's bar on real messages: a rule that fires 5 times or more is right 80% of the time."""
    scores, count, _ = real
    assert count >= 600
    for rule, s in scores.items():
        if s.tp + s.fp >= 5:
            assert s.precision >= 0.80, (rule, s.precision, s.fp_examples)


def test_real_asks_are_found(real):
    d = real[2].detection
    assert d.recall >= 0.85, d.fn_examples[:5]
    assert d.precision >= 0.87, d.fp_examples[:5]  # floor: what is reached today, so it cannot slip


@pytest.mark.xfail(strict=True, reason="not reached yet: ask precision 0.893 on corpus/real (README, Quality)")
def test_real_ask_precision_target(real):
    assert real[2].detection.precision >= 0.90


def test_real_rules_find_their_positives(real):
    """The issue's bar: a rule with 5 positives or more finds 60% of them."""
    for rule, s in real[0].items():
        if s.support >= 5:
            assert s.recall >= 0.60, (rule, s.recall)
