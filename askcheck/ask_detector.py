"""Ask detection: which sentences of a message ask the reader to act or to give help or input.

The `askcheck_asks` pipeline component sets:
- `doc._.asks`: list of Spans, one per request sentence, with `label_` "action" (the reader is asked
  to do something: "Could you review…", "Please send…", "I need you to…") or "input" (the reader is
  asked for knowledge or an opinion: "Any ideas?", "Does anyone know how…", "What do you think?");
- `doc._.distress`: Spans where the writer voices distress ("I'm overwhelmed!", "everything is broken").

Detection is lexical so it works on `spacy.blank("en")`: question frames matched anywhere in a sentence
("could you …", "I was wondering if you could …"), imperatives at the start of a sentence (after a
greeting such as "Hi Sam,"), minus offers, rhetorical questions and announcement instructions.
"""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import PAST_MARKERS
from .docinfo import sentence_of, sentences, tokens, words
from .phrases import PhraseRegex

# Modal questions: "Could you (please) <verb>…", "Can't any of you guys <verb>…" (see modal_questions).
_MODALS = {"could", "can", "would", "will", "might", "ca", "wo"}
_NEGATIONS = {"n't", "not"}
_SUBJECTS = {"you", "u", "ya", "someone", "somebody", "anyone", "anybody", "y'all", "yall",
             "one", "any", "some", "either"}
_PARTITIVES = {"of", "you", "guys", "all"}  # "any of you", "you guys", "you all"
_ADVERBS = {"please", "pls", "plz", "possibly", "maybe", "perhaps", "kindly", "just", "quickly",
            "also", "still", "both", "guys", "all", "pretty", "so", "actually", "ever"}
# "Can you believe it?", "Would you like to…" (an offer) and "Will you be there?" ask nobody to help.
_NOT_ASK_VERBS = {"believe", "imagine", "guess", "see", "hear", "like", "want", "be", "tell-",
                  "relate", "blame", "not", "'ve", "have", "feel", "remember", "recall", "think"}

