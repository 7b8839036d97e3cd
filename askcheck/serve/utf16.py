"""Offsets in UTF-16 code units, the way LanguageTool clients and JavaScript count them.

Python indexes a string by code point; LanguageTool (Java) and every browser index it by UTF-16 code
unit, where a character outside the Basic Multilingual Plane (most emoji, some CJK) takes two. An
offset sent to a client past such a character must be moved by one for each of them.
"""
from __future__ import annotations

import bisect


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Index:
    """Code point offsets of one text to UTF-16 offsets."""

    def __init__(self, text: str):
        # Positions of the two-unit characters; none in ASCII text, so nothing to search there.
        self._wide = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def offset(self, index: int) -> int:
        return index + bisect.bisect_left(self._wide, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(offset, length) in UTF-16 code units of text[start:end]."""
        first = self.offset(start)
        return first, self.offset(end) - first
