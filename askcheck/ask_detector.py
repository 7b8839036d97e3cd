"""Ask detection: which sentences of a message ask the reader for something, and how.

The `askcheck_asks` pipeline component sets:
- `doc._.asks`: a list of `askcheck.ask_model.Ask`, one per sentence that asks, each judged for its
  kind, audience, cost and what the message states about it (see ask_model.py);
- `doc._.distress`: Spans where the writer voices distress ("I'm overwhelmed!", "everything is broken").

Detection is lexical so it works on `spacy.blank("en")`. A sentence asks when it holds a request frame
("could you …", "I was wondering if you could …"), a proposal ("Let's meet Friday to …"), an implicit
ask ("any pointers welcome", "… would really make my week"), a request for input ("Any ideas?"), an
imperative after any greeting ("Hi Sam, please send …"), or is a question the writer wants answered
("Do you have a source for this?"); minus offers, small talk, rhetorical questions and announcement
instructions (`lexicons/not_asks.txt`). The phrase and word lists live in `askcheck/lexicons/`.
"""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import lexicon
from .ask_model import Judge
from .context import PAST_MARKERS
from .docinfo import doc_text, sentence_of, sentences, set_model, tokens, words
from .phrases import PhraseRegex, PhraseSets, encode

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
# Which form wins when a sentence holds several frames: the one that asks for most.
FORMS = ("request", "imposed", "proposal", "implicit", "input", "question")

# "Thoughts on this?", "Feedback welcome?": a sentence-initial noun asking for input, ending in "?".
_INPUT_NOUNS = {"thoughts", "ideas", "feedback", "input", "suggestions", "advice", "opinions",
                "comments", "objections", "recommendations", "recs", "pointers", "tips", "help", "takers",
                "volunteers", "anyone", "anybody", "someone", "somebody", "objection", "opinion", "idea"}
# A sentence of nothing but these is a cry for help, not an ask: "HELP", "SOS!!", "ugh, help".
_CRY_WORDS = {"help", "sos", "halp", "mayday", "please", "pls", "plz", "ugh", "omg", "argh", "someone",
              "anyone", "me", "aaa", "aaah", "god", "oh", "send"}
_CRY_CORE = {"help", "sos", "halp", "mayday"}
_COMING = {"come", "go", "pop", "swing", "nip", "run"}
# Work after "come and…" ("come and join us for dinner" invites, "come and help me" asks).
_COME_AND_DO = {"help", "fix", "sort", "clear", "move", "carry", "lift", "look", "paint", "clean", "set", "put", "mend",
                "build", "lend", "give", "check", "tidy"}
_CONDITIONS = {"if", "when", "while", "since", "as", "because", "unless", "whether", "once"}
_AVAILABILITY = {"got", "free", "available", "around", "gotta", "have"}
_ANNOUNCEMENT = {"reminder", "reminders", "fyi", "psa", "announcement", "heads-up", "newsletter"}
_PLEASE = {"please", "pls", "plz", "kindly"}
_AFTER_PLEASE = {"either", "just", "also", "kindly", "then", "now", "quickly", "simply", "still", "all", "everyone",
                 "everybody"}
# "Clean up the kitchen", "pull together the Q2 audit": a verb, its particle, then its object.
_PARTICLES = {"up", "out", "together", "over", "off", "down", "back", "through", "around", "round", "away"}
_OBJECT_AFTER_PARTICLE = {"the", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those", "a",
                          "an", "some", "all", "any"}
# "Please take a look", "please take over": take asks; "please take care", "take note" do not.
_TAKE_ASKS = {"a", "over", "another", "the", "one", "some"}
# A one-word question is an interjection, not something to answer: "Really?", "Huh?", "Seriously?"
_INTERJECTIONS = {"really", "huh", "what", "seriously", "right", "eh", "hmm", "ok", "okay", "yes", "no",
                  "yeah", "sorry", "pardon", "oh", "wow", "srsly", "lol", "hm", "um", "yep", "nope",
                  "so", "and", "again", "true", "correct", "wait"}