ACTION_FRAMES = [
    "(could|can|would|will) (you|someone|anyone|anybody|somebody) (please|possibly|maybe)? be (able|willing|available|free|up|open|interested|ok|okay|around|happy|comfortable|game|so kind)",
    "(could|can|would|will) (you|someone|anyone) (have|find|spare|make) (time|a|some|the|an|any)",
    "(could|would|will|can) you have (a look|a chance|time|a minute|a moment)",
    "(would|do) you mind",
    "mind (if|taking|looking|sending|checking|reviewing|giving|helping|covering|grabbing|having)",
    "do you have (time|a minute|a min|a sec|a second|a moment|bandwidth|capacity|a chance|some time|any time|room|space|5|10|15|20|30|an hour|a few)",
    "(do|would) you (happen to)? have (time|a minute|a moment|bandwidth|capacity|a chance|room)",
    "(are|r) you (able|available|free|willing|up for|around|open|happy|ok|okay|game) (to|for)",
    "is (anyone|anybody|someone|somebody) (able|available|free|willing|around|up for|happy|interested)",
    "(is|would) there (be)? any (chance|way) (you|that you|for you|someone|anyone)",
    "any chance (you|that you|of|someone|anyone|i)",
    "(is|would) it (be)? (possible|ok|okay|feasible) (for you|that you|to get|to have|for someone|to ask)",
    "(can|could|may) i (get|have|borrow|ask|grab|steal|bother|trouble|pick|tap|beg|request|impose|enlist|rope)",
    "(can|could|may) (we|i) (meet|talk|chat|discuss|schedule|set up|hop|jump|sync|go over|review|get together|find time|book)",
    "(i|we) (really|urgently|desperately|just|also|still)? need (you|someone|somebody|a volunteer|volunteers|your|some|a little|a bit of|a|an|help|a hand|somebody's)",
    "(i|we) (really)? (want|would like|'d like|'d love|would love) (you|someone|somebody|your) (to|help|input|thoughts|feedback|advice|opinion|eyes|take)",
    "(i'd|i would|we'd|we would) (love|like) (it if|for you|your|some|a|to get your|to ask|to borrow|to get some|to pick|any|to have you|help)",
    "(i'd|i would|we'd|we would|i will|i'll|we will|we'll) (really|so|greatly|very much|truly|hugely|much|definitely)? appreciate (it if|your|any|some|if|you|a|an|the|help|it)",
    "(i|we) (really|so|greatly|truly)? appreciate (it|you) if",
    "(i|we) (would|'d|will|'ll) be (so|really|very|most|super|eternally|hugely|forever|extremely|incredibly)? (grateful|thankful|indebted) (if|for)",
    "it (would|'d|will|'ll) (be|mean) (so|really|very)? (great|helpful|amazing|awesome|wonderful|nice|lovely|fantastic|ideal|a lot|the world|huge|perfect|good|brilliant|cool|a huge help|a big help|a great help|really helpful|super helpful|so helpful|very helpful|much appreciated|appreciated) (if|to me if|for me if|to have your|to get your) (you|someone|anyone|somebody)?",
    "(i'm|i am|i was|we were|we are|we're|i've been) (just)? (wondering|hoping) (if|whether|that you|you|someone|anyone|somebody|anybody)",
    "(i|we) (was|were)? (hoping|hoped|wonder|wondered) (you|that you|if you|whether you|someone|if someone|if anyone) (could|can|would|might|'d|will|have|had)?",
    # "I hope you can help" asks; "We hope you enjoy the app" wishes.
    "(i|we) hope (you|that you|someone|that someone) (could|can|would|might|'d|will|'ll|have|had)",
    "(i|we) (just)? (want|wanted|wanna|'d like|would like) to (know|ask|check|see|find out) (if|whether) (you|u|someone|anyone|somebody|anybody) (still)? (could|can|would|might|'d|will|have|had|are|were|'re)",
    "(if|if only) (you|someone|anyone) could",
    "(i|we) could (really|definitely|totally|honestly)? use (your|some|a|an|another|any|help|a hand|extra)",
    "can i ask (you|a|for|a quick)",
    "(i|i've) (have|got) a (favor|favour|request|quick favor|quick favour|small favor|small favour|big favor|big favour|quick request|small request)",
    "(a|one) (quick|small|big|huge|little)? (favor|favour) [QMARK]",
    "(need|needing|looking for|seeking|searching for) (help|a hand|someone|somebody|volunteers|a volunteer|advice|input|feedback|recommendations|suggestions|your|some|assistance|a sanity check|eyes|a reviewer|a second|a ride|a sub|cover|coverage)",
    "(i'm|i am|we're|we are) (looking|hoping|searching) for (help|someone|somebody|advice|input|feedback|a volunteer|volunteers|recommendations|suggestions|a hand|a reviewer|cover|coverage)",
    "(help|assist) (me|us) (with|on|out|understand|figure|to|find|get|fix|move|set|sort|pick|make|decide|out)",
    "(please|pls|plz|someone|somebody|anyone|kindly) (help|assist|advise)",
    "help (please|pls|plz|needed|wanted|appreciated) ",
    "(would|'d) love (your|some|a|an|to get your|any|to hear your|to have your|help|you to)",
    "(let|lmk) (me|us) know",
    "lmk",
    "(who|anyone|anybody|someone|somebody) (can|could|would|will|wants to|has time to|is able to|is free to|is willing to|able to|free to|willing to|up for|available to|around to|mind)",
    "(who's|who is) (free|available|able|willing|around|up for|able) (to|for)?",
    "(who|anyone|anybody) (has|got|have) (time|a minute|a moment|bandwidth|capacity|a sec|room|a spare)",
]

