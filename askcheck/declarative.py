"""Declarative rule kinds, after proselint and Vale, so a phrase rule is a few lines of data.

- `PhraseSet`: phrases compiled once into one regex (phrases.py); finds non-overlapping matches, optionally
  ignoring those about the writer's past.
- `AbsenceRule`: a message that contains an ask but none of the phrases is a violation
  (no-opt-out: no "no worries if not"; missing-timeframe: no "by Friday").
- `ExistenceRule`: every match is a violation.
- `OccurrenceRule`: matches beyond an allowed count (option `max`) are violations.
"""
from __future__ import annotations

from typing import ClassVar, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from .context import in_ask, is_past
from .docinfo import doc_text
from .finding import Fix
from .phrases import PhraseRegex
from .rule import Option, Rule, Violation


class PhraseSet:
    def __init__(self, nlp: Language, phrases: Sequence[str], *, ignore_past: bool = False):
        self.regex = PhraseRegex(phrases)
        self.ignore_past = ignore_past

    def find(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for s, e in self.regex.find(doc)]
        if self.ignore_past:
            spans = [s for s in spans if not is_past(s)]
        return spans


def primary_ask(doc: Doc) -> Span | None:
    """The ask a message-level finding points at: its first request to act, else its first ask."""
    asks = doc._.asks or []
    for ask in asks:
        if ask.label_ == "action":
            return ask
    return asks[0] if asks else None


class AbsenceRule(Rule):
    """Fires once per message that has an ask but none of `phrases`."""

    needs_ask: ClassVar[bool] = True
    phrases: ClassVar[Sequence[str]] = ()
    ask_only_phrases: ClassVar[Sequence[str]] = ()  # count only inside an ask sentence
    placeholder: ClassVar[str | None] = None  # the writer's "[when]" counts: they will fill it in
    ignore_past: ClassVar[bool] = True
    options = {"extra_phrases": Option([], "More phrases that satisfy the rule (askcheck phrase syntax).")}

    def __init__(self, nlp: Language, **options):
        super().__init__(nlp, **options)
        self.cues = PhraseSet(nlp, list(self.phrases) + list(self.config["extra_phrases"]), ignore_past=self.ignore_past)
        self.ask_cues = PhraseSet(nlp, self.ask_only_phrases)

    def check(self, doc: Doc) -> Iterable[Violation]:
        ask = primary_ask(doc)
        if ask is None or self.present(doc):
            return
        yield self.violation(doc, ask)

    def present(self, doc: Doc) -> bool:
        if self.placeholder and self.placeholder in doc_text(doc):
            return True
        return bool(self.cues.find(doc)) or any(in_ask(s) for s in self.ask_cues.find(doc))

    def violation(self, doc: Doc, ask: Span) -> Violation:  # pragma: no cover - abstract
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
