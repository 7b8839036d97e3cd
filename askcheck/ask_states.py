"""What a message states about its asks: how big the work is, when it is wanted, and an easy way to say no.

Found once per message, in any words (lexicons `effort_bounds`, `small_works`, `timeframes`,
`timeframes_in_ask`, `opt_outs`, `not_outs`), and read by the ask model (`ask_model.Judge`) for every
ask that costs real time. A size in the writer's past ("I already spent two days on this") or in news of
someone else bounds nothing; a phrase never runs over a full stop.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from . import lexicon
from .context import is_past
from .docinfo import doc_text, sentence_index, sentence_of, sentences, span_text, tokens, words
from .phrases import PhraseRegex

# The writer says outright that the work is small: "it's not huge", "nothing big" ("It's just the one couch,
# but the stairwell is tight" counts the thing, and does not say it is small).
_SMALLNESS = re.compile(r"\b(nothing|not|isn't|is not)\s+(that\s+|very\s+)?(big|huge|major|much|long|heavy)\b|"
                        r"\bnot\s+(a\s+)?(big|huge|long)\s+(job|one|thing|task)\b", re.IGNORECASE)
# Pieces of work so small that a few of them take minutes.
_TINY_PARTS = {"sentence", "sentences", "line", "lines", "bullet", "bullets", "word", "words", "caption", "captions",
               "headline", "title", "tagline", "signature", "signatures", "click", "clicks", "typo", "typos", "field",
               "fields", "cell", "cells", "checkbox", "blurb", "liner"}
_THIRD_PERSONS = {"he", "she", "they", "his", "her", "their", "him", "them"}
_WILL = {"will", "would", "'ll", "'d", "wo"}  # ("'d" after a person is "would"; "wo" is "won't"'s first half)
_PERSONS = _THIRD_PERSONS | {"i", "we", "you", "u", "my", "our", "your", "me", "us"}
_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "fifteen": 15,
           "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "few": 3,
           "couple": 2, "half": 0.5}


def duration_minutes(text: str) -> float | None:
    """Minutes in a phrase such as "an hour", "half an hour", "20 min", "15-minute" (None if none)."""
    low = text.lower().replace("-", " ")
    m = re.search(r"(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes)\b", low)
    if m:
        return float(m.group(1)) * (60 if m.group(2).startswith("h") else 1)
    words_ = low.split()
    for k, w in enumerate(words_):
        unit = 60 if w.startswith(("hour", "hr")) else 1 if w.startswith("min") else None
        if unit is None:
            continue
        before = words_[max(0, k - 2):k]
        if "half" in before:
            return 30.0 * (unit / 60 if unit == 1 else 1)
        n = next((_NUMBER[b] for b in reversed(before) if b in _NUMBER), None)
        return (n or 1) * unit
    return None


# Whoever is wanted to do the work, in a call for helpers.
WANTED_HELPERS = {"someone", "somebody", "anyone", "anybody", "people", "volunteers", "volunteer", "helpers", "helper",
                  "person", "soul", "souls", "folks", "parents", "adults", "grown-ups", "mums", "moms", "dads", "hands",
                  "drivers", "bakers", "cooks", "neighbours", "neighbors", "members", "students"}


class Cues:
    """What a message states about its asks, found once per message: effort bounds, times, opt-outs."""

    def __init__(self, extra_sizes=(), extra_whens=(), extra_outs=()):
        self.sizes = PhraseRegex(list(lexicon.phrases("effort_bounds")) + list(extra_sizes))
        self.small_works = PhraseRegex(lexicon.phrases("small_works"))
        self.whens = PhraseRegex(list(lexicon.phrases("timeframes")) + list(extra_whens))
        self.whens_in_ask = PhraseRegex(lexicon.phrases("timeframes_in_ask"))
        self.outs = PhraseRegex(list(lexicon.phrases("opt_outs")) + list(extra_outs))
        self.not_outs = PhraseRegex(lexicon.phrases("not_outs"))

    def find(self, doc: Doc, ask_sents: set[int]) -> tuple[Span | None, Span | None, Span | None, set[int]]:
        """The first size, when and out the message states (None where it states none), and the
        tokens of every such phrase: the ask's logistics, which say nothing of its topic."""
        whens = _spans(doc, self.whens, ask_sents, ignore_past=True, new_clause_is_now=True)
        whens += [doc[s:e] for s, e in self.whens_in_ask.find(doc)
                  if sentences(doc)[sentence_index(doc, s)].start in ask_sents]
        # "now that you've moved to sales" gives a reason, not a time.
        whens = [span for span in whens if not _names_an_event(span) and not _now_that(span) and not _state_now(span)
                 and not _signature_stamp(span)]
        outs = _spans(doc, self.outs, ask_sents, ignore_past=False)
        if outs:  # "I'll be really hurt if you say no" closes the way out it seems to open
            closed = self.not_outs.find(doc)
            outs = [o for o in outs if not any(s < o.end and o.start < e for s, e in closed)]
        # "a second-year student": a size word that starts a compound bounds nothing.
        sizes = [span for span in _spans(doc, self.sizes, ask_sents, ignore_past=True)
                 if not (span.end + 1 < len(doc) and doc[span.end].text in {"-", "\u2013"} and doc[span.end + 1].is_alpha)]
        sizes = sorted(sizes + [span for span in _spans(doc, self.small_works, ask_sents, ignore_past=False)
                                if _at_or_before_an_ask(span, ask_sents) and _a_piece_of_writing(span)],
                       key=lambda span: span.start)
        # News of someone else bounds nothing: "Rob's new job means he's away three nights a week".
        sizes = [span for span in sizes if sentence_of(span).start in ask_sents or not _about_others(span)]
        # "The box keeps flashing orange": a thing that opens its sentence and does something is its subject.
        sizes = [span for span in sizes if not _subject_of_its_sentence(span)]
        # "the portal closes in like 2 hours" is a deadline, not how long the work takes.
        sizes = [span for span in sizes if not _deadline(span)]
        # "You're the only one I trust with this" singles out the reader; it sizes nothing.
        sizes = [span for span in sizes if not (span[0].norm_ in {"only", "just"} and span.start > 0
                                                and doc[span.start - 1].norm_ == "the")]
        # "every version of the 2019 pricing sheet": a year before one thing counts nothing.
        sizes = [span for span in sizes if not _a_year_before_one_thing(span)]
        # "you're the only one who really gets Excel macros" describes the reader; it sizes nothing.
        sizes = [span for span in sizes if not any(t.norm_ in {"who", "whom", "whose"} for t in span)]
        # "we need a couple of parents to help": a count of helpers sizes the call, not the work.
        sizes = [span for span in sizes if not (span[-1].norm_ in WANTED_HELPERS and span.end < len(doc)
                                                and doc[span.end].norm_ in {"to", "who", "for"})]
        # "please reply to this email": where to answer, not a piece of work.
        sizes = [span for span in sizes if not (span.start > 1 and doc[span.start - 1].norm_ == "to"
                                                and doc[span.start - 2].norm_ in {"reply", "respond", "replying",
                                                                                   "responding", "back"})]
        # "Say the word and I'll ask Tom": an idiom for "just tell me", not a word to write.
        sizes = [span for span in sizes if not (span.text.lower() == "the word" and span.start > 0
                                                and doc[span.start - 1].norm_ in {"say", "says", "give"})]
        # Sentences that say when or leave an out ("No rush, and totally fine if nothing comes to
        # mind.") and the words that give a size speak of the ask's logistics, not of its topic.
        logistics = {i for span in sizes + whens for i in range(span.start, span.end)}
        for span in outs:  # an out runs to the end of its sentence: "…, no problem - I'll ask Tom."
            logistics.update(range(span.start, sentence_of(span).end))
        for span in whens + outs:
            sent = sentence_of(span)
            if len(words(sent)) <= 12:  # a short sentence about when or an out is only that
                logistics.update(range(sent.start, sent.end))
        # A size that says the work is tiny ("it's not huge", "two sentences") decides the cost: it comes first.
        sizes.sort(key=lambda span: not is_tiny(span))
        return _first(sizes), _first(whens), _first(outs), logistics


