"""The one finding type every rule produces and every formatter consumes.

Modelled on ruff's Diagnostic: a finding carries zero or more fixes, each a
list of character-offset edits with an applicability that says whether a tool
may apply it without asking the writer.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

# Every placeholder the writer must fill looks like this everywhere: "[when]".
PLACEHOLDER_RE = re.compile(r"\[(?:when|how long|how much|what|who|which part)\]")


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(str, enum.Enum):
    """How far a fix may be trusted, as in ruff."""

    SAFE = "safe"  # keeps the meaning: may be applied by --fix
    UNSAFE = "unsafe"  # changes what the message says: needs --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # needs the writer's words (placeholders): never applied by --fix

    @property
    def rank(self) -> int:
        return {"safe": 3, "unsafe": 2, "display-only": 1}[self.value]


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] with `content` (insert: start == end; delete: content == "")."""

    start: int
    end: int
    content: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "content": self.content}


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def placeholders(self) -> list[str]:
        return sorted({m.group(0) for e in self.edits for m in PLACEHOLDER_RE.finditer(e.content)})

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "applicability": self.applicability.value,
            "edits": [e.to_dict() for e in self.edits],
            "placeholders": self.placeholders,
        }


@dataclass(frozen=True)
class Position:
    row: int  # 1-based line
    column: int  # 1-based column, counted in characters

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column}


def record_label(filename: str, record: str | None) -> str:
    return f"{filename}[{record}]" if record is not None else filename


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    message: str
    severity: Severity
    start: int  # character offsets into the message text
    end: int
    suggestion: str  # a concrete rewrite in words, always present
    fix: Fix | None = None
    filename: str = "-"
    location: Position = field(default=Position(1, 1))
    end_location: Position = field(default=Position(1, 1))
    record: str | None = None  # id of a record inside a corpus file, when there is one

    @property
    def label(self) -> str:
        """Where the finding is, for a reader: the file, and the record inside it ("inbox.jsonl[42]")."""
        return record_label(self.filename, self.record)

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability is not Applicability.DISPLAY_ONLY

    def sort_key(self) -> tuple:
        return (self.filename, self.record or "", self.start, self.end, self.code)

    def to_dict(self) -> dict:
        out = {
            "filename": self.filename,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "severity": self.severity.value,
            "location": self.location.to_dict(),
            "end_location": self.end_location.to_dict(),
            "span": {"start": self.start, "end": self.end},
            "suggestion": self.suggestion,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        if self.record is not None:
            out["record"] = self.record
        return out
