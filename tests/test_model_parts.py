"""The parts the ask model stands on: sentence splitting, lexicon files, phrase matching, real-label files."""
from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askcheck import lexicon
from askcheck.evaluate import evaluate
from askcheck.phrases import PhraseRegex, PhraseSets, encode


def sentences_of(linter, text):
    return [s.text.strip() for s in linter.parse(text).sents]


@pytest.mark.parametrize("text, expected", [
    ("Could you check apt. 4B? Thanks", ["Could you check apt. 4B?", "Thanks"]),
    ("Please bring e.g. a laptop. Also a charger.", ["Please bring e.g. a laptop.", "Also a charger."]),
    ("Dr. Smith said approx. 20 mins. Could you call him?", ["Dr. Smith said approx. 20 mins.", "Could you call him?"]),
    ("See you on Jan. 5 at noon.", ["See you on Jan. 5 at noon."]),
    # a line wrapped at the margin by a mail client stays one sentence, names and all
    ("I have to finish the quarterly report for the board and I sent it to\nJohn yesterday, could you review it?",
     ["I have to finish the quarterly report for the board and I sent it to\nJohn yesterday, could you review it?"]),
    # a short line is a line of its own: a greeting, a list
    ("Hi John\nCould you review my draft?", ["Hi John", "Could you review my draft?"]),
    ("Could you bring the following things for the offsite next week\n- a laptop\n- a charger",
     ["Could you bring the following things for the offsite next week", "- a laptop", "- a charger"]),
])
def test_sentence_splitting(linter, text, expected):
    assert sentences_of(linter, text) == expected


def test_lexicon_groups_expand_and_undefined_ones_are_an_error(tmp_path, monkeypatch):
    phrases = lexicon.phrases("opt_outs")
    assert not any("@" in p for p in phrases)
    assert any(p.startswith("if (you're|you are|ur") for p in phrases)
    pkg = tmp_path / "lexpkg"
    (pkg / "lexicons").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "lexicons" / "bad.txt").write_text("# a comment\n@a = (x|y)\n@a z\nw @missing\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(lexicon.LexiconError, match="@missing"):
        lexicon.phrases("bad", package="lexpkg")


WORDS = ["could", "you", "review", "my", "slides", "by", "friday", "20", "minutes", "no", "worries", "if", "not",
         "sorry", "to", "bother", "please", "send", "the", "deck", "two", "pages", "tomorrow", "3rd", "?", ",", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_phrase_matching_equals_the_one_big_regex(linter, words):
    """Trying phrases only at the words (and word classes) they can start with finds exactly what one
    regex of every phrase finds scanning the whole text."""
    doc = linter.nlp.make_doc(" ".join(words))
    for name in ("effort_bounds", "timeframes", "opt_outs", "ask_requests"):
        rx = PhraseRegex(lexicon.phrases(name))
        scanned = [s for s in (encode(doc).token_span(m.start(), m.end()) for m in rx.regex.finditer(encode(doc).text))
                   if s is not None]
        assert rx.find(doc) == scanned, name


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_phrase_sets_in_one_walk_equal_each_set_alone(linter, words):
    doc = linter.nlp.make_doc(" ".join(words))
    sets = {name: PhraseRegex(lexicon.phrases(name)) for name in ("ask_requests", "not_asks", "opt_outs")}
    together = PhraseSets(sets).find(doc)
    assert together == {name: rx.find(doc) for name, rx in sets.items()}


def test_real_labels_read_their_text_from_the_corpora_and_check_it(linter, tmp_path):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    text = "Could you review my slides?"
    (corpora / "c.jsonl").write_text(json.dumps({"id": "m1", "text": text}) + "\n")
    labels = tmp_path / "labels.jsonl"
    rec = {"corpus": "c.jsonl", "id": "m1", "sha1": hashlib.sha1(text.encode()).hexdigest(), "ask": True,
           "kind": "favor", "audience": "reader", "cost": "substantial",
           "expect": ["missing-duration", "missing-timeframe", "no-opt-out"]}
    labels.write_text(json.dumps(rec) + "\n")
    scores, count, asks = evaluate(linter, [labels], corpora, fixes=False)
    assert count == 1 and scores["no-opt-out"].tp == 1 and asks.detection.tp == 1
    assert asks.kinds[("favor", "favor")] == 1
    rec["sha1"] = "0" * 40
    labels.write_text(json.dumps(rec) + "\n")
    from askcheck.evaluate import CorpusError

    with pytest.raises(CorpusError, match="has changed since it was labelled"):
        evaluate(linter, [labels], corpora, fixes=False)
