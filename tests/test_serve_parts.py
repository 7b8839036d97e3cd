"""The server's pure parts: UTF-16 offsets, LanguageTool's annotated text, the word diff, the options."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askcheck.serve.annotated import AnnotatedText, AnnotationError
from askcheck.serve.options import ServeOptions
from askcheck.serve.utf16 import Utf16Index, utf16_length
from askcheck.serve.worddiff import word_diff
from askcheck.settings import Settings

TEXTS = st.text(alphabet=st.sampled_from(list("ab é\n😀🙏ü字")), max_size=30)


@given(TEXTS, st.data())
def test_utf16_offsets_agree_with_an_encoder(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    offset, length = Utf16Index(text).span(start, end)
    units = text.encode("utf-16-le")
    assert units[2 * offset:2 * (offset + length)].decode("utf-16-le") == text[start:end]
    assert utf16_length(text) == len(units) // 2


PARTS = st.lists(st.one_of(
    st.tuples(st.just("text"), TEXTS.filter(bool)),
    st.tuples(st.just("markup"), st.sampled_from(["<b>", "</b>", "<br/>", "<p class='x'>"]),
              st.sampled_from([None, "", "\n", "\n\n"])),
), max_size=8)


@settings(max_examples=150)
@given(PARTS, st.data())
def test_annotated_spans_map_text_back_onto_the_same_text(parts, data):
    annotation = [{"text": p[1]} if p[0] == "text" else
                  ({"markup": p[1]} if p[2] is None else {"markup": p[1], "interpretAs": p[2]}) for p in parts]
    text = AnnotatedText.parse(json.dumps({"annotation": annotation}))
    assert text.original == "".join(a.get("text", a.get("markup")) for a in annotation)
    assert text.plain == "".join(a.get("text", a.get("interpretAs", "")) for a in annotation)
    start = data.draw(st.integers(0, len(text.plain)))
    end = data.draw(st.integers(start, len(text.plain)))
    lo, hi = text.original_span(start, end)
    assert 0 <= lo <= hi <= len(text.original)
    if text.is_plain(start, end):
        assert text.original[lo:hi] == text.plain[start:end]
    # Every character of plain text that came from a text part is inside the mapped range.
    inside = text.original[lo:hi]
    for piece in text.pieces:
        if piece.is_text:
            a, b = max(start, piece.plain_start), min(end, piece.plain_end)
            if a < b:
                assert text.plain[a:b] in inside


def test_annotated_markup_is_skipped_and_its_interpretation_read():
    text = AnnotatedText.parse(json.dumps({"annotation": [
        {"text": "Could you "}, {"markup": "<b>"}, {"text": "help"}, {"markup": "</b>"},
        {"markup": "<br/>", "interpretAs": "\n"}, {"text": "Thanks"}]}))
    assert text.plain == "Could you help\nThanks"
    assert text.original == "Could you <b>help</b><br/>Thanks"
    assert text.original_span(10, 14) == (13, 17)  # "help" without the tags around it
    assert text.original_span(6, 14) == (6, 17) and not text.is_plain(6, 14)
    assert text.original_span(14, 15) == (21, 26)  # the line break is the <br/> it stands for
    assert AnnotatedText.parse('{"text": "plain"}').plain == "plain"


@pytest.mark.parametrize("raw", ['[]', '{"annotation": {}}', '{"annotation": [1]}', '{"annotation": [{"text": 1}]}',
                                 '{"annotation": [{"markup": "<b>", "interpretAs": 2}]}', 'nope'])
def test_annotated_text_that_is_not_one_is_refused(raw):
    with pytest.raises(AnnotationError):
        AnnotatedText.parse(raw)


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_rebuilds_both_texts(before, after):
    parts = word_diff(before, after)
    assert "".join(p["text"] for p in parts if p["op"] != "insert") == before
    assert "".join(p["text"] for p in parts if p["op"] != "delete") == after
    assert all(a["op"] != b["op"] for a, b in zip(parts, parts[1:]))  # neighbours merged


def test_options_travel_to_workers_unchanged():
    options = ServeOptions(settings=Settings(select=("ASK2",), ignore=("no-opt-out",), rule_options={
        "excessive-apology": {"max_apologies": 2}}, per_file_ignores=(("t/*", ("ASK101",)),)),
        max_body=5000, timeout=2.5, allow_origins=("http://localhost:3000",), log_text=True)
    assert ServeOptions.from_json(options.to_environment()) == options
