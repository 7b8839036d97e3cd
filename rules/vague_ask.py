"""vague-ask: the reader cannot tell what action is wanted, even reading the whole message."""
from __future__ import annotations

from askcheck.task_words import TaskWords
from askcheck.declarative import make_fix
from askcheck.docinfo import asks_of, distress_of, doc_text, sentence_of, sentences, span_text
from askcheck.finding import Applicability, Edit, Severity
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import HOW_LONG, WHAT, WHEN, insert_after_sentence, quote


def _after_with_stop(sent, sentence: str) -> Edit:
    """Insert after `sent`, closing it with a full stop first if it has no final punctuation."""
    edit = insert_after_sentence(sent, sentence)
    closed = span_text(sent).rstrip()[-1:] in set(".!?\u2026")
    return edit if closed else Edit(edit.start, edit.end, "." + edit.content)


# Turning a cry into an ask: the template carries every part a good ask needs, so no other rule fires.
DISTRESS_TEMPLATE = (f"Could you {WHAT} by {WHEN}? It should take about {HOW_LONG}. "
                     "If you can't, no problem - just let me know.")


class VagueAsk(Rule):
    code = "ASK101"
    name = "vague-ask"
    summary = "Nothing in the message says what is wanted, or it voices distress with no ask"
    severity = Severity.ERROR
    options = {
        "generic_words": Option([], "More words that name no task (e.g. your team's jargon for 'help')."),
    }
    principle = (
        'Essay, paragraph 3: "A vague cry of \u201cI\u2019m overwhelmed!\u201d places a heavy cognitive and '
        'emotional load on the other person to diagnose the problem and propose a solution."'
    )
    doc = """
## What it does
Flags a message that asks for help but where the reader, reading the *whole* message (a `Subject:`
line, a title, the sentences before and after the ask), still cannot tell what action is wanted ("Can you
help?", "Thoughts?" with nothing to react to, "Please advise." with nothing before it), and a message
that voices distress with no discernible request at all ("I'm overwhelmed!", "Everything's broken,
HELP").

"Can somebody help?" after the message has described what is needed ("The printer on floor 2 jams
on every page.") is not vague, and a question with its own subject matter never is.

## Why is this bad?
A vague ask hands the helper the work of diagnosing the problem and inventing a solution before they
can even decide whether to help. A specific task ("proofread the intro paragraph", "take my Tuesday
on-call shift") is not vague, even if other parts are missing; neither is distress next to a
concrete ask. `askcheck lint --show-asks` shows, for each ask, whether its task is named in the ask
itself ("concrete"), by the rest of the message ("context"), or nowhere ("vague").

## Example
```
I'm overwhelmed! Can you help?
```

## Use instead
```
I'm struggling to finish the Q3 report. Could you proofread the summary section by Thursday?
```

## Fix safety
Display-only: the fix adds "Specifically: [what]." after a vague ask, or a whole ask template
("Could you [what] by [when]? ...") after a cry for help; only the writer can fill them in.
"""

    def __init__(self, nlp, **options):
        super().__init__(nlp, **options)
        extra = self.config["generic_words"]
        self.task_words = TaskWords(extra) if extra else None

    def _vague(self, ask) -> bool:
        if self.task_words is None:  # the ask model's own judgment
            return ask.what == "vague"
        return not (self.task_words.names_task(ask.span) or self.task_words.context_for(ask.span.doc, ask.span))

    def check(self, doc):
        if WHAT in doc_text(doc):
            return  # the writer has a template to fill in already
        asks = asks_of(doc)
        if asks:
            if not all(self._vague(a) for a in asks):
                return
            ask = asks[0]
            yield Violation(
                start=ask.start_char, end=ask.end_char,
                message=f'The ask ("{quote(span_text(ask.span), 40)}") names no task, and nothing else in the message does',
                suggestion=f'say exactly what you need, e.g. "Could you {WHAT}?" - name the action and '
                           f'the thing ("proofread the intro paragraph", "take my Tuesday shift")',
                fix=make_fix("Name the task", [_after_with_stop(ask.span, f"Specifically: {WHAT}.")],
                             Applicability.DISPLAY_ONLY),
            )
            return
        distress = distress_of(doc)
        if distress and not self._concrete_question(doc, distress):
            first = distress[0]
            sent = sentence_of(first)
            yield Violation(
                start=first.start_char, end=first.end_char,
                message=f'Voices distress ("{quote(span_text(first), 40)}") but asks for nothing specific',
                suggestion=f'turn it into a specific ask, e.g. "{DISTRESS_TEMPLATE}"',
                fix=make_fix("Add a concrete-ask template", [_after_with_stop(sent, DISTRESS_TEMPLATE)],
                             Applicability.DISPLAY_ONLY),
            )

    def _concrete_question(self, doc, distress) -> bool:
        """A question outside the distress with its own subject matter is something to answer."""
        words = self.task_words or _DEFAULT_TASK_WORDS
        cries = {sentence_of(d).start for d in distress}
        return any(span_text(s).rstrip().endswith("?") and s.start not in cries and len(words.content_words(s)) >= 3
                   for s in sentences(doc))


_DEFAULT_TASK_WORDS = TaskWords()

