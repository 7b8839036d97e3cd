"""The text the pipeline reads, and the way back to the text the writer wrote.

Two things stand between a message as given and the tokens askcheck matches:

* **Folding.** Characters a reader does not see must not hide an ask: a no-break space inside
  "Could you", a zero-width joiner inside "Sorry", a leading bidi override, a combining accent on a
  letter. For matching, format characters (Unicode Cf) and combining marks (Mn, Me) are dropped,
  every kind of space becomes " ", a compatibility letter or digit becomes its ASCII form when NFKC
  gives one ("Ｃｏｕｌｄ" -> "Could", "ﬁ" -> "fi"), curly quotes become straight, and a lone surrogate
  (no character at all: it cannot be hashed or encoded) becomes U+FFFD. Other characters, the
  ellipsis and emoji among them, are read as written, so ordinary text is tokenized as before.
  Offsets found in the folded text are mapped back (`Folded.start`, `Folded.end`), so every finding
  still indexes the original text.
* **Pieces.** spaCy refuses a text over `nlp.max_length` (1,000,000 characters), and the ask model
  reads a whole message again for each ask, so a very long message costs more than in proportion.
  A message over LONG_MESSAGE characters is linted in pieces of whole paragraphs (`pieces`), each
  about PIECE_SIZE characters, and the findings of each piece are moved to where it starts.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

LONG_MESSAGE = 100_000  # characters; a message up to this size is linted whole, as always
PIECE_SIZE = 5_000  # characters per piece of a longer one: small enough that cost stays linear

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What one non-ASCII character reads as for matching ("" to drop it)."""
    if ch in _QUOTES:
        return _QUOTES[ch]
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    category = unicodedata.category(ch)
    if category in ("Cf", "Mn", "Me"):
        return ""
    if category == "Zs":
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and folded.isascii() and folded.isalnum():
        return folded
    return ch


def normalize_quotes(text: str) -> str:
    """Curly quotes folded to straight ones, one character for one (for text of another tokenizer)."""
    return text.translate(_QUOTE_TABLE)


_QUOTE_TABLE = str.maketrans(_QUOTES)


class Folded:
    """A text folded for matching (`text`), with the way back to offsets in the original."""

    __slots__ = ("text", "_starts", "_ends")

    def __init__(self, text: str, starts: list[int] | None = None, ends: list[int] | None = None):
        self.text = text
        # None when every character folded to exactly one: offsets are the same in both texts.
        self._starts = starts
        self._ends = ends

    @property
    def identity(self) -> bool:
        return self._starts is None

    def start(self, offset: int) -> int:
        """Where a span starting at `offset` of the folded text starts in the original."""
        return offset if self._starts is None else self._starts[offset]

    def end(self, offset: int) -> int:
        """Where a span ending at `offset` of the folded text ends in the original (dropped characters
        inside a span belong to it, those just after it do not)."""
        return offset if self._ends is None else self._ends[offset]


def fold(text: str) -> Folded:
    if text.isascii():
        return Folded(text)
    out: list[str] = []
    pos = 0
    same_length = True
    replaced: list[tuple[int, str]] = []
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        new = fold_char(text[i])
        if new == text[i]:
            continue
        out.append(text[pos:i])
        out.append(new)
        pos = i + 1
        replaced.append((i, new))
        same_length = same_length and len(new) == 1
    if not replaced:
        return Folded(text)
    out.append(text[pos:])
    folded = "".join(out)
    if same_length:
        return Folded(folded)
    # starts[k]: original index of folded character k (then len(text)); ends[k]: where folded
    # text[:k] ends in the original, just after the character its last character came from.
    starts: list[int] = []
    pos = 0
    for i, new in replaced:
        starts.extend(range(pos, i))
        starts.extend([i] * len(new))
        pos = i + 1
    starts.extend(range(pos, len(text)))
    ends = [0] + [s + 1 for s in starts]
    starts.append(len(text))
    return Folded(folded, starts, ends)


# -------------------------------------------------------------------------------------- pieces

_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?]+[\"')\]]*\s+")
_SPACE = re.compile(r"\s+")


def pieces(text: str, long: int = LONG_MESSAGE, size: int = PIECE_SIZE) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces to lint `text` in: the whole text when it is at most `long`
    characters, else runs of whole paragraphs of about `size` characters. A paragraph longer than
    `size` is cut at line breaks, then after sentences, then at spaces, and only a text with none
    of these (a single 'word' of a million letters) at exactly `size` characters."""
    if len(text) <= long:
        yield 0, len(text)
        return
    start = 0
    n = len(text)
    while start < n:
        if n - start <= size:
            yield start, n
            return
        yield start, (start := _cut(text, start, size))


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece that begins at `start` ends: the last good boundary before start + size."""
    limit = start + size
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        end = None
        for m in pattern.finditer(text, start, limit):
            end = m.end()
        if end is not None and end > start:
            return end
    return limit