INPUT_FRAMES = [
    "(any|some|your) (ideas|idea|thoughts|suggestions|advice|tips|pointers|input|feedback|recommendations|recs|help|insight|insights|guidance|opinions|opinion|takers|volunteers|clue|clues|hints|leads) [QMARK]",
    "(any|your) (ideas|idea|thoughts|suggestions|advice|tips|pointers|input|feedback|recommendations|recs|insight|insights|guidance|opinions|opinion|hints|leads) (on|about|for|regarding|re|as to|how|what|why|where)",
    "(thoughts|ideas|suggestions|advice|help|anyone|anybody|opinions|feedback|input|recommendations|volunteers|takers) [QMARK]",
    "(what|how) do (you|y'all|you all|you guys|people|folks) (think|reckon|suggest|recommend|advise|feel about)",
    "(what|how) (are|'re) your (thoughts|feelings|views)",
    "(what|how|which|where) would (you|y'all|you all|you guys) (do|suggest|recommend|approach|handle|go about|advise|start|prefer|choose|pick|use)",
    "(what|which|where|who) do you (suggest|recommend|prefer|advise)",
    "(how|what|where|which|when|who|why) (do|can|should|could|would|shall|might) (i|we) (even)? [WORD]",
    "(what|where) (should|can|could|do) i",
    "(does|do|did) (anyone|anybody|someone|somebody|any of you|you guys|y'all|you all|anyone here|people) (know|have|use|remember|understand|recognize|recognise|got|ever|happen|recommend|suggest)",
    "do you (happen to)? (know|have|remember|recall) (a|an|any|of|how|if|whether|where|what|when|who|why|anyone|someone|somebody|the)",
    "(anyone|anybody|somebody|someone) (know|knows|have|has|got|ever|tried|familiar|experienced|seen)",
    "is there (a|any|an) (way|tool|trick|option|setting|reason|fix|workaround|chance|good|better|easy|easier|simple|simpler|best|command|library|recommended|standard|known)",
    "(please|kindly) (advise|let me know|share your|send your thoughts|weigh in|chime in)",
    "(weigh|chime) in",
    "(your|ur) (thoughts|input|feedback|take|opinion|advice) (would be|is|are)? (appreciated|welcome|welcomed|valued|helpful|great)",
]

# Overlapping a frame, these phrases make it something other than an ask: offers, sign-offs, small talk.
NOT_ASK = [
    # "If either of those issues come up, let me know": a standing offer, not a request.
    "if ... ,? (please|pls)? (let|lmk) (me|us) know [PUNCT]",
    "(free|available|around|up) for (dinner|lunch|drinks|coffee|a drink|a beer|brunch|breakfast|a bite|a walk|a movie|the game|the party)",
    "(getting|get) together",
    "take (all|your|the|as much) (the)? time",
    "(wanna|want to|fancy|care to) (come|grab|join|go|get|hang|watch|play|meet up)",
    "check out (this|these|that) (article|video|link|post|photo|pic|picture|song|thread|meme|page|site|website|cool|great|awesome|new|amazing|funny|hilarious|podcast|book|blog)",
    "let me know if (you|there|there's|i|anything|we) (need|have|want|would like|'d like|is anything|can|could|'s anything|should|run|any|find|get|hear|see|prefer|spot|notice|think of|come)",
    "let (me|us) know if (you have|you need|there is|there are|there's|i can|we can|anything|you'd like|you want|you would like|questions|any questions|you run into)",
    "let (me|us) know how (it|things|that|the) (goes|went|go|turns out|turned out|works out)",
    "(if|in case|whenever|should) (you|u|anyone|someone) (need|needs|want|wants|'d like|would like|require)",
    # Boilerplate pointers: "If you have any other questions, please visit our Help Center."
    "(if|should|in case) (you|u) (should|ever|still)? (have|need|want|require|run into) (any|more|further|other|additional)? (other|more|further|additional)? (questions|question|queries|problems|issues|concerns|trouble|information|info|help|assistance|details) ... ,? (please|pls|kindly)",
    "(if|should) (you|u) (prefer|wish|would prefer|'d prefer|would rather|'d rather|no longer wish|do not wish|don't wish|no longer want|do not want|don't want) ... ,? (please|pls|kindly)",
    # Rhetorical and leading questions ask nobody to act: "Why would you care?", "Can't you just…?"
    "why (would|could|can|will|wo|ca|do|did|should|does) (not|n't)? (you|u|one|anyone|someone|we)",
    "(can|could|would|will|wo|ca) (not|n't) (you|u|one|we)",
    "feel free to (reach out|ask|ping|call|text|email|message|get in touch|shout|let me know)",
    "let me know if (that|this|it) (helps|helped|makes sense)",
    # Reported speech: "He also let me know that…", "They have to let us know tomorrow".
    "(he|she|they|who|which|has to|have to|had to|will|'ll|to) (also|just|already|finally)? (let|lets) (me|us) know",
    "(please|pls) (do)? not hesitate",
    "(don't|do not) hesitate",
    "(would|do) you (like|want|need) (me|us|to|some|a|any|anything|help)",
    "(can|may|could|shall|should) (i|we) (help|assist|do|offer|bring|get you|buy|take|cover|lend|give|send you|grab you|pick you|drive you|make)",
    "(can|could) (you|u) (believe|imagine|guess|tell it)",
    "how (do|can|could|would) (you|u) (do|manage|stand|cope|live|like|feel|know)",
    "(how|what) (do|did|does) (i|we) (know|owe|do to deserve)",
    "what do you (think|say) (about|of)? (we|i|if we|if i) (grab|get|go|meet|have|do) (lunch|dinner|drinks|coffee|a drink)",
    "would (you|anyone|someone) like",
    "anyone (else)? (want|fancy|up for) (to)? (grab|get|go|lunch|coffee|drinks|dinner|a drink|pizza|join)",
    "who('s| is)? (up for|coming|in for|joining|want|wants) (lunch|coffee|drinks|dinner|pizza|a drink|to grab|to get|to go)",
]

