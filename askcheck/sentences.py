"""Sentence splitting for messages: punctuation like spaCy's sentencizer, plus line structure.

Messages are not essays: a greeting, a bullet or a sign-off stands on its own line with no full stop.
A line break starts a new sentence when the line before ends a clause (. ! ? : ; ,), when a blank line
separates them, or when the next line starts like a new unit (capital letter, digit, bullet, emoji).
A hard-wrapped sentence ("could you review my\\nslides") stays whole.

Boundaries are found with regular expressions over the text and written in one `Doc.from_array`
call: a Python loop over tokens cost more than the whole ask detector.
"""
from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from .docinfo import SENT_STARTS_KEY, BoundedTable, doc_text, offsets

# After closing punctuation (and any closing quotes/brackets), whitespace, then the next sentence.
_AFTER_END = re.compile(r"(?:[.!?\u2026]+)[\"'\u201d\u2019)\]]*(?=\s+\S|[^\s.!?\u2026\"'\u201d\u2019)\]\w])")
# A line break followed by the next line's first character.
_LINE_BREAK = re.compile(r"\n[ \t\r]*(?=\S)")
_CLAUSE_END = set(".!?:;,\u2026")
_NOT_START = numpy.uint64(2**64 - 1)  # -1 in spaCy's uint64 attribute arrays
# A row of them to copy from: one C call instead of numpy.full's Python-level setup for every message.
_NOT_STARTS = numpy.full(4096, _NOT_START, dtype="uint64")


def split_sentences(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    text = doc_text(doc)
    starts_idx, is_space = offsets(doc)  # read with the tokens the ask detector reads next
    flags = _NOT_STARTS[:n].copy() if n <= len(_NOT_STARTS) else numpy.full(n, _NOT_START, dtype="uint64")
    flags[0] = 1
    marked = {0}

    def mark(char: int) -> None:
        k = bisect.bisect_left(starts_idx, char)
        while k < n and is_space[k]:
            k += 1
        if 0 < k < n:
            flags[k] = 1
            marked.add(k)

    for m in _AFTER_END.finditer(text):
        if m.group(0) == "." and _abbreviation(text, m.start()):
            continue
        mark(m.end())
    for m in _LINE_BREAK.finditer(text):
        nxt = m.end()
        # The text before the break ends at `end` once trailing blanks are left out; read in place, as
        # copying everything before each break costs a long email's length squared.
        end = m.start()
        while end > 0 and text[end - 1] in " \t\r":
            end -= 1
        last = text[end - 1:end]
        blank = last == "\n" or "\n" in text[m.start() + 1: nxt]
        first = text[nxt]
        if blank or last in _CLAUSE_END:
            mark(nxt)
        elif _hard_wrapped(text, end, nxt):
            continue  # "…the draft I sent to\nJohn by Friday?": one sentence wrapped at the margin
        elif first.isupper() or first.isdigit() or not first.isalpha():
            mark(nxt)
    doc.from_array([SENT_START], flags.reshape(-1, 1))
    # docinfo.sentences reads the starts from here rather than back out of the Doc.
    doc.user_data[SENT_STARTS_KEY] = sorted(marked)
    return doc


_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|st|approx|apt|dept|est|fig|inc|jr|sr|ltd|corp|no|nos|vol|ch|cf|viz|"
    r"al|ca|pp|ext|tel|ph|appt|attn|govt|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|"
    r"thur|thurs|fri|sat|sun|ave|blvd|mt)|\b[A-Z])$", re.IGNORECASE)
# A line this long that stops mid-clause was wrapped at the margin by a mail client.
_WRAP_WIDTH = 50
_LIST_ITEM = re.compile(r"(?:[-*\u2022>]|\d+[.)])\s")


def _hard_wrapped(text: str, end: int, nxt: int) -> bool:
    """Whether a line break inside a paragraph is a wrap: the line before (ending at `end`) is long and
    stops mid-clause (no closing punctuation), and the next line is not a list item or quoted reply."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    if len(line) < _WRAP_WIDTH or line[-1:] in _CLAUSE_END:
        return False
    return not _LIST_ITEM.match(text, nxt)


class _AbbreviationEnds(BoundedTable):
    """The six characters before a full stop -> whether they end an abbreviation: the same few endings
    ("thanks", "s help") come back message after message, and a look-up costs less than the search."""

    def make(self, before: str) -> bool:
        return bool(_ABBREV.search(before))


_ABBREVIATION_ENDS = _AbbreviationEnds()


def _abbreviation(text: str, dot: int) -> bool:
    """ "e.g." or "Dr." or an initial ("J. Smith") does not end a sentence."""
    return _ABBREVIATION_ENDS[text[max(0, dot - 6):dot]]
