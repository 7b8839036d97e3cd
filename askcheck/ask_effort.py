"""What an ask costs: whether the work it names takes real time or effort (a review, a move, a
morning's errand) or is quick (a look, a file sent, five minutes), and the words that decide it.

`Judge` (askcheck/ask_model.py) judges each ask's kind, audience and cost; these are its cost
judgments, kept apart from the kind and audience ones: the effort an ask names (`_names_work`,
`_help_with`, `_wanted_to`…), what makes it small (`_small`), the size of "it" told before, and the
errands as big as their occasion.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .ask_states import WANTED_HELPERS, duration_minutes, well_wishing
from .docinfo import doc_text, sentence_index, sentence_of, sentences, span_text, tokens, words
from .phrases import classes_of
from .task_words import greeting_or_signoff, social_or_past

if TYPE_CHECKING:
    from .ask_model import Ask, _Facts

# Words a request passes over on its way to the verb that says what is wanted.
HELPERS = {"help", "assist", "please", "pls", "plz", "kindly", "just", "possibly", "maybe", "perhaps",
           "quickly", "also", "still", "really", "me", "us", "out", "to", "be", "able", "willing", "you",
           "u", "could", "can", "would", "will", "mind", "if", "a", "an", "the", "some", "bit", "little",
           "and", "or", "have", "get", "give", "take", "make", "do", "let", "come", "go", "try", "lend",
           "hand", "favor", "favour", "quick", "time", "chance", "moment", "minute", "interested",
           "available", "free", "happy", "in", "for", "on", "with", "i", "we", "need", "want", "like",
           "love", "'d", "appreciate", "it", "someone", "anyone", "somebody", "anybody", "any", "of",
           "guys", "all", "hoping", "wondering", "was", "were", "am", "'m", "is", "are", "that",
           "whether", "there", "way", "your", "ok", "okay", "so", "kind", "as", "care", "up",
           # the frames of willingness: "would you be open to reviewing…", "would you consider taking on…"
           "open", "consider", "keen", "fancy", "prepared",
           # "I'm relying on you to rewrite the guide"
           "relying", "counting", "depending",
           # "would you have capacity to review the FAQ section…", "have the bandwidth to…"
           "capacity", "bandwidth", "space", "room",
           # a crowd placed: "Is there anyone on here who'd be willing to…", "anyone nearby able to…"
           "here", "who", "near", "nearby", "local", "area",
           # "I'm relying on you completely to get the export working"
           "completely", "totally", "entirely", "fully"}

# A request for one of these is routine: "send me the file", "approve the PO", "call me".
ROUTINE = {"send", "forward", "email", "e-mail", "mail", "text", "message", "ping", "call", "ring",
           "phone", "sign", "approve", "confirm", "add", "remove", "delete", "merge", "revert", "undo",
           "stop", "update", "upload", "attach", "cc", "loop", "print", "scan", "copy", "book",
           "schedule", "reserve", "cancel", "reschedule", "reply", "respond", "pay", "order", "return",
           "ship", "post", "publish", "fill", "complete", "check", "look", "vote", "join", "unblock",
           "protect", "move", "rename", "fix", "correct", "close", "reopen", "restore", "link", "change",
           "resend", "rerun", "re-run", "double-check", "verify", "try", "test", "restart", "install",
           "accept", "register", "submit", "notify", "remind", "introduce", "connect", "recommend"}

# "a quick look", "a brief review": said to be small, the work is quick.
_QUICK = {"quick", "quickly", "brief", "short", "small", "tiny", "sanity", "little"}

_WH_WORDS = {"how", "why", "what", "where", "whether", "if", "which", "when", "who"}

_FUNCTION_WORDS = {"a", "an", "the", "my", "our", "mine", "ours", "your", "his", "her", "their", "its", "me", "us", "this", "that",
                   "these", "those", "to",
                   "at", "over", "through", "on", "of", "for", "up", "off", "with", "in", "into", "from", "and",
                   "about"}

# Before a word, these make it a noun: "get me a draft" asks for no drafting.
DETERMINERS = {"a", "an", "the", "my", "your", "our", "his", "her", "their", "this", "that", "these", "those", "any",
               "some", "another"}

# Objects that make an effort verb a request for information: "expand the abbreviation".
_NOT_WORK_OBJECTS = {"abbreviation", "acronym", "abbr", "acronyms", "abbreviations"}

# Writing one of these down gives a piece of information: a question, however it is put.
_WRITING = {"write", "type", "jot", "note", "put", "paste", "post", "add", "give"}

_INFO_ITEMS = {"url", "urls", "link", "links", "address", "name", "names", "number", "title", "version", "path",
               "filename", "username", "command", "email", "e-mail", "date", "isbn", "doi"}

# Words after "help me" that are not a task: "help me how to save it", "help me if you can".
_NOT_VERBS = {"how", "if", "here", "there", "please", "again", "now", "asap", "today", "why", "what", "when", "by"}

# What the writer takes from the reader is the reader's cost: "Can I borrow your van Saturday?"
# "I NEED a review on the checkout PR": the writer needs the work; the reader does it.
NEEDING = {"need", "needs", "want", "wants", "get", "getting"}

# Who is cared for when the reader has them or looks after them: "you're having the kids next weekend".
_CARED_FOR = {"kids", "children", "boys", "girls", "baby", "twins", "dog", "dogs", "cat", "cats", "puppy", "pets"}

# Turns of duty whose length is known: covering one on a named day is bounded by it.
_SHIFTS = {"shift", "shifts", "on-call", "oncall", "rota", "class", "lecture", "session", "slot", "watch", "duty"}

# Turns taken on a named day: "do my Friday night shift", "you can do my school run on Monday", "you're
# doing the night feed on Friday".
_TURNS = _SHIFTS | {"run", "feed", "feeds", "pickup", "pick-up", "drop-off", "teas"}

# Things run on a named day, as long as they last: "run the Friday client call", "run Thursday's demo".
# (A workshop or a class may take a day: its size is not known from its day.)
_RUN_ON_A_DAY = {"call", "meeting", "demo", "stall", "tombola", "raffle", "briefing", "standup", "stand-up"}

# Errand verbs that are errands only with these after them: "take the kids to…", "pick me up",
# "you're coming with me to my biopsy on the 9th".
_ERRAND_NEEDS = {"take": {"to", "from"}, "taking": {"to", "from"}, "pick": {"up"}, "picking": {"up"},
                 "drop": {"off", "to", "at"}, "dropping": {"off", "to", "at"}, "have": _CARED_FOR,
                 "having": _CARED_FOR, "look": {"after"}, "looking": {"after"},
                 "come": {"with"}, "coming": {"with"}, "do": _TURNS, "doing": _TURNS, "run": _RUN_ON_A_DAY,
                 "running": _RUN_ON_A_DAY}

# What an imposed errand starts with before its verb: "you're driving Mum…", "you can do my school run".
_BEFORE_ERRAND = {"you", "u", "'re", "are", "can", "will", "'ll", "could", "to", "help", "me", "us", "just"}

# Before the writer's own undertaking: "I'm moving…", "we'll be painting…".
_WRITER_DOING = {"i", "we", "'m", "am", "'re", "are", "'ll", "will", "be", "i'm", "we're"}

# Actions of a few clicks: help with one of them is quick ("help me to restore my userpage").
_QUICK_HELPS = {"restore", "revert", "undo", "unblock", "unprotect", "rename", "delete", "remove", "sign", "approve",
                "confirm", "send", "forward", "link", "upload", "attach"}

# What a wish for help asks for: "could really use some help", "another pair of hands".
_HELP_NOUNS = {"help", "hand", "hands", "assistance"}

# A when that names an occasion, not only a deadline ("by Friday" names a day too, and counts).
_OCCASIONS = {"today", "tonight", "tomorrow", "weekend", "morning", "afternoon", "evening", "night", "noon", "week",
              "away", "holiday", "holidays", "vacation"}

_CLAUSE_STARTS = {"when", "if", "while", "after", "before", "once", "whenever", "because", "since", "so", "as"}

_TIME_STARTS = {"at", "by", "sometime", "someday", "soon", "later", "today", "tomorrow", "tonight"}

# "help me figure out why…", "help me understand…": a question in the form of a request for help.
_THINKING = {"figure", "understand", "find", "decide", "know", "see", "think", "out", "get", "make", "do",
             "something", "anything", "stuff", "things", "it", "this", "that"}

# The writer as the one who benefits: the mark of a personal favor ("review my draft", "help me").
WRITER = {"my", "me", "mine", "i", "i'm", "myself"}

_GLANCES = {"look", "looking", "go", "going", "read", "reading", "check", "checking", "give", "giving", "cast", "run",
            "have", "having", "take", "taking", "glance", "skim"}

# Light looks: a ten-minute look at the stack trace is a quick one.
_LIGHT = {"look", "looking", "check", "checking", "glance", "skim", "peek", "take", "taking", "give", "have"}

# Between "and" and a second verb of one ask: "have a look at it, and (then) try to improve it".
_AND_THEN = {"and", "then", "try", "to", "also", "maybe", "perhaps", "possibly", "please", "help", "see", "if", "you",
             "can", "could", "would", "maybe"}

_TIME_UNITS = {"hour", "hours", "hr", "hrs", "minutes", "minute", "min", "mins", "half-hour"}

# Work done to "it" that is only an errand: the routine actions and "pass it on", "point it out", "pull it out".
_ERRANDS_WITH_IT = ROUTINE | {"pass", "bring", "hand", "give", "pick", "drop", "hold", "turn", "switch", "log", "lock",
                               "put", "type", "back", "read", "shut", "cut", "point", "pointing", "pull", "pulling"}

# Roles someone can be asked to fill: "the under-11s need a new assistant coach".
_ROLES = {"coach", "treasurer", "secretary", "chair", "captain", "organiser", "organizer", "volunteer", "volunteers",
          "leader", "babysitter", "sub", "substitute", "helper", "helpers", "driver", "host", "referee", "umpire"}

_BRIEF_PRESENCE = {"cover", "covering", "watch", "watching", "mind", "minding", "hold", "holding", "man", "manning"}

_LENGTH_UNITS = {"page", "pages", "pp", "pg", "pgs", "word", "words", "slide", "slides", "paragraph", "paragraphs",
                 "chapter", "chapters"}

_READING = {"read", "review", "proofread", "edit", "critique", "beta-read"}

MENDING = {"fix", "mend", "repair", "true", "sew", "patch", "service", "unblock", "unjam"}

# Words by which the writer tells of their own matter.
_WRITERS_OWN = {"my", "our", "i've", "we've", "i", "we", "i'm", "we're", "me", "us"}

# "It's only 40 slides", "the 80-page tender", "my 12-page thesis abstract": a count that is no small size.
LARGE_SIZE = re.compile(r"\b(?:[1-9]\d{1,3}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[- ]?"
                        r"(?:pages?|slides?|chapters?|sections?|files?|screens?|tabs?|sheets?|k words|thousand words)\b")

# What may follow a request for help that names no work of its own: "Would you like to help out with it?"
_AFTER_BARE_HELP = {"out", "with", "on", "it", "this", "that", "them", "me", "us", "please", "a", "bit", "little",
                    "too", "as", "well", "here", "there", "again"}

_COUNTED_BEFORE_A_RANGE = {"chapters", "chapter", "pages", "page", "pp", "slides", "items", "questions", "lines",
                           "steps", "sections", "ages", "aged", "grades", "years", "rows", "weeks", "days"}


class EffortJudgments:
    """The cost half of `ask_model.Judge` (a mixin: it reads the lexicons `Judge` loads, such as
    `effort_verbs`, `time_words`, `errands`, `task_words` and `cues`)."""

    def _errand(self, doc: Doc, effort: Span, when: Span, imposed: bool = False) -> bool:
        """Whether the ask is an errand done on one named occasion ("take the kids to football on
        Thursday at 5", "you're driving Mum to Heathrow on the 3rd"): an errand (lexicons/
        occasion_errands.txt) among the effort's first words, and a day or a time of day. An imposed
        ask's words start with the commitment ("Mum's told Auntie Joy you'll drive her…"): its errand
        is the first one after it."""
        toks = tokens(doc)
        at = effort.start
        if imposed:
            end = sentence_of(effort).end
            # ("I've put you down to run…": the "'ve" of the frame is no errand of having.)
            errands = [t.i for t in toks[effort.start:end] if t.norm_ in self.errands and t.lower_ not in {"'ve", "\u2019ve"}]
            # "you're having Rolo while we're in Spain": a pet by its name is cared for across the absence.
            if len(errands) > 1 and toks[errands[-1]].norm_ == "while" and not self._errand(doc, doc[errands[0]:end], when):
                errands = errands[-1:]
            at = errands[0] if errands else at
            effort = doc[at:end]
        while at < effort.end - 1 and toks[at].norm_ in _BEFORE_ERRAND:
            at += 1  # "you're driving…", "you can do my school run"
        school_run = toks[at].norm_ in {"do", "doing"} and "school run" in " ".join(t.norm_ for t in toks[at + 1:at + 4])
        if toks[at].norm_ not in self.errands and not school_run:
            return False
        verb, after = toks[at].norm_, {t.norm_ for t in toks[at + 1:effort.end + 3]}
        if verb == "while" and imposed:
            return True  # "you're having Rolo while we're in Spain": as long as the absence
        # "take my on-call this weekend": a shift is as long as the shift.
        shift = bool(after & _SHIFTS or {"on", "call"} <= after) and verb in {"take", "taking", "cover", "covering",
                                                                              "swap", "do", "doing"}
        if not shift and verb in _ERRAND_NEEDS and not _ERRAND_NEEDS[verb] & after:
            return False  # "take a look at it on Friday", "pick paint colours" are no errands
        if verb in {"walk", "walking"} and "through" in after:
            return False  # "walk me through the deploy" is teaching
        # ("on Tuesdays and Thursdays this term": standing days name the occasions too.)
        # ("at 3:30" is a time of day, though "3:30" is no number to spaCy.)
        return any(t.like_num or t.norm_ in _OCCASIONS or classes_of(t.norm_) & {"[DAY]", "[MONTH]", "[CLOCK]", "[ORDINAL]"}
                   or classes_of(t.norm_[:-1]) & {"[DAY]"} or (":" in t.norm_ and "[NUM]" in classes_of(t.norm_))
                   for t in toks[when.start:when.end])

    def _effort_before(self, doc: Doc, ask: Ask, at: int, effort) -> Span | None:
        """ "I am looking for help improving the dermatology content. Would you be willing to help?":
        a bare request for help takes its work from the sentence before; a wish for help ("I'm moving
        on Saturday and could really use another pair of hands") from its own words before the wish."""
        implicit = ask.form == "implicit"
        words_in_ask = [t for t in words(ask.span) if t.is_alpha and (not implicit or t.i >= at)]
        # "Would you be willing to help, or do you have any friends who…": the request for help ends
        # where a clause of its own begins after it.
        helping = next((k for k, t in enumerate(words_in_ask) if t.norm_ in {"help", "helping"}), None)
        if helping is not None:
            cut = next((k for k, t in enumerate(words_in_ask[helping + 1:], helping + 1)
                        if t.norm_ in {"or", "and"} and tokens(doc)[t.i - 1].text == ","), None)
            words_in_ask = words_in_ask[:cut]
        if len(words_in_ask) > 12 or not any(t.norm_ in (_HELP_NOUNS if implicit else {"help", "you", "u"})
                                             for t in words_in_ask):
            return None
        before = [s for s in sentences(doc) if s.end <= ask.start][-2:]
        lo = ask.start if implicit or not before else before[0].start
        hi = at if implicit else ask.start
        for s, e in effort:
            # "Thanks for agreeing to be my referee. Could you keep an eye out for the form?": thanks
            # and news of the past say what was done, not the work asked now.
            if lo <= s < hi and self._names_work(doc, s, e) and not social_or_past(sentence_of(doc[s:e])):
                while s < e - 1 and tokens(doc)[s].norm_ in _WRITER_DOING:
                    s += 1  # "I'm moving into": the work is "moving into…"
                return doc[s:e]
        return None

    def _names_work(self, doc: Doc, start: int, end: int) -> bool:
        """Whether effort words name real work: not "a quick look" nor "look at my things", and not a
        how-to question ("walk me through how…", "help me figure out why…")."""
        toks = tokens(doc)
        before = {t.norm_ for t in toks[max(0, start - 4):start]}
        if before & _QUICK and not large_work(doc, start):
            return False
        if "without" in {t.norm_ for t in toks[max(0, start - 2):start]}:
            return False  # "Is there a way to see it without manually going through the history?": work avoided
        if start > 0 and toks[start - 1].norm_ in DETERMINERS - {"a", "an"}:
            return False  # "reverted my edit for me": a noun, not work asked for ("take a look" is an idiom)
        if start > 1 and toks[start - 1].norm_ == "to" and toks[start - 2].norm_ in _WH_WORDS:
            return False  # "can anyone tell me how to get photos off an old iPhone?": a how-to question
        # "walk me through how…", "help me figure out why…": a how-to question.
        after = toks[start + 1:start + 2] + (toks[end:end + 1] if toks[end - 1].norm_ in {"through", "out", "understand"} else [])
        if any(t.norm_ in _WH_WORDS for t in after):
            return False
        if end - start == 1:
            k = end
            while k < len(toks) and toks[k].norm_ in {"a", "bit", "little", "more", "further"}:
                k += 1
            if k < len(toks) and toks[k].norm_ in {"on", "upon", "down", "back"}:
                return False  # "expand (a bit) on the spacing": say more, a question; "write down a pointer"
        if any(t.norm_ in _NOT_WORK_OBJECTS for t in toks[end:end + 3]):
            return False  # "expand the abbreviation": say what it stands for
        if toks[start].norm_ in _WRITING and end - start == 1 and any(t.norm_ in _INFO_ITEMS for t in toks[end:end + 3]):
            return False  # "Can you write the URL of this page?": a piece of information, given in a line
        if any(t.norm_ in _QUICK for t in toks[start:end]) and not large_work(doc, start):
            return False
        # When the words inside say only when ("come over Wednesday evening and help"), the phrase's own
        # verbs say what the work is.
        inside = [t for t in toks[start + 1:end] if t.is_alpha and t.norm_ not in _FUNCTION_WORDS
                  and t.norm_ not in self.time_words and t.norm_ not in {"help", "helping"}]
        # Reading a thing to say what one thinks of it is a review, however plain its words ("read it
        # and tell me honestly what you think").
        if inside and all(t.norm_ in self.task_words.generic for t in inside) and not any(
                t.norm_ in self.effort_verbs for t in toks[start:end]) and toks[start].norm_ not in {"read", "reading"} \
                and not _presence(toks[start:end]):
            return False
        if toks[end - 1].norm_ in {"things", "stuff", "something", "it", "this", "that"} and end - start > 1:
            return False
        return True

    def _small(self, doc: Doc, ask: Ask, found: Span, facts: _Facts) -> bool:
        """Said to take five minutes or less ("It's maybe five minutes"), an ask is quick; so is a look or
        a check of a quarter of an hour at something that is not the writer's own."""
        if any(minutes is not None and minutes <= 5 for minutes in facts.quick_bounds):
            return True
        toks = tokens(doc)
        if toks[found.start].norm_ in _GLANCES and facts.only_a_check:
            return True  # "Can you look over the budget? Just want to be sure I haven't double-counted."
        # "could you spare a minute to discuss…"; a light look may take up to a quarter of an hour.
        if toks[found.start].norm_ in _BRIEF_PRESENCE:
            # "cover the front desk for ten minutes while I run to the post room": minutes of presence.
            minutes = duration_minutes(span_text(doc[found.start:ask.end]))
            if minutes is not None and minutes <= 15:
                return True
        light = toks[found.start].norm_ in _LIGHT and not any(t.norm_ in WRITER for t in toks[found.start:found.end + 2])
        limit = 15 if light else 5
        return any(ask.start <= s < ask.end and minutes is not None and minutes <= limit
                   for s, _, minutes in facts.time_asks)

    def _wanted_to(self, doc: Doc, rest, facts: _Facts) -> Span | None:
        """ "We're looking for two or three people to help refurbish the bench": the work a wish for
        helpers names after "to (help)"."""
        k = next((k for k, tok in enumerate(rest[:12]) if tok.norm_ == "to"), None)
        if k is None:
            return None
        j = k + 1
        while j < len(rest) and rest[j].norm_ in {"help", "come", "and"}:
            j += 1
        if j < len(rest) and rest[j].norm_ in self.effort_verbs and self._names_work(doc, rest[j].i, rest[j].i + 1):
            return doc[rest[j].i:rest[j].i + 1]
        # "to help shift an old upright piano": the work's own phrase
        return next((doc[s:e] for s, e in facts.effort if rest[k].i < s <= rest[min(j, len(rest) - 1)].i), None)

    def _coordinated(self, doc: Doc, rest) -> Span | None:
        """ "Could you have a look at it, and try to improve it?": the second verb of the ask is the work."""
        for k, tok in enumerate(rest[:-1]):
            if tok.norm_ != "and":
                continue
            j = k + 1
            while j < len(rest) and rest[j].norm_ in _AND_THEN:
                j += 1
            if (j < len(rest) and rest[j].norm_ in self.effort_verbs and rest[j - 1].norm_ not in DETERMINERS
                    and self._names_work(doc, rest[j].i, rest[j].i + 1)):
                return doc[rest[j].i:rest[j].i + 1]
        return None

    def _review_of(self, doc: Doc, ask: Ask, verb, facts: _Facts) -> Span | None:
        """The words that put what the ask looks at under review ("peer review", "ready for FAC",
        "after I've completed the list"), in the ask's sentence or the one before or after it; None
        when there are none or the look is said to be quick ("a quick look")."""
        toks = tokens(doc)
        if any(t.norm_ in _QUICK for t in toks[max(ask.start, verb.i - 3):verb.i + 1]):
            return None
        sents = sentences(doc)
        k = sentence_index(doc, ask.start)
        lo, hi = sents[max(k - 1, 0)].start, sents[min(k + 1, len(sents) - 1)].end
        return next((doc[s:e] for s, e in facts.review_works if lo <= s < hi), None)

    def _help_with(self, doc: Doc, rest) -> Span | None:
        """ "Help me with the budget spreadsheet", "help me tune the slow queries": help with the writer's
        own named thing is real work. "Help me with something" or "help me out" names nothing (it is
        vague, and vague is judged quick), and "help with the list" on a shared page is a quick hand."""
        for k, tok in enumerate(rest[:8]):
            if tok.norm_ not in {"help", "helping"}:
                continue
            # "help me with…"; "would you help Ama with her chemistry revision?": someone of the writer's.
            named = k + 2 < len(rest) and rest[k + 1].is_title and rest[k + 2].norm_ == "with"
            if k + 1 >= len(rest) or (rest[k + 1].norm_ != "me" and not named):
                return None
            j = k + 2
            while j < len(rest) and rest[j].norm_ in {"out", "a", "bit", "little", "to"}:
                j += 1
            if j >= len(rest):
                return None
            nxt = rest[j]
            if nxt.norm_ in _QUICK_HELPS:
                return None  # "help me to restore my userpage": an action of a few clicks, helped with, is quick
            # "help me do the party bags": doing a named thing is work ("help me do it" names nothing).
            if nxt.norm_ in {"with", "on", "do"} or (nxt.is_alpha and nxt.norm_ not in _THINKING
                                               and nxt.norm_ not in _FUNCTION_WORDS and nxt.norm_ not in _NOT_VERBS):
                obj = rest[j + 1:j + 6]
                # "help me with something when you're home", "… at some point": the object ends where a
                # clause or a time starts.
                cut = next((k for k, t in enumerate(obj) if t.norm_ in _CLAUSE_STARTS or t.norm_ in _TIME_STARTS
                            or t.norm_ in self.time_words
                            or t.norm_ in {"this", "next"} and k + 1 < len(obj) and obj[k + 1].norm_ in self.time_words),
                           len(obj))
                obj = obj[:cut]
                content = [t for t in obj if t.is_alpha and t.norm_ not in self.task_words.generic]
                if content:
                    return doc[tok.i:content[0].i + 1]
            return None
        return None

    def _work_on_what_was_told(self, doc: Doc, ask: Ask, rest) -> tuple[Span, Span] | None:
        """ "I've had a letter from HMRC and I can't make head or tail of it. Could you sit down with me
        and sort it out?": help with "it", or work done to it ("sort it out", "check it over", "set it
        up"), takes its object from what the writer told just before: their own matter, real work. Work
        that names nothing ("can you help me with it?" with nothing told) stays quick, and so do the
        errands ("send it over", "pass it on")."""
        for k, tok in enumerate(rest[:10]):
            if tok.is_punct and tok.text in {".", "?", "!", ";"}:
                return None
            if tok.norm_ not in {"it", "them"} or k == 0:
                continue
            before, after = rest[k - 1], rest[k + 1] if k + 1 < len(rest) else None
            helped = any(t.norm_ in {"help", "helping", "hand"} for t in rest[:k])
            # "my back wheel's buckled … Could you true it for me?": mending the writer's own thing.
            mended = before.norm_ in MENDING
            # "I've finished the first chapter of my novel … Could you read it?": reading the writer's own work.
            read = before.norm_ in _READING
            # A particle, not a preposition: "read it over the summer" says when.
            particle = (after is not None and after.norm_ in {"over", "out", "up", "through"}
                        and (k + 2 >= len(rest) or rest[k + 2].norm_ not in DETERMINERS))
            worked = particle and before.is_alpha and (
                before.norm_ not in _ERRANDS_WITH_IT or after.norm_ == "over" and before.norm_ in {"check", "read"})
            if not (helped or worked or mended or read):
                return None
            told = self._writers_matter(doc, ask)
            if told is None or ((mended or read) and not helped and not worked
                                and not any(t.norm_ in {"my", "our"} for t in words(told))):
                return None
            end = tok.i + (2 if worked else 1)
            verb = next((t for t in rest[:k] if t.is_alpha and t.norm_ not in HELPERS),
                        next((t for t in rest[:k] if t.norm_ in {"help", "helping", "hand"}), rest[0]))
            return doc[verb.i:end], told
        return None

    def _size_of_it(self, doc: Doc, ask: Ask) -> Span | None:
        """The size of the thing "it" stands for, when the ask's work is done to "it" and the words just
        before name one thing that bounds the work done to it: "I've finished my personal statement …
        Would you proofread it?", "My fence panel blew down … Could you give me a hand putting it back
        up?". The work's verb is tried with each thing told before, as if the writer had named it."""
        toks = tokens(doc)
        at = next((t.i for t in toks[ask.effort.start:min(ask.effort.end + 3, ask.end)]
                   if t.norm_ in {"it", "them"}), None)
        if at is None or at == ask.effort.start or not toks[at - 1].is_alpha or toks[at - 1].norm_ in HELPERS:
            return None
        verb = [toks[at - 1].norm_]
        # "putting it back up": the particle goes with the verb.
        tail = [t.norm_ for t in toks[at + 1:at + 3]]
        if tail[:1] == ["back"]:
            tail = tail[1:]
        if tail[:1] and tail[0] in {"up", "down", "over", "through", "out"}:
            verb.append(tail[0])
        here = sentence_index(doc, ask.start)
        start = sentences(doc)[max(0, here - 2)].start
        for tok in toks[start:at - 1]:
            if tok.norm_ not in {"the", "my", "our", "this", "that"}:
                continue
            thing = toks[tok.i:min(tok.i + 4, at - 1)]
            told = Doc(doc.vocab, words=verb + [t.text for t in thing])
            hit = next(((s, e) for s, e in self.cues.sizes.find(told) if s <= len(verb) and e > len(verb)), None)
            if hit is not None:
                return doc[tok.i:tok.i + hit[1] - len(verb)]
        # "I've been working on a short paper about tram closures, about 12 pages. Would you read it?":
        # the thing's length, told even in the writer's past ("It's been through four drafts" counts
        # the writer's rounds, and a time spent on it bounds nothing).
        return next((doc[s:e] for s, e in self.cues.sizes.find(doc)
                     if start <= s and e <= at and any(t.norm_ in _LENGTH_UNITS for t in toks[s:e])
                     and sentence_index(doc, s) == sentence_index(doc, e - 1)), None)

    def _joining_what_was_told(self, doc: Doc, ask: Ask, rest) -> tuple[Span, Span] | None:
        """ "The under-11s need a new assistant coach now that Gary's moved away. Can you step in?",
        "The client wants the whole onboarding flow rebuilt by Monday. Can you jump in this weekend?":
        joining in takes its work from the sentence before, when that names a role to fill or large work."""
        idiom = next((doc[t.i:t.i + 2] for t in rest[:6] if t.i + 1 < ask.end
                      and t.norm_ in {"step", "jump", "pitch", "muck", "help"}
                      and tokens(doc)[t.i + 1].norm_ in ({"out"} if t.norm_ == "help" else {"in"})), None)
        if idiom is None:
            return None
        for sent in _two_sentences_before(doc, ask):
            toks = words(sent)
            if any(t.norm_ in _ROLES for t in toks) or any(t.norm_ in {"whole", "entire"} for t in toks):
                return idiom, sent
        return None

    @staticmethod
    def _writers_matter(doc: Doc, ask: Ask) -> Span | None:
        """The sentence just before the ask (one of two) in which the writer tells of their own matter:
        "my back wheel's buckled", "I've finally decided to build a website for the bakery"."""
        for sent in _two_sentences_before(doc, ask):
            toks = words(sent)
            if (len([t for t in toks if t.is_alpha]) >= 5 and not greeting_or_signoff(sent)
                    and not social_or_past(sent) and not well_wishing(sent)
                    and any(t.norm_ in _WRITERS_OWN for t in toks)):
                return sent
        return None

    def _time_asked(self, doc: Doc, rest, facts: _Facts) -> Span | None:
        """ "Could you give me an hour?", "Can I steal half an hour of your time?": asking for 20 minutes
        or more of someone's time is a real favor; five or ten minutes is a quick one."""
        if rest and any(t.norm_ in {"spare", "aside", "carve", "give"} for t in rest):
            open_ask = next((doc[s:e] for s, e in facts.open_time_asks if rest[0].i <= s <= rest[-1].i), None)
            if open_ask is not None:
                return open_ask
        if not any(t.norm_ in _TIME_UNITS or t.norm_[:1].isdigit() for t in rest):
            return None  # no amount of time in the ask: nothing to look up
        asked = next((doc[s:e] for s, e, minutes in facts.time_asks
                      if rest and rest[0].i <= s <= rest[-1].i and minutes is not None and minutes >= 20), None)
        if asked is None and rest:
            # ("please book 9:00 am to 2:00 pm with me" is an errand about those hours, not them given.)
            asked = next((doc[s:e] for s, e in facts.time_blocks if rest[0].i <= s <= rest[-1].i
                          and _hours_of_a_day(doc, s, e) and not any(t.norm_ in ROUTINE for t in rest if t.i < s)), None)
        return asked


def large_work(doc: Doc, start: int) -> bool:
    """ "a quick look at our whole migration branch", "just skim the 80-page tender": the work is
    large whatever the words that make it light; a quick word does not make it quick."""
    sent = sentence_of(doc[start:start + 1])
    if any(t.norm_ in {"whole", "entire"} for t in tokens(doc)[sent.start:sent.end]):
        return True
    found = doc.user_data.get("askcheck_large_size")
    if found is None:  # once per message: the ask model asks for every phrase it weighs
        found = doc.user_data["askcheck_large_size"] = bool(LARGE_SIZE.search(doc_text(doc).lower()))
    return found


def _presence(toks) -> bool:
    """ "stay with you", "take me out", "take her out", "drive me up to Mum's": a stay, or a person taken
    out or driven somewhere, is work of presence whose words are all plain ones."""
    if toks[0].norm_ in {"stay", "staying", "crash", "crashing", "kip", "kipping", "sleep", "sleeping"}:
        return True
    return (len(toks) > 2 and toks[0].norm_ in {"take", "taking", "drive", "driving", "ferry", "ferrying"}
            and toks[1].norm_ in {"me", "him", "her", "us", "them"})


def doer(before) -> str | None:
    """Who does the work named next: the nearest of "I", "we", "you" before it in the ask."""
    for tok in reversed(before):
        if tok.norm_ in {"i", "we", "you", "u"}:
            return tok.norm_
        if tok.norm_ in WANTED_HELPERS:
            # "we need someone to feed the chickens", "we're looking for two people to help…", "we need a
            # couple of parents to help repaint the clubhouse": whoever does it is asked
            return "you"
        if tok.norm_ in {"your", "yours"}:
            return "you"  # "I'm going to need your help getting the house ready"
    return None


def _two_sentences_before(doc: Doc, ask: Ask) -> list[Span]:
    """The (up to) two sentences before the ask's, nearest first: where the writer tells what it is about."""
    here = sentence_index(doc, ask.start)
    return list(reversed(sentences(doc)[max(0, here - 2):here]))


_PURPOSE_STARTS = _CLAUSE_STARTS | {"that"}  # "so that anybody willing to…": a crowd inside a clause


def calls_for_helpers(doc: Doc, rest, crowd: str | None) -> bool:
    """Whether a request calls for helpers, so that the work it names after "to" is the ask's: the writer
    needs someone ("we need a couple of parents to help repaint…"), or a crowd addressed at the start is
    asked whether it is willing ("Is there anyone on here who'd be willing to mentor…"; not a crowd in a
    purpose clause, "so that anybody willing to discuss…", nor "can anyone tell me how to…")."""
    if any(t.norm_ in {"need", "needs", "looking", "seeking"} for t in rest[:4]):
        return True
    if crowd is None:
        return False
    addressed = any(t.text == crowd.split()[0] and tokens(doc)[t.i - 1].norm_ not in _PURPOSE_STARTS
                    for t in rest[:3])
    k = next((k for k, tok in enumerate(rest[:12]) if tok.norm_ == "to"), None)
    return addressed and k is not None and k > 0 and rest[k - 1].norm_ in {
        "willing", "able", "free", "available", "happy", "keen", "interested", "prepared"}


# The words of a call for volunteers: who is wanted ("volunteers", "people", "folks"…).
_VOLUNTEERS = {"volunteers", "volunteer", "helpers", "people", "folks", "parents", "adults", "hands", "drivers"}
# The words of the call itself: "we need…", "looking for…", "… wanted".
_CALLING = {"need", "needs", "needed", "want", "wanted", "looking", "seeking", "sought", "required", "calling", "use"}
# Between who is wanted and the work: "volunteers wanted to help run…", "people who can fix…".
_WANTED_FOR = {"wanted", "needed", "required", "who", "that", "can", "could", "would", "to", "help", "and", "willing",
               "able", "happy", "please"}


def volunteering(doc: Doc, rest) -> Span | None:
    """The work a call for volunteers names: "looking for volunteers to help run the stalls", "We need
    people who can fix toasters", "Volunteers wanted for a litter pick on the rec". Volunteering gives
    time whatever the work, so any verb names real work here; "for" names the occasion that is the work."""
    k = next((k for k, t in enumerate(rest[:16]) if t.norm_ in _VOLUNTEERS), None)
    if k is None:
        return None
    near = [t.norm_ for t in rest[max(k - 5, 0):k + 2]]
    if not (any(w in _CALLING for w in near) or any(a == "do" and b == "with" for a, b in zip(near, near[1:]))):
        return None  # "the list of people who will attend" calls for no one ("could do with some volunteers" does)
    j = k + 1
    while j < len(rest) and rest[j].norm_ in _WANTED_FOR:
        j += 1
    if j >= len(rest) or not rest[j].is_alpha:
        return None
    if rest[j].norm_ == "for":
        obj = []
        for tok in rest[j + 1:j + 9]:
            if not (tok.is_alpha or tok.like_num or tok.text in {"-", "'s"}):
                break
            obj.append(tok)
        content = [t for t in obj if t.norm_ not in DETERMINERS and t.norm_ not in _FUNCTION_WORDS]
        return doc[obj[0].i:obj[-1].i + 1] if content else None
    if rest[j].norm_ in _FUNCTION_WORDS or rest[j].norm_ in DETERMINERS or rest[j - 1].norm_ not in _WANTED_FOR:
        return None
    return doc[rest[j].i:rest[j].i + 1]


def needed(toks, start: int) -> bool:
    """ "I need a recommendation letter by Friday": the work is what the writer needs, done by the reader."""
    k = start - 1
    while k > 0 and toks[k].norm_ in {"a", "an", "the", "some", "your", "my", "another"}:
        k -= 1
    return k >= 0 and toks[k].norm_ in NEEDING


def _hours_of_a_day(doc: Doc, start: int, end: int) -> bool:
    """Whether a range is hours of one day ("10–12", "9 to 11", "till about 6"), not dates ("12 to 16
    May"), chapters ("chapters 10 to 14") or a phone extension ("3-1808")."""
    toks = tokens(doc)
    numbers = [int(n) for t in toks[start:end] for n in re.findall(r"\d+", t.text.split(":")[0])]  # "9:30": its hour
    if not numbers or any(n > 24 for n in numbers):
        return False
    after = toks[end].norm_ if end < len(toks) else ""
    before = toks[start - 1].norm_ if start > 0 else ""
    return not classes_of(after) & {"[MONTH]"} and before not in _COUNTED_BEFORE_A_RANGE


def asks_bare_help(toks) -> bool:
    """Whether the ask asks for help and names no work of its own ("Are you willing to help?", "help out
    with it"), as opposed to "can you help me find the original request" (which names its own task)."""
    k = next((k for k, t in enumerate(toks) if t.norm_ in {"help", "helping"}), None)
    return k is not None and all(t.is_punct or t.norm_ in _AFTER_BARE_HELP for t in toks[k + 1:])
