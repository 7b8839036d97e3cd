"""The ask model: each ask a message makes, judged the way a careful editor judges it.

An editor does not mark up every ask alike. A favor asked of a colleague ("Could you review my
draft?") should bound the effort, say when and leave an easy no; a quick question ("Do you have a
source for this?"), a routine task ("Please send the invoice") or a plea to a crowd ("Can anyone
spare a pizza tonight?") should not get the same advice. So every detected ask carries:

- `form`: how it asks ("request", "imposed", "implicit", "proposal", "input", "question");
- `kind`: what it is ("favor", "task", "question", "plea", "proposal");
- `audience`: "reader" (one person or a small named group) or "crowd" (anyone, strangers);
- `cost`: "quick" or "substantial" (real time or effort: a review, a meeting, a move);
- what the message states about it: `size` (a duration or a size that bounds the effort), `when`,
  and `out` (an easy way to decline), each the words that say it, or None;
- `what`: "concrete" (the ask names its task), "context" (a subject line or an earlier sentence
  does), or "vague";
- `why`: one line per attribute saying which words decided it, so a finding can be understood.

Rules read these attributes; they do not re-derive them. The judgment is lexical (word lists in
`askcheck/lexicons/`), so it runs on `spacy.blank("en")`. Its cost half (the work an ask names, what
makes it small, errands as big as their occasion) is `askcheck/ask_effort.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span

from . import lexicon
from .ask_effort import (DETERMINERS, HELPERS, LARGE_SIZE, MENDING, NEEDING, ROUTINE, WRITER, EffortJudgments,
                         asks_bare_help, calls_for_helpers, doer, large_work, needed, volunteering)
from .ask_states import Cues, duration_minutes, is_tiny, length_of_a_thing, per_visit
from .docinfo import distress_of, doc_text, sentence_index, sentences, span_text, tokens, words
from .phrases import MONTHS, WEEKDAYS, PhraseRegex
from .task_words import DELIBERATION, HELLOS, TaskWords

_UNITS = {"minutes", "minute", "min", "mins", "hour", "hours", "hr", "hrs", "half", "few", "couple", "spend",
          "spare", "sec", "second", "seconds"}
# A question that opens on these asks its subject: "Is anyone…", "Is there anybody…", "Does somebody…"
_QUESTION_OPENERS = {"is", "are", "does", "do", "has", "have", "can", "could", "would", "will", "might"}
_RECEIVING = {"borrow", "use", "have", "stay", "crash", "steal", "grab"}
# Doing someone else's work in their place: for the writer, it is a favor whatever the work.
_STANDING_IN = {"cover", "covering", "fill", "filling", "stand", "standing", "sub", "subbing", "swap", "swapping",
                "take", "taking"}
# Holidays a family takes turns hosting.
_HOLIDAYS = {"christmas", "thanksgiving", "easter", "passover", "hanukkah", "eid", "diwali"}
# Nouns of an implicit ask for input: "Any pointers welcome.", "Advice appreciated."
_INPUT_NOUNS = {"pointers", "advice", "tips", "ideas", "suggestions", "thoughts", "input", "feedback", "comments",
                "guidance", "insight", "insights", "recommendations", "hints", "leads", "opinions", "opinion"}
# First words of an ask put as a question or a wish rather than an instruction.
_ASKING_WORDS = {"could", "can", "would", "will", "might", "ca", "wo", "is", "are", "any", "do", "got", "have"}
# Asking for the work as a favor, with an apology or the word itself: this outweighs a work topic
# ("I hate to ask, but could you take over the Henderson account?").
_STRONG_FAVOR_FRAMES = [
    "(i|i really)? (hate|hated) (to ask|asking|to bother|to impose)", "(a|one|quick|small|big|huge) (favor|favour)",
    "(forgive|pardon) (me|the intrusion|the imposition)", "i feel (bad|terrible|awful) (asking|to ask)",
    "sorry to (bother|be a pain|bug|ask|impose|trouble|be a pest|be that person)",
    # The writer says the work is outside the reader's role: "I know charts aren't really your job",
    # "I know you're not on call", "I know you're IT and not my personal tech support".
    "(isn't|is not|aren't|are not|not|n't) (really|strictly|technically|exactly)? (your|in your|part of your|within your) "
    "(job|role|remit|area|responsibility|responsibilities|department|team|problem|thing|patch|wheelhouse|field|project|account|bid|"
    "workstream|lane|beat|brief)",
    "(you're|you are|you aren't|you are not|you're not) (not)? (on call|on-call|on duty|on shift|on the rota)",
    # "I know you're on Payments now, not Identity": the reader has moved on from the work asked.
    "(i know|i realise|i realize|i know that) (you're|you are|you've moved|you have moved) (on|in|to|over to) *? *? (now|these days|,? not)",
    "not my (personal)? (tech support|it support|assistant|secretary|helpdesk|help desk|babysitter|chauffeur)",
    # "I know you've moved to the data team", "I know you moved to Platform", "I know you're not on bids any
    # more": moved off the work.
    "(i know|i realise|i realize|i know that) (you've|you have|you) (moved|switched|changed|gone) (to|over|teams|jobs|roles)",
    "(not|no longer) (on|in|doing) [WORD] (any more|anymore)",
    # "even though you're not on the panel", "I know it wasn't in the quote": outside what the reader took on.
    "(even though|although|though|i know|i realise|i realize) (you're|you are) not (on|in|part of) (the|our|my) (panel|team|committee|project|board|rota)",
    "(wasn't|was not|isn't|is not|not) in the (quote|estimate|original quote|brief)",
    # Sorry for the load, or saying how big the ask is: "Sorry to dump this on you", "I know this is a huge ask".
    "sorry to (dump|pile|land|spring|put|throw) (this|it|that|all this) on (you|u)",
    "(this|it) (is|'s) a (big|huge|massive|large|lot of an) ask",
    "(not|isn't|is not|n't) (in|part of|covered by|within|under) (the|our|your|my)? (sow|contract|scope|agreement|retainer|brief|statement of work)",
    # A debt the writer takes on for it: "I'd owe you big time", "I'll owe you a pint".
    "(i'd|i would|i'll|i will) (really)? owe (you|u) (one|big|big time|bigtime|a favour|a favor|a drink|a pint|a beer|a coffee|lunch|dinner|forever)",
]
# Asking whether the reader is willing, not whether they can: the work asked is theirs to refuse, so
# its topic does not make it their duty ("Would you be willing to mentor our new hire?", "Would you be
# up for reviewing PR #482?"); their role still does (a professor asked to supervise a study).
# "Would you be able to send…" asks for ability and stays a task.
_WILLING_FRAMES = [
    "(would|will|could|might) (you|either of you) (be|feel) (willing|up for|open to|keen|game|interested in) ",
    "(are|r) (you|u) (willing|up for|open to|keen|game) (to|for)",
    "(you'd|you would|you might) (be|feel) (willing|up for|open to|keen|game)",
]
_FAVOR_FRAMES = _STRONG_FAVOR_FRAMES + _WILLING_FRAMES + [
    "(would|do) you mind", "(i was|i'm|i am|was) (just)? wondering if", "any chance",
    "(would|could|will) you be (willing|able|so kind)",
    "if you (have|get|can spare|can find) (the|some|a)? (time|chance|moment)", "help (me|us)",
    "(i|we) (would|'d) (be|really|so)? (grateful|appreciate|love)", "(is|would) there (be)? any (way|chance)",
    "(something|anything) (you'd|you would|you might) (have time|be up|be interested|be willing|be able|consider)",
    "(would|will|could) you consider", "(might|may) you (have time|be able|be willing|be free|consider)",
]


# Asking for an amount of the reader's time: "give me an hour", "spare 15 minutes", "half an hour of your brain".
_TIME_ASKS = [
    "(give|spare|steal|lend|borrow|have|get|grab|got|find|take|spend|need) (me|us)? (an|a|half an|half a|[NUM]|a few|a couple of)? "
    "(hour|hours|hr|hrs|minutes|minute|min|mins|half-hour|half hour)",
    "(help|helping|hand|out|something) (me|us)? (out)? (for|about|like) (an|a|half an|half a|[NUM]) (hour|hours|hr|hrs|minutes|min|mins)",
    "[NUMUNIT] (of your|of help|to help|with me)",
]
# A block of the reader's day asked for by the clock: "Could you take Tuesday 18 March, 10–12?", "Can I
# put you down for Saturday, 9 to 11?", "have Milo after school till about 6". Being there that long is
# the favor, whatever it is called.
_TIME_BLOCKS = [
    "(from|between)? ([NUM]|[CLOCK]) (am|pm|a.m.|p.m.)? (to|-|–|until|till) ([NUM]|[CLOCK])",
    "[RANGE]",
    "(till|until|til) (about|around|roughly)? ([NUM]|[CLOCK])",
]
# Asking for the reader's time without an amount: "Could you spare some time tomorrow to have a look?"
# is a real favor whose size the reader cannot tell.
# Without a purpose ("Could you spare me a bit of time today?") it names no task, and a vague ask is quick.
_OPEN_TIME_ASKS = ["(spare|set aside|carve out|give) (me|us)? (some|a bit of|a little bit of|an afternoon|a morning|an evening|a day|a weekend) (of your)? (time)? (today|tomorrow|tonight|this week|this weekend|next week|this afternoon|this evening)? (to|for)"]
# "It's maybe five minutes", "should take like two minutes": how long the writer says the task takes.
_QUICK_BOUNDS = [
    "(take|takes|taking|maybe|about|only|just|like|it's|its|is|under|less than) (about|like|maybe|only|just|a|under)? "
    "(a|one|two|three|four|five|[NUM]|a couple of|a few) -? (min|mins|minute|minutes|sec|secs|second|seconds)",
    "[NUM] (min|mins|minute|minutes) (tops|max|at most)",
]
# A look the writer says is only to make sure of something is a check, not a review.
_ONLY_A_CHECK = ["(just|only|simply) (want|wanted|need|needed|trying) to (be sure|make sure|check|confirm|double-check|double check)",
                 "(just|only) to (be sure|make sure|double-check|double check|sanity-check|sanity check)",
                 "(a|just a|quick) (once-over|once over|sanity check|sanity-check|second pair of eyes)"]
# A look or a check at a piece of work under review is a review ("Would you care to take a look?" after
# "I have just put the article to peer review"); see lexicons/review_works.txt.
_LOOKS = {"look", "check", "read"}


@dataclass
class Ask:
    """One ask of a message, with the attributes an editor reasons with (see the module docstring)."""

    span: Span
    form: str
    start_token: int = 0  # where the asking words start ("could" in "Sorry to bother you, but could you…")
    kind: str = "question"
    audience: str = "reader"
    cost: str = "quick"
    effort: Span | None = None  # the words that make it substantial ("review", "help me move")
    size: Span | None = None
    when: Span | None = None
    out: Span | None = None
    what: str = "concrete"
    context: Span | str | None = None  # what says what the ask is about: a sentence or the subject line
    why: dict[str, str] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def start_char(self) -> int:
        return self.span.start_char

    @property
    def end_char(self) -> int:
        return self.span.end_char

    @property
    def substantial(self) -> bool:
        return self.cost == "substantial"

    def to_dict(self, text: str, **extra) -> dict:
        """The ask as JSON: attributes, the words behind each one, and the reasons (plus `extra`)."""
        def words_of(span: Span | None):
            return None if span is None else {"text": text[span.start_char:span.end_char],
                                              "start": span.start_char, "end": span.end_char}
        return {
            "text": text[self.start_char:self.end_char],
            "span": {"start": self.start_char, "end": self.end_char},
            "form": self.form,
            "kind": self.kind,
            "audience": self.audience,
            "cost": self.cost,
            "what": self.what,
            "effort": words_of(self.effort),
            "states": {"size": words_of(self.size), "when": words_of(self.when), "out": words_of(self.out)},
            "why": self.why,
            **extra,
        }


def _found(name: str, as_flag: bool = False) -> cached_property:
    """A look-up made once per message: where the judge's phrase set `name` matches (or whether it does)."""
    def look_up(facts: _Facts):
        found = getattr(facts.judge, name).find(facts.doc)
        return bool(found) if as_flag else found
    return cached_property(look_up)


