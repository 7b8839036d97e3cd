"""Per-Doc facts computed once and shared by every component and rule (text, tokens, sentences).

`doc.text`, `span.text`, `doc.sents` and `span.sent` rebuild strings or Span objects from the tokens
on every call; on a corpus of thousands of messages that cost more than all the rules together, so
each is computed once and kept in `doc.user_data`, which lives and dies with its Doc.
"""
from __future__ import annotations

import bisect
from itertools import repeat
from operator import add
from typing import NamedTuple

import numpy

from spacy.attrs import IDX, IS_SPACE, NORM, ORTH, SENT_START
from spacy.tokens import Doc, Span

# What varies from token to token; the rest is the word's (`_Words`). IS_SPACE is the word's too, but
# read as a column it costs less than picking it out of every token afterwards.
_TOKEN_ATTRS = [ORTH, NORM, IDX, IS_SPACE]


class Tok(NamedTuple):
    """A read-only token with the attributes askcheck reads, built in bulk from `Doc.to_array`.

    spaCy's Token objects are created afresh on every access and each attribute is a call into the
    vocabulary; askcheck reads a few attributes of every token many times, so it reads them once. A
    named tuple is built in C, which matters at a few hundred thousand tokens a corpus. The fields
    after `idx` are the word's (its lexeme's), the same for every token of that word.
    """

    i: int
    norm_: str  # a token's own: the tokenizer's exceptions give "ca" in "can't" the norm "can"
    idx: int
    text: str
    lower_: str
    is_space: bool
    is_punct: bool
    is_alpha: bool
    is_title: bool
    is_upper: bool
    is_lower: bool
    like_num: bool
    like_url: bool


TEXT_KEY = "askcheck_text"
# Where a message's subject line (context for its asks, not linted itself) is kept on its Doc.
SUBJECT_KEY = "askcheck_subject"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per Doc (or kept by the engine, which has it already)."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.user_data[TEXT_KEY] = doc.text
    return cached


