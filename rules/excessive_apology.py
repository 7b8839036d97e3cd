"""excessive-apology: apologizing for the act of asking, or apologizing more than once."""
from __future__ import annotations

import re

from askcheck import lexicon
from askcheck.clauses import ClauseWords, cut_clause
from askcheck.declarative import PhraseSet, make_fix
from askcheck.phrases import PhraseSets
from askcheck.docinfo import asks_of, doc_text, span_text
from askcheck.finding import Applicability
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import add_sentence, paragraph_end, quote

# Said with no ask in the message, these apologize for a mistake, not for asking: "Sorry for the
# late notice, I can't make it", "Apologies for the inconvenience".
_ONLY_WITH_AN_ASK = re.compile(
    r"\b(inconvenience|late notice|short notice|last-minute|the long|the wall|the random|the sudden|"
    r"all this|all of this|the many)\b", re.IGNORECASE)
# Words an apology clause may run over before the clause ends ("sorry to bother you again, but").
_CLAUSE_FILL = {"you", "again", "so", "much", "all", "this", "that", "it", "with", "for", "asking",
                "in", "advance", "guys", "folks", "everyone", "team", "lol", "haha", "though",
                "here", "now", "today", "once", "more", "really", "truly", "and", "about", "on", "a", "friday", "weekend", "late", "night", "sunday", "saturday",
                "sorry", "apologies"}  # "Sorry sorry sorry."
_LEAD = {"i", "'m", "am", "so", "really", "very", "terribly", "truly", "awfully", "super", "again",
         "also", "and", "just", "deeply", "sincerely", "extremely", "incredibly", "quite", "oh", "ok",
         "okay", "um", "uh", "ugh", "first", "off", "once", "my", "hugely", "massively",
         "sorry", "apologies"}  # "sorry sorry": a run of apologies is one clause
_APOLOGY_CLAUSE = ClauseWords(lead=frozenset(_LEAD), fill=frozenset(_CLAUSE_FILL), repeats=frozenset({"sorry", "apologies"}))