class _Facts:
    """What the judge looks up in a message, each found at most once and only when needed."""

    def __init__(self, judge: Judge, doc: Doc, ask_sents: set[int]):
        self.judge, self.doc, self.ask_sents = judge, doc, ask_sents
        self.cues = None
        self.distressed = bool(distress_of(doc))
        self.vague_words: set[int] = set()  # the tokens of the asks judged vague so far

    effort = _found("effort_phrases")
    favor = _found("favor_frames")
    strong_favor = _found("strong_favor_frames")
    only_a_check = _found("only_a_check", as_flag=True)
    withheld = _found("withheld_asks")
    contact_asks = _found("contact_asks")
    willing = _found("willing_frames")
    review_works = _found("review_works")
    business_thread = _found("business_thread", as_flag=True)
    cold_contact = _found("cold_contact", as_flag=True)
    readers_own = _found("readers_own", as_flag=True)
    open_time_asks = _found("open_time_asks")
    time_blocks = _found("time_blocks")

    @cached_property
    def quick_bounds(self):
        return [duration_minutes(span_text(self.doc[s:e])) for s, e in self.judge.quick_bounds.find(self.doc)
                if not per_visit(self.doc, s) and not length_of_a_thing(self.doc, e)]

    @cached_property
    def time_asks(self):
        return [(s, e, duration_minutes(span_text(self.doc[s:e]))) for s, e in self.judge.time_asks.find(self.doc)]

    def get_cues(self):
        if self.cues is None:
            self.cues = self.judge.cues.find(self.doc, self.ask_sents)
        return self.cues


