"""Real requests written outside the project: askcheck must read them all without error."""
from __future__ import annotations

import itertools
import json


def test_real_messages_lint_cleanly(shared_corpora, linter):
    for name in ("politeness.jsonl", "email-intent.jsonl"):
        with (shared_corpora / name).open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in itertools.islice(fh, 400)]
        results = list(linter.run_many((t, name, None) for t in texts))
        assert len(results) == len(texts)
        for text, res in zip(texts, results):
            for f in res.findings:
                assert 0 <= f.start <= f.end <= len(text)


def test_ask_detection_agrees_with_human_intent_labels(shared_corpora, linter):
    """Parakweet's annotators marked sentences that ask the reader to act; askcheck's asks should mostly be those."""
    with (shared_corpora / "email-intent.jsonl").open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    tp = fp = 0
    for rec, res in zip(recs, linter.run_many((r["text"], "-", None) for r in recs)):
        if res.asks:
            if rec["intent_label"] == "Yes":
                tp += 1
            else:
                fp += 1
    assert tp / (tp + fp) >= 0.8
