"""excessive-apology: apologizing for the act of asking, or apologizing more than once."""
from __future__ import annotations

import re

from askcheck.declarative import PhraseSet, make_fix
from askcheck.docinfo import doc_text, sentence_of, span_text
from askcheck.finding import Applicability, Edit
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import quote

_IMPOSE = (
    "(bother|bothering|trouble|troubling|disturb|disturbing|impose|imposing|pester|pestering|ask|asking|"
    "interrupt|interrupting|bug|bugging|intrude|intruding|nag|nagging|hassle|hassling|spam|spamming|"
    "add to your plate|adding to your plate|pile on|piling on|dump this|dumping this|reach out|reaching out|"
    "ping|pinging|message|messaging|email|emailing|text|texting|drag you|dragging you|put you|putting you|"
    "burden|burdening|take up your time|taking up your time|take your time|taking your time|"
    "be a pest|being a pest|be a pain|being a pain|be a bother|being a bother|be that person|being that person|be annoying|being annoying|"
    "be a nuisance|being a nuisance|be a burden|being a burden|be needy|being needy|be so needy|being so needy|"
    "the trouble|the imposition|the bother|the inconvenience|the intrusion|the interruption|the hassle|"
    "the extra work|all the questions|so many questions|the request|this request|the ask|this ask|"
    "the random|the sudden|the last-minute|the late notice|the short notice|another request|yet another|"
    "one more|all this|all of this|the barrage|the flood|the spam|the nagging|the many|the long|the wall)"
)
# Said with no ask in the message, these apologize for a mistake, not for asking: "Sorry for the
# late notice, I can't make it", "Apologies for the inconvenience".
_ONLY_WITH_AN_ASK = re.compile(
    r"\b(inconvenience|late notice|short notice|last-minute|the long|the wall|the random|the sudden|"
    r"all this|all of this|the many)\b", re.IGNORECASE)
