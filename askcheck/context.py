"""Does a matched phrase speak about the ask, or about the writer's past?

"I already spent two days on this" and "Last Monday you said…" contain a duration and a day, but they
bound nothing about the ask. A match counts when it sits in an ask sentence, or in a sentence with no
marker of the past; and never when it is itself dated in the past ("last Monday", "two days ago").
"""
from __future__ import annotations

from spacy.tokens import Span

from .docinfo import doc_text, sentence_of, tokens

PAST_MARKERS = {
    "already", "spent", "ago", "last", "yesterday", "earlier", "previously", "took", "was", "were",
    "did", "had", "been", "said", "told", "mentioned", "promised", "went", "came", "ran", "worked",
    "lasted", "used", "finished", "started", "tried", "wasted", "since", "past", "got", "sent",
    "didn't", "didnt", "wasn't", "weren't", "hadn't", "couldn't've", "back then", "felt", "thought",
}
_BEFORE_PAST = {"last", "past", "previous", "since", "yesterday", "earlier"}
_AFTER_PAST = {"ago", "earlier", "back"}


def is_past(span: Span, ask_sents: set[int] = frozenset(), new_clause_is_now: bool = False) -> bool:
    """True when the phrase is about the writer's past rather than the ask.

    With `new_clause_is_now` (for times), a clause with its own subject after the past speaks of now.

    `ask_sents` holds the first token of each sentence that asks: a phrase there speaks of the ask
    ("Could you call me tomorrow, since you were out?") unless it is itself dated in the past.
    """
    toks = tokens(span.doc)
    if span.start > 0 and toks[span.start - 1].norm_ in _BEFORE_PAST and not (
            # "wrap the last twenty presents": what is left, not what is past
            toks[span.start - 1].norm_ == "last" and span.start > 1 and toks[span.start - 2].norm_ == "the"):
        return True
    if span.end < len(toks) and toks[span.end].norm_ in _AFTER_PAST:
        return True
    sent = sentence_of(span)
    if sent.start in ask_sents:
        return False
    # A past marker well after the phrase belongs to another clause: "Just a couple of sentences about
    # the rebrand we did together" bounds the ask; "I spent two days on it", "two hours were wasted" do not.
    first = _first_past_marker(sent)
    if first is None or first >= span.end + 2:
        return False
    if not new_clause_is_now:
        return not _present_clause_after(toks, first, span, sent)
    # "I've been offered the flat and the agent wants it signed by Friday": a new clause with its own
    # subject between the past and the phrase speaks of now, unless that clause is past too ("… and it
    # took three hours").
    joins = _clause_joins(toks, first, span.start - 2, _CLAUSE_JOINS)
    return not joins or _past_from(toks, joins[-1], span, sent)


_CLAUSE_JOINS = {"and", "but", "so", "while", "because", "though", "although"}
_SUBJECTS = {"the", "a", "my", "your", "our", "he", "she", "they", "we", "i", "you", "it", "his", "her", "their"}
_PRESENT_BE = {"is", "'s", "am", "'m", "are", "'re"}


def _clause_joins(toks, first: int, last: int, joining: set[str]) -> list[int]:
    """The joining words from `first` to `last` (inclusive) that start a clause with its own subject."""
    return [a.i for a, b in zip(toks[first:last + 1], toks[first + 1:last + 2])
            if a.norm_ in joining and b.norm_ in _SUBJECTS]


def _past_from(toks, join: int, span: Span, sent: Span) -> bool:
    """Whether the clause from `join` on is set in the past, up to just after the phrase."""
    return any(_marks_past(t, toks) for t in toks[join:min(span.end + 2, sent.end)])


def _present_clause_after(toks, first: int, span: Span, sent: Span) -> bool:
    """ "I know it wasn't in the quote, but it's only the one component", "You bailed on me last year, so
    I'm counting on you: two songs": a clause of its own, joined after the past and set in the present
    by its verb "to be", speaks of now; its size bounds the ask."""
    joins = _clause_joins(toks, first, span.start - 1, {"but", "so"})
    if not joins:
        return False
    clause = toks[joins[-1] + 1:span.end]
    return len(clause) >= 2 and clause[1].norm_ in _PRESENT_BE and not _past_from(toks, joins[-1], span, sent)