def _spans(doc: Doc, regex: PhraseRegex, ask_sents: set[int], ignore_past: bool,
           new_clause_is_now: bool = False) -> list[Span]:
    # A phrase that runs over a full stop is two sentences' words, not one statement ("on 12 May. Posters"),
    # and a wish for the reader's well-being says nothing of the ask ("I hope the term is going well").
    spans = [doc[s:e] for s, e in regex.find(doc) if sentence_index(doc, s) == sentence_index(doc, e - 1)
             and not well_wishing(sentence_of(doc[s:e]))]
    return [span for span in spans if not ignore_past or not is_past(span, ask_sents, new_clause_is_now)]


_RUNNING = {"run", "running", "lead", "leading", "manage", "managing", "coach", "coaching", "organise", "organising",
            "organize", "organizing", "chair", "chairing"}


def _a_piece_of_writing(span: Span) -> bool:
    """ "the junior section" run or led is a group of people, not a small part of a page."""
    toks = tokens(span.doc)
    return not any(t.norm_ in _RUNNING for t in toks[max(span.start - 2, 0):span.start])


def _at_or_before_an_ask(span: Span, ask_sents: set[int]) -> bool:
    """Whether a small piece is named in an ask's sentence or the one just before it, where the ask's
    object is told ("I started a 'Musical style' section. Would you like to help out with it?"); a
    piece named further back is part of a larger thing ("a business plan, with a market section, …").
    """
    here = sentence_index(span.doc, span.start)
    sents = sentences(span.doc)
    return sents[here].start in ask_sents or (here + 1 < len(sents) and sents[here + 1].start in ask_sents)