def span_text(span) -> str:
    """`span.text`, sliced from the cached Doc text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char:span.end_char]


_LAST: list = [None, None]  # the last Doc asked for and its tokens: most calls ask for the same Doc


class BoundedTable(dict):
    """key -> value, worked out by `make` the first time a key is asked for, so that a look-up through
    `map` is a dict look-up in C; dropped whole when it passes `limit` entries (a corpus's vocabulary)."""

    limit = 200_000

    def make(self, key):
        raise NotImplementedError

    def __missing__(self, key):
        if len(self) > self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value


class _StringsByHash(BoundedTable):
    """hash -> string, filled from a StringStore on first use. A string's hash is the same in every
    StringStore (spaCy hashes the text itself), so one table serves every vocabulary; a dict lookup
    through `map` costs less than the StringStore's, and equal words come back as one string object."""

    store = None  # the StringStore a hash not seen yet is read from

    def make(self, key: int) -> str:
        return self.store[key]


class _Words(BoundedTable):
    """orth hash -> the word's Tok fields after `idx` (text, lower_ and the flags), read from its
    lexeme once: `Doc.to_array` would read every flag of every token again, at a cost of about a
    hundred thousand instructions a message. Kept for one vocabulary at a time."""

    vocab = None

    def make(self, orth: int) -> tuple:
        lex = self.vocab[orth]
        return (lex.orth_, lex.lower_, lex.is_space, lex.is_punct, lex.is_alpha, lex.is_title,
                lex.is_upper, lex.is_lower, lex.like_num, lex.like_url)


_STRINGS = _StringsByHash()
_WORDS_BY_ORTH = _Words()


def tokens(doc: Doc) -> list[Tok]:
    if _LAST[0] is doc:
        return _LAST[1]
    cached = doc.user_data.get("askcheck_toks")
    if cached is None:
        vocab = doc.vocab
        if _WORDS_BY_ORTH.vocab is not vocab:
            _WORDS_BY_ORTH.clear()
            _WORDS_BY_ORTH.vocab = vocab
        _STRINGS.store = vocab.strings
        orth, norm, idx, space = doc.to_array(_TOKEN_ATTRS).T.tolist()
        norms = list(map(_STRINGS.__getitem__, norm))
        # Each Tok is (i, norm_, idx) + the word's fields, joined and made a Tok in C: `map` over
        # columns beats building each token's values one by one in Python.
        cached = list(map(tuple.__new__, repeat(Tok), map(add, zip(range(len(doc)), norms, idx),
                                                          map(_WORDS_BY_ORTH.__getitem__, orth))))
        doc.user_data["askcheck_toks"] = cached
        doc.user_data[_OFFSETS_KEY] = (idx, space, norms)
    _LAST[0], _LAST[1] = doc, cached
    return cached


_OFFSETS_KEY = "askcheck_offsets"


def offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's character offset and whether it is whitespace (1 or 0), as lists (read with the tokens)."""
    tokens(doc)
    return doc.user_data[_OFFSETS_KEY][:2]


def norms(doc: Doc) -> list[str]:
    """Each token's norm_, as a list (read with the tokens): what phrase matching encodes."""
    tokens(doc)
    return doc.user_data[_OFFSETS_KEY][2]


_WORDS: list = [None, {}]  # the last Doc asked about and its words by span: callers only read them


def words(span) -> list[Tok]:
    """The non-space tokens of a span or sentence, as Tok (the same list for the same span: read only)."""
    doc = span.doc
    if _WORDS[0] is not doc:
        _WORDS[0], _WORDS[1] = doc, {}
    key = (span.start, span.end)
    found = _WORDS[1].get(key)
    if found is None:
        found = _WORDS[1][key] = [t for t in tokens(doc)[span.start:span.end] if not t.is_space]
    return found

_KEY = "askcheck_sents"
# The sentence starts (token indices, ascending, from 0) that askcheck's splitter wrote into the Doc.
SENT_STARTS_KEY = "askcheck_sent_starts"


def sentences(doc: Doc) -> list[Span]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        starts = doc.user_data.get(SENT_STARTS_KEY)
        if starts is None:
            starts = _sentence_starts(doc) if len(doc) else []
        doc.user_data[_KEY] = cached = _spans_from(doc, starts)
        doc.user_data[_KEY + "_starts"] = starts
    return cached


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, read from the Doc in one array read (or from `doc.sents`)."""
    if not doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents]
    starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


def _spans_from(doc: Doc, starts: list[int]) -> list[Span]:
    """`list(doc.sents)`, from the sentence starts."""
    ends = starts[1:] + [len(doc)]
    return [Span(doc, s, e) for s, e in zip(starts, ends)]


def sentence_index(doc: Doc, token_i: int) -> int:
    """Which sentence (its index in `sentences(doc)`) holds the token at `token_i`."""
    sentences(doc)
    return max(bisect.bisect_right(doc.user_data[_KEY + "_starts"], token_i) - 1, 0)


def sentence_of(span_or_token) -> Span:
    """The sentence containing a span (or token), from the cached list."""
    doc = span_or_token.doc
    start = span_or_token.i if hasattr(span_or_token, "i") else span_or_token.start
    return sentences(doc)[sentence_index(doc, start)]


_MODEL: list = [None, None, None]  # the last Doc asked about, its asks and its distress (as the detector set them)


def set_model(doc: Doc, *, asks: list | None = None, distress: list | None = None) -> None:
    """Set `doc._.asks` / `doc._.distress` (whichever is given) and remember them for `asks_of` and
    `distress_of`: each read through `doc._` builds an accessor object, which adds up over a corpus."""
    if _MODEL[0] is not doc:
        _MODEL[0], _MODEL[1], _MODEL[2] = doc, None, None
    if not _EXTENSION_KEYS:
        # Where `doc._.asks = x` keeps x (spaCy's own key for a Doc extension with a default): written
        # there directly, without building an accessor object twice a message. An extension someone
        # else registered with a getter or setter is set through `doc._` as before (key None).
        for name in ("asks", "distress"):
            plain = Doc.has_extension(name) and Doc.get_extension(name)[1:] == (None, None, None)
            _EXTENSION_KEYS[name] = doc._._get_key(name) if plain else None
    if asks is not None:
        _MODEL[1] = asks
        _set_extension(doc, "asks", asks)
    if distress is not None:
        _MODEL[2] = distress
        _set_extension(doc, "distress", distress)


_EXTENSION_KEYS: dict[str, tuple | None] = {}


def _set_extension(doc: Doc, name: str, value) -> None:
    key = _EXTENSION_KEYS[name]
    if key is None:
        setattr(doc._, name, value)
    else:
        doc.user_data[key] = value



def asks_of(doc: Doc) -> list:
    """`doc._.asks` (a list, empty when the message asks nothing), read once per Doc: rules ask for it often."""
    if _MODEL[0] is not doc or _MODEL[1] is None:
        _MODEL[0], _MODEL[1], _MODEL[2] = doc, doc._.asks, doc._.distress
    return _MODEL[1] or []


def distress_of(doc: Doc) -> list:
    """`doc._.distress`, read once per Doc."""
    if _MODEL[0] is not doc or _MODEL[2] is None:
        _MODEL[0], _MODEL[1], _MODEL[2] = doc, doc._.asks, doc._.distress
    return _MODEL[2] or []