_WH = {"how", "what", "why", "where", "when", "which", "who", "whom", "whose"}
_AUX = {"do", "does", "did", "is", "are", "was", "were", "can", "could", "would", "will", "should", "shall", "might",
        "may", "must", "have", "has", "had", "am", "'s", "'re", "ca", "wo"}
# Tag words that end a statement made into a question: "…, right?", "…, no?", "weird huh?"
_TAGS = {"right", "huh", "eh", "no", "yes", "ok", "okay", "innit", "yeah", "perhaps", "maybe"}
_TAG_PRONOUNS = {"you", "it", "we", "they", "he", "she", "i", "ya"}
_NEG_AUX = {"n't", "not", "ain't", "aint"}
_WINKS = {";)", ";-)", ";p", ";-p", ":p", ":-p", "xd", ";d", ":P".lower()}
# Lines of an email's header: context for the ask ("Subject: budget deck"), never asks themselves.
_HEADERS = {"subject", "re", "fwd", "fw", "from", "to", "cc", "bcc", "date", "sent", "title"}
_OBJECT_START = {
    "me", "us", "the", "a", "an", "this", "that", "these", "those", "it", "them", "him", "her", "my",
    "our", "his", "their", "some", "any", "up", "out", "over", "in", "on", "at", "through", "to",
    "for", "by", "from", "into", "back", "off", "down", "around", "everything", "all", "both",
    "please", "pls", "asap", "quickly", "whether", "if", "what", "how", "when", "where", "who",
    "which", "why", "your", "one", "another", "someone", "somebody", "anyone", "again", "first", "with",
}
_HAVE_A = {"look", "glance", "read", "think", "peek", "go", "listen", "chat", "word"}
# An imperative's second word: if it is one of these the first word was a noun ("Review is due Friday").
_NOT_AFTER_IMPERATIVE = {
    "is", "was", "are", "were", "will", "has", "had", "have", "went", "'s", "would", "could", "should",
    "can", "might", "did", "does", "seems", "looks", "took", "ran", "got", "of", "and", "said", "came", "sounds", "care", "well", "fun", "a", "forward", "up", "place",
}
_PRONOUN_FIRST = {"i", "me", "my", "mine", "we", "us", "our", "ours"}
# "You must be overwhelmed" is sympathy for the reader, not the writer's distress, and
_HYPOTHETICAL = {"may", "might", "could", "would", "will", "'ll", "can"}
# "We are really swamped, so let's keep conferences to a minimum" reports a team's load, not a cry.
_OTHER_SUBJECT = {"you", "you're", "youre", "they", "they're", "he", "she", "he's", "she's", "u", "everyone", "y'all",
                  "we", "we're", "were", "our"}

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
        for j in range(i + 1, n):
            tok = toks[j]
            if (tok.is_alpha and (tok.norm_ not in _NOT_ASK_VERBS or _hosting(toks, j))) or tok.text == "[":
                spans.append((start, j + 1))
            adverbs_after = tok.norm_ in _ADVERBS
            partitives_only = partitives_only and tok.norm_ in _PARTITIVES
            if not (partitives_only or adverbs_after):
                if tok.norm_ in _NOT_ASK_VERBS and not _hosting(toks, j):
                    # "Could you possibly be overthinking this?": the verb asks nothing, so neither
                    # does the adverb read as one; a "please" still asks ("Could you please be clearer?").
                    spans[found:] = [(s, e) for s, e in spans[found:] if toks[e - 1].norm_ in _PLEASE]
                break
    return spans