def _a_year_before_one_thing(span: Span) -> bool:
    """ "the 2019 pricing sheet": a number that reads as a year, before one thing (not "2000 words")."""
    first, last = span[0].text, span[-1].norm_
    return len(first) == 4 and first.isdigit() and first[:2] in {"19", "20"} and not last.endswith("s")


def is_tiny(size: Span) -> bool:
    """Whether a stated size is a few minutes' work: up to three sentences, lines, bullets, words or
    other tiny parts ("a two-sentence blurb"), or five minutes at most."""
    if _SMALLNESS.search(span_text(size)):
        return True
    minutes = duration_minutes(span_text(size))
    if minutes is not None:
        return (minutes <= 5 and not _length_of_a_thing_made(size) and not per_visit(size.doc, size.start)
                and not length_of_a_thing(size.doc, size.end))
    toks = [t for t in tokens(size.doc)[size.start:size.end + 1] if t.is_alpha or t.like_num or t.text[:1].isdigit()]
    if not any(t.norm_ in _TINY_PARTS for t in toks):
        return False
    # "80k words" is no tiny size: a figure that is not a plain small number counts as large.
    counts = [_NUMBER.get(t.norm_) if not t.text[:1].isdigit() else (int(t.text) if t.text.isdigit() else 99)
              for t in toks]
    count = next((n for n in counts if n is not None), None)
    return count is None or count <= 3


_REPEATS = {"every", "each", "daily", "nightly", "weekly"}


def per_visit(doc: Doc, start: int) -> bool:
    """ "once a day while we're gone? Ten minutes tops", "Every other evening, five minutes with the can":
    minutes a visit, with visits again and again, do not make the favor quick."""
    k = sentence_index(doc, start)
    sents = sentences(doc)
    toks = tokens(doc)[sents[max(k - 1, 0)].start:sents[k].end]
    # ("They'd call you once, five minutes tops": once is one visit; "once a day" is many.)
    return any(t.norm_ in _REPEATS or t.norm_ in {"once", "twice"} and n.norm_ in {"a", "per", "every", "each"}
               or t.norm_ in {"a", "per"} and n.norm_ in {"day", "week", "night", "evening", "morning", "fortnight"}
               for t, n in zip(toks, toks[1:]))  # ("about 20 min a day while I'm out")


def length_of_a_thing(doc: Doc, end: int) -> bool:
    """ "It's about four minutes out loud", "four minutes long", "twelve minutes of footage": how long the
    thing runs, not how long the work on it takes."""
    after = [t.norm_ for t in tokens(doc)[end:end + 2]]
    # ("the first two minutes' worth" of a speech is its length too)
    return (after[:2] == ["out", "loud"] or after[:1] in (["long"], ["of"]) and after[1:] != ["your"]
            or "worth" in after)


# Taking a thing in takes as long as it lasts: "watch my 3-minute demo", "listen to a 2-minute clip".
_TAKING_IN = {"watch", "watching", "listen", "listening", "view", "viewing", "hear", "read", "reading", "look",
              "looking", "skim", "check", "play", "see"}


def _length_of_a_thing_made(size: Span) -> bool:
    """ "Would you mind recording a 2-minute video testimonial?": the length of a thing to be made
    ("a 2-minute video", "a five-minute speech") is not how long the making takes; the length of a
    thing to be watched or read is."""
    toks = tokens(size.doc)
    if size.end >= len(toks) or not toks[size.end].is_alpha or not any(t.text in {"-", "\u2013"} for t in size):
        return False
    return not any(t.norm_ in _TAKING_IN for t in toks[max(size.start - 4, 0):size.start])


