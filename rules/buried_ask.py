"""buried-ask: the first ask comes after a long preamble, or the ask sentence is hard to read."""
from __future__ import annotations

from askcheck import lexicon
from askcheck.clauses import delete_sentence
from askcheck.declarative import make_fix
from askcheck.docinfo import SUBJECT_KEY, asks_of, doc_text, sentences, span_text, tokens, words
from askcheck.finding import Applicability, Edit
from askcheck.readability import grade
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import quote

# An ask that starts with one of these leans on what came before it and does not move to the top.
_REQUEST_WORDS = ("please", "could you", "can you", "would you", "request", "help", "need", "urgent")
_LEANS_BACK = {"so", "and", "but", "also", "then", "therefore", "thus", "anyway", "given", "with", "because",
               "since", "as", "it", "this", "that", "these", "those", "they", "which", "hence", "or", "if",
               "otherwise", "again", "still", "now", "meanwhile", "instead"}


class BuriedAsk(Rule):
    code = "ASK102"
    name = "buried-ask"
    summary = "The ask comes after a long preamble, or its sentence is hard to read"
    needs_ask = True
    options = {
        "max_preamble_words": Option(120, "Words allowed before the first ask (greeting aside); raise it for "
                                           "long-form channels, such as a forum post that must show its work."),
        "max_ask_words": Option(60, "Words an ask sentence may run to before its reading grade is checked."),
        "max_ask_grade": Option(12, "Flesch-Kincaid grade above which a long ask sentence is hard to read."),
    }
    principle = (
        'Essay, paragraph 3: "Clarity and specificity are your greatest allies. A vague cry\u2026 places a heavy '
        'cognitive and emotional load on the other person to diagnose the problem and propose a solution."'
    )
    doc = """
## What it does
Flags a message whose first ask comes only after a long preamble (more than `max_preamble_words`
words of backstory, context or pleasantries; a greeting line does not count), and an ask sentence
that is long (more than `max_ask_words` words) *and* hard to read (Flesch-Kincaid grade above
`max_ask_grade`, computed with textstat).

## Why is this bad?
The reader has to dig for what you want before they can decide whether to help. The longer the
preamble, the more likely the ask is skimmed past or answered "later". An analysis of 40 million
emails (Boomerang, 2016) found the most replies for messages of 50-125 words written at about a
third-grade reading level, and the fewest for those written at a college level (a 36% difference):
a preamble longer than a whole good message buries the ask. Hence 120 words of preamble by default.
An ask sentence is flagged when it is an outlier among real asks, reads above high school, and its
asking words come late in it (after 20 words) or are broken off by an aside ("Could you, once you
have checked with procurement whether…, confirm…"). Of the 15,024 ask sentences askcheck finds in the
shared corpora (business email, Stack Exchange, Wikipedia talk pages), 99% have 40 words or fewer and
15 run past 60: `max_ask_words` is 60. `max_ask_grade` is 12, the end of high school, since the same
study found college-level emails got the fewest replies. A long sentence that leads with its ask
("Can you explain your question a bit more, since…") is not flagged: an editor reading real messages
kept none of those; nor is a long sentence after a short, plain ask ("What do you suggest we do?
Since it looks like…, should we…?"): the reader already knows what is asked. An ask in the subject line ("Subject: Could you cover my shift Saturday?") is never
buried. Short context that the ask needs, put first, is fine.

## Example
```
Hi Ana, [130 words about the project's history, the vendor, last quarter's numbers…]
Could you review the budget section by Thursday?
```

## Use instead
```
Hi Ana, could you review the budget section by Thursday? [then the context it needs]
```

## Fix safety
Unsafe: where the ask is a sentence of its own that names its task and does not lean on what comes
before it ("So, could you…", "Can you help with it?"), the fix moves it to the top of the message,
after any greeting. That reorders what the writer wrote, so it is applied only with `--unsafe-fixes`.
A hard-to-read ask sentence gets no fix: only the writer can split it.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        self.greeting = lexicon.words("greeting_words")

    def check(self, doc):
        asks = asks_of(doc)
        # A message shorter than the shortest limit cannot bury its ask (most messages): stop early.
        if not asks or len(doc) <= min(self.config["max_preamble_words"], self.config["max_ask_words"]):
            return
        if self._asked_in_subject(doc):
            return
        # The request the reader has to find: the first ask that is not a plain question ("You know how
        # I said the flat was ready?" in a story is no request), else the first question.
        first = min(asks, key=lambda a: (a.kind == "question", a.start_token))
        body = self._body_start(doc)
        preamble = sum(1 for t in tokens(doc)[body:first.start_token] if t.is_alpha or t.like_num)
        if preamble > self.config["max_preamble_words"]:
            yield self._violation(first, f'comes after {preamble} words (more than {self.config["max_preamble_words"]})',
                                  "put the ask first, after any greeting, and the context it needs after it",
                                  self._move_up(doc, first, body))
            return
        for ask in asks:
            toks = words(ask.span)
            count = sum(1 for t in toks if t.is_alpha or t.like_num)
            if count <= self.config["max_ask_words"]:
                if ask.what == "concrete":
                    return  # "Could you clarify something? You start by remarking…": asked plainly first
                continue
            if not _buried_in_its_sentence(toks, _asking_start(ask, toks)):
                continue  # "Can you explain your question a bit more, since…": the ask leads its sentence
            # textstat splits at every full stop, so run-on lines glued by a missing space read as the
            # short sentences they are, at a low grade.
            level = grade(span_text(ask.span))
            if level > self.config["max_ask_grade"]:
                yield self._violation(ask, f"is hard to read: {count} words, reading grade {level:.0f}",
                                      "split it: one sentence that says what you need, then the details in short "
                                      "sentences")
                return

    @staticmethod
    def _violation(ask, what: str, suggestion: str, fix=None) -> Violation:
        return Violation(start=ask.start_char, end=ask.end_char, suggestion=suggestion, fix=fix,
                         message=f'The ask ("{quote(span_text(ask.span), 50)}") {what}')

    @staticmethod
    def _asked_in_subject(doc) -> bool:
        """ "Subject: Could you cover my Saturday shift?": the ask is the first thing the reader sees."""
        subject = doc.user_data.get(SUBJECT_KEY) or ""
        first_line = doc_text(doc).lstrip().split("\n", 1)[0]
        if first_line.lower().startswith(("subject:", "title:")):
            subject = first_line.split(":", 1)[1]
        return "?" in subject or subject.strip().lower().startswith(_REQUEST_WORDS)

    def _body_start(self, doc) -> int:
        """The first token after a greeting sentence ("Hi Ana,", "Dear team:")."""
        sents = sentences(doc)
        if not sents:
            return 0
        toks = [t for t in words(sents[0]) if t.is_alpha]
        if toks and toks[0].norm_ in self.greeting and len(toks) <= 4 and len(sents) > 1:
            return sents[1].start
        return sents[0].start

    def _move_up(self, doc, ask, body: int):
        """The edits that move a stand-alone ask sentence to the body's start, or None."""
        sent = ask.span
        toks = words(sent)
        if (ask.what != "concrete" or not toks or toks[0].norm_ in _LEANS_BACK or ask.start_token != toks[0].i
                or toks[-1].text not in {"?", ".", "!"} or sent.start <= body):
            return None
        text = doc_text(doc)
        ask_text = text[sent.start_char:sent.end_char].strip()
        remove = delete_sentence(text, sent.start_char, sent.start_char + len(span_text(sent).rstrip()))
        at = next(t.idx for t in tokens(doc)[body:] if not t.is_space)
        return make_fix("Move the ask to the top", [Edit(at, at, ask_text + " "), remove], Applicability.UNSAFE)


