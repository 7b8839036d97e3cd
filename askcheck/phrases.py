"""A tiny phrase language compiled to one regular expression over token norms, so lexicons read as prose.

    "sorry to (bother|trouble) you"   alternatives in parentheses, | between them (several words allowed)
    "i (really|truly)? hate to ask"   ? after a word or group makes it optional
    "if you have * time"              * is any one token (*? optional)
    "if ... (i'll|i can) ask"         ... is up to ten tokens, none of them a full stop or ? or !
    "[NUM] minutes"                   classes: [NUM] [DAY] [MONTH] [WORD] [PUNCT] [QMARK] [NUMUNIT] [NUMK] [CLOCK] [RANGE] [DAYNUM] [ORDINAL] [SMALLNUM] [PLURAL]

Words are matched on the token's NORM, so "can't", "cannot" and "can not" are one phrase. A message is
encoded once as " norm1 norm2 ... " and every phrase set is one compiled regex over it: alternatives
cost nothing at compile time (spaCy's Matcher would need every combination spelled out).
"""
from __future__ import annotations

import atexit
import hashlib
import json
import marshal
import os
import re
import sys
import weakref
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import add, not_
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc

from .cachedir import CACHE_ENV, STALE_DAYS, cache_folder, prune, touch_in_use, write_atomically  # noqa: F401 (CACHE_ENV, STALE_DAYS: this module's names too)
from .docinfo import BoundedTable

try:
    import _sre
except ImportError:  # another Python: compile with re.compile only
    _sre = None

NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "dozen",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "mondays", "fridays"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec"]

CLASSES = {
    "NUM": r"(?:[~\u2248]?\d[\d.,:]*|" + "|".join(NUMBER_WORDS) + r"|(?:twenty|thirty|forty|fifty|sixty)-\w+)",
    "NUMWORD": r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|"
               r"forty-five|fifty|sixty|ninety|few|couple|several|half|single)",
    "DAY": "(?:" + "|".join(WEEKDAYS) + ")",
    "MONTH": "(?:" + "|".join(MONTHS) + ")",
    "WORD": r"[^\W\d_][\w'-]*",
    "PUNCT": r"[^\w\s]+",
    "QMARK": r"\?+[!?]*",
    "SMALLNUM": r"(?:[1-9]|1\d|20|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few)",
    "PLURAL": r"[^\W\d_][\w-]*[^\W\d_siu]s",  # not "mess", "bus", "this"
    "DAYNUM": r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?",
    "ORDINAL": r"\d+(?:st|nd|rd|th)",
    "RANGE": r"\d+(?::\d+)?(?:am|pm)?[-\u2013]\d+(?::\d+)?(?:am|pm)?",
    # (A decade is no number of seconds: "the 1780s", "the 90s".)
    "NUMUNIT": r"(?!(?:1[0-9]|20)?\d0s(?:\s|$))\d+(?:[.,]\d+)?(?:s|sec|secs|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|wk|wks|pg|pgs|pp)",
    "NUMK": r"\d+(?:[.,]\d+)?k",  # "80k words"
    "CLOCK": r"\d{1,2}(?::\d\d)?(?:am|pm)",  # "8pm", "9:30am" as one token
}

_SHARED: list = []  # the tokenizer of a bare English pipeline already built, when there is one


def share_tokenizer(nlp) -> None:
    """Read lexicon phrases with this bare `spacy.blank("en")` pipeline's tokenizer instead of building a
    second pipeline for them (a tenth of a second at start-up). Only a bare English pipeline tokenizes
    exactly as `_tokenizer` would; a trained one (`--model`) may not, so it is never passed here."""
    if not _SHARED:
        _SHARED.append(nlp.tokenizer)


@lru_cache(maxsize=None)
def _tokenizer():
    """A bare English tokenizer, to read lexicon phrases the way messages are read."""
    if _SHARED:
        return _SHARED[0]
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=None)
def _norms(word: str) -> tuple[str, ...]:
    """Tokenize a literal the way messages are tokenized and return the tokens' norms."""
    return tuple(t.norm_ for t in _tokenizer()(word.replace("\u2019", "'")))


# What a phrase can start with: a set of first norms and classes ("[NUM]"), or ANY_WORD when a
# wildcard or "..." may come first. Together with `nullable` (the phrase can match nothing) it lets
# PhraseRegex try at each word only the phrases that can start there.
ANY_WORD = None
# Classes that can span several words ("a couple of") cannot be told from one word: like a wildcard.
_MULTIWORD_CLASSES = {name for name, regex in CLASSES.items() if " " in regex}


