"""A tiny phrase language compiled to one regular expression over token norms, so lexicons read as prose.

    "sorry to (bother|trouble) you"   alternatives in parentheses, | between them (several words allowed)
    "i (really|truly)? hate to ask"   ? after a word or group makes it optional
    "if you have * time"              * is any one token (*? optional)
    "if ... (i'll|i can) ask"         ... is up to ten tokens, none of them a full stop or ? or !
    "[NUM] minutes"                   classes: [NUM] [DAY] [MONTH] [WORD] [PUNCT] [QMARK] [NUMUNIT] [RANGE] [DAYNUM] [ORDINAL] [SMALLNUM] [PLURAL]

Words are matched on the token's NORM, so "can't", "cannot" and "can not" are one phrase. A message is
encoded once as " norm1 norm2 ... " and every phrase set is one compiled regex over it: alternatives
cost nothing at compile time (spaCy's Matcher would need every combination spelled out).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from spacy.tokens import Doc

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
    "NUM": r"(?:\d[\d.,:]*|" + "|".join(NUMBER_WORDS) + r"|(?:twenty|thirty|forty|fifty|sixty)-\w+)",
    "NUMWORD": r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|"
               r"forty-five|fifty|sixty|ninety|few|couple|several|half|single)",
    "DAY": "(?:" + "|".join(WEEKDAYS) + ")",
    "MONTH": "(?:" + "|".join(MONTHS) + ")",
    "WORD": r"[a-z][a-z'-]*",
    "PUNCT": r"[^\w\s]+",
    "QMARK": r"\?+[!?]*",
    "SMALLNUM": r"(?:[1-9]|1\d|20|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few)",
    "PLURAL": r"[a-z][a-z-]*[a-z]s",
    "DAYNUM": r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?",
    "ORDINAL": r"\d+(?:st|nd|rd|th)",
    "RANGE": r"\d+(?::\d+)?(?:am|pm)?[-\u2013]\d+(?::\d+)?(?:am|pm)?",
    "NUMUNIT": r"\d+(?:[.,]\d+)?(?:s|sec|secs|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|wk|wks|pg|pgs|pp)",
}

@lru_cache(maxsize=None)
def _norms(word: str) -> tuple[str, ...]:
    """Tokenize a literal the way messages are tokenized and return the tokens' norms."""
    from .pipeline import tokenizer_vocab

    return tuple(t.norm_ for t in tokenizer_vocab()(word.replace("\u2019", "'")))


def _unit(word: str) -> str:
    """Regex for one word, class or wildcard, consuming its trailing separator."""
    if word == "*":
        return r"\S+ "
    if word == "...":
        return r"(?:[^\s.!?]+ ){0,10}?"
    if word.startswith("[") and word.endswith("]"):
        return CLASSES[word[1:-1].upper()] + " "
    return "".join(re.escape(n) + " " for n in _norms(word))


def phrase_regex(phrase: str) -> str:
    """Compile one phrase (groups may nest) to a regex over the encoded norms."""
    regex, pos = _parse_alternatives(phrase.lower(), 0)
    if pos != len(phrase):
        raise ValueError(f"unbalanced parentheses in phrase {phrase!r}")
    return regex


def _parse_alternatives(text: str, pos: int) -> tuple[str, int]:
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
    alts = sorted(set(alts), key=len, reverse=True)  # longest first: prefer the fuller reading
    return "(?:" + "|".join(alts) + ")", pos


def _parse_sequence(text: str, pos: int) -> tuple[str, int]:
    out = []
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
            piece = f"(?:{inner})"
        else:
            end = pos
            while end < len(text) and not text[end].isspace() and text[end] not in "()|":
                end += 1
            word = text[pos:end]
            pos = end
            if len(word) > 1 and word.endswith("?") and word != "[qmark]?":
                out.append(f"(?:{_unit(word[:-1])})?")
                continue
            piece = _unit(word)
            if pos < len(text) and text[pos] == "?":
                pos += 1
                out.append(f"(?:{piece})?")
                continue
            out.append(piece)
            continue
        if pos < len(text) and text[pos] == "?":
            pos += 1
            piece += "?"
        out.append(piece)
    return "".join(out), pos


class PhraseRegex:
    """A set of phrases compiled once; finds them in a Doc as token spans."""

    def __init__(self, phrases):
        body = "|".join(f"(?:{phrase_regex(p)})" for p in phrases)
        self.regex = re.compile(f"(?<= )(?:{body})") if body else None

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) token spans, leftmost first."""
        if self.regex is None:
            return []
        encoded = encode(doc)
        out = []
        for m in self.regex.finditer(encoded.text):
            span = encoded.token_span(m.start(), m.end())
            if span is not None:
                out.append(span)
        return out


class EncodedNorms:
    """A Doc's non-space tokens as " norm norm norm ", with the way back to token indices.

    `offsets[k]` is where the k-th word starts in `text`; the entry after the last word is len(text),
    so a match ending at `offsets[k]` ends with word k - 1.
    """

    __slots__ = ("text", "offsets", "token_index")

    def __init__(self, norms: list[str], token_index: list[int]):
        self.text = " " + "".join(norm + " " for norm in norms)
        self.offsets = list(accumulate((len(norm) + 1 for norm in norms), initial=1))
        self.token_index = token_index

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The Doc token span of text[start:end], or None unless it starts and ends on word edges."""
        offsets = self.offsets
        first = bisect_left(offsets, start)
        after = bisect_left(offsets, end, first)
        if after == first or after >= len(offsets) or offsets[first] != start or offsets[after] != end:
            return None
        return self.token_index[first], self.token_index[after - 1] + 1


def encode(doc: Doc) -> EncodedNorms:
    """The Doc's norms encoded for phrase matching (cached on the Doc)."""
    cached = doc.user_data.get("askcheck_norms")
    if cached is None:
        from .docinfo import tokens

        words = [tok for tok in tokens(doc) if not tok.is_space]
        # A norm never contains the separator, and an empty norm still takes a place.
        norms = [tok.norm_.replace(" ", "_") or "_" for tok in words]
        cached = doc.user_data["askcheck_norms"] = EncodedNorms(norms, [tok.i for tok in words])
    return cached
