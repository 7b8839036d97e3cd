"""Building suggested rewrites from the message's own words."""
from __future__ import annotations

from spacy.tokens import Span

from .docinfo import doc_text, sentences, span_text, tokens
from .finding import Edit

# The placeholders a writer must fill, spelled the same everywhere (see finding.PLACEHOLDER_RE).
WHEN = "[when]"
HOW_LONG = "[how long]"
WHAT = "[what]"
HOW_MUCH = "[how much]"


def body_end(span: Span) -> int:
    """Character offset where the sentence's closing punctuation (?!. and emoji) starts."""
    toks = tokens(span.doc)[span.start:span.end]
    k = len(toks)
    while k > 0 and toks[k - 1].text not in {"]", ")", '"', "'"} and (
            toks[k - 1].is_punct or toks[k - 1].is_space or not any(ch.isalnum() for ch in toks[k - 1].text)):
        k -= 1
    if k == 0:
        return span.end_char
    return toks[k - 1].idx + len(toks[k - 1].text)


def clause(span: Span) -> str:
    """The sentence without its closing punctuation."""
    return doc_text(span.doc)[span.start_char:body_end(span)].strip()


def sentence_end(span: Span) -> int:
    """Offset just after the sentence's last non-space character."""
    return span.start_char + len(span_text(span).rstrip())


def insert_after_sentence(span: Span, sentence: str) -> Edit:
    """An edit that adds `sentence` after `span`, separated by one space."""
    end = sentence_end(span)
    return Edit(end, end, " " + sentence)


def paragraph_end(span: Span) -> int:
    """Offset after the last sentence on the same line as `span`'s end ("... by Friday? It's 5 min.")."""
    doc = span.doc
    text = doc_text(doc)
    end = sentence_end(span)
    for sent in sentences(doc):
        if sent.start_char >= end:
            gap = text[end:sent.start_char]
            if "\n" in gap or not span_text(sent).strip():
                break
            end = sentence_end(sent)
    return end


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


_CLOSED = set(".!?\u2026")


def add_sentence(doc, at: int, sentence: str) -> Edit:
    """An edit that adds `sentence` at offset `at`, first closing the sentence before it with a full
    stop when it has none ("help me with something" -> "help me with something. If you can't, ...")."""
    before = doc_text(doc)[:at].rstrip()
    stop = "" if not before or before[-1] in _CLOSED or not before[-1].isalnum() else "."
    return Edit(at, at, f"{stop} {sentence}")


def effort_words(ask, limit: int = 40) -> str:
    """The words that make an ask substantial ("review", "help me move"), for a finding's message."""
    return quote(span_text(ask.effort), limit) if ask.effort is not None else quote(span_text(ask.span), limit)


def asks_for(ask) -> str:
    """How a finding names the ask: 'a favor ("review my slides")', 'the crowd for help ("a ride")'."""
    what = f'("{effort_words(ask)}")'
    return f"a favor {what}" if ask.kind == "favor" else f"the crowd for help {what}" if ask.kind == "plea" else f"{what}"