def _first_past_marker(sent: Span) -> int | None:
    """The index of the first word in the sentence that marks the past, if any (cached per sentence)."""
    cache = sent.doc.user_data.setdefault("askcheck_past", {})
    if sent.start not in cache:
        toks = tokens(sent.doc)
        cache[sent.start] = next((t.i for t in toks[sent.start:sent.end] if _marks_past(t, toks)), None)
    return cache[sent.start]


def _marks_past(tok, toks) -> bool:
    return ((tok.norm_ in PAST_MARKERS or tok.lower_ in PAST_MARKERS or _first_person_past(tok, toks))
            and not _present_got(tok, toks) and not _the_last(tok, toks)
            # "the getting-started guide", "a well-used drill": part of a compound word, not a verb.
            and not (tok.i > 0 and toks[tok.i - 1].text == "-"))


def _the_last(tok, toks) -> bool:
    """ "It's the last five slides", "the last chapter": what is left, not what is past."""
    return tok.norm_ == "last" and tok.i > 0 and toks[tok.i - 1].norm_ == "the"


def _present_got(tok, toks) -> bool:
    """ "I've got to go to the clinic on the 3rd", "we've got tickets for the 18th": having, not past."""
    return tok.norm_ == "got" and tok.i > 0 and toks[tok.i - 1].norm_ in {"'ve", "have", "ve", "'s", "has"}


def _past_sentence(sent: Span) -> bool:
    return _first_past_marker(sent) is not None


# Present-tense verbs that end in "-ed": "I need 120 of them by the 20th" reports nothing past.
_PRESENT_IN_ED = {"need", "feed", "proceed", "succeed", "exceed", "bleed", "breed", "speed", "heed", "embed", "shed"}


# Past forms without "-ed", after a subject: "we met briefly at the DevOps meetup in October".
_IRREGULAR_PAST = {"met", "saw", "spoke", "heard", "left", "bought", "found", "gave", "made", "wrote", "sat", "won",
                   "lost", "kept", "caught", "taught", "chose", "began", "drove", "flew", "knew", "broke", "fell", "blew"}


def _first_person_past(tok, toks) -> bool:
    """ "I called", "we've emailed", "I have tried": the writer reporting what they already did."""
    if tok.i == 0 or not (tok.lower_ in _IRREGULAR_PAST or tok.lower_.endswith("ed") and len(tok.text) > 3) \
            or tok.lower_ in _PRESENT_IN_ED:
        return False
    prev = toks[tok.i - 1].norm_
    if prev in {"i", "we", "'ve", "have", "had", "'d", "already", "just", "they", "he", "she"}:
        return True
    # "the garden fence blew down in Sunday's storm": a thing of the writer's, then a past form and a
    # particle (a participle would not take one: "the documents attached below" is no news).
    return (tok.lower_ in _IRREGULAR_PAST and tok.i + 1 < len(toks) and toks[tok.i + 1].norm_ in _PARTICLES
            and any(t.norm_ in {"the", "my", "our"} for t in toks[max(0, tok.i - 3):tok.i - 1]) and toks[tok.i - 1].is_alpha)


_PARTICLES = {"down", "off", "over", "out", "up", "in"}



def mentioned(span: Span) -> bool:
    """True when the phrase is quoted, not said: inside quotation marks opened on its line ('should we
    ban "Thanks in advance"?', "stop opening with 'I'm useless'")."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    before = text[line_start:span.start_char]
    if before.count("\"") % 2 == 1 or before.count("\u201c") > before.count("\u201d"):
        return True
    # A single quote opening the phrase itself: "'I'm useless'" (an apostrophe inside a word is no quote).
    return span.start_char > line_start and text[span.start_char - 1] in "'\u2018" and (
        span.start_char - 1 == line_start or not text[span.start_char - 2].isalnum())