ASKING_APOLOGIES = [
    f"(so|really|very|terribly|truly|awfully|super|again|incredibly|extremely)? (sorry|apologies|my apologies|i apologize|i apologise|apologizing|apologising|forgive me|pardon me|excuse me) (in advance)? (to|for|about|if|if i'm|if this is|if this) (in advance)? (even|always|again|once again|constantly|continually|yet again)? {_IMPOSE}",
    "(sorry|apologies|i apologize) (in advance|ahead of time|upfront|up front)",
    "(i|i really|i truly|i genuinely) (hate|hated) (to|having to) (ask|bother|impose|trouble|bug|do this|pester|nag|reach out|add|put|dump|be|even ask|even bring|bring)",
    "(i|i really|i truly|i genuinely) (hate|hated) (asking|bothering|bugging|imposing|pestering|nagging|doing this to you|troubling)",
    "(forgive|pardon|excuse) (me|my) (for|while i) (asking|bothering|imposing|the|this|intruding|interrupting|reaching|pestering|being|barging|butting)",
    "(pardon|excuse|forgive) the (intrusion|interruption|imposition|bother|trouble|request|ask|inconvenience)",
    "(apologies|my apologies|i apologize|i apologise|sorry) for (the|this|my) (imposition|bother|trouble|intrusion|request|interruption|inconvenience|ask|hassle)",
    "(i|i really|i truly|i kind of|i kinda|i) (feel|felt) (so|really|very|super|kind of|kinda|a bit|a little)? (bad|terrible|awful|guilty|horrible|rotten|weird|awkward) (for|about|even)? (asking|bothering|reaching out|messaging|pinging|imposing|dumping|having to ask|to ask|to bother|even asking|even bringing|bringing|this|you with|writing)",
    "(sorry|apologies),? (i know|i realize|i realise) (you're|you are|you've|you have|this is|it's)",
    "i know (you're|you are) (so|really|super|very|incredibly)? busy (and|,)? (i'm|i am)? (so|really)? sorry",
    "(sorry|apologies) to (be|keep) (a pest|a pain|a bother|a nuisance|a burden|annoying|needy|such a|so needy|so annoying|that person|asking|bugging|bothering|pestering)",
    "(i|i'm|i am) (so|really|terribly)? sorry (that)? (i have|i need|i've got|i had|i'm having|i am having) to (ask|bother|impose|trouble|bug|reach out|request)",
]
APOLOGIES = [
    "(sorry|sry|soz|apologies|apology|apologize|apologise|apologizing|apologising|apologized|apologised)",
    "(forgive|pardon|excuse) (me|my)",
    "my bad",
    "mea culpa",
]
# Sympathy and condolence: "sorry" here is no apology.
SYMPATHY = [
    "(sorry|apologize) (to hear|to learn|to see|to read|for your loss|about your|for what|that you|you're going|you are going|about the loss|for the loss|about what happened|that happened|about his|about her|about their|for you|about the passing|for the passing|to hear that|about that news|that your|your)",
    "(feel|felt|feeling) (so|really|very)? sorry for",
    "(not|never|no longer) (sorry|apologize|apologise|apologizing)",
    "sorry (state|sight|excuse|lot)",
    "(no need|don't need|do not need|no reason|don't have|do not have) (to|for) (apologize|apologise|apologies|be sorry|say sorry)",
    "(no|don't|do not) (apologies|apologize|apologise) (needed|necessary|required)?",
    "(say|said|says|saying) sorry to (your|his|her|their|the)",
    "(excuse|pardon) (me|my) (french|language)",
    "my bad [WORD]",  # "sorry for my bad English": an adjective, not a second apology
    "(forgive|excuse) me,? (but|if|i|what|is|are|where|how|who|when|could|can)",
]
# Words an apology clause may run over before the clause ends ("sorry to bother you again, but").
_CLAUSE_FILL = {"you", "again", "so", "much", "all", "this", "that", "it", "with", "for", "asking",
                "in", "advance", "guys", "folks", "everyone", "team", "all", "lol", "haha", "though",
                "here", "now", "today", "once", "more", "really", "truly", "and", "about", "this",
                "on", "a", "friday", "weekend", "late", "night", "sunday", "saturday",
                "sorry", "apologies"}  # "Sorry sorry sorry."
_LEAD = {"i", "'m", "am", "so", "really", "very", "terribly", "truly", "awfully", "super", "again",
         "also", "and", "just", "deeply", "sincerely", "extremely", "incredibly", "quite", "oh", "ok",
         "okay", "um", "uh", "ugh", "first", "off", "and", "again", "once", "my", "hugely", "massively",
         "sorry", "apologies"}  # "sorry sorry": a run of apologies is one clause
_APOLOGY_WORDS = {"sorry", "apologies"}
_BOUNDARY = {",", "-", "\u2014", "\u2013", "--", ";", ":", "...", "\u2026"}
_CONNECT = {"but", "and", "though", "so", "however"}


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
Safe: the fix deletes the apology clause ("Sorry to bother you, but ") and capitalizes what follows,
which keeps the request itself unchanged. When the clause cannot be cut cleanly there is no fix,
only the suggestion.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        self.asking = PhraseSet(nlp, ASKING_APOLOGIES + list(self.config["extra_phrases"]))
        self.apologies = PhraseSet(nlp, APOLOGIES)
        self.sympathy = PhraseSet(nlp, SYMPATHY)

    def check(self, doc):
        asking = self.asking.find(doc)
        if not doc._.asks:
            asking = [s for s in asking if not _ONLY_WITH_AN_ASK.search(span_text(s))]
        plain = self.apologies.find(doc)
        if plain:  # sympathy only ever cancels an apology word, so without one it need not be looked for
            sympathy = self.sympathy.find(doc)
            plain = [s for s in plain if not _overlaps(s, sympathy)]
        # Each apology counts once: an apology word inside an asking-apology is that apology.
        every = sorted(asking + [s for s in plain if not _overlaps(s, asking)], key=lambda s: s.start)
        flagged = {s.start for s in asking}
        for span in asking:
            yield self._violation(doc, span, f'Apologizes for asking ("{quote(span_text(span), 40)}")')
        for span in every[self.config["max_apologies"]:]:
            if span.start not in flagged:
                yield self._violation(doc, span, "More than one apology in one message")

    def _violation(self, doc, span, message):
        edit = _deletion(doc, span)
        return Violation(
            start=span.start_char, end=span.end_char, message=message,
            suggestion="drop the apology and thank them instead, e.g. end with "
                       '"Thank you - this would really help."',
            fix=make_fix("Remove the apology", [edit], Applicability.SAFE) if edit else None,
        )


