"""Does the message say what the ask is about? Words that name a task or a thing, and the sentences
around an ask that say what it is about (a Subject line, a problem stated, work just done, an opinion to
react to), as opposed to greetings, sign-offs, small talk, mail boilerplate and the reader's name.

Read by the ask model (`ask_model.Judge._what`, which decides whether an ask is vague) and by the
vague-ask rule.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from . import lexicon
from .docinfo import SUBJECT_KEY, distress_of, sentences, span_text, tokens, words

_VAGUE_TIME_NOUNS = {"point", "stage", "time", "day", "moment"}
HELLOS = {"hi", "hello", "hey", "dear"}


class TaskWords:
    """Tells words that name a task or a thing ("proofread", "slides") from words that name none
    ("help", "thing", "please", "tomorrow"). `extra_generic` adds a team's own generic words."""

    def __init__(self, extra_generic=()):
        self.generic = (lexicon.words("generic_words") | lexicon.words("time_words")
                        | (STOP_WORDS - lexicon.words("task_stop_words")) | {w.lower() for w in extra_generic})

    def _substance(self, sent: Span, skip) -> int:
        """How much a sentence says about a task: its content words, a link (which says it all), and a
        problem stated ("the link isn't working", "it crashes")."""
        found = [t for t in self.content_words(sent) if t.i not in skip]
        score = len(found) + sum(1 for t in found if t.text == "url" or t.like_url)
        return score + bool(found and _PROBLEM.search(span_text(sent)))

    def content_words(self, span) -> list:
        """Words of substance: not generic, not a number, not the name in "Hi Tom,"; "Sp1" and "IPv6" count."""
        toks = tokens(span.doc)
        return [t for t in words(span) if (t.text == "url" or t.like_url) or (
            len(t.text) > 2 and not t.like_num and any(c.isalpha() for c in t.text) and (t.is_alpha or t.text.isalnum())
            and t.norm_ not in self.generic and t.lower_ not in self.generic
            and not (t.is_title and t.i > 0 and toks[t.i - 1].norm_ in _GREETINGS) and not _vocative(t, toks))]

    def names_task(self, span) -> bool:
        """True when the span contains a word that names a task or a thing (not a greeting's name)."""
        from .finding import PLACEHOLDER_RE

        if PLACEHOLDER_RE.search(span_text(span)):
            return True  # a template the writer will fill in
        toks = words(span)
        for i, tok in enumerate(toks):
            if not tok.is_alpha or len(tok.text) < 2 or tok.like_num:
                continue
            if tok.norm_ in self.generic or tok.lower_ in self.generic:
                continue
            if tok.norm_ in _VAGUE_TIME_NOUNS and i > 0 and toks[i - 1].norm_ in {"some", "any", "one", "this"}:
                continue  # "at some point", "one day", "any time": when, not what
            if _vocative(tok, tokens(span.doc), first_words=i <= 2):
                continue  # "Hi Sam,", "Dear Priya:", "Sorry to bother you again Tamsin, can you help?"
            return True
        return False

    def context_for(self, doc: Doc, span: Span, anywhere: bool = False, skip: set[int] = frozenset()) -> Span | str | None:
        """The subject line (kept on the Doc by the engine), or the sentence that says what the ask is
        about, if any.

        "The printer on floor 2 jams on every page. Can you help?" is concrete: the sentence before
        names the problem, and so does one after it ("Can someone help? My laptop won't boot."). A
        greeting, thanks, the words of a cry of distress or the ask's logistics (`skip`: tokens that
        say when, how much or offer an out) name nothing. With `anywhere` (a question such as
        "Thoughts?" or "Any other ideas?"), any sentence of substance is enough: it reacts to whatever
        the message is about ("Sp1 did not resolve my issues. Any other ideas?").
        """
        subject = doc.user_data.get(SUBJECT_KEY)
        if subject and any(w not in self.generic and w not in {"re", "fwd", "fw"} and len(w) > 2
                           for w in _WORD.findall(subject.lower())):
            return f"Subject: {subject}"
        cries = distress_of(doc)
        crying = {i for d in cries for i in range(d.start, d.end)}
        overwhelmed = any(_OVERWHELMED.search(span_text(d)) for d in cries)
        before = [s for s in sentences(doc) if s.end <= span.start]
        after = [s for s in sentences(doc) if s.start >= span.end]
        for sent in list(reversed(before)) + after:
            if anywhere and (_reports_work_done(sent) or _OPINION.search(span_text(sent))):
                # "Done. Comments?": the work just done is what to comment on; "…that doesn't make any
                # sense to me. What do you think?": the writer's view is what to react to.
                return sent
            if social_or_past(sent) or greeting_or_signoff(sent) or _BOILERPLATE.match(span_text(sent)):
                continue  # "Kind regards, Michelle", "Sent from my iPhone" are nothing to react to
            if _only_needs_help(span_text(sent)):
                continue  # "Hi everyone, the club needs help.": who needs help, not with what
            if anywhere:
                if any(t.i not in skip for t in self.content_words(sent)):
                    return sent
            elif self._substance(sent, skip | crying) >= 1 and (not overwhelmed or _PROBLEM.search(span_text(sent))):
                # Next to a cry of being overwhelmed, a domain named ("I'm drowning with this house sale")
                # is not a need described: only a problem stated is ("the printer jams on every page").
                # (Being stuck or confused is no such cry: "trying to install Lupin, but I'm stuck".)
                return sent
        return None