class Compiled(NamedTuple):
    regex: str
    first: frozenset[str] | None  # ANY_WORD, or the norms and "[CLASS]"es the match can start with
    nullable: bool
    # The ways a match can begin: tuples of its first words, two at most, where a shorter tuple means
    # the match can end after those words (so what follows it comes next). ANY stands for any word.
    heads: frozenset[tuple[str, ...]] = frozenset([()])


# A word in `heads` that can be any word: a wildcard, a class, or a literal this module cannot see into.
ANY = "\x00"
_UNKNOWN_HEADS = frozenset([(), (ANY,), (ANY, ANY)])
_MAX_HEADS = 4096  # beyond this many ways to begin, a phrase is treated as beginning any way


def _then(first: frozenset, then: frozenset) -> frozenset:
    """The heads of one piece followed by another."""
    out = {h for h in first if len(h) == 2}
    out.update((h + t)[:2] for h in first if len(h) < 2 for t in then)
    return frozenset(out) if len(out) <= _MAX_HEADS else _UNKNOWN_HEADS


def _unit(word: str) -> Compiled:
    """One word, class or wildcard, consuming its trailing separator."""
    if word == "*":
        return Compiled(r"\S+ ", ANY_WORD, False, frozenset([(ANY,)]))
    if word == "...":
        return Compiled(r"(?:[^\s.!?]+ ){0,10}?", ANY_WORD, True, _UNKNOWN_HEADS)
    if word.startswith("[") and word.endswith("]"):
        name = word[1:-1].upper()
        if name not in CLASSES:
            raise ValueError(f"unknown word class {word!r} (known: {', '.join(f'[{c}]' for c in sorted(CLASSES))})")
        if name in _MULTIWORD_CLASSES:
            return Compiled(CLASSES[name] + " ", ANY_WORD, False, frozenset([(ANY,), (ANY, ANY)]))
        return Compiled(CLASSES[name] + " ", frozenset([f"[{name}]"]), False, frozenset([(ANY,)]))
    norms = _norms(word)
    regex = "".join(re.escape(n) + " " for n in norms)
    words = [w for n in norms for w in n.split(" ")]
    heads = _UNKNOWN_HEADS if "" in words else frozenset([tuple(words[:2])])
    if not norms or not norms[0] or norms[0].startswith(" "):
        return Compiled(regex, ANY_WORD, not norms, heads)  # no plain first word to look for
    return Compiled(regex, frozenset([norms[0].split(" ")[0]]), False, heads)


def _optional(piece: Compiled, regex: str) -> Compiled:
    return Compiled(regex, piece.first, True, piece.heads | {()})


def phrase_regex(phrase: str) -> str:
    """Compile one phrase (groups may nest) to a regex over the encoded norms."""
    return compile_phrase(phrase).regex


@lru_cache(maxsize=None)
def compile_phrase(phrase: str) -> Compiled:
    """Raises ValueError, naming the phrase, for one that is not in the pattern language."""
    compiled = _CACHE.get(phrase)
    if compiled is None:
        compiled = _compile_phrase(phrase)
        _CACHE.put(phrase, compiled)
    return compiled


def _compile_phrase(phrase: str) -> Compiled:
    try:
        compiled, pos = _parse_alternatives(phrase.lower(), 0)
    except ValueError as exc:
        if repr(phrase.lower()) in str(exc):
            raise
        raise ValueError(f"{exc} in phrase {phrase!r}") from None
    if pos != len(phrase):
        raise ValueError(f"unbalanced parentheses in phrase {phrase!r}")
    try:
        re.compile(compiled.regex)
    except re.error as exc:
        raise ValueError(f"invalid phrase {phrase!r}: {exc}") from None
    return compiled


def _parse_alternatives(text: str, pos: int) -> tuple[Compiled, int]:
    alts = []
    while True:
        seq, pos = _parse_sequence(text, pos)
        alts.append(seq)
        if pos < len(text) and text[pos] == "|":
            pos += 1
            continue
        break
    if len(alts) == 1:
        return alts[0], pos
    regexes = sorted({a.regex for a in alts}, key=len, reverse=True)  # longest first: prefer the fuller reading
    heads = frozenset().union(*(a.heads for a in alts))
    return Compiled("(?:" + "|".join(regexes) + ")", _union(a.first for a in alts),
                    any(a.nullable for a in alts), heads if len(heads) <= _MAX_HEADS else _UNKNOWN_HEADS), pos


def _union(firsts) -> frozenset[str] | None:
    out = frozenset()
    for first in firsts:
        if first is ANY_WORD:
            return ANY_WORD
        out |= first
    return out