class AskDetector:
    def __init__(self, nlp: Language, extra_action_frames=(), extra_input_frames=(), extra_imperatives=()):
        self.frames = {
            "request": PhraseRegex(list(lexicon.phrases("ask_requests")) + list(extra_action_frames)),
            "imposed": PhraseRegex(lexicon.phrases("ask_imposed")),
            "proposal": PhraseRegex(lexicon.phrases("ask_proposals")),
            "implicit": PhraseRegex(lexicon.phrases("ask_implicit")),
            "input": PhraseRegex(list(lexicon.phrases("ask_input")) + list(extra_input_frames)),
        }
        self.not_ask = PhraseRegex(lexicon.phrases("not_asks"))
        self.conditional = PhraseRegex(lexicon.phrases("conditional_offers"))
        self.distress = PhraseRegex(lexicon.phrases("distress"))
        # Every set is looked for in every message: one walk over the words finds them all.
        self.all_sets = PhraseSets({**self.frames, "not_ask": self.not_ask, "conditional": self.conditional,
                                    "distress": self.distress})
        self.imperatives = lexicon.words("imperative_verbs") | set(extra_imperatives)
        self.strong_verbs = lexicon.words("strong_verbs")
        self.please_not_ask = lexicon.words("please_not_ask")
        self.greeting = lexicon.words("greeting_words")
        self.judge = Judge()

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        starts = [s.start for s in sents]
        toks_all = tokens(doc)
        frames: dict[int, list[tuple[str, int, int]]] = {}
        vetoes: dict[int, list[tuple[int, int]]] = {}
        # "How would you do it?" asks for information: a modal question after a wh-word is a question.
        matches = [("question" if s > 0 and toks_all[s - 1].norm_ in _WH else "request", s, e)
                   for s, e in modal_questions(toks_all)]
        found_sets = self.all_sets.find(doc)
        lexical = set()  # frames from the lexicons, as opposed to modal questions
        for form in self.frames:
            matches += [(form, s, e) for s, e in found_sets[form]]
            lexical.update(found_sets[form])
        matches += [("not_ask", s, e) for s, e in found_sets["not_ask"]]
        offered = {bisect.bisect_right(starts, s) - 1 for s, _ in found_sets["conditional"]}
        for label, start, end in matches:
            k = bisect.bisect_right(starts, start) - 1
            if k < 0:
                continue
            if label == "imposed" and start > 0 and toks_all[start - 1].norm_ in _CONDITIONS:
                continue  # "If you're doing the thesis, shouldn't you be the expert?": a condition, not a yes decided
            if label == "not_ask":
                # "What should I do next?" asks; "Should I book the room?" offers: an offer frame after
                # a wh-word is the body of a question.
                if start > 0 and toks_all[start - 1].norm_ in _WH:
                    continue
                vetoes.setdefault(k, []).append((start, end))
            else:
                frames.setdefault(k, []).append((label, start, end))
        # In a reminder or an FYI, imperatives are instructions ("Please log off by 3pm"), not requests.
        norms = {t.norm_ for t in toks_all}
        announcement = bool(norms & _ANNOUNCEMENT) or ("heads" in norms and "up" in norms)
        found = []
        for k, sent in enumerate(sents):
            toks = words(sent)
            if not toks or toks[0].norm_ in _HEADERS and len(toks) > 1 and toks[1].text == ":":
                continue
            if _heading(toks):
                continue  # "Help Me Help You": a title, not a request
            hit = self._classify(sent, toks, frames.get(k, []), vetoes.get(k, []), lexical, announcement)
            if hit and k > 0 and toks[0].norm_ == "or" and _ends_with_question(words(sents[k - 1])) and not (
                    found and found[-1][0].start == sents[k - 1].start):
                continue  # "Couldn't this have gone there? Or googled?": the second half of a question that asks nothing
            if hit and k in offered and hit[0] != "question":
                continue  # "If you'd like to discuss this, please give me a call": an offer
            if hit:
                found.append((sent, *hit))
        set_model(doc, distress=self._distress(doc, sents, toks_all, {s.start for s, _, _ in found}, found_sets["distress"]))
        set_model(doc, asks=self.judge(doc, found))
        return doc

    def _distress(self, doc: Doc, sents, toks_all, ask_sents: set[int], matches) -> list[Span]:
        distress = []
        for start, end in matches:
            span = Span(doc, start, end, label="distress")
            lead = toks_all[max(sentence_of(span).start, start - 4):start]
            near = {t.lower_ for t in lead} | {t.norm_ for t in lead} | {t.lower_ for t in toks_all[start:end]}
            if near & PAST_MARKERS or {t.lower_ for t in lead} & _OTHER_SUBJECT:
                continue
            inside = [t.norm_ for t in toks_all[start:end]]
            if set(inside) & _HYPOTHETICAL and not {"not", "n't"} & set(inside):
                continue  # "the server may go down": a warning, not the writer's state ("I can't cope" is one)
            if not distress or span.start >= distress[-1].end:
                distress.append(span)
        # A cry is a sentence of nothing but "help" and such: only a message with one of those words has one.
        if _CRY_CORE.isdisjoint(encode(doc).norms):
            return sorted(distress, key=lambda sp: sp.start)
        for sent in sents:
            toks = words(sent)
            if _is_cry(toks) and sent.start not in ask_sents:
                distress.append(Span(doc, toks[0].i, toks[-1].i + 1, label="distress"))
        return sorted(distress, key=lambda sp: sp.start)

    def _classify(self, sent: Span, toks, frames, vetoes, lexical=frozenset(),
                  announcement: bool = False) -> tuple[str, int] | None:
        """(form, token where the ask starts) when the sentence asks, else None."""
        # A veto overlapping a frame kills it, unless the frame starts where the veto starts and says more:
        # "Would you like to help out with it?" asks, where "Would you like to…" alone offers or invites.
        # A veto inside a longer frame is part of it: "You'll take Pepper while we're away, won't you?"
        live = [(form, s, e) for (form, s, e) in frames
                if not any(vs < e and s < ve and not (s <= vs and e >= ve and e - s > ve - vs and (s, e) in lexical)
                           for vs, ve in vetoes)]
        if live:
            form, s, _ = min(live, key=lambda m: (FORMS.index(m[0]), m[1]))
            first = _skip_preamble(toks, self.greeting)
            if (form in ("request", "implicit") and first + 1 < len(toks) and toks[first].norm_ in _WH
                    and toks[first + 1].norm_ in _AUX and s > toks[first].i and _ends_with_question(toks)):
                return "question", toks[first].i  # "What do you feel you need help with?" asks for an answer
            if form in ("request", "imposed") or not (at := self._imperative(toks, vetoes, announcement)):
                return form, s
            return "request", at
        at = None if announcement else self._imperative(toks, vetoes, announcement)
        if at is not None:
            return "request", at
        i = _skip_preamble(toks, self.greeting)
        asked = _ends_with_question(toks)
        if (i < len(toks) and toks[i].norm_ in _AVAILABILITY and asked and i + 1 < len(toks)
                and not _asks_about_the_past(toks, i)):
            return "request", toks[i].i  # "Got 10 min?", "Free for a call at 3?", "Around tomorrow?"
        j = i + 1 if i < len(toks) and toks[i].norm_ in {"any", "some", "your"} and i + 1 < len(toks) else i
        if (j < len(toks) and toks[j].norm_ in _INPUT_NOUNS and asked and not _is_cry(toks)
                and not any(vs <= toks[j].i < ve for vs, ve in vetoes)):  # "Someone has to do it, right?"
            return "input", toks[i].i
        if asked and not vetoes and self._real_question(doc_text(sent.doc), toks, i):
            return "question", toks[min(i, len(toks) - 1)].i
        return None

    def _real_question(self, text: str, toks, i: int) -> bool:
        """A question the writer wants answered: not an interjection ("Really?") nor a cry ("Help??")."""
        alpha = [t for t in toks[i:] if t.is_alpha]
        if not alpha or _is_cry(toks):
            return False
        if len(alpha) == 1 and alpha[0].norm_ in _INTERJECTIONS:
            return False
        if _quoted(text, toks):
            return False  # 'I would go and say, "Are you sure it's not the user?"': reported, not asked
        # A tag after a statement makes a point, not a question: "…, right?", "weird huh?", "…, no?",
        # "…, weren't you?", "…, perhaps?"
        last = alpha[-1]
        if len(alpha) > 2 and last.norm_ in _TAGS and toks[-1].i - last.i <= 3:
            before = toks[[t.i for t in toks].index(last.i) - 1]
            if before.text == "," or last.norm_ in {"huh", "eh"}:
                return False
        if len(alpha) > 3 and last.norm_ in _TAG_PRONOUNS and toks[[t.i for t in toks].index(last.i) - 1].norm_ in _NEG_AUX:
            return False
        # "Fast on the button much?": a jibe, not a question.
        if len(alpha) > 2 and last.norm_ == "much" and alpha[0].norm_ not in _WH | _AUX:
            return False
        # A wink or a tongue after the question mark: a joke, not something to answer.
        if any(t.text.lower() in _WINKS for t in toks[-3:]):
            return False
        # "I'm overwhelmed! What do I do?" is distress, judged by vague-ask, but still a question.
        return True

    def _imperative(self, toks, vetoes, announcement: bool) -> int | None:
        """The token index where an imperative starts ("Please send…", "Hi Sam, review…"), else None."""
        if announcement:
            return None
        return self._is_imperative(toks, vetoes)

    def _is_imperative(self, toks, vetoes) -> int | None:
        """The token where an imperative starts ("Please send…", "Hi Sam, review…"), else None."""
        i = _skip_preamble(toks, self.greeting)
        # "When done, please forward it back to me", "When you have time please send me Chaz's too!":
        # a please-clause after a leading clause.
        if i < len(toks) and toks[i].norm_ not in _PLEASE and toks[i].norm_ not in self.imperatives:
            for j in range(i + 1, len(toks) - 1):
                if toks[j].norm_ in _PLEASE and (toks[j - 1].text in {",", ";", ":", "-", "\u2014"}
                                                 or toks[j + 1].norm_ in self.imperatives):
                    i = j
                    break
        if i >= len(toks):
            return None
        first = toks[i]
        if any(vs <= t.i < ve for vs, ve in vetoes for t in toks[i:i + 3]):
            return None  # "Please contact us…", "Please add us to your contacts": service mail
        word = first.norm_
        pleaded = word in _PLEASE
        if pleaded:
            i += 1
            while i < len(toks) - 1 and toks[i].norm_ in _AFTER_PLEASE:
                i += 1  # "Please either confirm…", "please just send…"
            if i >= len(toks) or toks[i].norm_ in self.please_not_ask or not toks[i].is_alpha:
                return None
            word = toks[i].norm_
            if word not in self.imperatives and not toks[i].is_lower:
                return None
        elif word not in self.imperatives:
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word == "let" and nxt is not None and nxt.lower_ in {"'s", "us", "me"} and (i + 2 >= len(toks) or toks[i + 2].norm_ != "know"):
            return None  # "Let's grab lunch", "Let me call him": a proposal or an intent, not a request
        if word == "update" and nxt is not None and nxt.norm_ in {"on", "from", "re", "regarding", "about", ":", "-"}:
            return None  # a heading: "Update on the outage:"
        if nxt is None or nxt.is_punct:
            # A lone "Help!" is a cry, handled as distress; a lone "Call?" asks nothing clear.
            return first.i if word in {"help"} and nxt is not None and nxt.text == "?" else None
        if word == "take" and pleaded:
            return first.i if nxt.norm_ in _TAKE_ASKS else None  # "please take a look" asks; "take note" does not
        if nxt.norm_ in _PARTICLES and i + 2 < len(toks) and toks[i + 2].norm_ in _OBJECT_AFTER_PARTICLE:
            nxt = toks[i + 2]
        if (word in _COMING and nxt.norm_ == "and" and i + 2 < len(toks)
                and toks[i + 2].norm_ in _COME_AND_DO):
            return first.i  # "Please come and help me clear out Gran's house": the second verb is the ask
        if nxt.norm_ in _NOT_AFTER_IMPERATIVE and not (nxt.norm_ == "a" and self._object_follows(word, toks, i, pleaded)):
            return None
        if word == "have" and not (nxt.norm_ == "a" and i + 2 < len(toks) and toks[i + 2].norm_ in _HAVE_A):
            return None
        if word in {"take", "get"} and nxt.norm_ in {"care", "well", "it", "rest", "easy"}:
            if not (word == "take" and nxt.norm_ == "it" and i + 2 < len(toks) and toks[i + 2].norm_ == "from"):
                return None
        # After "please" the word is a verb, and what follows it its object ("Please resubmit problem set 4").
        if not (word in self.strong_verbs or nxt.norm_ in _OBJECT_START or nxt.like_num or nxt.is_title
                or nxt.text[:1].isdigit() or (pleaded and nxt.is_alpha)):
            return None
        # An instruction about the reader's own duties in an announcement is not a request for help.
        norms = {t.norm_ for t in toks[i:]}
        if norms & {"your", "yours", "yourself", "yourselves"} and not norms & _PRONOUN_FIRST:
            return None
        return first.i

    def _object_follows(self, word: str, toks, i: int, pleaded: bool) -> bool:
        """Whether "a" after a possible imperative starts its object. "Please prepare a list", "Send a
        copy", "Take a look" ask for something; bare "Take a break!", "Make a wish!" or "Get a free
        quote" are wishes, advice and advertising, and "Review a…" rarely starts a request."""
        if pleaded or (word in self.strong_verbs and word != "grab"):  # "Grab a coffee!" invites
            return True
        return word in {"have", "take"} and i + 2 < len(toks) and toks[i + 2].norm_ in _HAVE_A