_SUBJECT_VERBS = {"keeps", "kept", "is", "isn't", "was", "wasn't", "has", "hasn't", "does", "doesn't", "won't", "will",
                  "can't", "'s", "seems", "looks", "broke", "stopped", "needs", "went", "started"}


def _subject_of_its_sentence(span: Span) -> bool:
    toks = tokens(span.doc)
    return (span.start == sentence_of(span).start and span.end < len(toks)
            and toks[span.end].norm_ in _SUBJECT_VERBS)


def _about_others(span: Span) -> bool:
    """Whether the nearest person named before the phrase in its sentence is a third one ("he", "they"),
    telling news of them. What they will do as part of the ask tells of the ask: "Would you act as a
    referee? They'd send a short form, roughly 15 minutes"."""
    sent = sentence_of(span)
    toks = tokens(span.doc)
    for tok in reversed(toks[sent.start:span.start]):
        if tok.norm_ in _PERSONS:
            return tok.norm_ in _THIRD_PERSONS and toks[tok.i + 1].norm_ not in _WILL
    return False


def well_wishing(sent: Span) -> bool:
    """ "Hope the move went OK", "I hope the term is going well": a wish for the reader, which says nothing of the ask."""
    toks = [t for t in words(sent) if t.is_alpha][:3]
    return bool(toks) and (toks[0].norm_ == "hope" or (toks[0].norm_ in {"i", "we"} and len(toks) > 1
                                                       and toks[1].norm_ in {"hope", "trust"}))


def _now_that(span: Span) -> bool:
    toks = tokens(span.doc)
    return span_text(span).lower() == "now" and span.end < len(toks) and toks[span.end].norm_ == "that"


_BE_AFTER_PERSON = {"'re", "are", "'m", "am", "re", "m"}
_AVAILABLE = {"free", "around", "available", "here", "home", "ready", "about", "online", "up"}


def _state_now(span: Span) -> bool:
    """ "I know you're on Payments now, not Identity": "now" that ends what someone is tells how things
    stand, not when to help ("I'm free now" still says when)."""
    if span_text(span).lower() != "now":
        return False
    toks = tokens(span.doc)
    start = sentence_of(span).start
    for tok in reversed(toks[max(start, span.start - 6):span.start]):
        if tok.is_punct or tok.norm_ in {"but", "and", "so", "if", "can", "could", "would", "will", "need", "please"}:
            return False
        if tok.norm_ in _AVAILABLE:
            return False
        if tok.norm_ in _BE_AFTER_PERSON and tok.i > start and toks[tok.i - 1].norm_ in _PERSONS:
            return True
    return False


_CLOSING = {"closes", "close", "closing", "shuts", "ends", "ending", "expires", "due", "starts", "starting", "begins",
            "leaves", "departs", "boards", "lands", "opens", "finishes", "goes"}


def _deadline(span: Span) -> bool:
    """ "the portal closes in like 2 hours", "the train leaves in 40 minutes": a time until something, not work."""
    toks = tokens(span.doc)
    k = span.start - 1
    while k > 0 and toks[k].norm_ in {"like", "about", "around", "just", "only", "roughly", "under"}:
        k -= 1
    return k > 0 and toks[k].norm_ == "in" and toks[k - 1].norm_ in _CLOSING


def _signature_stamp(span: Span) -> bool:
    """ "--Ekdahl (talk) 13:26, 8 April 2019 (UTC)": a wiki signature's time stamp says when the message
    was written, not when the work is wanted; so does a date in an email signature, below its "--" line
    ("Amir Haddad | Logistics Coordinator | 12 March 2024")."""
    if any(t.norm_ == "utc" for t in tokens(span.doc)[span.end:span.end + 5]):
        return True
    text = doc_text(span.doc)
    return _SIGNATURE_LINE.search(text, 0, span.start_char) is not None


# The line that opens an email signature: "--" or "-- " alone on its line.
_SIGNATURE_LINE = re.compile(r"(?:^|\n)-- ?\n")


def _names_an_event(span: Span) -> bool:
    """ "notes from Tuesday's workshop": a day that owns an event names the event, not when to help."""
    toks = tokens(span.doc)
    return (span.end < len(toks) and toks[span.end].text in {"'s", "’s"} and span.start > 0
            and toks[span.start - 1].norm_ in {"from", "of", "about", "since"})


def _first(spans: list[Span]) -> Span | None:
    return spans[0] if spans else None