def _sequence(pieces: list[Compiled]) -> Compiled:
    """Pieces in a row: the first word comes from the leading pieces up to the first required one."""
    firsts = []
    nullable = True
    for piece in pieces:
        firsts.append(piece.first)
        if not piece.nullable:
            nullable = False
            break
    heads = frozenset([()])
    for piece in pieces:
        if all(len(h) == 2 for h in heads):
            break
        heads = _then(heads, piece.heads)
    return Compiled("".join(p.regex for p in pieces), _union(firsts), nullable, heads)


def _parse_sequence(text: str, pos: int) -> tuple[Compiled, int]:
    out: list[Compiled] = []
    while pos < len(text):
        ch = text[pos]
        if ch in "|)":
            break
        if ch.isspace():
            pos += 1
            continue
        if ch == "(":
            inner, pos = _parse_alternatives(text, pos + 1)
            if pos >= len(text) or text[pos] != ")":
                raise ValueError(f"unbalanced parentheses in phrase {text!r}")
            pos += 1
            piece = inner._replace(regex=f"(?:{inner.regex})")
        else:
            end = pos
            while end < len(text) and not text[end].isspace() and text[end] not in "()|":
                end += 1
            word = text[pos:end]
            pos = end
            if len(word) > 1 and word.endswith("?") and word != "[qmark]?":
                unit = _unit(word[:-1])
                out.append(_optional(unit, f"(?:{unit.regex})?"))
                continue
            piece = _unit(word)
            if pos < len(text) and text[pos] == "?":
                pos += 1
                out.append(_optional(piece, f"(?:{piece.regex})?"))
                continue
            out.append(piece)
            continue
        if pos < len(text) and text[pos] == "?":
            pos += 1
            piece = _optional(piece, piece.regex + "?")
        out.append(piece)
    return _sequence(out), pos


