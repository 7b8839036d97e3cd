"""Properties over arbitrary text: no exception, spans inside the text, line/col agree with offsets,
deterministic output, and safe fixes that are idempotent and keep bytes outside their edits."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import askcheck
from askcheck.fixer import apply_edits, choose, fix_loop
from askcheck.textpos import LineIndex

# Text that looks like requests as well as arbitrary Unicode, so rules actually fire.
WORDS = ["Could", "you", "please", "review", "my", "slides", "by", "Friday", "?", "Sorry", "to",
         "bother", "you", ",", "but", "I'm", "overwhelmed", "!", "no", "worries", "if", "not", ".",
         "\n", "\r\n", "20", "minutes", "help", "Thoughts", "sorry", "again", "\u2019", "can", "HELP"]
messages = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map("".join),
)
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _position_of(text, offset):
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


@PROPS
@given(messages)
def test_findings_are_well_formed(text):
    findings = askcheck.check(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert (f.location.row, f.location.column) == _position_of(text, f.start)
        assert (f.end_location.row, f.end_location.column) == _position_of(text, f.end)
        assert f.suggestion
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)
    assert [f.to_dict() for f in askcheck.check(text)] == [f.to_dict() for f in findings]


@PROPS
@given(messages)
def test_asks_are_spans_of_the_text(text):
    for ask in askcheck.asks(text):
        assert text[ask["span"]["start"]:ask["span"]["end"]] == ask["text"]


@PROPS
@given(messages)
def test_safe_fixes_are_idempotent_and_keep_other_bytes(text):
    linter = askcheck.get_linter()
    findings = linter.run(text).findings
    fixes = choose(findings, unsafe=False)
    edits = sorted(e for fx in fixes for e in fx.edits)
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    once = apply_edits(text, edits)
    # Bytes outside the edited ranges are untouched, in order.
    pos, rest = 0, []
    for e in edits:
        rest.append(text[pos:e.start])
        pos = e.end
    rest.append(text[pos:])
    cursor = 0
    for piece in rest:
        found = once.find(piece, cursor)
        assert found >= 0
        cursor = found + len(piece)
    fixed, _, _ = fix_loop(linter, text, unsafe=False, display=False)
    again, _, applied = fix_loop(linter, fixed, unsafe=False, display=False)
    assert again == fixed and applied == 0


def test_line_index_handles_crlf():
    text = "a\r\nbc\r\nd"
    idx = LineIndex(text)
    assert idx.position(text.index("c")).to_dict() == {"row": 2, "column": 2}
    assert idx.position(text.index("d")).to_dict() == {"row": 3, "column": 1}
