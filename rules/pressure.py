"""pressure: wording that pushes the reader toward yes, so that declining costs them."""
from __future__ import annotations

import re

from askcheck import lexicon
from askcheck.clauses import ClauseWords, cut_clause
from askcheck.context import mentioned
from askcheck.declarative import make_fix
from askcheck.docinfo import asks_of, doc_text, sentences, span_text, tokens, words
from askcheck.finding import Applicability
from askcheck.phrases import PhraseRegex, PhraseSets
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import quote

# What each kind of pressure is called in a finding, and its lexicon (rules/lexicons/pressure_*.txt).
KINDS = {
    "guilt": "reminds the reader of what they owe",
    "threats": "threatens or gives an ultimatum",
    "leaning": "makes the reader responsible for the writer's fate",
    "crowd": "tells the reader everyone else said yes",
    "commit": "takes the reader's yes for granted",
    "promises": "holds a promise over the reader",
    "urgency": "manufactures urgency",
}
# A deadline hours away, told: "I present in an hour", "the portal closes in 20 minutes".
_REAL_DEADLINE = re.compile(r"\b(?:in|within) (?:an|one|half an|the next|the|a couple of|a few|\d+|two|three|twenty|thirty|"
                            r"forty|fifteen|ten|five) ?(?:hour|hours|hrs|minutes|mins|min)\b", re.IGNORECASE)


def _real_deadline(doc) -> bool:
    """Whether the message tells of an event hours away ("I present in an hour") or an emergency ("I'm
    stuck on the M6 after a crash"), not a demand that the work be done that soon ("I need it in an hour")."""
    text = doc_text(doc)
    if _EMERGENCY.search(text):
        return True
    for m in _REAL_DEADLINE.finditer(text):
        sent = next(s for s in sentences(doc) if s.start_char <= m.start() < s.end_char)
        if not any(t.norm_ in _DEMANDING for t in words(sent)):
            return True
    return False


_EMERGENCY = re.compile(r"\b(?:stuck|stranded|broken down) (?:on|in|at) the\b|\b(?:a crash|an accident|an ambulance|a&e|"
                        r"an emergency)\b", re.IGNORECASE)
_DEMANDING = {"need", "needs", "want", "wants", "must", "have", "expect", "expecting"}
# These push toward a yes to something asked; the others are pressure by themselves.
_NEED_AN_ASK = {"crowd", "urgency", "promises"}
# A moderator's warning in their role ends in a sanction: "…or you will be blocked".
_SANCTIONS = {"blocked", "banned", "reported", "suspended", "desysopped", "topic-banned", "sanctioned"}
# All-caps words that are names, not shouting.
_ACRONYMS = {"i", "ok", "asap", "fyi", "pr", "qa", "it", "hr", "ui", "api", "pdf", "url", "usa", "uk", "eu", "ceo",
             "cto", "cfo", "vp", "am", "pm", "tv", "id", "faq", "sql", "css", "html", "json", "csv", "aws", "gcp"}
_PRESSURE_CLAUSE = ClauseWords(lead=frozenset({"and", "so", "please", "just", "remember", "but", "oh", "also", "i", "mean"}),
                               fill=frozenset({"here", "on", "this", "now", "again", "please", "ok", "okay", "!", "you"}))


