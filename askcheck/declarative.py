"""Declarative rule kinds, after proselint and Vale, so a rule is a few lines of data.

- `PhraseSet`: phrases compiled once into one regex (phrases.py); finds non-overlapping matches, optionally
  ignoring those about the writer's past.
- `AbsenceRule`: fires on the first ask it `applies_to` (by the ask model's kind, audience and cost) when
  the message states nothing of its `attribute` ("size", "when", "out") nor any of its `phrases`
  (missing-duration: a substantial ask with no bound; no-opt-out: a favor with no easy no).
- `ExistenceRule`: every match is a violation.
- `OccurrenceRule`: matches beyond an allowed count (option `max`) are violations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import is_past
from .docinfo import asks_of, doc_text
from .finding import Fix
from .phrases import PhraseRegex
from .rule import Option, Rule, Violation

if TYPE_CHECKING:
    from .ask_model import Ask


class PhraseSet:
    def __init__(self, nlp: Language, phrases: Sequence[str], *, ignore_past: bool = False):
        self.regex = PhraseRegex(phrases)
        self.ignore_past = ignore_past

    def find(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for s, e in self.regex.find(doc)]
        if self.ignore_past and spans:
            ask_sents = {a.span.start for a in asks_of(doc)}
            spans = [s for s in spans if not is_past(s, ask_sents)]
        return spans


class AbsenceRule(Rule):
    """Fires once per message, on the first ask it applies to that states none of `attribute`."""

    needs_ask: ClassVar[bool] = True
    attribute: ClassVar[str | None] = None  # "size", "when" or "out": read from the ask model
    phrases: ClassVar[Sequence[str]] = ()  # more phrases that satisfy the rule
    placeholder: ClassVar[str | tuple[str, ...] | None] = None  # the writer's "[when]" counts: they will fill it in
    ignore_past: ClassVar[bool] = True
    options = {"extra_phrases": Option([], "More phrases that satisfy the rule (askcheck phrase syntax).")}

    def __init__(self, nlp: Language, **options):
        super().__init__(nlp, **options)
        extra = list(self.phrases) + list(self.config["extra_phrases"])
        self.cues = PhraseSet(nlp, extra, ignore_past=self.ignore_past) if extra else None

    def applies_to(self, ask: Ask) -> bool:
        """Whether this ask needs what the rule looks for (every ask, unless a rule says otherwise)."""
        return True

    def check(self, doc: Doc) -> Iterable[Violation]:
        ask = next((a for a in asks_of(doc) if self.applies_to(a)), None)
        if ask is None or self.present(doc, ask):
            return
        yield self.violation(doc, ask)

    def present(self, doc: Doc, ask: Ask) -> bool:
        if self.placeholder:
            text = doc_text(doc)
            marks = (self.placeholder,) if isinstance(self.placeholder, str) else self.placeholder
            if any(mark in text for mark in marks):
                return True
        if self.attribute and getattr(ask, self.attribute) is not None:
            return True
        return self.cues is not None and bool(self.cues.find(doc))

    def violation(self, doc: Doc, ask: Ask) -> Violation:  # pragma: no cover - abstract
        raise NotImplementedError


class ExistenceRule(Rule):
    """Fires on every occurrence of `phrases`."""

    phrases: ClassVar[Sequence[str]] = ()
    ignore_past: ClassVar[bool] = False

    def __init__(self, nlp: Language, **options):
        super().__init__(nlp, **options)
        self.cues = PhraseSet(nlp, self.phrases, ignore_past=self.ignore_past)

    def check(self, doc: Doc) -> Iterable[Violation]:
        for span in self.cues.find(doc):
            yield self.violation(doc, span)

    def violation(self, doc: Doc, span: Span) -> Violation:  # pragma: no cover - abstract
        raise NotImplementedError


class OccurrenceRule(Rule):
    """Fires on each occurrence of `phrases` beyond the first `max`."""

    phrases: ClassVar[Sequence[str]] = ()
    options = {"max": Option(1, "How many occurrences a message may have.")}

    def __init__(self, nlp: Language, **options):
        super().__init__(nlp, **options)
        self.cues = PhraseSet(nlp, self.phrases)

    def check(self, doc: Doc) -> Iterable[Violation]:
        for span in self.cues.find(doc)[self.config["max"]:]:
            yield self.violation(doc, span)

    def violation(self, doc: Doc, span: Span) -> Violation:  # pragma: no cover - abstract
        raise NotImplementedError


def make_fix(title: str, edits, applicability) -> Fix:
    return Fix(title=title, edits=tuple(sorted(edits)), applicability=applicability)