def _overlaps(span, others) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


_TERMINAL = {".", "!", "?", "...", "\u2026", "!!", "!!!", "?!", "!?"}


def _deletion(doc, span) -> Edit | None:
    """The edit that cuts the apology clause around `span`, or None when it cannot be cut cleanly."""
    sent = sentence_of(span)
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return None
    first, last = toks[0].i, toks[-1].i
    left = span.start
    while left > first and (doc[left - 1].norm_ in _LEAD or doc[left - 1].is_space or (
            doc[left - 1].text == "," and left - 2 >= first and doc[left - 2].norm_ in _APOLOGY_WORDS)):
        left -= 1  # "So sorry, sorry, ..." is one run of apologies
    at_start = left == first
    if not at_start and doc[left - 1].text not in _BOUNDARY | {"!"}:
        return None  # the apology sits inside a clause: cutting it would break the sentence
    right = span.end
    while right <= last and not _ends_clause(doc[right]):
        if doc[right].norm_ not in _CLAUSE_FILL or right - span.end >= 4:
            return None
        right += 1
    text = doc_text(doc)
    if right > last or doc[right].text in _TERMINAL or (doc[right].is_punct and doc[right].text not in _BOUNDARY):
        # The apology runs to the end of its sentence.
        end = doc[last].idx + len(doc[last].text)
        if not at_start:
            # "Hi Sam, sorry to bother you." -> "Hi Sam."
            return Edit(doc[left - 1].idx, doc[right].idx if right <= last else end, "")
        return _delete_sentence(text, doc[left].idx, end)
    # A leading clause: "Sorry to bother you, but could you..." -> "Could you..."
    k = right + (doc[right].norm_ not in _CONNECT)
    while k <= last and (doc[k].norm_ in _CONNECT or doc[k].text in _BOUNDARY or _is_emoji(doc[k])):
        k += 1
    if k > last:  # only a comma or an emoji after it: "Apologies again,\nDan"
        if not at_start:
            return None
        return _delete_sentence(text, doc[left].idx, doc[last].idx + len(doc[last].text))
    rest = doc[k]
    start = doc[left].idx
    if at_start and rest.text[:1].islower():
        return Edit(start, rest.idx + 1, rest.text[0].upper())
    return Edit(start, rest.idx, "")


def _is_emoji(tok) -> bool:
    return not tok.is_punct and not tok.is_space and not any(ch.isalnum() for ch in tok.text)


def _ends_clause(tok) -> bool:
    """A comma or dash, an emoji ("sorry for asking again 😬 can you..."), or "but" ("I feel bad asking
    but could you...") ends the apology clause."""
    return tok.text in _BOUNDARY or tok.is_punct or _is_emoji(tok) or tok.norm_ == "but"


def _delete_sentence(text: str, start: int, end: int) -> Edit:
    """Delete text[start:end] with the spacing around it, or its whole line when it stands alone."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    alone = not text[line_start:start].strip() and not text[end:line_end].strip()
    if alone and line_end < len(text):
        return Edit(line_start, line_end + 1, "")  # drop the line and its newline (\r\n included)
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] not in "\r\n":
        return Edit(start, j, "")
    k = start
    while k > line_start and text[k - 1] in " \t":
        k -= 1
    return Edit(k, j, "")
