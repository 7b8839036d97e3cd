"""missing-duration: the ask does not bound the helper's effort."""
from __future__ import annotations

from askcheck.declarative import AbsenceRule, make_fix
from askcheck.finding import Applicability
from askcheck.rule import Violation
from askcheck.suggest import HOW_LONG, add_sentence, sentence_end
from askcheck.timexp import DURATIONS


class MissingDuration(AbsenceRule):
    code = "ASK201"
    name = "missing-duration"
    summary = "The ask does not say how long or how big the task is"
    placeholder = HOW_LONG
    phrases = DURATIONS
    principle = (
        'Essay, paragraph 3: "Would you be willing to spend twenty minutes reviewing my draft" is '
        '"far more manageable" because it "implies a limited time commitment".'
    )
    doc = """
## What it does
Flags a message that asks for something but never bounds the effort: no duration ("20 minutes",
"half an hour", "a 5-minute read") and no size ("two slides", "one page", "the intro paragraph").

## Why is this bad?
An open-ended ask makes the helper estimate the cost before they can say yes; a stated bound shows
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
Display-only: the fix adds "It should take about [how long]." after the ask; only the writer knows the size.
"""

    def violation(self, doc, ask):
        sentence = f"It should take about {HOW_LONG}."
        at = sentence_end(ask)  # the bound belongs with the ask, before any context or opt-out
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message="The ask does not say how long or how big the task is",
            suggestion=f'bound the effort, e.g. add "{sentence}" or name the size ("two slides", "one page")',
            fix=make_fix("Add an effort bound placeholder", [add_sentence(doc, at, sentence)],
                         Applicability.DISPLAY_ONLY),
        )