# "Thoughts on this?", "Feedback welcome?": a sentence-initial noun asking for input, ending in "?".
_INPUT_NOUNS = {"thoughts", "ideas", "feedback", "input", "suggestions", "advice", "opinions",
                "comments", "objections", "recommendations", "recs", "pointers", "tips", "help", "takers",
                "volunteers", "anyone", "anybody", "someone", "somebody", "objection", "opinion", "idea"}
# A sentence of nothing but these is a cry for help, not an ask: "HELP", "SOS!!", "ugh, help".
_CRY_WORDS = {"help", "sos", "halp", "mayday", "please", "pls", "plz", "ugh", "omg", "argh", "someone",
              "anyone", "me", "aaa", "aaah", "god", "oh", "send"}
_AVAILABILITY = {"got", "free", "available", "around", "gotta", "have"}
_ANNOUNCEMENT = {"reminder", "reminders", "fyi", "psa", "announcement", "heads-up", "newsletter"}
_PLEASE = {"please", "pls", "plz", "kindly"}
# "Please find attached", "Please note…", "Please join us in congratulating…" ask for no help.
_PLEASE_NOT_ASK = {
    "find", "note", "see", "be", "disregard", "ignore", "excuse", "forgive", "accept", "enjoy",
    "feel", "do", "don't", "rest", "stay", "welcome", "join", "remember", "keep", "have", "allow",
    "pardon", "bear", "consider", "refer", "read", "take", "congratulate", "thank", "save",
    # newsletter and service mail: "Please click the link below", "please visit our Help Center"
    "click", "tap", "visit", "unsubscribe", "subscribe", "register",
}
# Verbs that, first in a sentence, make it an imperative that asks the reader to act.
IMPERATIVE_VERBS = {
    "send", "forward", "share", "email", "e-mail", "mail", "text", "message", "ping", "call", "ring",
    "phone", "review", "proofread", "proof", "skim", "glance", "edit", "fix", "help", "tell", "let",
    "give", "lend", "loan", "bring", "cover", "sign", "approve", "confirm", "fill", "complete",
    "update", "add", "remove", "delete", "merge", "deploy", "test", "try", "restart", "install",
    "book", "schedule", "reserve", "arrange", "organize", "organise", "pick", "drop", "grab", "swing",
    "stop", "meet", "walk", "show", "explain", "teach", "introduce", "recommend", "suggest", "point",
    "connect", "loop", "cc", "print", "scan", "copy", "water", "feed", "move", "carry", "clean",
    "draft", "write", "translate", "summarize", "summarise", "compile", "collect", "gather", "find",
    "research", "investigate", "debug", "answer", "respond", "reply", "get", "remind", "double-check",
    "verify", "vote", "donate", "volunteer", "drive", "pay", "order", "buy", "return", "ship", "post",
    "publish", "upload", "attach", "dm", "hop", "jump", "cancel", "reschedule", "handle", "sort",
    "figure", "chase", "nudge", "escalate", "file", "log", "raise", "assign", "rebase", "revert",
    "look", "check", "take", "have", "make", "run", "set", "come", "join", "open", "advise", "assist",
    "hold", "save", "watch", "babysit", "proof-read", "sanity-check", "re-review", "weigh", "chime",
    "shoot", "throw", "pass", "ask", "bump", "clarify", "resend", "rerun", "re-run", "fetch",
}
# Verbs that are seldom nouns: first in a sentence they are imperatives whatever follows.
_STRONG_VERBS = {
    "send", "forward", "proofread", "share", "email", "e-mail", "sign", "approve", "confirm", "fill",
    "cover", "lend", "bring", "remind", "grab", "swing", "give", "tell", "explain", "teach",
    "introduce", "recommend", "suggest", "reply", "respond", "let", "double-check", "skim", "ping",
    "proof-read", "summarize", "summarise", "translate", "reschedule", "forward", "resend", "fetch",
}
# Words that start an imperative's object or particle: "Call me", "Check the logs", "Look into it".
_OBJECT_START = {
    "me", "us", "the", "a", "an", "this", "that", "these", "those", "it", "them", "him", "her", "my",
    "our", "his", "their", "some", "any", "up", "out", "over", "in", "on", "at", "through", "to",
    "for", "by", "from", "into", "back", "off", "down", "around", "everything", "all", "both",
    "please", "pls", "asap", "quickly", "whether", "if", "what", "how", "when", "where", "who",
    "which", "why", "your", "one", "another", "someone", "somebody", "anyone", "again", "first",
}
_HAVE_A = {"look", "glance", "read", "think", "peek", "go", "listen", "chat", "word"}
# An imperative's second word: if it is one of these the first word was a noun ("Review is due Friday").
_NOT_AFTER_IMPERATIVE = {
    "is", "was", "are", "were", "will", "has", "had", "have", "went", "'s", "would", "could", "should",
    "can", "might", "did", "does", "seems", "looks", "took", "ran", "got", "of", "and", "said", "went",
    "came", "sounds", "care", "well", "fun", "a", "forward", "up", "place",
}
_GREETING = {
    "hi", "hey", "hello", "dear", "yo", "morning", "evening", "afternoon", "good", "ok", "okay", "so",
    "also", "and", "but", "oh", "btw", "ps", "p.s.", "hiya", "howdy", "greetings", "all", "team",
    "everyone", "guys", "folks", "there", "hmm", "um", "uh", "well", "again", "quick", "question",
    "one", "more", "thing", "last", "anyway", "anyways", "right", "alright", "sorry", "thanks",
    "thank", "you", "y'all", "sir", "madam", "mr", "mrs", "ms", "dr", "gentlemen", "friends",
    "colleagues", "now", "then", "urgent", "help", "update", "fyi", "re", "note", "ask", "request",
    "favor", "favour", "small", "big", "random", "side", "heads", "up", "then",
}
_PRONOUN_FIRST = {"i", "me", "my", "mine", "we", "us", "our", "ours"}

