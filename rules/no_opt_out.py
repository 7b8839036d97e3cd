"""no-opt-out: a favor asked of one reader that leaves no easy way to decline."""
from __future__ import annotations

from askcheck.declarative import AbsenceRule, make_fix
from askcheck.docinfo import asks_of
from askcheck.finding import Applicability
from askcheck.rule import Violation
from askcheck.suggest import add_sentence, asks_for, paragraph_end


class NoOptOut(AbsenceRule):
    code = "ASK301"
    name = "no-opt-out"
    summary = "A favor asked of one reader gives no easy way to say no"
    ignore_past = False
    attribute = "out"
    principle = (
        'Essay, paragraph 4 ("granting genuine autonomy in the response"): "This freedom to decline without '
        'guilt is essential; a forced yes fosters resentment, while a voluntary yes builds connection."'
    )
    doc = """
## What it does
Flags a real *favor* (help beyond the reader's duty, with a meaningful cost) asked of a *specific*
reader, with no easy way to decline: no "no worries if not", "if you have time", "feel free to say
no", "or should I ask someone else?", "I'd understand if you'd rather not", and not asked as a
question of willingness or availability ("Would you be willing to...", "Do you have time to...",
"How would you feel about...", "Are you free on the 14th?"). Asking whether the reader is willing
also makes the work theirs to refuse, so a work topic alone does not make it their duty.

Never flagged: pleas to a crowd ("Can anyone...", a forum post), quick questions, instructions and
requests that are part of someone's job or of an ongoing business transaction (the usual rate, a turn
on the rota), proposals and invitations, and favors the message sizes as tiny ("just a couple of
sentences", five minutes or less). `askcheck lint --show-asks` shows each ask's kind, audience and cost.

## Why is this bad?
A request with no way out turns a favour into an obligation; the helper either says yes resentfully
or has to find the words to refuse. Decoys do not count: "No worries about the late reply" and "Feel
free to bring snacks" let nobody decline anything.

## Example
```
Could you review my slides before Friday?
```

## Use instead
```
Could you review my slides before Friday? If you're swamped, no problem - I'll ask someone else.
```

## Options
`extra_phrases` adds your team's own ways of saying it ("no stress if not").

## Fix safety
Unsafe: the fix adds a sentence offering the out. It changes what the message says, so it is applied
only with `--unsafe-fixes`.
"""

    def applies_to(self, ask):
        return ask.kind == "favor" and ask.audience == "reader" and ask.substantial

    def violation(self, doc, ask):
        at = paragraph_end(asks_of(doc)[-1].span)
        sentence = "If you can't, no problem - just let me know."
        return Violation(
            start=ask.start_char, end=ask.end_char,
            message=f"Asks {asks_for(ask)} with no easy way to say no",
            suggestion='add an out, e.g. "If you\'re swamped, no problem - I\'ll ask someone else."',
            fix=make_fix("Add an opt-out sentence", [add_sentence(doc, at, sentence)], Applicability.UNSAFE),
        )