class PhraseRegex:
    """A set of phrases compiled once; finds them in a Doc as token spans.

    The result is what one regex of all the phrases, `(?<= )(?:p1|p2|...)`, finds with `finditer`:
    leftmost matches first, the earlier phrase winning where two match at one word. Trying every
    phrase at every word is most of askcheck's run time, so each word is matched only against the
    phrases that can start with it (in their original order, so the same phrase wins): tried one by
    one at first, each compiled once, and as one compiled alternation at words met often.
    """

    def __init__(self, phrases):
        self.phrases = [compile_phrase(p) for p in phrases]
        self.body = "|".join(f"(?:{p.regex})" for p in self.phrases)
        self._scanner: re.Pattern | None = None  # the one regex of every phrase, compiled if needed
        # A phrase that can match nothing makes finditer retry at the same word for a longer match;
        # word-by-word matching does not, so such sets keep the one scanning regex.
        self.by_word = self.body != "" and not any(p.nullable for p in self.phrases)
        self.anywhere = tuple(i for i, p in enumerate(self.phrases) if p.first is ANY_WORD)
        literal: dict[str, list[int]] = {}
        classes: dict[str, list[int]] = {}
        for i, p in enumerate(self.phrases):
            for first in p.first or ():
                (classes if first.startswith("[") else literal).setdefault(first, []).append(i)
        self.literal = {word: tuple(ix) for word, ix in literal.items()}
        self.literal_words = frozenset(self.literal)
        self.classes = {name: tuple(ix) for name, ix in classes.items()}
        self.class_names = frozenset(self.classes)
        # (the word if some phrase starts with it, the classes it belongs to) -> what matches the
        # phrases worth trying there, in their original order (a regex, or _Alternatives until the
        # word is met often), or None: bounded by the phrase set.
        self._by_key: dict[tuple, re.Pattern | _Alternatives | None] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern | _Alternatives] = {}
        self._by_word: dict[str, re.Pattern | _Alternatives | None] = {}  # first words only: bounded by the phrase set
        # (word, classes) as in _by_key -> the words that can follow (None: any), bounded alike: most
        # tries at a word fail on the next word, and a set lookup costs less than a regex match.
        self._next_by_key: dict[tuple, frozenset[str] | None] = {}
        # norm -> its (word, classes) key above, for sets with classes: working the key out (the norm's
        # classes, a frozenset intersection, a new tuple) for every word tried cost more than the try.
        self._key_by_norm: dict[str, tuple] = {}
        # first word -> [what to try there before any other next word, {next word: what to try there},
        # the phrases that can go on with any word, {next word: the phrases that need it}] (_UNSET: not
        # worked out yet), for sets with no classes and no phrase that can start anywhere: most phrases
        # that start with a word need one particular word next, and trying only the phrases that can go
        # on with the actual next word costs far less than the alternation of all that start with it.
        self._by_next_word: dict[str, list] = {}

    @property
    def regex(self) -> re.Pattern | None:
        if self._scanner is None and self.body:
            self._scanner = re.compile(f"(?<= )(?:{self.body})")
        return self._scanner

    def _regex_for(self, indices: tuple[int, ...]) -> re.Pattern | _Alternatives:
        regex = self._compiled.get(indices)
        if regex is None:
            if len(indices) == 1:
                regex = _compile(self.phrases[indices[0]].regex)
            else:
                regex = _Alternatives(self, indices)
            self._compiled[indices] = regex
        return regex

    def _promote(self, alternatives: _Alternatives) -> re.Pattern:
        """One regex for phrases tried together often enough to be worth compiling together."""
        regex = _compile("|".join(f"(?:{self.phrases[i].regex})" for i in alternatives.indices))
        self._compiled[alternatives.indices] = regex
        for cache in (self._by_key, self._by_word, *(table[1] for table in self._by_next_word.values())):
            for key, value in cache.items():
                if value is alternatives:
                    cache[key] = regex
        for table in self._by_next_word.values():
            if table[0] is alternatives:
                table[0] = regex
        return regex

    def _followed_by(self, word: str, following: str | None) -> re.Pattern | _Alternatives | None:
        """What matches the phrases that can start at `word` with `following` next (None: no word
        next), in their original order: as `_candidates(word, no classes)` would find, for a set of
        literal first words only, since a phrase that needs another next word cannot match there.
        Worked out for the pairs of words met only: most phrases are never tried, nor compiled."""
        table = self._by_next_word.get(word)
        if table is None:
            any_next: list[int] = []
            by_next: dict[str, list[int]] = {}
            for i in self._indices(word, _NO_CLASSES):
                seconds = _seconds(word, [self.phrases[i]])
                if seconds is None:
                    any_next.append(i)
                else:
                    for second in seconds:
                        by_next.setdefault(second, []).append(i)
            table = self._by_next_word[word] = [_UNSET, {second: _UNSET for second in by_next}, any_next, by_next]
        regexes = table[1]
        if following in regexes:
            regex = regexes[following]
            if regex is _UNSET:
                regex = regexes[following] = self._regex_for(tuple(sorted(table[2] + table[3][following])))
            return regex
        if table[0] is _UNSET:
            table[0] = self._regex_for(tuple(table[2])) if table[2] else None
        return table[0]
    def _indices(self, word: str | None, classes: frozenset[str]) -> tuple[int, ...]:
        """The phrases that can start at a word (in their order), from the word and its classes."""
        indices = set(self.anywhere) | set(self.literal.get(word, ()))
        for name in classes:
            indices.update(self.classes[name])
        return tuple(sorted(indices))

    def _candidates(self, word: str | None, classes: frozenset[str]) -> re.Pattern | _Alternatives | None:
        key = (word, classes)
        if key not in self._by_key:
            indices = self._indices(word, classes)
            self._by_key[key] = self._regex_for(indices) if indices else None
        return self._by_key[key]

    def _next_words(self, norm: str, word: str | None, classes: frozenset[str]) -> frozenset[str] | None:
        """What can follow `norm` in a match of the phrases worth trying there (None: anything)."""
        key = (word, classes)
        if key not in self._next_by_key:
            self._next_by_key[key] = _seconds(norm, [self.phrases[i] for i in self._indices(word, classes)])
        return self._next_by_key[key]

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) token spans, leftmost first."""
        if not self.body:
            return []
        encoded = encode(doc)
        if not self.by_word:
            return self._scan(encoded)
        text, offsets, norms = encoded.text, encoded.offsets, encoded.norms
        literal, class_names, anywhere = self.literal, self.class_names, self.anywhere
        key_by_norm, by_key, next_by_key = self._key_by_norm, self._by_key, self._next_by_key
        if anywhere:
            starts = range(len(norms))
        else:  # only the words some phrase can start with are worth a look
            starts = encoded.starts(self.literal_words)
            if class_names:
                class_positions = encoded.class_positions
                starts += [k for name in class_names for k in class_positions.get(name, ())]
                starts = sorted(set(starts))
            if not starts:
                return []
        out = []
        resume = 0
        for k in starts:
            pos = offsets[k]
            if pos < resume:
                continue
            norm = norms[k]
            if class_names:
                key = key_by_norm.get(norm)
                if key is None:
                    if len(key_by_norm) > 200_000:  # a corpus's vocabulary: keep the table bounded
                        key_by_norm.clear()
                    key = key_by_norm[norm] = (norm if norm in literal else None, class_names & classes_of(norm))
                regex = by_key[key] if key in by_key else self._candidates(*key)
                if regex is not None:
                    seconds = next_by_key[key] if key in next_by_key else self._next_words(norm, *key)
                    if seconds is not None and (k + 1 >= len(norms) or norms[k + 1] not in seconds):
                        continue
            elif not anywhere:  # the common case: a set of phrases that all start with a word
                regex = self._followed_by(norm, norms[k + 1] if k + 1 < len(norms) else None)
            else:
                regex = self._by_word.get(norm) if norm in literal else self._candidates(None, _NO_CLASSES)
                if regex is None and norm in literal:
                    regex = self._by_word[norm] = self._candidates(norm, _NO_CLASSES)
            if regex is None:
                continue
            m = regex.match(text, pos)
            if m is None:
                continue
            span = encoded.token_span(pos, m.end())
            if span is not None:
                out.append(span)
            resume = m.end()
        return out

    def _scan(self, encoded: EncodedNorms) -> list[tuple[int, int]]:
        out = []
        for m in self.regex.finditer(encoded.text):
            span = encoded.token_span(m.start(), m.end())
            if span is not None:
                out.append(span)
        return out


def _seconds(word: str, phrases: list[Compiled]) -> frozenset[str] | None:
    """The words that can come right after `word` when one of these phrases matches starting there,
    or None when that can be any word (or nothing: the phrase may end with `word`)."""
    out = set()
    for phrase in phrases:
        starts = [h for h in phrase.heads if h and h[0] in (word, ANY)]
        if not starts or any(len(h) < 2 or h[1] == ANY for h in starts):
            return None
        out.update(h[1] for h in starts)
    return frozenset(out)


_HOT = 500  # uses after which the phrases tried at a word are compiled into one regex


class _Alternatives:
    """Phrases tried at a word one after the other, each compiled once on its own: what their
    alternation `p1|p2|...` matches, as nothing follows it. Compiling the alternation costs as much
    as a few thousand such tries, so it is done only for words met often (`_HOT` times)."""

    __slots__ = ("indices", "owner", "patterns", "uses")

    def __init__(self, owner: PhraseRegex, indices: tuple[int, ...]):
        self.owner, self.indices, self.uses = owner, indices, 0
        self.patterns = tuple(_compile(owner.phrases[i].regex) for i in indices)

    def match(self, text: str, pos: int):
        self.uses += 1
        if self.uses >= _HOT:
            return self.owner._promote(self).match(text, pos)
        for pattern in self.patterns:
            m = pattern.match(text, pos)
            if m is not None:
                return m
        return None


class PhraseSets:
    """Several phrase sets matched in one pass over a Doc's words. Each set's matches are exactly what
    its own `find` returns (leftmost, non-overlapping within the set); sets of phrases that all start
    with a word share the walk, which costs less than one walk per set. The walk is shared further:
    every PhraseSets of the process (the ask detector's and the rules') is walked together, once per
    Doc (`_JointWalk`), since finding where a message's words start a phrase is most of a walk's cost."""

    def __init__(self, sets: dict[str, PhraseRegex]):
        self.sets = sets
        self.shared = {name: rx for name, rx in sets.items() if rx.by_word and not rx.class_names and not rx.anywhere}
        self.own_walk = [(name, rx) for name, rx in sets.items() if name not in self.shared]  # each found by its own find
        self.serial = next(_SERIALS)
        if self.shared:
            _JOINT.join(self)

    def find(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {name: [] for name in self.sets}
        for name, rx in self.own_walk:
            out[name] = rx.find(doc)
        if self.shared:
            found = _JOINT.find(doc)
            serial = self.serial
            for name in self.shared:
                spans = found.get((serial, name))
                if spans:
                    out[name] = list(spans)  # a list of its own: the walk's result is kept for other sets
        return out


_SERIALS = count()


class _JointWalk:
    """The shared phrase sets of every PhraseSets alive, walked together over a Doc's words once.

    Each set keeps its own place in the walk (where its last match ended), so its matches are those of
    a walk of that set alone; what is shared is finding the words that start a phrase of any set (a
    look-up of every word of the message) and the loop over them."""

    def __init__(self):
        self.members: list[weakref.ref] = []
        self.changed = True
        self.last: tuple = (None, {})  # the last Doc walked and what was found in it

    def join(self, sets: PhraseSets) -> None:
        self.members.append(weakref.ref(sets))
        self.changed = True

    def _build(self) -> None:
        self.members = [ref for ref in self.members if ref() is not None]
        # first word -> the sets to try there whatever the next word is, and first word -> next word ->
        # the sets to try there: a set whose phrases cannot go on with the next word is not visited.
        # A set is named by (its PhraseSets' serial, its name).
        self.any_next: dict[str, list[tuple[tuple[int, str], PhraseRegex]]] = {}
        self.by_next: dict[str, dict[str, list[tuple[tuple[int, str], PhraseRegex]]]] = {}
        self.keys: list[tuple[int, str]] = []
        # A set of the same phrases as one walked already (self-deprecation's labels and
        # excessive-apology's) finds the same spans: it is not walked again, it is given the first's.
        self.copies: list[tuple[tuple[int, str], tuple[int, str]]] = []  # (walked set, its twin)
        walked: dict[tuple[Compiled, ...], tuple[int, str]] = {}
        for ref in self.members:
            member = ref()
            if member is None:
                continue
            for name, rx in member.shared.items():
                key = (member.serial, name)
                twin = walked.setdefault(tuple(rx.phrases), key)
                if twin != key:
                    self.copies.append((twin, key))
                    continue
                self.keys.append(key)
                for word in rx.literal_words:
                    seconds = rx._next_words(word, word, _NO_CLASSES)  # shared sets: no class, no "anywhere"
                    if seconds is None:
                        self.any_next.setdefault(word, []).append((key, rx))
                    else:
                        following = self.by_next.setdefault(word, {})
                        for second in seconds:
                            following.setdefault(second, []).append((key, rx))
        self.words = frozenset(self.any_next) | frozenset(self.by_next)
        self.changed = False
        self.last = (None, {})

    def find(self, doc: Doc) -> dict[tuple[int, str], list[tuple[int, int]]]:
        """(serial, set name) -> the set's non-overlapping (start, end) token spans, leftmost first;
        a set that matches nothing is left out."""
        if self.changed:
            self._build()
        if self.last[0] is doc:
            return self.last[1]
        out: dict[tuple[int, str], list[tuple[int, int]]] = {}
        self.last = (doc, out)
        encoded = encode(doc)
        starts = encoded.starts(self.words)
        if not starts:
            return out
        text, offsets, norms = encoded.text, encoded.offsets, encoded.norms
        last = len(norms) - 1
        any_next, by_next = self.any_next, self.by_next
        resume = dict.fromkeys(self.keys, 0)
        for k in starts:
            norm = norms[k]
            tried = any_next.get(norm, ())
            if k < last and norm in by_next:
                gated = by_next[norm].get(norms[k + 1])
                if gated:
                    tried = [*tried, *gated]
            if not tried:
                continue
            pos = offsets[k]
            for key, rx in tried:
                if pos < resume[key]:
                    continue
                regex = rx._followed_by(norm, norms[k + 1] if k < last else None)
                if regex is None:
                    continue
                m = regex.match(text, pos)
                if m is None:
                    continue
                span = encoded.token_span(pos, m.end())
                if span is not None:
                    if key in out:
                        out[key].append(span)
                    else:
                        out[key] = [span]
                resume[key] = m.end()
        for walked, twin in self.copies:
            if walked in out:
                out[twin] = out[walked]  # each caller copies what it is given
        return out


_JOINT = _JointWalk()


_NO_CLASSES: frozenset[str] = frozenset()
_UNSET = object()  # a table entry not worked out yet
# regex text -> compiled, for every phrase set: the same phrases in several sets (a rule's and the ask
# detector's) compile once per process, not once per set.
_PATTERNS: dict[str, re.Pattern] = {}


def _compile(regex: str) -> re.Pattern:
    pattern = _PATTERNS.get(regex)
    if pattern is None:
        pattern = _PATTERNS[regex] = _PROGRAMS.pattern(regex)
    return pattern


_CLASS_TESTS = [(f"[{name}]", re.compile(regex)) for name, regex in CLASSES.items() if name not in _MULTIWORD_CLASSES]
_CLASSES_OF: dict[str, frozenset[str]] = {}


def classes_of(norm: str) -> frozenset[str]:
    """The one-word classes ("[NUM]", "[DAY]", "[WORD]"…) a token's norm belongs to, cached per norm."""
    found = _CLASSES_OF.get(norm)
    if found is None:
        if len(_CLASSES_OF) > 200_000:  # a corpus's vocabulary: keep the cache bounded
            _CLASSES_OF.clear()
        found = _CLASSES_OF[norm] = frozenset(name for name, regex in _CLASS_TESTS if regex.fullmatch(norm))
    return found


