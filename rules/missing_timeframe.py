"""missing-timeframe: the ask does not say when."""
from __future__ import annotations

from askcheck.declarative import AbsenceRule, make_fix
from askcheck.docinfo import doc_text
from askcheck.finding import Applicability, Edit
from askcheck.rule import Violation
from askcheck.suggest import WHEN, add_sentence, body_end, clause, paragraph_end, quote
from askcheck.timexp import TIMEFRAMES, TIMEFRAMES_IN_ASK


class MissingTimeframe(AbsenceRule):
    code = "ASK202"
    name = "missing-timeframe"
    summary = "The ask does not say when it is needed"
    placeholder = WHEN
    phrases = TIMEFRAMES
    ask_only_phrases = TIMEFRAMES_IN_ASK
    principle = (
        'Essay, paragraph 3 ("Clarity and specificity are your greatest allies"): the model request asks '
        'for help "tomorrow afternoon"; a request that "defines the scope" lets the helper plan and say yes or no.'
    )
    doc = """
## What it does
Flags a message that asks for something but gives no deadline or time: no "by Friday", "tomorrow
afternoon", "before the 3pm standup", "early next week", "within the hour", and no explicit "no rush".

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
Display-only: the fix inserts "by [when]" into the ask (or "Ideally by [when]." after a verbless ask
such as "Thoughts?"); only the writer knows the time.
"""

    def violation(self, doc, ask):
        text = doc_text(doc)
        if ask.label_ == "input":  # "Thoughts?" has no verb to hang "by [when]" on
            at = paragraph_end(ask)
            edit = add_sentence(doc, at, f"Ideally by {WHEN}.")
            example = clause(ask) + text[body_end(ask):ask.end_char].strip() + f" Ideally by {WHEN}."
        else:
            at = body_end(ask)
            edit = Edit(at, at, f" by {WHEN}")
            example = clause(ask) + f" by {WHEN}" + text[at:ask.end_char].strip()
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message="The ask does not say when it is needed",
            suggestion=f'say when, e.g. "{quote(example)}" (a day, a time, or "no rush")',
            fix=make_fix("Add a deadline placeholder", [edit], Applicability.DISPLAY_ONLY),
        )
