"""vague-ask: asks for help without naming a concrete task, or voices distress with no ask at all."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from askcheck.declarative import make_fix
from askcheck.docinfo import doc_text, sentence_of, sentences, span_text, words
from askcheck.finding import Applicability, Edit, Severity
from askcheck.rule import Option, Rule, Violation
from askcheck.suggest import HOW_LONG, WHAT, WHEN, insert_after_sentence, quote
from askcheck.timexp import TIME_WORDS

# Words that name no task: generic helping verbs, placeholder objects, request frames, politeness,
# and the vocabulary of opt-outs and apologies. Whatever else an ask contains names its task.
GENERIC = {
    # helping without saying how
    "help", "helping", "helps", "assist", "assistance", "support", "look", "looking", "looks", "peek",
    "glance", "check", "checking", "take", "taking", "give", "giving", "do", "doing", "done", "get",
    "getting", "make", "fix", "fixing", "sort", "sorting", "figure", "figuring", "handle", "handling",
    "deal", "dealing", "tackle", "manage", "solve", "resolve", "address", "work", "working", "weigh",
    "chime", "advise", "advice", "lend", "hand", "favor", "favour", "pick", "brain", "eyes", "eye",
    "set", "jump", "hop", "come", "see", "go", "happen", "know", "knows", "think", "say",
    "tell", "share", "let", "lmk", "input", "thoughts", "thought", "ideas", "idea", "suggestions",
    "suggestion", "feedback", "tips", "tip", "pointers", "guidance", "insight", "insights", "opinion",
    "opinions", "take", "recommendations", "recs", "comments", "views", "clue", "clues", "hints",
    "sense", "sanity", "heads", "mind", "minds", "bit", "little", "lot", "ton", "way", "ways",
    # placeholder objects
    "thing", "things", "stuff", "something", "anything", "everything", "issue", "issues", "problem",
    "problems", "situation", "matter", "mess", "question", "questions", "request", "task", "tasks",
    "project", "work", "one", "ones", "whatever", "end", "side", "part", "bits", "details",
    # request frames and politeness
    "please", "pls", "plz", "kindly", "possibly", "maybe", "perhaps", "quick", "quickly", "real",
    "willing", "able", "available", "free", "wondering", "hoping", "hope", "appreciate", "appreciated",
    "great", "grateful", "love", "need", "needed", "needs", "want", "like", "chance", "possible",
    "someone", "anyone", "somebody", "anybody", "guys", "folks", "team", "everyone", "yall", "y'all",
    "hey", "hi", "hello", "ok", "okay", "thanks", "thank", "cheers", "lol", "haha", "pretty", "really",
    "super", "urgent", "urgently", "asap", "happy", "mind", "wonderful", "amazing", "awesome", "helpful",
    "huge", "big", "small", "tiny", "kind", "nice", "good", "ideal", "lovely", "fantastic", "perfect",
    "use", "spare", "sec", "second", "minute", "moment", "wanted", "trying", "try", "ask", "asking",
    "wonder", "curious", "idk", "dunno", "sure", "totally", "honestly", "seriously", "literally",
    "desperately", "desperate", "stuck", "lost", "overwhelmed", "help!", "ugh", "omg", "pm", "dm",
    "message", "reach", "touch", "ping", "brainstorm",
    "walk", "explain", "understand", "figure", "hand", "favour", "hello", "guidance", "direction",
    # opt-outs and apologies
    "worries", "worry", "pressure", "swamped", "busy", "slammed", "else", "fine", "problem", "sorry",
    "bother", "bothering", "trouble", "impose", "apologies", "understand", "rather", "obligation",
    "bandwidth", "capacity", "time", "hate", "pain", "nuisance", "burden", "forgive", "apologize",
    "apologise", "feel", "bad", "guilty", "terrible", "awful", "steal", "borrow", "grab", "weird",
    "strange", "odd", "random", "happening", "happen", "happens", "going", "broken", "wrong", "off",
    "weirdness", "got", "gotta", "half", "quarter", "again", "ideally", "whenever", "convenient",
}
# Specific verbs that take their object from the sentence before ("… Can you check?", "… Can you
# explain?"); the helping verbs ("help", "look into", "deal with") stay vague whatever precedes them.
CONTEXT_VERBS = {"check", "explain", "fix", "confirm", "clarify", "verify", "review", "proofread",
                 "test", "reproduce", "elaborate", "expand", "cite", "source", "unblock", "revert",
                 "delete", "remove", "protect", "merge", "approve", "update", "correct", "undo"}
# spaCy's stop words include verbs and nouns that do name a task ("call", "move", "fill", "show").
_TASK_STOP_WORDS = {"call", "show", "put", "move", "fill", "find", "name", "front", "top",
                    "bottom", "empty", "keep", "full", "first", "last", "whole", "serious", "side", "part"}

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
    summary = "Asks for help without a concrete task, or voices distress with no ask"
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
Flags a message whose asks name no concrete action and no concrete object ("Could you help me out?",
"Thoughts on this?", "Can you take a look at my things?", "Please advise."), and a message that voices
distress with no ask at all ("I'm overwhelmed!", "Everything's broken, HELP").

## Why is this bad?
A vague ask hands the helper the work of diagnosing the problem and inventing a solution before they
can even decide whether to help. A specific task ("proofread the intro paragraph", "take my Tuesday
on-call shift") is not vague, even if other parts are missing; neither is distress next to a
concrete ask.

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
        self.generic = (GENERIC | TIME_WORDS | (STOP_WORDS - _TASK_STOP_WORDS)
                        | {w.lower() for w in self.config["generic_words"]})

    def check(self, doc):
        if WHAT in doc_text(doc):
            return  # the writer has a template to fill in already
        asks = doc._.asks or []
        if asks:
            if any(self.concrete(a) or self.concrete_in_context(a) for a in asks):
                return
            ask = asks[0]
            yield Violation(
                start=ask.start_char, end=ask.end_char,
                message="The ask names no concrete task",
                suggestion=f'say exactly what you need, e.g. "Could you {WHAT}?" - name the action and '
                           f'the thing ("proofread the intro paragraph", "take my Tuesday shift")',
                fix=make_fix("Name the task", [_after_with_stop(ask, f"Specifically: {WHAT}.")],
                             Applicability.DISPLAY_ONLY),
            )
            return
        distress = doc._.distress or []
        if distress and not self.asks_a_concrete_question(doc, distress):
            first = distress[0]
            sent = sentence_of(first)
            yield Violation(
                start=first.start_char, end=first.end_char,
                message=f'Voices distress ("{quote(span_text(first), 40)}") but asks for nothing specific',
                suggestion=f'turn it into a specific ask, e.g. "{DISTRESS_TEMPLATE}"',
                fix=make_fix("Add a concrete-ask template", [_after_with_stop(sent, DISTRESS_TEMPLATE)],
                             Applicability.DISPLAY_ONLY),
            )

    def asks_a_concrete_question(self, doc, distress) -> bool:
        """ "Taken alone, this code won't compile (in desperate need of a better name). What are the
        definitions of `dims`?": a question with its own subject matter, outside the distress, is
        something to answer, even when it is not phrased as a request."""
        cries = {sentence_of(d).start for d in distress}
        return any(span_text(s).rstrip().endswith("?") and s.start not in cries and self.content_words(s) >= 3
                   for s in sentences(doc))

    def concrete_in_context(self, ask) -> bool:
        """ "The link doesn't show on the mobile site. Can you check?": a specific verb whose object is
        the thing the sentence before describes. "help" never qualifies: "I'm on the Q3 report. Can you
        help?" still leaves the helper to work out what help means."""
        verbs = {t.norm_ for t in ask} & CONTEXT_VERBS
        if not verbs or (doc := ask.doc)._.distress and any(
                d.start < ask.start for d in doc._.distress):
            return False
        before = [s for s in sentences(doc) if s.end <= ask.start][-2:]
        return any(self.content_words(s) >= 3 for s in before)

    def content_words(self, span) -> int:
        return sum(1 for t in span if t.is_alpha and len(t.text) > 2 and t.norm_ not in self.generic
                   and t.lower_ not in self.generic)

    def concrete(self, ask) -> bool:
        """True when the ask contains a word that names a task or a thing."""
        if WHAT in span_text(ask):
            return True  # a template the writer will fill in
        toks = words(ask)
        for i, tok in enumerate(toks):
            if not tok.is_alpha or len(tok.text) < 2 or tok.like_num:
                continue
            word = tok.norm_
            if word in self.generic or tok.lower_ in self.generic:
                continue
            # A name in a greeting or vocative ("Hi Sam,", ", Sam?") names nobody's task.
            if tok.is_title and i > 0 and toks[i - 1].text == "," and (i + 1 >= len(toks) or toks[i + 1].is_punct):
                continue
            if tok.is_title and (i + 1 < len(toks) and toks[i + 1].text in {",", "!", ":"}) and i <= 2:
                continue
            return True
        return False