_INTENSE = "(so|really|completely|totally|absolutely|super|very|seriously|utterly|beyond|incredibly|extremely|insanely|ridiculously|hopelessly|massively|crazy|unbelievably)"
DISTRESS = [
    # Strong words need no frame: "completely overwhelmed", "drowning in tickets".
    "(overwhelmed|overwhelming|drowning|panicking|panic|freaking out|losing my mind|losing it|at my wit's end|at my wits end|in over my head|out of my depth|at the end of my rope|at breaking point|falling apart|spiraling|spiralling|barely keeping it together|barely holding it together|can't cope|cannot cope|can not cope|can't keep up|cannot keep up|can't handle this|can't handle it|can't take it|can't take this|can't do this anymore|can't breathe|can't think straight|going crazy|going insane|desperate|sos|mayday)",
    f"{_INTENSE} (stressed|stressed out|swamped|slammed|buried|behind|lost|stuck|exhausted|frazzled|burnt out|burned out|underwater|screwed|doomed|confused|frustrated|anxious|scared|fried|done|struggling|over it|out of ideas)",
    "(i'm|i am|im) (stuck|lost|underwater|sinking|toast|screwed|doomed|swamped|slammed|buried) (here|again|rn|right now)? [PUNCT]",
    "(i|i just|i honestly|i really|i seriously)? (don't|dont|do not) (even)? know (what|where|how|who) (to|i'm|i am|else) ...",
    "(i|i just|i honestly|i really)? have no (idea|clue) (what|where|how) (to|i'm|i am)",
    "(everything|it all|everything's|the whole thing|my whole|my entire|all of it|prod|production|the site|the server|the app|the build|my code|my life|my inbox|this project|the project|things) *? *? (is|'s|are|keeps|just)? (broken|on fire|falling apart|a mess|a disaster|a nightmare|crashing|burning|collapsing|imploding|melting down|going wrong|exploding|chaos|a dumpster fire|down)",
    "nothing (works|is working|makes sense|is going right)",
    "(this|it) is (such)? a (nightmare|disaster|dumpster fire|shitshow|mess)",
    "i (give|gave) up",
    "what (do|am) i (do|supposed to do|going to do|gonna do) [QMARK]",
]
# "You must be overwhelmed" is sympathy for the reader, not the writer's distress.
_OTHER_SUBJECT = {"you", "you're", "youre", "they", "they're", "he", "she", "he's", "she's", "u", "everyone", "y'all"}