class Judge(EffortJudgments):
    """Gives each detected ask its kind, audience, cost, stated attributes and reasons."""

    def __init__(self, cues: Cues | None = None):
        self.cues = cues or Cues()
        self.effort_verbs = lexicon.words("effort_verbs")
        self.info_verbs = lexicon.words("info_verbs")
        self.crowd = lexicon.words("crowd_words")
        self.favor_words = lexicon.words("favor_words")
        self.effort_phrases = PhraseRegex(lexicon.phrases("effort_phrases"))
        self.favor_frames = PhraseRegex(_FAVOR_FRAMES)
        self.strong_favor_frames = PhraseRegex(_STRONG_FAVOR_FRAMES)
        self.willing_frames = PhraseRegex(_WILLING_FRAMES)
        self.withheld_asks = PhraseRegex(lexicon.phrases("withheld_asks"))
        self.only_a_check = PhraseRegex(_ONLY_A_CHECK)
        self.contact_asks = PhraseRegex(lexicon.phrases("contact_asks"))
        self.quick_bounds = PhraseRegex(_QUICK_BOUNDS)
        self.work_nouns = lexicon.words("work_nouns")
        self.readers_own = PhraseRegex(["your (question|questions|post|posts|answer|answers|edit|edits|code|comment|"
                                        "comments|article|draft|pr|patch|<)"])
        self.duty_roles = lexicon.words("duty_roles")
        self.time_asks = PhraseRegex(_TIME_ASKS)
        self.open_time_asks = PhraseRegex(_OPEN_TIME_ASKS)
        self.time_blocks = PhraseRegex(_TIME_BLOCKS)
        self.review_works = PhraseRegex(lexicon.phrases("review_works"))
        self.errands = lexicon.words("occasion_errands")
        self.business_thread = PhraseRegex(lexicon.phrases("business_thread"))
        self.cold_contact = PhraseRegex(lexicon.phrases("cold_contact"))
        self.task_words = TaskWords()
        self.time_words = lexicon.words("time_words") | set(WEEKDAYS) | set(MONTHS)

    def __call__(self, doc: Doc, found: list[tuple[Span, str, int]]) -> list[Ask]:
        """`found`: (sentence, form, index of the token where the ask starts) for each ask."""
        if not found:
            return []
        facts = _Facts(self, doc, {sent.start for sent, _, _ in found})
        asks = []
        for sent, form, at in found:
            ask = Ask(span=_trim(sent), form=form, start_token=at)
            self._judge(doc, ask, at, facts)
            self._what(doc, ask, facts)
            self._same_crowd(ask, asks)
            asks.append(ask)
        # What the message states (a size, a time, an out) matters to an ask that costs real time; a
        # message of quick asks is not searched for them (most real messages: the search is costly).
        if facts.cues is not None or any(a.substantial for a in asks):
            size, when, out, _ = facts.get_cues()
            tiny = size is not None and is_tiny(size)
            for ask in asks:
                ask.size, ask.when, ask.out = size, when, out
                for name, span in (("size", size), ("when", when), ("out", out)):
                    ask.why[name] = f'"{span_text(span)}"' if span is not None else "none stated in the message"
                claimed_small = size is not None and (tiny or _A_MOMENT.search(span_text(size).lower()))
                if claimed_small and ask.substantial and ask.effort is not None and large_work(doc, ask.effort.start):
                    # "go through the whole thing … Should only take a sec": the claim contradicts the work
                    # rather than bounding it.
                    ask.size = None
                    ask.why["size"] = f'none: "{span_text(size)}" does not bound work on a whole thing'
                elif tiny and ask.substantial and ask.form != "imposed":
                    # "a two-sentence blurb", "just the three bullet points under Risks": sized this small,
                    # the ask costs minutes (corpus/LABELLING.md: "when in doubt, the ask is quick").
                    ask.cost = "quick"
                    ask.why["cost"] = f'quick: the message sizes it as small ("{span_text(size)}")'
                named = self._size_of_it(doc, ask) if size is None and ask.effort is not None else None
                if named is not None:
                    # "I can't do the ceiling with the bump. Any chance you'd be up for helping paint it?":
                    # the thing told before is the work's object, and its size.
                    ask.size = named
                    ask.why["size"] = f'"{span_text(named)}": the thing "it" stands for, told before the ask'
                elif size is None and ask.effort is not None and _mends(tokens(doc), ask.effort.start):
                    # "Could you true it for me?" (the buckled wheel told before): one thing to mend.
                    ask.size = ask.effort
                    ask.why["size"] = f'"{span_text(ask.effort)}": one thing of the writer\'s to mend is as big as it is'
                elif size is None and ask.effort is not None and _HOLIDAYS & {t.norm_ for t in ask.effort}:
                    # "Can you do Christmas this year?": hosting a holiday is as big as the holiday.
                    ask.size = ask.effort
                    ask.why["size"] = f'"{span_text(ask.effort)}": a holiday hosted is as big as the holiday'
                elif size is None and when is not None and ask.effort is not None:
                    first = tokens(doc)[ask.effort.start].norm_
                    if first in _RECEIVING:
                        # "Can I borrow your van Saturday?": a loan is as big as the time it is kept.
                        ask.size = when
                        ask.why["size"] = f'"{span_text(when)}": a loan is bounded by when it is kept'
                    elif self._errand(doc, ask.effort, when, imposed=ask.form == "imposed"):
                        ask.size = when
                        ask.why["size"] = f'"{span_text(when)}": an errand is as big as the occasion it is done on'
        else:
            for ask in asks:
                for name in ("size", "when", "out"):
                    ask.why[name] = "not looked for: every ask here is quick"
        return asks

    def _judge(self, doc: Doc, ask: Ask, at: int, facts: _Facts) -> None:
        toks = words(ask.span)
        rest = [t for t in toks if t.i >= at]
        crowd = None if ask.form == "proposal" else self._crowd(toks, at)
        if crowd and crowd.lower() in {"someone", "somebody"} and _greets_by_name(doc):
            crowd = None  # "Hi Greg, we're away next weekend and need someone to feed the chickens": Greg
        if crowd is None and ask.form != "proposal" and (group := _greets_a_group(doc)) and calls_for_helpers(doc, rest, None):
            crowd = group  # "Hi all, we need a couple of parents to help repaint the clubhouse": a call to the group
        ask.audience = "crowd" if crowd else "reader"
        ask.why["audience"] = f'crowd: addressed to "{crowd}"' if crowd else "reader: no open crowd addressed"
        if ask.form == "imposed" and not crowd:
            self._imposed(doc, ask, at, toks, facts)
            return
        if ask.form == "question":  # most asks: answered, not worked on
            if crowd:
                ask.kind, ask.why["kind"] = "plea", f'plea: help asked of an open crowd ("{crowd}")'
                ask.why["cost"] = "quick: names no task that takes real time"
            else:
                ask.kind, ask.why["kind"] = "question", "question: asks for information or an opinion"
                ask.why["cost"] = "quick: a question"
            return
        verb = self._verb(rest)
        effort = facts.effort
        # "Is translating our website something you'd have time for?": the work comes before such a frame.
        work_before = tokens(doc)[at].norm_ in {"something", "anything"}
        found = next((doc[s:e] for s, e in effort if ask.start <= s < ask.end and (s >= at - 3 or work_before)
                      and self._names_work(doc, s, e)), None)
        if (found is None and verb is not None and verb.norm_ in self.effort_verbs and ask.form != "input"
                and tokens(doc)[verb.i - 1].norm_ not in DETERMINERS and self._names_work(doc, verb.i, verb.i + 1)):
            found = doc[verb.i:verb.i + 1]
        if found is None:
            found = self._help_with(doc, rest) or self._time_asked(doc, words(ask.span), facts)
        review = None
        bare_help = verb is None and asks_bare_help(rest)
        checking = (verb is not None and verb.norm_ in {"check", "double-check", "verify"}
                    and verb.i + 1 < len(doc) and tokens(doc)[verb.i + 1].norm_ in {"that", "whether", "if"})  # "check that the numbering is consistent": a check
        if found is None and ask.form == "request" and not checking and (bare_help or verb is not None and verb.norm_ in _LOOKS):
            word = verb or next(t for t in rest if t.norm_ in {"help", "helping"})  # bare_help: there is one
            review = self._review_of(doc, ask, word, facts)
            if review is not None:
                found = doc[word.i:word.i + 1]
        if found is None and ask.form == "request" and not crowd:
            # "Could you skim the 80-page tender?": reading that much is work, whoever's it is.
            reading = next((t for t in rest[:8] if t.norm_ in _READING_ANY), None)
            if reading is not None and LARGE_SIZE.search(span_text(doc[reading.i:ask.end]).lower()):
                found = doc[reading.i:reading.i + 1]
        calling = found is None and (ask.form == "implicit" or calls_for_helpers(doc, rest, crowd))
        if calling:
            found = self._wanted_to(doc, rest, facts)
        if found is None and (calling or crowd):
            found = volunteering(doc, toks)
        # ("Could you let her teacher know?" names its own errand: the writer's plan told before is not its work.)
        names_own = verb is None and ask.form == "request" and not any(t.norm_ in {"help", "helping"} for t in rest) and any(
            t.is_alpha and t.norm_ not in HELPERS and t.norm_ not in self.task_words.generic for t in rest)
        if found is None and (verb is None or verb.norm_ in {"help"}) and ask.form in ("request", "implicit") and not names_own:
            found = self._effort_before(doc, ask, at, effort)
        if found is not None and self._small(doc, ask, found, facts):
            found = None
        if (found is not None and found.start >= at and tokens(doc)[found.start].norm_ not in _RECEIVING | NEEDING
                and not needed(tokens(doc), found.start) and doer(tokens(doc)[ask.start:found.start]) in {"i", "we"}):
            # "Do you mind if I meet with Carl … to discuss this?": the writer does the work, the reader permits it
            found = None
        if (found is not None and verb is not None and verb.norm_ in ROUTINE and verb.norm_ != "try"
                and verb.i < found.start and tokens(doc)[found.start - 1].norm_ == "to"):
            # ("try to get the photos off my phone" asks for the getting: trying is no errand of its own.)
            found = None  # "leave me a note to check my email": the ask is the note, not the checking
        if found is None:
            found = self._coordinated(doc, rest)
        owned = None
        if found is None and ask.form == "request" and not crowd:
            found, owned = self._work_on_what_was_told(doc, ask, rest) or (None, None)
        if found is None and ask.form == "request" and not crowd:
            found, owned = self._joining_what_was_told(doc, ask, rest) or (None, None)
        asks_input = ask.form == "input" or (
            ask.form == "implicit" and any(t.norm_ in _INPUT_NOUNS for t in rest))
        if ask.form == "proposal" and not (found is not None and self._favor(ask, found, rest, facts, proposal=True)):
            ask.kind, reason = "proposal", "the writer proposes a joint action"
        elif crowd:
            ask.kind, reason = "plea", f'help asked of an open crowd ("{crowd}")'
        elif asks_input and found is None:
            ask.kind, reason = "question", "asks for information or an opinion"
            found = None  # a question is answered, not worked on: "Do you mean debugging my code?"
        elif verb is not None and verb.norm_ in self.info_verbs and found is None:
            ask.kind, reason = "question", f'"{verb.text}" asks for information'
        elif owned is not None and not self._duty(ask, found, facts):
            ask.kind, reason = "favor", f'help with the writer\'s own matter, told before the ask ("{_short(span_text(owned))}")'
        elif found is not None and self._favor(ask, found, rest, facts):
            # "Could we meet Friday so you can review my slides?" is a favor, whatever its frame.
            ask.kind, reason = "favor", "help with the writer's own work or life, asked of the reader"
        elif found is None and (frame := self._small_favor(ask, rest, facts)):
            # "Any chance you could water my tomatoes? Literally 5 mins": a favor, if a quick one.
            ask.kind, reason = "favor", f'asked as a favor for the writer ("{frame}"), though a quick one'
        elif verb is not None and verb.norm_ in ROUTINE and found is None:
            ask.kind, reason = "task", f'"{verb.text}" is a routine action'
        else:
            ask.kind, reason = "task", "a request in the normal course of work"
        ask.why["kind"] = f"{ask.kind}: {reason}"
        ask.effort = found
        ask.cost = "substantial" if found is not None else "quick"
        ask.why["cost"] = (f'substantial: "{span_text(found)}" on work under review or the writer\'s own ("{span_text(review)}")'
                           if found is not None and review is not None
                           else f'substantial: "{span_text(found)}" takes real time or effort' if found is not None
                           else "quick: a question" if ask.kind == "question"
                           else "quick: names no task that takes real time")

    @staticmethod
    def _same_crowd(ask: Ask, earlier: list[Ask]) -> None:
        """ "Looking for a kind soul with a trailer to help shift an old upright piano. Any help
        appreciated!": help asked for the work of an earlier plea is asked of the same crowd."""
        if ask.audience != "reader" or ask.effort is None:
            return
        plea = next((a for a in earlier if a.kind == "plea" and a.start <= ask.effort.start < a.end), None)
        if plea is not None:
            ask.kind, ask.audience = "plea", "crowd"
            ask.why["kind"] = f'plea: help with the work of an earlier plea ("{_short(span_text(plea.span))}")'
            ask.why["audience"] = "crowd: the crowd of that plea"

    def _imposed(self, doc: Doc, ask: Ask, at: int, toks, facts: _Facts) -> None:
        """ "I've put you down for two dozen cupcakes": the writer has decided the reader's yes. Whatever
        the work, it is a favor the reader did not agree to; it is quick only when said to take minutes."""
        frame = [t for t in toks if t.i >= at][:6]
        effort = doc[frame[0].i:frame[-1].i + 1]
        norms = [t.norm_ for t in toks]
        if (any(a in {"your", "ur"} and b in _TURNS_OF_A_DUTY for a, b in zip(norms, norms[1:]))
                and any(t.norm_ in _CHORES for t in tokens(doc))):
            # "It's YOUR turn to clean the bathroom. The rota's on the fridge.": a turn of a chore the
            # household shares, not a favor ("Your turn to host Christmas" still is one).
            ask.kind, ask.cost = "task", "quick"
            ask.why["kind"] = "task: the reader's turn of a shared duty"
            ask.why["cost"] = "quick: a turn of a shared duty is no favor to bound"
            return
        ask.kind = "favor"
        ask.why["kind"] = f'favor: the writer commits the reader without asking ("{span_text(effort)}")'
        if self._small(doc, ask, effort, facts):
            ask.cost, ask.why["cost"] = "quick", "quick: said to take five minutes or less"
            return
        ask.effort, ask.cost = effort, "substantial"
        ask.why["cost"] = "substantial: a commitment made for the reader takes their time"


    def _crowd(self, toks, at: int) -> str | None:
        """The crowd word the ask is addressed to ("Can anyone…", "Does somebody know…", "Is anyone in
        the Headingley area free to help…", "Is there anyone at work who could…"), if any."""
        window = [t for t in toks if at - 1 <= t.i < at + 7]
        if toks and toks[0].norm_ in _QUESTION_OPENERS:
            window = [t for t in toks[1:4] if t.i < at] + window
        for k, tok in enumerate(window):
            if tok.norm_ in self.crowd:
                return tok.text
            if tok.norm_ == "any" and [t.norm_ for t in window[k + 1:k + 3]] == ["of", "you"]:
                return "any of you"  # "Hi all, would any of you be able to proofread my dissertation?"
            if tok.norm_ == "any" and k + 1 < len(window) and window[k + 1].norm_ in _GROUPS_ASKED:
                return f"any {window[k + 1].text}"  # "Could any parents give up a Saturday morning?"
        return None

    def _verb(self, rest):
        """The word that says what the ask wants done: the first specific verb after the frame."""
        for tok in rest[:12]:
            norm = tok.norm_
            if norm in self.info_verbs or norm in self.effort_verbs or norm in ROUTINE:
                return tok
            if tok.is_punct and tok.text in {".", "?", "!", ";"}:
                break
            # Past the frame's own words, the first other word is the object, not a verb: in "Could
            # you give feedback on the launch plan?" the plan is not something to plan.
            if tok.is_alpha and norm not in HELPERS and not tok.like_num and norm not in _UNITS:
                break
        return None


    def _duty(self, ask: Ask, effort: Span, facts: _Facts) -> bool:
        """Work the reader's job or role asks of them: "Could you review the PR?", "draft the agenda for
        the offsite", a professor's feedback on a draft. Work on the writer's own thing stays a favor."""
        doc = ask.span.doc
        toks = tokens(doc)
        if _reference(ask):
            return False
        if self._greets_a_role(doc, facts) or "office hours" in doc_text(doc).lower():
            return True
        if facts.business_thread:
            return True  # "Per our conversation last night, can you take a look at my list…": the work in hand
        obj = toks[effort.start:min(effort.end + 8, ask.end)]
        # ("help me rebuild our newsletter template": the help is for the writer.)
        if any(t.norm_ in WRITER for t in toks[max(ask.start, effort.start - 2):effort.start] + obj[:len(effort) + 3]):
            return False
        if any(a.norm_ == "for" and b.norm_ in {"me", "us"} for a, b in zip(toks[effort.end:ask.end], toks[effort.end + 1:ask.end])):
            return False  # "Can you translate this tenancy agreement from Polish for me?": done for the writer
        if self._stands_in(ask, effort):
            return False  # "could you cover the 2pm client call for me?": the writer's own work, taken over
        if facts.readers_own:
            return True  # "Your question is not clear. Could you edit the text?": the reader's own post
        if any(ask.start <= s < ask.end for s, _ in facts.willing):
            return False
        # The work's own words ("a 15-minute call") are not its topic; what it is about is, and so is the
        # reason given before the ask in its sentence ("since you took notes at the client workshop, could you…").
        about = [t for t in toks[ask.start:ask.end] if not effort.start <= t.i < effort.end]
        # "@Priya can you review #412 today?": a numbered ticket or pull request is work in hand.
        # ("my report" is the writer's own, whatever the noun.)
        return any(t.norm_ in self.work_nouns and toks[t.i - 1].norm_ not in {"my", "mine"}
                   or (t.text.startswith("#") and t.text[1:].isdigit())
                   or (t.text.isdigit() and t.i > 0 and toks[t.i - 1].text == "#") for t in about)  # "#", "412"

    @staticmethod
    def _stands_in(ask: Ask, effort: Span) -> bool:
        """Whether the work is the writer's own, done in their place: "cover the call for me", "take over
        the newsletter while I'm on leave"."""
        toks = tokens(ask.span.doc)
        return toks[effort.start].norm_ in _STANDING_IN and any(t.norm_ in WRITER for t in toks[effort.start:ask.end])

    def _favor(self, ask: Ask, effort: Span, rest, facts: _Facts, proposal: bool = False) -> bool:
        """A substantial request is a favor when it is asked as one ("could you", "would you mind",
        "any chance", "a favor") or helps the writer personally: the effort is on the writer's own thing
        ("review my draft", "help me move"). An instruction ("Please look over this and get back to
        me") is work."""
        # "I hate to ask, I really do, … but I'm useless with Excel. Could you redo the report for me?": a
        # favor's preamble may be the sentence before.
        # ("Dev, need you to rewrite the compliance slides. I know it's not your project, but…": or the one after.)
        here = sentence_index(ask.span.doc, ask.start)
        sents = sentences(ask.span.doc)
        lead = sents[here - 1].start if here > 0 else ask.start
        tail = sents[here + 1].end if here + 1 < len(sents) else ask.end
        if any(lead <= s < tail for s, _ in facts.strong_favor) or _reference(ask):
            return True
        if self._duty(ask, effort, facts):
            return False
        if (any(t.norm_ in _HOUSEHOLD for t in tokens(ask.span.doc)[effort.start:effort.end + 2])
                or tokens(ask.span.doc)[effort.start].norm_ in {"babysit", "babysitting"}):
            return True  # "I need you to watch the kids Friday night": the writer's household, no one's business
        if not proposal and any(ask.start <= s < ask.end for s, _ in facts.favor):
            return True
        if not proposal and rest and rest[0].norm_ in _ASKING_WORDS:
            return True
        if ask.form == "implicit":
            return True  # "gonna need some muscle to get the sofa up": the writer's need
        toks = tokens(ask.span.doc)
        if any(t.norm_ in {"need", "needs"} and toks[t.i + 1].norm_ in {"someone", "somebody"}
               for t in toks[ask.start:effort.start]):
            return True  # "we … need someone to feed the chickens", "gonna need some muscle to get the sofa up"
        if any(t.norm_ in self.favor_words for t in rest) or self._stands_in(ask, effort):
            return True
        # "review my draft", and the writer's own undertaking a wish for help follows ("I'm moving…").
        near = tokens(ask.span.doc)[max(effort.start - 2, ask.start):min(effort.end + 3, ask.end)]
        if any(t.norm_ in WRITER for t in near):
            return True
        # "Mum's poorly so I need you on the stall with me Saturday": asked amid the writer's family life,
        # in a message with nothing of work in it, the work is a favor.
        return (any(t.norm_ in _HOUSEHOLD for t in toks) and not any(t.norm_ in self.work_nouns for t in toks)
                and not facts.business_thread and not self._greets_a_role(ask.span.doc, facts))

    def _greets_a_role(self, doc: Doc, facts: _Facts) -> bool:
        """ "Hi Professor Banks,": the greeting names the reader's role, so what is asked is their duty,
        unless the writer says they are outside that relationship ("My supervisor suggested I contact
        you", "I took your seminar in 2021"): then it is a favor asked of someone who owes them nothing."""
        return any(t.norm_ in self.duty_roles for t in words(sentences(doc)[0])[:4]) and not facts.cold_contact

    def _small_favor(self, ask: Ask, rest, facts: _Facts) -> str | None:
        """The words that ask for a quick thing as a favor to the writer ("any chance", "would you mind",
        "I'd be so grateful"), when the thing is the writer's own ("my tomatoes", "for us") and no work
        topic or duty makes it part of the reader's job; else None."""
        frame = next((ask.span.doc[s:e] for s, e in facts.favor if ask.start <= s < ask.end), None)
        if frame is None or not any(t.norm_ in WRITER | {"us", "our", "ours"} for t in rest):
            return None
        if self._greets_a_role(ask.span.doc, facts) or facts.readers_own:
            return None
        if any(t.norm_ in self.work_nouns for t in rest):
            return None
        return span_text(frame)

    def _what(self, doc: Doc, ask: Ask, facts: _Facts) -> None:
        """Does the reader know what action is wanted, from the ask or from the rest of the message?"""
        distressed = facts.distressed
        # (Asks to get in touch are short: the phrase scans run only for those.)
        if (len(ask.span) <= 12 and any(ask.start <= s < ask.end for s, _ in facts.contact_asks)
                and facts.withheld):
            # "I really need your help with something. Call me when you can.": only a way to get in touch.
            said = span_text(doc[facts.withheld[0][0]:facts.withheld[0][1]])
            ask.what, ask.why["what"] = "vague", f'vague: the message keeps back what it is about ("{_short(said)}")'
            facts.vague_words |= set(range(ask.start, ask.end))
            return
        if ask.form == "question" and not distressed:
            ask.what, ask.why["what"] = "concrete", "concrete: a question to answer"
            return
        words_in_ask = [t for t in words(ask.span) if t.is_alpha]
        if self.task_words.names_task(ask.span):
            ask.what, reason = "concrete", "the ask names its task"
        elif ask.kind == "question" and not distressed and not any(
                t.norm_ in _INPUT_NOUNS | {"advise", "help", "think", "reckon"} for t in words_in_ask) and (
                    self.task_words.content_words(ask.span) or not DELIBERATION.search(span_text(ask.span).lower())):
            ask.what, reason = "concrete", "a question with its own subject matter"
        elif ask.kind == "proposal":
            ask.what, reason = "concrete", "a proposal names its own action"
        elif any(t.norm_ in {"other", "else", "further", "more", "another"} for t in words_in_ask):
            ask.what, reason = "context", "it goes on from a discussion (\"any other ideas?\", \"a further look\")"
        elif _names_person_or_info(words_in_ask):
            ask.what, reason = "concrete", "it names who to see or what to tell (\"check with her\", \"let me know when\")"
        else:
            # "Thoughts?" reacts to anything the message says; "Can you help?" needs the problem said.
            # Next to distress ("I'm overwhelmed! What do I do?"), only a sentence of substance counts.
            # ("Hey Anna, can we talk? I need help with something big.": an earlier ask that names
            # nothing says nothing of this one either.)
            context = self.task_words.context_for(doc, ask.span, anywhere=ask.kind == "question" and not distressed,
                                                  skip=facts.get_cues()[3] | facts.vague_words)
            if context is not None:
                ask.what, ask.context = "context", context
                said = context if isinstance(context, str) else span_text(context)
                reason = f'"{_short(said)}" says what it is about'
            else:
                ask.what, reason = "vague", "neither the ask nor the rest of the message names a task"
        ask.why["what"] = f"{ask.what}: {reason}"
        if ask.what == "vague":
            facts.vague_words |= set(range(ask.start, ask.end))


