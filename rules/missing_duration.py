"""missing-duration: an ask for real time or effort that never says how long or how big."""
from __future__ import annotations

import re

from askcheck.declarative import AbsenceRule, make_fix
from askcheck.finding import Applicability
from askcheck.rule import Violation
from askcheck.docinfo import span_text
from askcheck.suggest import HOW_LONG, HOW_MUCH, add_sentence, asks_for, sentence_end

# A plea for a thing (a meal, a ride, money) is bounded by how much; work, by how long.
_MATERIAL = re.compile(r"\b(pizza|food|meal|meals|groceries|money|cash|dollars|rent|ride|lift|sandwich|bread|"
                       r"clothes|diapers|formula|gas|fuel|place to stay|bed|couch)\b|\$", re.IGNORECASE)


class MissingDuration(AbsenceRule):
    code = "ASK201"
    name = "missing-duration"
    summary = "An ask for real time or effort does not say how long or how big it is"
    placeholder = (HOW_LONG, HOW_MUCH)
    attribute = "size"
    principle = (
        'Essay, paragraph 3: "Would you be willing to spend twenty minutes reviewing my draft" is '
        '"far more manageable" because it "implies a limited time commitment".'
    )
    doc = """
## What it does
Flags a message whose ask costs the reader real time or effort (its *cost* is substantial: review,
proofread, meet, help move, write, research, mentor, take over...) and that bounds the effort in no
words at all: no duration ("20 minutes", "half an hour") and no size ("two slides", "one page", "the
intro paragraph", "one sandwich", "just X and Y").

Quick questions, information requests and simple actions (send a file, approve, forward, confirm, call
me) are never flagged: their size is obvious. `askcheck lint --show-asks` shows each ask's cost and
the words that decided it.

## Why is this bad?
An open-ended favor makes the helper estimate the cost before they can say yes; a stated bound shows
respect for their time. Durations about the writer's past ("I already spent two days on this") bound
nothing and do not count; "quick" alone is not a bound.

## Example
```
Could you review my draft tomorrow afternoon?
```

## Use instead
```
Could you spend twenty minutes reviewing my draft tomorrow afternoon?
```

## Fix safety
Display-only: the fix adds "It should take about [how long]." after the ask (for a plea to a crowd,
"Even [how much] would help."); only the writer knows the size.
"""

    def applies_to(self, ask):
        # Tasks, proposals and questions are the normal course of work or talk: their size is not
        # the favor the essay means (corpus/LABELLING.md, section 3).
        return ask.substantial and ask.kind in ("favor", "plea")

    def violation(self, doc, ask):
        plea = ask.kind == "plea" and bool(_MATERIAL.search(span_text(ask.span)))
        sentence = f"Even {HOW_MUCH} would help." if plea else f"It should take about {HOW_LONG}."
        at = sentence_end(ask.span)  # the bound belongs with the ask, before any context or opt-out
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message=f"Asks {asks_for(ask)} without saying how long or how big it is",
            suggestion=(f'say how much would help, e.g. add "{sentence}" ("one large pizza", "$20 for groceries")' if plea
                        else f'bound the effort, e.g. add "{sentence}" or name the size ("two slides", "one page")'),
            fix=make_fix("Add an effort bound placeholder", [add_sentence(doc, at, sentence)],
                         Applicability.DISPLAY_ONLY),
        )