# Cries of being overwhelmed, not of being stuck on one thing ("I'm stuck", "totally confused").
_OVERWHELMED = re.compile(r"\b(?:overwhelmed|drowning|panick?ing|panic|freaking out|losing (?:my mind|it)|wits? end|"
                          r"over my head|out of my depth|end of my rope|breaking point|falling apart|spiral+ing|"
                          r"barely (?:keeping|holding)|can(?:'t|not| not) (?:cope|keep up|take|do this|breathe|think)|"
                          r"desperate|where (?:to )?(?:even )?(?:start|begin)|where else to turn|cry|scream|a (?:mess|wreck|state)|"
                          r"nothing (?:works|is going right)|keep (?:going|on) like this)\b", re.IGNORECASE)
# A sentence that says only that help is needed: "the club needs help.", "We could really use some help!"
_ONLY_NEEDS_HELP = re.compile(r"\b(?:needs?|needed|could (?:really )?use|could (?:really )?do with|wants?)\s+"
                              r"(?:some |a bit of |a little |your |urgent |more |extra )?(?:help|a hand)\s*[.!]*\s*$",
                              re.IGNORECASE)


def _only_needs_help(text: str) -> bool:
    """ "Hi everyone, the club needs help.": a short sentence that says only who needs help ("I've started
    the Badfinger wiki and I need help" says with what)."""
    m = _ONLY_NEEDS_HELP.search(text)
    if m is None:
        return False
    before = text[:m.start()].split(",")[-1].split()  # after any greeting
    return len(before) <= 3 and "and" not in before


