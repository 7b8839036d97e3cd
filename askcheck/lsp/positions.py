"""Character offsets <-> LSP positions: a 0-based line and a column counted in the encoding the client
and server agreed on at `initialize` (UTF-16 code units unless the client offers UTF-8 or UTF-32).

Lines end at "\\n", "\\r\\n" or "\\r" and nowhere else, as the protocol says: Python's `splitlines`
also breaks at form feeds, "\\u2028" and other separators, which would put every later diagnostic of a
message on the wrong line.
"""
from __future__ import annotations

import bisect
import re

_LINE_END = re.compile(r"\r\n|\r|\n")
ENCODINGS = ("utf-8", "utf-16", "utf-32")


def units(char: str, encoding: str) -> int:
    """How many code units one character takes in the encoding."""
    if encoding == "utf-32":
        return 1
    if encoding == "utf-16":
        return 2 if ord(char) > 0xFFFF else 1
    return len(char.encode("utf-8", "surrogatepass"))


class LineMap:
    def __init__(self, text: str, encoding: str = "utf-16"):
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        # Where each line's content ends (before its line break).
        self.ends = [m.start() for m in _LINE_END.finditer(text)] + [len(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column in code units) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if self.encoding == "utf-32":
            return line, offset - start
        return line, sum(units(c, self.encoding) for c in self.text[start:offset])

    def offset(self, line: int, column: int) -> int:
        """The character offset of a position. A line past the end is the end of the text; a column
        past the end of its line is the line's end; a column inside a character is that character."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.ends[line]
        if self.encoding == "utf-32":
            return min(start + max(column, 0), end)
        counted = 0
        for i in range(start, end):
            counted += units(self.text[i], self.encoding)
            if counted > column:
                return i
        return end