# After "have", these make it a request to take something or someone on: "Could you have him overnight?",
# "Could you have it done by Friday?"; "Could you have misread it?" speculates.
_HAVE_OBJECTS = {"him", "her", "them", "it", "us", "me", "my", "our", "the", "this", "that", "these", "those"}


def _hosting(toks, j: int) -> bool:
    """Whether "have" at `j` takes an object ("have him overnight"), not a participle ("have done"), or
    "be" takes a role for the writer ("Would you be my guarantor?"), not a state ("be able")."""
    if j + 1 >= len(toks):
        return False
    if toks[j].norm_ == "be":
        return toks[j + 1].norm_ in {"my", "our"}
    # ("Could you have Milo after school?": a name is someone taken on, as "him" is.)
    return toks[j].norm_ == "have" and (toks[j + 1].norm_ in _HAVE_OBJECTS or toks[j + 1].is_title)


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


def _skip_preamble(toks, greeting) -> int:
    """Index of the first token after a greeting or vocative such as "Hi Sam," or "Also,"."""
    i = 0
    n = len(toks)
    # Greeting words and names up to a comma, colon, dash or exclamation mark.
    j = 0
    while j < n and j < 6 and (toks[j].norm_ in greeting or toks[j].is_title or toks[j].is_upper) and not toks[j].is_punct:
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


def _heading(toks) -> bool:
    """A line of three or more capitalised words with no closing punctuation: a title or a slogan."""
    alpha = [t for t in toks if t.is_alpha]
    return len(alpha) >= 3 and all(t.is_title or t.is_upper for t in alpha) and not toks[-1].is_punct


def _quoted(text: str, toks) -> bool:
    """Whether the sentence's closing question mark sits inside double quotes opened on its line."""
    mark = next((t for t in reversed(toks) if "?" in t.text), None)
    if mark is None:
        return False
    line_start = text.rfind("\n", 0, mark.idx) + 1
    return text.count('"', line_start, mark.idx) % 2 == 1


def _ends_with_question(toks) -> bool:
    """Whether the sentence ends in a question mark (closing quotes, brackets and emoji aside)."""
    for tok in reversed(toks):
        if "?" in tok.text:
            return True
        if tok.is_alpha or tok.like_num:
            return False
        if tok.text in {".", "!", "...", "\u2026"}:
            return False
    return False