class EncodedNorms:
    """A Doc's non-space tokens as " norm norm norm ", with the way back to token indices.

    `offsets[k]` is where the k-th word starts in `text`; the entry after the last word is len(text),
    so a match ending at `offsets[k]` ends with word k - 1.
    """

    __slots__ = ("text", "norms", "offsets", "token_index", "_positions", "_class_positions")

    def __init__(self, norms: list[str], token_index: list[int], joined: str | None = None):
        self.norms = norms
        if joined is None:
            joined = " ".join(norms)
        self.text = " " + joined + " " if norms else " "
        # offsets[k] = 1 + k + the lengths of the words before k (one space after each), summed in C.
        self.offsets = list(map(add, accumulate(map(len, norms), initial=0), count(1)))
        self.token_index = token_index
        self._positions: dict[str, list[int]] | None = None
        self._class_positions: dict[str, list[int]] | None = None

    def starts(self, first_words: frozenset[str]) -> list[int]:
        """The words (k, ascending) whose norm is one of `first_words`, picked out in C."""
        return list(compress(count(), map(first_words.__contains__, self.norms)))

    @property
    def positions(self) -> dict[str, list[int]]:
        """norm -> the words (k) that have it, worked out once per Doc when asked for."""
        if self._positions is None:
            positions: dict[str, list[int]] = {}
            for k, norm in enumerate(self.norms):
                if norm in positions:
                    positions[norm].append(k)
                else:
                    positions[norm] = [k]
            self._positions = positions
        return self._positions

    @property
    def class_positions(self) -> dict[str, list[int]]:
        """class ("[NUM]") -> the words that belong to it, worked out once per Doc."""
        if self._class_positions is None:
            found: dict[str, list[int]] = {}
            for norm, ks in self.positions.items():
                for name in classes_of(norm):
                    found.setdefault(name, []).extend(ks)
            self._class_positions = found
        return self._class_positions

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The Doc token span of text[start:end], or None unless it starts and ends on word edges."""
        offsets = self.offsets
        first = bisect_left(offsets, start)
        after = bisect_left(offsets, end, first)
        if after == first or after >= len(offsets) or offsets[first] != start or offsets[after] != end:
            return None
        return self.token_index[first], self.token_index[after - 1] + 1


_LAST: list = [None, None]  # the last Doc encoded and its encoding: most calls ask for the same Doc


def encode(doc: Doc) -> EncodedNorms:
    """The Doc's norms encoded for phrase matching (cached on the Doc)."""
    if _LAST[0] is doc:
        return _LAST[1]
    cached = doc.user_data.get("askcheck_norms")
    if cached is None:
        from .docinfo import norms, offsets

        is_word = list(map(not_, offsets(doc)[1]))  # the non-space tokens
        words = list(compress(norms(doc), is_word))
        # A norm is encoded as it is unless it holds a space or is empty (then `_SAFE_NORMS` mends it),
        # and joined once the joined words show neither: one look-up per word less.
        text = " ".join(words)
        if not (all(words) and text.count(" ") == len(words) - 1):
            words = list(map(_SAFE_NORMS.__getitem__, words))
            text = " ".join(words)
        cached = doc.user_data["askcheck_norms"] = EncodedNorms(words, list(compress(count(), is_word)), text)
    _LAST[0], _LAST[1] = doc, cached
    return cached