_READING_ANY = {"read", "reading", "skim", "skimming", "review", "reviewing", "proofread", "proofreading", "edit",
                "editing"}
# The writer's household, whose care is a personal favor: "watch the kids", "feed the cat".
def _mends(toks, at: int) -> bool:
    """ "Could you true it for me?", "sew up the hole": one thing of the writer's mended. Sewing a thing
    whole ("help me sew my costume") is making it, not mending it."""
    if toks[at].norm_ not in MENDING:
        return False
    return toks[at].norm_ != "sew" or at + 1 < len(toks) and toks[at + 1].norm_ in {"up", "on", "back", "it", "this", "that"}


_GROUPS_ASKED = {"parents", "volunteers", "families", "members", "neighbours", "neighbors", "mums", "moms", "dads",
                 "adults", "helpers", "drivers", "students", "readers", "editors"}
_TURNS_OF_A_DUTY = {"turn", "week", "go"}  # "your turn", "your week for the bins", "your go"
_CHORES = {"rota", "bins", "bin", "dishes", "washing-up", "hoover", "hoovering", "vacuum", "vacuuming", "laundry",
           "recycling", "mop", "mopping", "clean", "cleaning", "chores", "chore"}
_HOUSEHOLD = {"kids", "children", "baby", "son", "daughter", "dog", "dogs", "cat", "cats", "pets", "plants", "tomatoes",
              "chickens", "rabbit", "rabbits", "hamster", "fish", "greenhouse", "allotment", "twins", "girls", "boys",
              "mum", "mom", "dad", "gran", "granny", "grandma", "grandad", "granddad", "grandpa", "nan", "nana", "nanna"}
