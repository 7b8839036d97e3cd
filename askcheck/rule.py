"""What a rule is: metadata (code, name, severity, options, documentation) plus a check over a Doc.

A rule never builds a Finding itself: it yields Violations (where, what, the suggested rewrite and an
optional fix) and the engine adds the code, name, severity, file name and line/column. The engine knows
no rule by name; rules arrive through the `askcheck.rules` entry-point group (see registry.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .finding import Fix, Severity


@dataclass(frozen=True)
class Option:
    default: Any
    help: str

    def coerce(self, key: str, value: Any) -> Any:
        """Check a configured value against the default's type; raise ValueError naming the key."""
        want = type(self.default)
        if want is bool and not isinstance(value, bool):
            raise ValueError(f"{key} must be true or false, not {value!r}")
        if want is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ValueError(f"{key} must be a whole number, not {value!r}")
        if want in (list, tuple):
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{key} must be a list of strings, not {value!r}")
            return list(value)
        if want is str and not isinstance(value, str):
            raise ValueError(f"{key} must be a string, not {value!r}")
        if want is int and value < 0:
            raise ValueError(f"{key} must not be negative, not {value!r}")
        return value


@dataclass(frozen=True)
class Violation:
    start: int
    end: int
    message: str
    suggestion: str
    fix: Fix | None = None


class Rule:
    """Base class for rules. Subclasses set the class attributes and implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]  # one line, used in `askcheck rules`
    severity: ClassVar[Severity] = Severity.WARNING
    needs_ask: ClassVar[bool] = False  # True: runs only on messages that contain an ask
    options: ClassVar[dict[str, Option]] = {}
    principle: ClassVar[str] = ""  # the essay paragraph the rule enforces
    doc: ClassVar[str] = ""  # What it does / Why is this bad? / Example / Use instead / Fix safety

    def __init__(self, nlp: Language, **options: Any):
        self.nlp = nlp
        self.config = {key: opt.default for key, opt in self.options.items()}
        self.config.update(options)

    def check(self, doc: Doc) -> Iterable[Violation]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        lines = [f"# {cls.name} ({cls.code})", "", f"Default severity: {cls.severity.value}."]
        if cls.needs_ask:
            lines.append("Runs only on messages that contain an ask.")
        doc = cls.doc.strip()
        options = [f"- `{key}` (default {opt.default!r}): {opt.help}" for key, opt in cls.options.items()]
        own = re.search(r"^## Options[ \t]*\n", doc, re.MULTILINE)
        if options and own:
            # The rule's documentation has an Options section of its own: the list goes at its end,
            # under one heading.
            after = re.search(r"^## ", doc[own.end():], re.MULTILINE)
            end = own.end() + after.start() if after else len(doc)
            doc = doc[:end].rstrip("\n") + "\n" + "\n".join(options) + "\n" + ("\n" + doc[end:] if after else "")
            options = []
        lines += ["", doc.strip(), ""]
        if options:
            lines.append("## Options")
            lines += options
            lines.append("")
        if cls.principle:
            lines += ["## Source", cls.principle.strip(), ""]
        return "\n".join(lines)