class Pressure(Rule):
    code = "ASK302"
    name = "pressure"
    summary = "Pushes the reader toward yes: guilt, threats, leaning on them, social proof, false urgency"
    options = {
        "extra_phrases": Option([], "More pressure phrases (askcheck phrase syntax), reported as pressure."),
        "shouting_words": Option(3, "How many all-caps words in a row count as shouting (0: never)."),
    }
    principle = (
        'Essay, paragraph 4: "Phrasing your request with options\u2026 empowers the other person. It removes '
        'pressure and acknowledges their agency. This freedom to decline without guilt is essential; a forced '
        'yes fosters resentment, while a voluntary yes builds connection."'
    )
    doc = """
## What it does
Flags wording that pushes the reader toward yes so that declining costs them:
- guilt and obligation: reminding them of past favors or promises to get this one ("after all I've
  done for you", "you owe me", "you promised");
- ultimatums and threats ("or else", "if you don't, I'll tell the boss", "this is your last chance");
- leaning on the reader ("you're my only hope", "I'm relying on you completely", "nobody else can
  help", "don't let me down");
- social proof ("everyone else already said yes", "you're the only one who hasn't");
- manufactured urgency on a favor: shouting in capitals ("CAN YOU DO THIS NOW"), piled exclamation
  marks next to a demand ("I need it now!!"), "drop everything".

Never flagged: a real deadline stated plainly ("The filing closes Friday at 5, so I need it by
Thursday"), a single "urgent" or "ASAP", a crowd plea's plain account of hardship, and a moderator's
warning given in their role ("if you revert again you will be blocked"). A threat is flagged whether
or not the message asks for anything; the other kinds push toward a yes, so they need an ask.

## Why is this bad?
A yes given under pressure is not a free yes: the helper resents it, and the relationship pays. The
essay's advice is the opposite: make declining easy. State the real reason and the real deadline if
there is one, and let the reader choose.

## Example
```
After all I've done for you, you owe me this. Can you cover my shift Saturday?
```

## Use instead
```
Could you cover my shift Saturday? If you can't, no problem - I'll ask Dana.
```

## Fix safety
Unsafe: where the pressure is a clause of its own ("Don't let me down!", "After all I've done for you,
…"), the fix cuts it; that changes what the message says, so it is applied only with
`--unsafe-fixes`. Shouting and piled exclamation marks get no fix: only the writer knows which words
deserve emphasis. The fix never adds words.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        sets = {kind: PhraseRegex(lexicon.phrases(f"pressure_{kind}", package="askcheck.rules")) for kind in KINDS}
        if self.config["extra_phrases"]:
            sets["extra"] = PhraseRegex(list(self.config["extra_phrases"]))
        self.sets = PhraseSets(sets)

    def check(self, doc):
        found = self.sets.find(doc)
        if not asks_of(doc):
            # Social proof, urgency and a promise held over the reader push toward a yes to something
            # asked ("Apparently you promised to send a postcard" tells a story); guilt, threats,
            # leaning on the reader and a yes taken for granted are pressure by themselves.
            found = {kind: ([] if kind in _NEED_AN_ASK else matches) for kind, matches in found.items()}
        spans = []
        for kind, matches in found.items():
            for s, e in matches:
                span = doc[s:e]
                if (kind == "threats" and _role_warning(doc)) or mentioned(span):
                    continue
                spans.append((span, kind if kind in KINDS else "extra"))
        if "urgency" not in {k for _, k in spans} and self._favor_asked(doc):
            shout = self._shouting(doc) or self._piled_marks(doc)
            if shout is not None:
                spans.append((shout, "urgency"))
        if any(kind == "urgency" for _, kind in spans) and _real_deadline(doc):
            # "URGENT!!! … I present in an hour": urgency with its near deadline told is real, not made up.
            spans = [(span, kind) for span, kind in spans if kind != "urgency"]
        seen = []
        for span, kind in sorted(spans, key=lambda p: p[0].start):
            if any(o.start < span.end and span.start < o.end for o in seen):
                continue  # one stretch of words is reported once
            seen.append(span)
            yield self._violation(doc, span, kind)

    @staticmethod
    def _favor_asked(doc) -> bool:
        """Urgency is manufactured on a favor or a plea; a task's deadline is the job's."""
        return any(a.kind in ("favor", "plea") for a in asks_of(doc))

    def _shouting(self, doc):
        """The first run of `shouting_words` or more all-caps words in an ask sentence ("CAN YOU HELP ME
        NOW"), acronyms aside."""
        need = self.config["shouting_words"]
        if not need:
            return None
        ask_sents = {a.span.start for a in asks_of(doc) if _pressable(a)}
        for sent in sentences(doc):
            if sent.start not in ask_sents:
                continue
            run = []
            for tok in (t for t in words(sent) if t.is_alpha):
                if tok.is_upper and (tok.text == "I" or (len(tok.text) > 1 and tok.lower_ not in _ACRONYMS)):
                    run.append(tok)
                    continue
                if len(run) >= need:
                    break
                run = []
            if len(run) >= need:
                return doc[run[0].i:run[-1].i + 1]
        return None

    @staticmethod
    def _piled_marks(doc):
        """A request of a favor or a plea that ends in two or more exclamation marks ("Please help me
        with the audit spreadsheet!!"): the marks shout where the words ask."""
        for ask in asks_of(doc):
            if not _pressable(ask):
                continue
            marks = ""
            for tok in reversed(words(ask.span)):
                if tok.is_alpha or tok.like_num:
                    break
                marks += tok.text
            if marks.count("!") >= 2:
                return ask.span
        return None

    def _violation(self, doc, span, kind):
        said = quote(span_text(span), 40)
        what = KINDS.get(kind, "pushes the reader toward yes")
        if kind == "urgency":
            suggestion = "say the real deadline and why, in plain words; if there is none, let them choose when"
        else:
            suggestion = "cut it: ask plainly and make no an acceptable answer"
        edit = cut_clause(doc, span, _PRESSURE_CLAUSE) if kind != "urgency" else None
        fix = make_fix("Cut the pressure", [edit], Applicability.UNSAFE) if edit else None
        return Violation(start=span.start_char, end=span.end_char,
                         message=f'Puts pressure on the reader: {what} ("{said}")', suggestion=suggestion, fix=fix)


def _pressable(ask) -> bool:
    """Shouting presses a favor asked of the reader; on a plea to a crowd ("Someone please help me!!!")
    it is distress, and on a question ("WHY WHY WHY") frustration."""
    return ask.kind == "favor" or (ask.kind == "plea" and ask.audience == "reader")


def _role_warning(doc) -> bool:
    """ "Final warning. If you revert again, you will be blocked": an administrator's warning, not a
    personal threat."""
    toks = tokens(doc)
    # "you will be blocked", "get banned": the sanction falls on the reader ("I've reported the lock" is news).
    return any(t.norm_ in _SANCTIONS and t.i > 0 and toks[t.i - 1].norm_ in {"be", "get", "been", "being", "getting"}
               for t in toks)
