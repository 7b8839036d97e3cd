"""Per-Doc facts computed once and shared by every component and rule (sentences, past tense).

`doc.sents` and `span.sent` rebuild Span objects on every call; on a corpus of thousands of messages
that cost more than all the rules together, so the sentence list is cached in `doc.user_data`.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_KEY = "askcheck_sents"


def sentences(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = list(doc.sents) if len(doc) else []
        doc.user_data[_KEY] = cached
        doc.user_data[_KEY + "_starts"] = [s.start for s in cached]
    return cached


def sentence_of(span_or_token) -> Span:
    """The sentence containing a span (or token), from the cached list."""
    doc = span_or_token.doc
    sents = sentences(doc)
    start = span_or_token.i if hasattr(span_or_token, "i") else span_or_token.start
    k = bisect.bisect_right(doc.user_data[_KEY + "_starts"], start) - 1
    return sents[max(k, 0)]
