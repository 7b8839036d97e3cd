"""Character offsets to 1-based line and column, right for LF and CRLF text alike."""
from __future__ import annotations

import bisect

from .finding import Position


class LineIndex:
    def __init__(self, text: str):
        self.starts = [0]
        newline = text.find("\n")
        while newline != -1:
            self.starts.append(newline + 1)
            newline = text.find("\n", newline + 1)

    def position(self, offset: int) -> Position:
        row = bisect.bisect_right(self.starts, offset) - 1
        return Position(row + 1, offset - self.starts[row] + 1)
