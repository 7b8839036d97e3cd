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
# The rules from the rest of the essay, and the files written for them (their old-rule labels too).
NEW_RULES = ["buried-ask", "pressure", "presumptive-thanks", "self-deprecation"]
ESSAY = "essay.jsonl"
# Files added after the five rules' bar was set: the essay sets, and the favor set written blind to
# find where the ask model does not generalise (labelled/dev-favors.jsonl).
LATER = {ESSAY, "dev-favors.jsonl", "dev-duties.jsonl", "dev-boundary.jsonl", "dev-short.jsonl",
         "dev-context.jsonl", "dev-work.jsonl", "dev-personal.jsonl", "dev-everyday.jsonl",
         "dev-online.jsonl", "dev-polite.jsonl", "dev-life.jsonl",
         "dev-sizes.jsonl", "dev-registers.jsonl", "dev-asides.jsonl", "dev-roles.jsonl",
         "dev-office.jsonl", "dev-crowds.jsonl", "dev-inbox.jsonl"}


@pytest.fixture(scope="module")
def scores(linter):
    return {name: evaluate(linter, [CORPUS / name]) for name in ("labelled", "holdout")}


@pytest.fixture(scope="module")
def first_files(linter):
    """The five rules' own corpora: every file but those written later (`LATER`)."""
    return {name: evaluate(linter, sorted(p for p in (CORPUS / name).glob("*.jsonl") if p.name not in LATER), fixes=False)
            for name in ("labelled", "holdout")}


def test_corpus_is_big_and_covers_every_rule():
    records = list(iter_labelled([CORPUS / "labelled"]))
    assert len(records) >= 400
    for rule in RULES + NEW_RULES:
        assert sum(rule in r.expect for r in records) >= 30, rule
    assert sum(not r.expect for r in records) >= 100  # clean asks and non-requests
    assert all(r.ask is not None and (r.kind is None) == (not r.ask) for r in records)
    holdout = list(iter_labelled([CORPUS / "holdout"]))
    for rule in NEW_RULES:
        assert sum(rule in r.expect for r in holdout) >= 10, rule


def _bars(rules, unmet: dict[tuple[str, str], str]) -> list:
    """(rule, corpus) for both corpora, those in `unmet` marked as strict expected failures (reaching
    the bar then fails the test, so the mark is removed when it is reached)."""
    return [pytest.param(r, c, marks=pytest.mark.xfail(strict=True, reason=unmet[(r, c)])) if (r, c) in unmet
            else (r, c) for r in rules for c in ("labelled", "holdout")]


# Where the five rules' own corpora fall short of their bar since the second editor's relabelling
# (corpus/relabel: disputes settled by a third editor, mostly towards "not flagged"); the holdout is
# never tuned on, so these stay until the ask model generalises to them.
UNMET_FIRST = {
    ("missing-duration", "holdout"): "0.857 after the relabel (0.92 before): asks the third editor ruled tasks or quick",
    ("no-opt-out", "holdout"): "0.875 after the relabel (0.92 before): asks the third editor ruled tasks or quick",
}


@pytest.mark.parametrize("rule,corpus", _bars(RULES, UNMET_FIRST))
def test_f1_per_rule(first_files, corpus, rule):
    s = first_files[corpus][0][rule]
    assert s.f1 >= 0.92, (corpus, rule, s.precision, s.recall, s.fp_examples[:3], s.fn_examples[:3])


# Bars not reached yet, kept as strict expected failures so that reaching them shows (README, Quality).
UNMET: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("rule,corpus", _bars(NEW_RULES, UNMET))
def test_f1_per_new_rule(scores, corpus, rule):
    """Issue bar for the four rules from the rest of the essay: F1 >= 0.90 on each corpus."""
    s = scores[corpus][0][rule]
    assert s.f1 >= 0.90, (corpus, rule, s.precision, s.recall, s.fp_examples[:3], s.fn_examples[:3])


@pytest.mark.parametrize("corpus", ["labelled", "holdout"])
@pytest.mark.parametrize("rule", RULES)
def test_f1_per_rule_with_the_essay_sets(scores, corpus, rule):
    """The five rules over the whole corpora, essay sets included: a floor at what is reached today
    (0.85; 0.80 for the two the relabelled holdout moved, README "Quality"), so it cannot slip."""
    s = scores[corpus][0][rule]
    floor = 0.80 if (rule, corpus) in UNMET_FIRST else 0.85
    assert s.f1 >= floor, (corpus, rule, s.precision, s.recall, s.fp_examples[:3], s.fn_examples[:3])


# The bar (F1 >= 0.92) over the whole corpora, essay sets included, where it is not reached yet
# (README, "Quality"): strict, so reaching it turns the mark into a failure to remove.
UNMET_WHOLE = {
    ("missing-duration", "labelled"): "0.904 with the seventh session's five blind sets (first reads 0.714, 0.682, "
                                      "0.846, 0.629, 0.667) in; 0.921 before them",
    ("missing-duration", "holdout"): "0.844 after the relabel (0.809 then)",
    ("no-opt-out", "holdout"): "0.847 after the relabel (0.814 then)",
}


@pytest.mark.parametrize("rule,corpus", _bars(RULES, UNMET_WHOLE))
def test_f1_per_rule_with_the_essay_sets_target(scores, corpus, rule):
    s = scores[corpus][0][rule]
    assert s.f1 >= 0.92, (corpus, rule, s.precision, s.recall)


@pytest.mark.parametrize("corpus", ["labelled", "holdout"])
def test_ask_detection(first_files, scores, corpus):
    d = first_files[corpus][2].detection
    assert d.precision >= 0.95 and d.recall >= 0.95, (d.fp_examples[:3], d.fn_examples[:3])
    # With the essay sets, whose pressure messages ask by presuming ("I've put you down for two dozen
    # cupcakes"): a floor at what is reached today.
    d = scores[corpus][2].detection
    assert d.precision >= 0.95 and d.recall >= 0.93, (d.fp_examples[:3], d.fn_examples[:3])


@pytest.mark.parametrize("rule", RULES + NEW_RULES)
def test_fixes_clear_their_finding_without_side_effects(scores, rule):
    s = scores["labelled"][0][rule]
    assert s.clear_share >= 0.95, rule
    assert s.side_effects == 0, rule
    # Where a clause cannot be cut or an ask cannot move cleanly there is only the suggestion.
    if rule not in ("excessive-apology", "pressure", "self-deprecation", "buried-ask"):
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
    assert d.precision >= 0.90, d.fp_examples[:5]


def test_real_rules_find_their_positives(real):
    """The issue's bar: a rule with 5 positives or more finds 60% of them."""
    for rule, s in real[0].items():
        if s.support >= 5:
            assert s.recall >= 0.60, (rule, s.recall)


def test_check_set_asks(linter):
    """corpus/real-check, the second blind set of real messages: the issue's ask-detection bars."""
    path = CORPUS.parent.parent / "shared" / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is not present")
    _, count, report = evaluate(linter, [CORPUS / "real-check"], path, fixes=False)
    assert count == 400
    d = report.detection
    assert d.precision >= 0.90 and d.recall >= 0.85, (d.precision, d.recall)


def test_team_corpora_carry_the_settled_labels():
    # corpus/relabel: the writers' and a second editor's labels, disputes settled by a third editor.
    import subprocess
    import sys

    settle = CORPUS / "relabel" / "settle.py"
    done = subprocess.run([sys.executable, str(settle), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    report = subprocess.run([sys.executable, str(settle)], capture_output=True, text=True, check=True).stdout
    assert "messages with a rule in dispute: 148" in report