for ext in ("asks", "distress"):
    if not Doc.has_extension(ext):
        Doc.set_extension(ext, default=None)


def modal_questions(toks) -> list[tuple[int, int]]:
    """Token spans (start, end) of modal questions over a Doc's tokens (`docinfo.tokens`).

    A modal, an optional "not", a subject, any of "of you", "guys", "all", any adverbs such as "please",
    then a word that is not one of `_NOT_ASK_VERBS` (or askcheck's own "[what]" placeholder). Every
    reading is returned, as a token Matcher would: "Could you please send" gives one span ending at
    "please" and one ending at "send". Whitespace tokens match nothing, so a line break ends a question.
    """
    spans = []
    n = len(toks)
    for start, tok in enumerate(toks):
        if tok.norm_ not in _MODALS:
            continue
        i = start + 1
        if i < n and toks[i].norm_ in _NEGATIONS:
            i += 1
        if i >= n or toks[i].norm_ not in _SUBJECTS:
            continue
        # Walk on while the words so far can still be read as partitives then adverbs.
        partitives_only = True
        found = len(spans)
        for i in range(i + 1, n):
            tok = toks[i]
            if (tok.is_alpha and tok.norm_ not in _NOT_ASK_VERBS) or tok.text == "[":
                spans.append((start, i + 1))
            adverbs_after = tok.norm_ in _ADVERBS
            partitives_only = partitives_only and tok.norm_ in _PARTITIVES
            if not (partitives_only or adverbs_after):
                if tok.norm_ in _NOT_ASK_VERBS:
                    # "Could you possibly be overthinking this?": the verb asks nothing, so neither
                    # does the adverb read as one; a "please" still asks ("Could you please be clearer?").
                    spans[found:] = [(s, e) for s, e in spans[found:] if toks[e - 1].norm_ in _PLEASE]
                break
    return spans


@Language.factory(
    "askcheck_asks",
    default_config={"extra_action_frames": [], "extra_input_frames": [], "extra_imperatives": []},
)
def make_ask_detector(nlp: Language, name: str, extra_action_frames: list[str],
                      extra_input_frames: list[str], extra_imperatives: list[str]):
    return AskDetector(nlp, extra_action_frames, extra_input_frames, extra_imperatives)