class _SafeNorms(BoundedTable):
    """norm -> the norm as it is encoded: a norm never contains the separator, and an empty norm still
    takes a place. Cached per norm, so that encoding is one `map` over a message's words."""

    def make(self, norm: str) -> str:
        return norm.replace(" ", "_") or "_"


_SAFE_NORMS = _SafeNorms()


# ------------------------------------------------------------------------------ compiled phrase cache
#
# Compiling a lexicon phrase means tokenizing its words with spaCy (which adds every one of them to the
# vocabulary) and parsing the phrase language: about a billion instructions for askcheck's ~600
# phrases, a fifth of a cold `askcheck lint`. The result depends only on the phrase, this module and
# spaCy's English tokenizer, so it is kept on disk between runs, under a name made from this module's
# source and spaCy's version (a change to either starts a new file). A cache that cannot be read or
# written is simply not used. The folder is askcheck's cache folder (`cachedir`).
def _cache_path() -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    import spacy

    stamp = hashlib.sha256(Path(__file__).read_bytes() + spacy.__version__.encode()).hexdigest()[:16]
    return folder / f"phrases-{stamp}.json"


class _PhraseCache:
    prefix = "phrases-"  # the cache files' names: prefix, stamp, suffix
    suffix = ".json"

    def __init__(self):
        self.path: Path | None = None
        self.entries: dict[str, list] | None = None  # phrase -> [regex, first words or None, nullable, heads]
        self.added = False

    def _path(self) -> Path | None:
        return _cache_path()

    def _read(self, path: Path):
        return json.loads(path.read_text(encoding="utf-8"))

    def _write(self, fd: int) -> None:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.entries, fh, ensure_ascii=False, separators=(",", ":"))

    def load(self) -> dict[str, list]:
        if self.entries is None:
            self.entries = {}
            self.path = self._path()
            if self.path is not None:
                try:
                    data = self._read(self.path)
                    if isinstance(data, dict):
                        self.entries = data
                    touch_in_use(self.path)
                except (OSError, ValueError, EOFError):  # EOFError: a truncated marshal file
                    pass
        return self.entries

    def get(self, phrase: str) -> Compiled | None:
        found = self.load().get(phrase)
        try:
            regex, first, nullable, heads = found
        except (TypeError, ValueError):
            return None  # not there, or not an entry this module wrote
        if not (isinstance(regex, str) and isinstance(nullable, bool)
                and (first is None or isinstance(first, list) and all(isinstance(w, str) for w in first))
                and isinstance(heads, list) and all(isinstance(h, list) and len(h) <= 2
                                                    and all(isinstance(w, str) for w in h) for h in heads)):
            return None
        return Compiled(regex, None if first is None else frozenset(first), nullable, frozenset(map(tuple, heads)))

    def put(self, phrase: str, compiled: Compiled) -> None:
        first = None if compiled.first is None else sorted(compiled.first)
        self.load()[phrase] = [compiled.regex, first, compiled.nullable, sorted(map(list, compiled.heads))]
        if not self.added and self.path is not None:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the cache (atomically: a reader never sees half a file; the last writer wins)."""
        if self.path is None or self.entries is None:
            return
        if write_atomically(self.path, self._write):
            prune(self.path, self.prefix, self.suffix)


_CACHE = _PhraseCache()


# ------------------------------------------------------------------------------ compiled regex cache
#
# `re` parses and compiles a regex in Python: the phrase regexes a corpus run meets cost about a
# billion instructions to compile, every process. What compiling makes (the program `re` hands to
# `_sre.compile`) depends only on the regex and the Python version, so it is kept on disk too, next to
# the phrases, and a pattern is made from it as `re.compile` itself ends, by `_sre.compile` (which
# checks the program it is given). The file's name carries the Python version; anything unexpected
# (another Python's `re` internals, a damaged entry) falls back to `re.compile`.


class _ProgramCache(_PhraseCache):
    prefix = "regex-"
    suffix = ".marshal"

    def _path(self) -> Path | None:
        phrases = _cache_path()
        if phrases is None or _sre is None:
            return None
        python = hashlib.sha256(f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE}".encode()).hexdigest()[:8]
        stamp = phrases.name[len(_PhraseCache.prefix):-len(_PhraseCache.suffix)]
        return phrases.with_name(f"{self.prefix}{stamp}-{python}{self.suffix}")

    def _read(self, path: Path):
        return marshal.loads(path.read_bytes())  # regex -> its program, marshalled

    def _write(self, fd: int) -> None:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(self.entries, fh)

    def pattern(self, regex: str) -> re.Pattern:
        """`re.compile(regex)`, from the kept program when there is one."""
        found = self.load().get(regex)
        if isinstance(found, bytes):
            try:
                return _sre.compile(regex, *marshal.loads(found))
            except Exception:  # noqa: BLE001 - not a program this Python can use: compile it
                pass
        try:
            program = _program(regex)
            pattern = _sre.compile(regex, *program)
            self.entries[regex] = marshal.dumps(program)
        except Exception:  # noqa: BLE001 - `re`'s internals are not what this module expects
            return re.compile(regex)
        if not self.added and self.path is not None:
            self.added = True
            atexit.register(self.save)
        return pattern


def _program(regex: str) -> tuple:
    """The arguments after the pattern that `re.compile(regex)` passes to `_sre.compile` (Python 3.11+)."""
    from re import _compiler, _parser

    parsed = _parser.parse(regex, 0)
    code = _compiler._code(parsed, 0)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # (the opcodes are int subclasses, which marshal does not keep: plain ints are the same program)
    return int(parsed.state.flags), list(map(int, code)), parsed.state.groups - 1, dict(groupindex), tuple(indexgroup)


_PROGRAMS = _ProgramCache()