class ExcessiveApology(Rule):
    code = "ASK401"
    name = "excessive-apology"
    summary = "Apologizes for asking, or apologizes more than once"
    options = {
        "max_apologies": Option(1, "How many apologies a message may hold before the extra ones are flagged."),
        "extra_phrases": Option([], "More phrases that apologize for asking (askcheck phrase syntax)."),
    }
    principle = (
        'Essay, paragraph 5: "avoid excessive apologies that reinforce the idea that your request was an '
        'imposition. Instead, focus on expressing how their support made a positive difference."'
    )
    doc = """
## What it does
Flags apologies for the act of asking ("sorry to bother you", "I hate to ask", "forgive me for asking",
"apologies for the imposition", "sorry to be a pain"), and every apology beyond the first
(`max_apologies`) in one message.

## Why is this bad?
Apologizing for asking frames the request as an imposition, and the helper ends up reassuring you
instead of helping. One genuine apology for a specific mistake ("Sorry I missed your call") is fine;
condolences and sympathy ("I'm sorry for your loss", "sorry to hear that") are not apologies at all.

## Example
```
Sorry to bother you, but could you send the deck? Sorry again!
```

## Use instead
```
Could you send the deck? Thank you - it will make Friday's pitch much easier.
```

## Fix safety
The fix deletes the apology clause ("Sorry to bother you, but ") and capitalizes what follows, which
keeps the request itself unchanged; the help and the fix say the same thing. Where the message
already thanks the reader, that is all it does, and it is safe. Where it does not, the fix also adds
"Thank you - this would really help." after the ask, which changes what the message says: unsafe,
applied only with `--unsafe-fixes`. When the clause cannot be cut cleanly there is no fix, only the
suggestion.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        self.asking = PhraseSet(nlp, list(_lexicon("apologies_for_asking")) + list(self.config["extra_phrases"]))
        self.apologies = PhraseSet(nlp, _lexicon("apologies"))
        self.sympathy = PhraseSet(nlp, _lexicon("sympathy"))
        # "Sorry for being so dumb" apologizes for a self-label: self-deprecation reports that clause.
        self.self_labels = PhraseSet(nlp, _lexicon("self_labels"))
        self.both = PhraseSets({"asking": self.asking.regex, "apologies": self.apologies.regex,
                                "self_labels": self.self_labels.regex})

    def check(self, doc):
        found = self.both.find(doc)  # one walk over the words for both sets
        asking = [doc[s:e] for s, e in found["asking"]]
        if not asks_of(doc):
            asking = [s for s in asking if not _ONLY_WITH_AN_ASK.search(span_text(s))]
        plain = [doc[s:e] for s, e in found["apologies"]]
        if found["self_labels"]:
            labels = [doc[s:e] for s, e in found["self_labels"]]
            asking = [s for s in asking if not _apologizes_for(s, labels)]
            plain = [s for s in plain if not _apologizes_for(s, labels)]
        if plain or asking:  # sympathy only ever cancels an apology word, so without one it need not be looked for
            sympathy = self.sympathy.find(doc)
            plain = [s for s in plain if not _overlaps(s, sympathy)]
            asking = [s for s in asking if not _overlaps(s, sympathy)]
        # A word quoted or set off ('*I'm sorry* is used too often') is talked about, not said.
        asking = [s for s in asking if not _mentioned(doc, s)]
        plain = [s for s in plain if not _mentioned(doc, s)]
        # Each apology counts once: an apology word inside an asking-apology is that apology.
        every = sorted(asking + [s for s in plain if not _overlaps(s, asking)], key=lambda s: s.start)
        flagged = {s.start for s in asking}
        for span in asking:
            yield self._violation(doc, span, f'Apologizes for asking ("{quote(span_text(span), 40)}")')
        for span in every[self.config["max_apologies"]:]:
            if span.start not in flagged:
                yield self._violation(doc, span, "More than one apology in one message")

    def _violation(self, doc, span, message):
        edit = cut_clause(doc, span, _APOLOGY_CLAUSE)
        if not asks_of(doc):
            # Nothing is asked, so there is nothing to thank anyone for: one apology is enough.
            suggestion = "keep one apology at most; say what you will do about it instead"
            fix = make_fix("Remove the extra apology", [edit], Applicability.SAFE) if edit else None
        elif _THANKS.search(doc_text(doc)):
            # The message thanks them already: cutting the apology is all the advice asks.
            suggestion = "drop the apology: the thanks you already give says it better"
            fix = make_fix("Remove the apology", [edit], Applicability.SAFE) if edit else None
        else:
            suggestion = f'drop the apology and thank them instead, e.g. end with "{THANKS}"'
            fix = None
            if edit:
                asks = asks_of(doc)
                at = paragraph_end(asks[-1].span) if asks else len(doc_text(doc).rstrip())
                fix = make_fix("Replace the apology with thanks",
                               [edit, add_sentence(doc, at, THANKS)], Applicability.UNSAFE)
        return Violation(start=span.start_char, end=span.end_char, message=message, suggestion=suggestion, fix=fix)


# The thanks the essay asks for instead: "how their support made a positive difference".
THANKS = "Thank you - this would really help."
_THANKS = re.compile(r"\b(thanks|thank you|thank u|thx|ty|appreciate|grateful|cheers)\b", re.IGNORECASE)


def _lexicon(name: str):
    return lexicon.phrases(name, package="askcheck.rules")


_QUOTES = {'"': '"', "*": "*", "_": "_", "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "`": "`"}


def _mentioned(doc, span) -> bool:
    """Whether the apology is quoted or emphasised as a word: '*I'm sorry* is used way too often',
    'people say "sorry to bother you" all the time'."""
    text = doc_text(doc)
    # The quote opens at a word's start up to two short words before the apology ('*I'm sorry*') and
    # closes within a few words after it.
    base = max(0, span.start_char - 12)
    opens = [p for p in range(base, span.start_char)
             if text[p] in _QUOTES and (p == 0 or text[p - 1].isspace() or text[p - 1] in "([")]
    if not opens or text[opens[-1] + 1:span.start_char].count(" ") > 2:
        return False
    quote_char = text[opens[-1]]
    after = text[span.end_char:span.end_char + 16].split("\n", 1)[0]
    return _QUOTES[quote_char] in after


def _apologizes_for(span, labels) -> bool:
    """Whether the apology's object is a self-label: "sorry for being so dumb" (overlapping), "sorry to
    ask a stupid question" (the label right after it). That clause is self-deprecation's, once. A label
    in a clause of its own after a comma is not the apology's object ("I felt so bad asking, I hate
    being a burden"): each is reported by its rule."""
    doc = span.doc
    return any(span.start < label.end and label.start < span.end + 3
               and not any(t.is_punct for t in doc[span.end:label.start]) for label in labels)


def _overlaps(span, others) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