class AskDetector:
    def __init__(self, nlp: Language, extra_action_frames=(), extra_input_frames=(), extra_imperatives=()):
        self.phrases = {
            "action": PhraseRegex(ACTION_FRAMES + list(extra_action_frames)),
            "input": PhraseRegex(INPUT_FRAMES + list(extra_input_frames)),
            "not_ask": PhraseRegex(NOT_ASK),
        }
        self.distress = PhraseRegex(DISTRESS)
        self.imperatives = IMPERATIVE_VERBS | set(extra_imperatives)

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        starts = [s.start for s in sents]
        toks_all = tokens(doc)
        frames: dict[int, list[tuple[str, int, int]]] = {}
        vetoes: dict[int, list[tuple[int, int]]] = {}
        matches = [("action", s, e) for s, e in modal_questions(toks_all)]
        for label, regex in self.phrases.items():
            matches += [(label, s, e) for s, e in regex.find(doc)]
        for label, start, end in matches:
            k = bisect.bisect_right(starts, start) - 1
            if k < 0:
                continue
            if label == "not_ask":
                vetoes.setdefault(k, []).append((start, end))
            else:
                frames.setdefault(k, []).append((label, start, end))
        # In a reminder or an FYI, imperatives are instructions ("Please log off by 3pm"), not requests.
        norms = {t.norm_ for t in toks_all}
        announcement = bool(norms & _ANNOUNCEMENT) or ("heads" in norms and "up" in norms)
        asks = []
        for k, sent in enumerate(sents):
            kind = self._classify(sent, frames.get(k, []), vetoes.get(k, []), announcement)
            if kind:
                span = _trim(sent, kind)
                if span is not None:
                    asks.append(span)
        doc._.asks = asks
        distress = []
        for start, end in self.distress.find(doc):
            span = Span(doc, start, end, label="distress")
            lead = toks_all[max(sentence_of(span).start, start - 4):start]
            near = {t.lower_ for t in lead} | {t.norm_ for t in lead} | {t.lower_ for t in toks_all[start:end]}
            if near & PAST_MARKERS or {t.lower_ for t in lead} & _OTHER_SUBJECT:
                continue
            if not distress or span.start >= distress[-1].end:
                distress.append(span)
        for sent in sents:
            toks = words(sent)
            if _is_cry(toks) and not any(a.start >= sent.start and a.end <= sent.end for a in asks):
                distress.append(Span(doc, toks[0].i, toks[-1].i + 1, label="distress"))
        doc._.distress = sorted(distress, key=lambda sp: sp.start)
        return doc

    def _classify(self, sent: Span, frames, vetoes, announcement: bool = False) -> str | None:
        live = [
            (label, s, e) for (label, s, e) in frames
            if not any(vs < e and s < ve for vs, ve in vetoes)
        ]
        if any(label == "action" for label, _, _ in live):
            return "action"
        if live:
            return "input"
        if not announcement and self._is_imperative(sent, vetoes):
            return "action"
        toks = words(sent)
        i = _skip_preamble(toks)
        if (i < len(toks) and toks[i].norm_ in _AVAILABILITY and toks[-1].text.endswith("?") and i + 1 < len(toks)
                and not _asks_about_the_past(toks, i)):
            return "action"  # "Got 10 min?", "Free for a call at 3?", "Around tomorrow?"
        if i < len(toks) and toks[i].norm_ in {"any", "some", "your"} and i + 1 < len(toks):
            i += 1
        if i < len(toks) and toks[i].norm_ in _INPUT_NOUNS and toks[-1].text.endswith("?") and not _is_cry(toks):
            return "input"
        return None

    def _is_imperative(self, sent: Span, vetoes) -> bool:
        toks = words(sent)
        i = _skip_preamble(toks)
        # "When done, please forward it back to me": a please-clause after a leading clause.
        if i < len(toks) and toks[i].norm_ not in _PLEASE and toks[i].norm_ not in self.imperatives:
            for j in range(i + 1, len(toks) - 1):
                if toks[j].norm_ in _PLEASE and toks[j - 1].text in {",", ";", ":", "-", "\u2014"}:
                    i = j
                    break
        if i >= len(toks):
            return False
        first = toks[i]
        if any(vs <= first.i < ve for vs, ve in vetoes):
            return False
        word = first.norm_
        pleaded = word in _PLEASE
        if pleaded:
            i += 1
            if i >= len(toks) or toks[i].norm_ in _PLEASE_NOT_ASK or not toks[i].is_alpha:
                return False
            word = toks[i].norm_
            if word not in self.imperatives and not toks[i].is_lower:
                return False
        elif word not in self.imperatives:
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "let" and nxt is not None and nxt.lower_ in {"'s", "us", "me"} and (i + 2 >= len(toks) or toks[i + 2].norm_ != "know"):
            return False  # "Let's grab lunch", "Let me call him": a proposal or an intent, not a request
        if word == "update" and nxt is not None and nxt.norm_ in {"on", "from", "re", "regarding", "about", ":", "-"}:
            return False  # a heading: "Update on the outage:"
        if nxt is None or nxt.is_punct:
            # A lone "Help!" is a cry, handled as distress; a lone "Call?" asks nothing clear.
            return word in {"help"} and nxt is not None and nxt.text == "?"
        if nxt.norm_ in _NOT_AFTER_IMPERATIVE and not (nxt.norm_ == "a" and _object_follows(word, toks, i, pleaded)):
            return False
        if word == "have" and not (nxt.norm_ == "a" and i + 2 < len(toks) and toks[i + 2].norm_ in _HAVE_A):
            return False
        if word in {"take", "get"} and nxt.norm_ in {"care", "well", "it", "rest", "easy"}:
            if not (word == "take" and nxt.norm_ == "it" and i + 2 < len(toks) and toks[i + 2].norm_ == "from"):
                return False
        if not (word in _STRONG_VERBS or nxt.norm_ in _OBJECT_START or nxt.like_num or nxt.is_title):
            return False
        # An instruction about the reader's own duties in an announcement is not a request for help.
        norms = {t.norm_ for t in toks[i:]}
        if norms & {"your", "yours", "yourself", "yourselves"} and not norms & _PRONOUN_FIRST:
            return False
        return True