_SALUTATIONS = HELLOS | {"hiya", "morning", "evening", "afternoon", "yo"}
_GROUP_NAMES = {"all", "everyone", "everybody", "team", "folks", "guys", "friends", "colleagues", "both", "there",
                "y'all", "yall", "gang", "neighbours", "neighbors"}


def _greets_a_group(doc: Doc) -> str | None:
    """ "Hi all,", "Morning everyone!", "Dear Year 2 families,": the word of a greeting that opens the message
    to a group, if any."""
    toks = [t for t in tokens(doc)[:7] if not t.is_space]
    if not toks or toks[0].norm_ not in _SALUTATIONS:
        return None
    for tok in toks[1:]:
        if tok.norm_ in _GROUPS_GREETED:
            return tok.text
        if not tok.is_alpha and not tok.like_num:
            return None  # the greeting ends at its comma
    return None


# ("Hi there," and "Hi both," greet no group that a call goes out to.)
_GROUPS_GREETED = (_GROUP_NAMES - {"there", "both"}) | {"families", "parents", "members", "residents", "volunteers",
                                                        "neighbours", "neighbors", "mums", "dads", "carers", "players"}


def _greets_by_name(doc: Doc) -> bool:
    """ "Hi Greg,", "Dear Aunt Ruth,": the message opens by greeting one person by name."""
    toks = [t for t in tokens(doc)[:6] if not t.is_space]
    if len(toks) < 3 or toks[0].norm_ not in _SALUTATIONS:
        return False
    name = toks[1:3] if toks[2].is_title and toks[3:4] and toks[3].text == "," else toks[1:2]
    after = toks[1 + len(name)] if len(toks) > 1 + len(name) else None
    return (all(t.is_title and t.norm_ not in _GROUP_NAMES for t in name)
            and after is not None and after.text in {",", "!", "-", "—", ":"})