# How a question that leads its sentence starts: "Does anyone know…", "Why does…".
_QUESTION_STARTS = {"do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should",
                    "shall", "may", "might", "have", "has", "how", "what", "why", "where", "when", "which", "who",
                    "any", "anyone", "anybody", "is", "so"}
_CLAUSE_BREAKS = {",", ";", ":", "-", "--", "\u2013", "\u2014", "..."}


def _asking_start(ask, toks) -> int:
    """Where the asking words start. The detector marks a question at its sentence's first word; a
    question that does not open with its question words asks in its last clause ("…, watcha think?")."""
    if toks and toks[0].norm_ in _QUESTION_STARTS:
        return toks[0].i  # "Could you, when you get a moment, …": the sentence opens with its asking words
    if ask.form != "question" or not toks:
        return ask.start_token
    breaks = [t.i for t in toks[:-1] if t.text in _CLAUSE_BREAKS]
    return breaks[-1] + 1 if breaks else ask.start_token


# Words an ask sentence may hold before its asking words and still lead with the ask.
_LEAD_WORDS = 20


def _buried_in_its_sentence(toks, start_token: int) -> bool:
    """Whether the asking words come late in a long sentence ("…, and as for the Blaggers article, why
    does this one deserve it?") or are broken off by an aside ("Could you, once you've had a chance to
    check with procurement whether…, confirm…"), rather than leading it."""
    lead = sum(1 for t in toks if t.i < start_token and (t.is_alpha or t.like_num))
    if lead >= _LEAD_WORDS:
        return True
    # An aside opened within the asking words: "Could you, once…", "I was wondering whether, given
    # that…", "could you maybe if you're around on Saturday…".
    frame = [t for t in toks if t.i >= start_token][:7]
    for a, b in zip(frame, frame[1:]):
        if b.norm_ in _ASIDES and (a.text == "," or b.norm_ == "if" and a.norm_ in {"maybe", "perhaps", "possibly"}):
            return True
        if b.norm_ == "who" and a.norm_ in _ADDRESSEES:
            return True  # "Could anyone who has run the 2.4 migration on a multisite install where…"
    return False


_ADDRESSEES = {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "those", "people", "you"}
_ASIDES = {"if", "when", "once", "given", "assuming", "seeing", "since", "because", "as", "while", "after",
           "before", "unless", "though", "although", "provided", "whenever", "considering"}