def _object_follows(word: str, toks, i: int, pleaded: bool) -> bool:
    """Whether "a" after a possible imperative starts its object. "Please prepare a list", "Send a
    copy", "Take a look" ask for something; bare "Take a break!", "Make a wish!" or "Get a free
    quote" are wishes, advice and advertising, and "Review a…" rarely starts a request."""
    if pleaded or (word in _STRONG_VERBS and word != "grab"):  # "Grab a coffee!" invites
        return True
    return word in {"have", "take"} and i + 2 < len(toks) and toks[i + 2].norm_ in _HAVE_A


def _asks_about_the_past(toks, i: int) -> bool:
    """ "Have you tried X?", "Have you considered Y?": a suggestion or a question about what the reader
    did, not "Have you got a minute?" (availability)."""
    if toks[i].norm_ != "have" or i + 2 >= len(toks) or toks[i + 1].norm_ not in {"you", "u", "ya"}:
        return False
    nxt = toks[i + 2]
    return not (nxt.norm_ in {"got", "time", "a", "any", "some", "an"} or nxt.like_num)


def _is_cry(toks) -> bool:
    words = [t.norm_ for t in toks if t.is_alpha]
    return bool(words) and set(words) <= _CRY_WORDS and bool(set(words) & {"help", "sos", "halp", "mayday"})


def _skip_preamble(toks) -> int:
    """Index of the first token after a greeting or vocative such as "Hi Sam," or "Also,"."""
    i = 0
    n = len(toks)
    # Greeting words and names up to a comma, colon, dash or exclamation mark.
    j = 0
    while j < n and j < 6 and (toks[j].norm_ in _GREETING or toks[j].is_title or toks[j].is_upper) and not toks[j].is_punct:
        j += 1
    if 0 < j < n and toks[j].text in {",", ":", "-", "!", "\u2014", "\u2013", "...", "--"}:
        i = j + 1
    else:
        while i < n and toks[i].norm_ in {"so", "also", "and", "but", "oh", "ok", "okay", "btw", "ps",
                                          "then", "now", "hey", "hi", "um", "uh", "anyway", "again", "lastly", "finally", "plus"}:
            i += 1
            if i < n and toks[i].text == ",":
                i += 1
    return i


def _trim(sent: Span, kind: str) -> Span | None:
    toks = words(sent)
    if not toks:
        return None
    return Span(sent.doc, toks[0].i, toks[-1].i + 1, label=kind)