_GREETINGS = {"hi", "hello", "hey", "dear", "morning", "evening", "afternoon", "hiya", "yo"}
# Lines a mail program writes: "Sent from my iPhone", "Subject: (no subject)", "Get Outlook for Android".
_BOILERPLATE = re.compile(r"\s*(?:sent from my \w+|subject:\s*\(?no subject\)?\s*$|get outlook for \w+)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# Questions that ask the reader to decide for the writer without saying about what: "Where do we go
# from here?", "What would you do?", "What now?", "What should I do?"
DELIBERATION = re.compile(r"\b(?:where do (?:we|i) go from here|what (?:would|should|do|can|could) (?:you|i|we) do|"
                           r"what now|what next|now what|what are (?:my|our) options)\b")
# Small talk and news of the past set no task: "No worries about the late reply!", "Sorry to hear
# about your flight.", "Last Monday you mentioned you'd dealt with something similar."
_SOCIAL_OPENERS = ("no worries about", "sorry to hear", "thanks for", "thank you for", "congrats", "congratulations",
                   "hope you", "hope your", "hope the", "happy birthday", "good to hear", "great to hear", "feel free")
# Apologies for the intrusion run longer and still name no task: "Really sorry to disturb your Sunday,
# and apologies again about last week."
_APOLOGY_OPENERS = ("sorry to disturb", "sorry to bother", "really sorry to", "so sorry to", "apologies for",
                    "apologies again")


_PROBLEM = re.compile(r"\b(?:isn't|is not|isnt|doesn't|does not|doesnt|won't|will not|wont|can't|cannot|cant|didn't|"
                      r"did not|didnt|ain't|aren't)\s+(?:\w+\s+)?(?:work|working|show|showing|load|loading|open|opening|"
                      r"start|starting|boot|booting|compile|compiling|run|running|change|changing|save|saving|print|"
                      r"printing|connect|connecting|sync|syncing|update|updating)\b|\b(?:error|errors|crash(?:es|ed|ing)?|"
                      r"fail(?:s|ed|ing)?|jam(?:s|med|ming)?|bug|bugs|broken)\b", re.IGNORECASE)
_SIGNOFF = {"thanks", "thank", "thx", "cheers", "best", "regards", "sincerely", "love", "hi", "hey", "hello", "dear",
            "yours", "warmly", "ta", "xo", "xx", "kind", "warm", "warmest", "many", "all", "with"}


# The writer's own view, which a request for the reader's reacts to.
_OPINION = re.compile(r"\b(?:i (?:do not|don't|dont) (?:think|agree|see why|buy)|i (?:think|believe|reckon|agree|disagree|"
                      r"feel that|suspect|doubt)|in my (?:opinion|view)|(?:does not|doesn't|doesnt|don't|dont) make (?:any )?sense|"
                      r"makes (?:no |more |little )?sense|seems (?:to me|odd|wrong|fine|right|strange)|i'd (?:say|argue|suggest)|"
                      r"my (?:view|take|feeling|sense|guess) is)\b", re.IGNORECASE)
# "Done.", "Fixed.", "I've updated it.": a report of work just done, which a request for comments is about.
_DONE = {"done", "fixed", "updated", "finished", "completed", "changed", "added", "uploaded", "posted", "reverted",
         "merged", "rewritten", "rewrote", "expanded", "moved", "renamed", "restored", "corrected", "tweaked"}


def _reports_work_done(sent: Span) -> bool:
    """A short sentence that reports work just finished: "Done.", "Fixed now.", "I've updated the intro."."""
    alpha = [t.norm_ for t in words(sent) if t.is_alpha]
    if not alpha or len(alpha) > 6:
        return False
    if alpha[0] in _DONE:
        return True  # "Done.", "Fixed now.", "Updated the intro."
    lead = alpha[:3]
    return alpha[0] in {"i", "we"} and any(w in _DONE for w in alpha[1:4]) and (
        "have" in lead or "just" in lead or alpha[1] in _DONE)


def greeting_or_signoff(sent: Span) -> bool:
    """ "Hi Marcus,", "Thanks, Jen", "– Sara", "Hello, it's Sheila at number 12.": the names in them
    name nobody's task."""
    toks = [t for t in words(sent) if t.is_alpha]
    if len(toks) <= 3 and (not toks or toks[0].norm_ in _SIGNOFF or all(t.is_title for t in toks)):
        return True
    if len(toks) > 8 or toks[0].norm_ not in HELLOS:
        return False
    # "it's Sheila", "this is Sheila": the writer's name, not "this build keeps failing".
    ws = words(sent)[:7]
    return any(a.norm_ in {"it", "this"} and b.norm_ in {"'s", "is"} and c.is_title
               for a, b, c in zip(ws, ws[1:], ws[2:]))


def social_or_past(sent: Span) -> bool:
    text = span_text(sent).strip().lower().replace("\u2019", "'")
    if text.startswith(_SOCIAL_OPENERS) and len(text.split()) <= 10:
        return True
    if text.startswith(_APOLOGY_OPENERS) and len(text.split()) <= 14:
        return True
    toks = words(sent)
    return bool(toks) and toks[0].norm_ in {"last", "yesterday", "earlier", "previously"}


_BEFORE_A_NAME = {"you", "again", "hey", "hi", "hello", "thanks", "sorry", "please", "mate", "so"}


_GROUPS_ADDRESSED = {"parents", "families", "members", "folks", "everyone", "everybody", "team", "guys", "gang",
                     "neighbours", "neighbors", "colleagues"}


def _vocative(tok, toks, first_words: bool = False) -> bool:
    """ "Ade, what do you reckon?", "Sorry to bother you again Tamsin, can you help?", "Can you help me,
    Jas?": the reader's name, said to them, names nothing the ask is about. Among the first words of
    an ask any greeting may come before it ("Dear Priya:", "Morning Sam!")."""
    if first_words and tok.norm_ in _GROUPS_ADDRESSED:
        return True  # "Parents of 3B, thoughts?": the readers, named
    if not tok.is_title:
        return False
    before = toks[tok.i - 1] if tok.i > 0 else None
    after = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    if after is None or not after.is_punct:
        return after is None and before is not None and before.text == ","  # "…, Sam" ends the message
    if first_words and after.text in {",", "!", ":", "-", "\u2013", "\u2014"}:
        return True  # ("Hey Maria - thoughts?")
    if before is not None and before.text == ",":
        return True  # "Can you help me, Jas?"
    return after.text in {",", "?", "!", "."} and (
        before is None or before.text == "\n" or before.is_space or before.norm_ in _BEFORE_A_NAME)