_A_MOMENT = re.compile(r"\b(?:a|one)\s+(?:sec|second|moment|min|minute|jiffy|tick)\b")


def _reference(ask: Ask) -> bool:
    """A reference is a favor to the writer whoever writes it (corpus/LABELLING.md: "write a reference"):
    no role owes one."""
    return bool(_REFERENCE.search(span_text(ask.span).lower()))


# A reference for a person, not for a claim ("add a reference for the date" is a citation).
_REFERENCE = re.compile(r"\b(?:recommendation|referee|reference letter|letters? of reference|character reference|"
                        r"(?:be|as) (?:my|a) reference|reference for me)\b")


def _names_person_or_info(toks) -> bool:
    """ "Can you check with her?", "Let me know when suits you": a person to see or a fact to tell is a
    concrete action, whatever the verb."""
    for a, b in zip(toks, toks[1:]):
        if a.norm_ in {"with", "to"} and (b.norm_ in {"him", "her", "them"} or (b.is_title and b.i > toks[0].i + 1)):
            return True
        if a.norm_ == "know" and b.norm_ in {"when", "what", "where", "which", "who", "how", "whether", "you", "if", "that"}:
            return True
        if a.norm_ == "to" and b.norm_ in {"me", "us"} and a.i > toks[0].i + 2:
            return True  # "could you get them to me by tomorrow?": deliver them
    return False


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _trim(sent: Span) -> Span:
    """The sentence without the whitespace tokens at its edges."""
    toks = words(sent)
    if not toks or (toks[0].i == sent.start and toks[-1].i == sent.end - 1):
        return sent
    return Span(sent.doc, toks[0].i, toks[-1].i + 1)
