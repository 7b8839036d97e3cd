"""presumptive-thanks: thanking the reader, in the message that asks, for help not given yet."""
from __future__ import annotations

from askcheck import lexicon
from askcheck.context import is_past, mentioned
from askcheck.declarative import make_fix
from askcheck.docinfo import asks_of, sentence_of, span_text, tokens
from askcheck.finding import Applicability, Edit
from askcheck.phrases import PhraseRegex, PhraseSets
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import quote

# The thanks the essay asks for: tied to the action and to what it will change.
TEMPLATE = "It would let me [what]"
# "Thanks for your help, but it still fails": a reply to help already given.
_REPLYING = {"but", "however", "though", "although", "yet", "unfortunately", "so", "it", "that", "this", "i"}
# "Thanks again for your help" thanks for help given before.
_AGAIN = {"again", "once", "earlier", "before", "already", "far"}  # "so far"


class PresumptiveThanks(Rule):
    code = "ASK402"
    name = "presumptive-thanks"
    summary = "Thanks the reader for help they have not given yet"
    needs_ask = True
    options = {
        "extra_phrases": Option([], "More presumptive thanks (askcheck phrase syntax), e.g. your team's 'ty in adv'."),
    }
    principle = (
        'Essay, paragraph 5: "Gratitude, of course, is essential\u2014a sincere thank you that acknowledges the '
        'specific action taken\u2014but avoid excessive apologies that reinforce the idea that your request was an '
        'imposition. Instead, focus on expressing how their support made a positive difference."'
    )
    doc = """
## What it does
Flags thanks given, in the message that asks, for help the reader has not given yet: "Thanks in
advance", "TIA", "Thanking you in advance for your assistance", and "Thanks for your help!" or "Thanks
for any suggestions" when they close the request (they come with or after the first ask).

Never flagged: thanks for something already done ("Thanks for reviewing my slides last week",
"Thanks again for your help"), thanks that open a reply to help given ("Thanks for your help, but it
still fails"), a bare sign-off ("Thanks,", "Cheers"), and messages that ask nothing.

## Why is this bad?
Thanking someone in advance takes their yes for granted: declining now means refusing something you
have already thanked them for. It is also generic: the essay's "sincere thank you" names the specific
action and what it changed, which you can only say once they have helped. Before that, say what their
help would make possible, and thank them properly afterwards.

## Example
```
Could you review the budget section by Thursday? Thanks in advance!
```

## Use instead
```
Could you review the budget section by Thursday? It would let me send the proposal on Friday.
```

## Fix safety
Display-only: the fix replaces the thanks with "It would let me [what]", a template whose placeholder
only the writer can fill. It is shown, never applied.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        advance = list(lexicon.phrases("presumptive_thanks", package="askcheck.rules")) + list(self.config["extra_phrases"])
        self.sets = PhraseSets({"advance": PhraseRegex(advance),
                                "closing": PhraseRegex(lexicon.phrases("thanks_for_help", package="askcheck.rules"))})

    def check(self, doc):
        asks = asks_of(doc)
        if not asks:
            return
        found = self.sets.find(doc)
        first_ask = asks[0].span.start
        ask_sents = {a.span.start for a in asks}
        spans = [(doc[s:e], "in advance") for s, e in found["advance"]]
        for s, e in found["closing"]:
            span = doc[s:e]
            if any(o.start < e and s < o.end for o, _ in spans):
                continue  # "thanks in advance for your help" is one thanks
            if sentence_of(span).end <= first_ask or self._given_already(doc, span, ask_sents):
                continue
            if _conditional(doc, span):
                continue  # "I would greatly appreciate your help in resolving this": the ask, not thanks
            spans.append((span, "closing the request"))
        for span, how in sorted(spans, key=lambda p: p[0].start):
            if not mentioned(span):  # 'should we ban "Thanks in advance"?' mentions it
                yield self._violation(span, how)

    @staticmethod
    def _given_already(doc, span, ask_sents) -> bool:
        """Thanks for help that came before: dated ("…with the launch last week"), "again", or opening a
        reply ("Thanks for your help, but…")."""
        toks = tokens(doc)
        if any(t.norm_ in _AGAIN for t in toks[span.start:span.end + 2]):
            return True
        after = [t for t in toks[span.end:span.end + 3] if not t.is_space]
        if after and after[0].text in {",", "-", "\u2014", "\u2013", "!", "."} and len(after) > 1 and after[1].norm_ in _REPLYING:
            return True
        if after and after[0].norm_ in {"with", "on", "yesterday", "earlier", "last", "the", "today"}:
            return is_past(span, set()) or after[0].norm_ in {"yesterday", "earlier", "last"}
        return is_past(span, ask_sents)

    def _violation(self, span, how):
        said = quote(span_text(span), 40)
        return Violation(
            start=span.start_char, end=span.end_char,
            message=f'Thanks the reader before they have helped ("{said}", {how})',
            suggestion="say what their help would make possible now, and thank them for the specific help once given",
            fix=make_fix("Say what the help would make possible",
                         [Edit(span.start_char, span.end_char, TEMPLATE)], Applicability.DISPLAY_ONLY),
        )


_WOULD = {"would", "'d", "wd", "will", "'ll"}


def _conditional(doc, span) -> bool:
    """Gratitude put as a condition of the help, "I would appreciate your help with…", "We'd really
    appreciate you taking…": the ask in a grateful form, tied to the action (LABELLING.md,
    presumptive-thanks: "not gratitude that is conditional and tied to the action")."""
    toks = tokens(doc)
    return any(t.norm_ in _WOULD or t.lower_ in _WOULD for t in toks[max(0, span.start - 3):span.start + 3]
               if t.i < span.end and not t.is_space)
