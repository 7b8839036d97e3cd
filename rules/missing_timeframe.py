"""missing-timeframe: an ask for real time or effort that never says when."""
from __future__ import annotations

from askcheck import lexicon
from askcheck.declarative import AbsenceRule, make_fix
from askcheck.docinfo import doc_text, words
from askcheck.finding import Applicability, Edit
from askcheck.rule import Violation
from askcheck.suggest import WHEN, add_sentence, asks_for, body_end, clause, quote, sentence_end

# A clause boundary after which " by [when]" would land in the wrong clause.
_CLAUSE_BREAK = {",", ";", ":", "-", "\u2014", "\u2013", "(", "because", "since", "as", "so", "but", "and",
                 "which", "that", "if", "when", "while", "who", "where", "or"}


def _inside_word(text: str, tok) -> bool:
    """A hyphen with no space before it joins a word ("one-page"); it breaks no clause."""
    return tok.text in {"-", "\u2013"} and tok.idx > 0 and not text[tok.idx - 1].isspace()


class MissingTimeframe(AbsenceRule):
    code = "ASK202"
    name = "missing-timeframe"
    summary = "An ask for real time or effort does not say when it is needed"
    placeholder = WHEN
    attribute = "when"
    principle = (
        'Essay, paragraph 3 ("Clarity and specificity are your greatest allies"): the model request asks '
        'for help "tomorrow afternoon"; a request that "defines the scope" lets the helper plan and say yes or no.'
    )
    doc = """
## What it does
Flags a message whose ask costs the reader real time or effort (a review, a meeting, drafting, a
favor that takes real time) and that says *when* in no form: no day or date, no "tonight", "over
lunch", "after school", "next weekend", "ASAP", "before the meeting", "when you get a chance", and
no explicit "no rush".

Quick questions and quick actions in the normal course of work (send, forward, approve, confirm)
are never flagged, nor a plea to a crowd whose need is plainly now (a meal for someone who is hungry),
nor an ask the message sizes as tiny ("a two-sentence blurb", "it's not huge", five minutes or less).

## Why is this bad?
Without a when, the helper cannot tell whether the request fits their week, so they must ask back or
guess. Times about the past ("Last Monday you said...") say nothing about the ask and do not count.

## Example
```
Could you review my slides?
```

## Use instead
```
Could you review my slides by Thursday noon?
```

## Fix safety
Display-only: the fix inserts "by [when]" at the end of a one-clause ask, or adds "Ideally by
[when]." after an ask whose sentence goes on past it (so the time never lands in the wrong clause);
only the writer knows the time.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        self.urgent = lexicon.words("urgent_need", package="askcheck.rules")

    def applies_to(self, ask):
        if not (ask.substantial and ask.kind in ("favor", "plea")):
            return False  # tasks, proposals and questions go in the normal course (LABELLING.md, section 3)
        # A plea whose need is now ("we haven't eaten since Tuesday") says when by saying why.
        return not (ask.kind == "plea" and any(t.norm_ in self.urgent for t in words(ask.span.doc[:])))

    def violation(self, doc, ask):
        text = doc_text(doc)
        span = ask.span
        toks = words(span)
        asking = [t for t in toks if t.i >= ask.start_token]
        one_clause = ask.form in ("request", "proposal") and not any(
            t.norm_ in _CLAUSE_BREAK and not _inside_word(text, t) for t in asking[2:] if t.idx < body_end(span))
        if one_clause:
            at = body_end(span)
            edit = Edit(at, at, f" by {WHEN}")
            example = clause(span) + f" by {WHEN}" + text[at:span.end_char].strip()
        else:  # right after the ask, before any thanks or way out the message goes on with
            at = sentence_end(span)
            edit = add_sentence(doc, at, f"Ideally by {WHEN}.")
            example = clause(span) + text[body_end(span):span.end_char].strip() + f" Ideally by {WHEN}."
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message=f"Asks {asks_for(ask)} without saying when",
            suggestion=f'say when, e.g. "{quote(example)}" (a day, a time, or "no rush")',
            fix=make_fix("Add a deadline placeholder", [edit], Applicability.DISPLAY_ONLY),
        )
