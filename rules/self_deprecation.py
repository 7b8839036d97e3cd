"""self-deprecation: the writer runs themselves down while asking for help."""
from __future__ import annotations

from askcheck import lexicon
from askcheck.clauses import ClauseWords, cut_clause
from askcheck.context import mentioned
from askcheck.declarative import make_fix
from askcheck.docinfo import asks_of, distress_of, norms, span_text
from askcheck.finding import Applicability
from askcheck.phrases import PhraseRegex, PhraseSets
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import quote

# Self-labels that speak of needing help in themselves ("I hate being such a burden"): they count even
# in a message that asks nothing.
_NEEDING = {"burden", "needy", "helpless", "nuisance", "pest", "dependent"}
_LABEL_CLAUSE = ClauseWords(
    lead=frozenset({"and", "so", "sorry", "ugh", "honestly", "also", "ok", "okay", "um", "lol", "oh", "but", "i", "know"}),
    fill=frozenset({"at", "with", "this", "these", "things", "stuff", "like", "it", "here", "but", "lol", "haha",
                    "sometimes", "really", "all", "of", "when", "comes", "to", "computers", "tech", "i", "know"}),
    max_fill=4, any_fill=True)
# What a self-label phrase may end on that belongs to the sentence after it: "Stupid question, but…"
_TRAILING = {"but", ",", ":", "-", "here", "alert", "time", "incoming"}


class SelfDeprecation(Rule):
    code = "ASK501"
    name = "self-deprecation"
    summary = "Runs the writer down while asking: needing help is not a deficit"
    options = {
        "extra_phrases": Option([], "More self-labels (askcheck phrase syntax)."),
    }
    principle = (
        'Essay, paragraph 2: "We must challenge the narrative that needing support is a deficit." And paragraph '
        '6: "quieting the critical inner voice that equates needing help with failure".'
    )
    doc = """
## What it does
Flags negative self-labels attached to asking or needing help: "I'm useless at this", "I'm such an
idiot", "I'm hopeless with computers", "forgive my stupidity", "sorry for being so dumb", "this is
probably a stupid question", "I hate being such a burden", "I'm embarrassed to be this clueless".

Never flagged: a plain statement of what you don't know, which is useful context ("I'm new to
Python", "I know little about tables", "beginner here", "forgive my ignorance"), modesty about a
result ("my rough draft"), and self-labels in a message that neither asks for anything nor voices a
need. An apology whose object is a self-label ("sorry for being so dumb") is reported here, not also
as `excessive-apology`.

## Why is this bad?
Running yourself down recasts the request as proof of a deficit, and hands the reader a second job:
reassuring you. The essay's point is the reverse: needing support is ordinary, and asking well is a
skill. Say what you need; your reader does not need the verdict on you.

## Example
```
I'm useless with spreadsheets, sorry. Could you show me how to fix the totals in column D?
```

## Use instead
```
Could you show me how to fix the totals in column D? I haven't used spreadsheet formulas before.
```

## Fix safety
Unsafe: where the self-label is a clause of its own ("I'm such an idiot, but could you…", "Stupid
question, but…"), the fix cuts it. It changes what the message says, so it is applied only with
`--unsafe-fixes`; where the label sits inside a clause there is no fix, only the suggestion.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        self.labels = PhraseRegex(list(lexicon.phrases("self_labels", package="askcheck.rules"))
                                  + list(self.config["extra_phrases"]))
        self.suggestions = PhraseRegex(lexicon.phrases("helper_suggestions", package="askcheck.rules"))
        # Looked for in every message: walked with the other rules' and the detector's phrase sets.
        self.walked = PhraseSets({"labels": self.labels})

    def check(self, doc):
        spans = [_trim(doc[s:e]) for s, e in self.walked.find(doc)["labels"]]
        spans = [s for s in spans if not mentioned(s)]  # "stop opening with 'I'm useless'" quotes it
        if not spans:
            return
        suggestion_starts = {s for s, _ in self.suggestions.find(doc)}
        if suggestion_starts:  # "Stupid question, but have you checked…?": the writer is the helper
            spans = [s for s in spans if not _before_a_suggestion(doc, s, suggestion_starts)]
        if not (asks_of(doc) or distress_of(doc) or _speaks_of_asking(doc)):
            # Nothing asked, no need voiced, no word of the writer's asking ("Sorry for flooding the channel
            # with all my questions. I know I'm a pain."): only a label about needing help itself is this rule's.
            spans = [s for s in spans if any(t.norm_ in _NEEDING for t in s)]
        for span in spans:
            edit = cut_clause(doc, span, _LABEL_CLAUSE)
            yield Violation(
                start=span.start_char, end=span.end_char,
                message=f'Runs the writer down while asking ("{quote(span_text(span), 40)}")',
                suggestion="cut it and say what you need; if it helps, say plainly what you haven't done before",
                fix=make_fix("Cut the self-label", [edit], Applicability.UNSAFE) if edit else None,
            )


# What may stand between a self-label and the question it softens: "Stupid question, but…", "…: does…".
_BETWEEN = {",", ":", ";", "-", "--", "\u2014", "\u2013", "...", "\u2026", ".", "?", "!", "but", "so", "and", "just",
            "though", "however", "really", "if", "this", "is", "a", "q"}


def _before_a_suggestion(doc, span, starts: set[int]) -> bool:
    """Whether the label is followed, past a connector or two, by a question suggesting a fix."""
    k = span.end
    while k < len(doc) and k - span.end <= 4:
        if k in starts:
            return True
        if not (doc[k].is_space or doc[k].norm_ in _BETWEEN):
            return False
        k += 1
    return k in starts


_ASKING_WORDS = {"ask", "asks", "asking", "asked", "question", "questions", "help", "helping", "helped"}


def _speaks_of_asking(doc) -> bool:
    """Whether the message speaks of the writer's asking or being helped ("every time I have to ask for
    help", "sorry for wasting everyone's time with my question"): a self-label there is about needing help."""
    return not _ASKING_WORDS.isdisjoint(norms(doc))


def _trim(span):
    """The self-label without the connector its phrase ends on ("Stupid question, but" -> "Stupid question")."""
    end = span.end
    while end - 1 > span.start and (span.doc[end - 1].norm_ in _TRAILING):
        end -= 1
    return span.doc[span.start:end]
