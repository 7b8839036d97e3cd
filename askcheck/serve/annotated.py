"""LanguageTool's annotated text (the `data` field): text mixed with markup the checker must skip.

    {"annotation": [{"text": "Could you "}, {"markup": "<b>"}, {"text": "help"}, {"markup": "</b>"},
                    {"markup": "<br/>", "interpretAs": "\\n"}, {"text": "Thanks"}]}

askcheck lints the plain text (text parts, and markup read as its `interpretAs`), and answers with
offsets into the original (every part, markup included), as LanguageTool does: a client that sent
HTML finds the flagged words in its HTML.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass


class AnnotationError(ValueError):
    """The `data` field is not an annotated text; str() says why."""


@dataclass(frozen=True)
class Piece:
    plain_start: int
    plain_end: int
    original_start: int
    original_end: int
    is_text: bool


class AnnotatedText:
    def __init__(self, parts: list[tuple[str, str | None]]):
        """`parts`: (original, plain) pairs; plain is None for a text part (it reads as itself)."""
        self.pieces: list[Piece] = []
        plain, original = [], []
        p = o = 0
        for orig, as_plain in parts:
            is_text = as_plain is None
            reads = orig if is_text else as_plain
            self.pieces.append(Piece(p, p + len(reads), o, o + len(orig), is_text))
            plain.append(reads)
            original.append(orig)
            p += len(reads)
            o += len(orig)
        self.plain = "".join(plain)
        self.original = "".join(original)
        # The parts that read as something (markup with no interpretAs reads as nothing) tile the
        # plain text end to end, so a bisect over their starts finds the part holding an offset.
        self._read = [piece for piece in self.pieces if piece.plain_end > piece.plain_start]
        self._plain_starts = [piece.plain_start for piece in self._read]

    @classmethod
    def of_text(cls, text: str) -> "AnnotatedText":
        return cls([(text, None)])

    @classmethod
    def parse(cls, raw: str) -> "AnnotatedText":
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise AnnotationError(f"data is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise AnnotationError('data must be a JSON object with an "annotation" list')
        if set(data) == {"text"} and isinstance(data["text"], str):
            return cls.of_text(data["text"])
        items = data.get("annotation")
        if not isinstance(items, list):
            raise AnnotationError('data must be a JSON object with an "annotation" list')
        parts = []
        for n, item in enumerate(items):
            where = f"data.annotation[{n}]"
            if not isinstance(item, dict):
                raise AnnotationError(f"{where} must be an object")
            keys = set(item)
            if keys == {"text"} and isinstance(item["text"], str):
                parts.append((item["text"], None))
            elif "markup" in keys and keys <= {"markup", "interpretAs"} and isinstance(item["markup"], str) \
                    and isinstance(item.get("interpretAs", ""), str):
                parts.append((item["markup"], item.get("interpretAs", "")))
            else:
                raise AnnotationError(f'{where} must be {{"text": ...}} or {{"markup": ..., "interpretAs": ...}}')
        return cls(parts)

    def original_offset(self, plain: int, *, ending: bool = False) -> int:
        """Where plain-text offset `plain` falls in the original. A start belongs to the part it
        begins, an end to the part it closes: a span that ends on a text part's last character does
        not swallow the markup after it, and one that starts or ends inside a markup's `interpretAs`
        covers the whole markup."""
        if ending and plain <= 0:
            return 0
        if not ending and plain >= len(self.plain):
            return len(self.original)
        i = (bisect.bisect_left if ending else bisect.bisect_right)(self._plain_starts, plain) - 1
        piece = self._read[i]
        if piece.is_text:
            return piece.original_start + (plain - piece.plain_start)
        return piece.original_end if ending else piece.original_start

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original range of plain text[start:end]."""
        lo = self.original_offset(start)
        hi = self.original_offset(end, ending=True) if end > start else lo
        return lo, max(hi, lo)

    def is_plain(self, start: int, end: int) -> bool:
        """True when the original range of plain[start:end] holds text parts only, so replacing it with
        plain text loses no markup."""
        lo, hi = self.original_span(start, end)
        return self.original[lo:hi] == self.plain[start:end]
