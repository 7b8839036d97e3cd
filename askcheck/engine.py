"""The pure library: text in, findings out. No I/O, no CLI."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .finding import Finding
from .docinfo import SUBJECT_KEY, TEXT_KEY, asks_of
from .pipeline import load_pipeline, normalize_quotes
from .registry import load_rules
from .settings import PerFileIgnores, Settings, rule_kwargs, selected_rules
from .textpos import LineIndex


@dataclass
class Result:
    """Everything the linter learned about one message."""

    text: str
    findings: list[Finding]
    asks: list[dict]


class RuleSet:
    """The selected rules, built once for one pipeline, and what they find on a Doc whose asks are set.

    Shared by the Linter (askcheck's own pipeline) and the `askcheck` spaCy component (anyone's)."""

    def __init__(self, nlp: Language, settings: Settings):
        rules = load_rules()
        self.rules = [cls(nlp, **rule_kwargs(cls, settings)) for cls in selected_rules(settings, rules)]
        self.per_file_ignores = PerFileIgnores(settings.per_file_ignores, rules)

    def findings(self, doc: Doc, lines: LineIndex, filename: str = "-", record: str | None = None) -> list[Finding]:
        has_ask = bool(asks_of(doc))
        skipped = self.per_file_ignores.codes_for(filename)
        findings = []
        for rule in self.rules:
            if (rule.needs_ask and not has_ask) or rule.code in skipped:
                continue
            for v in rule.check(doc):
                findings.append(Finding(
                    code=rule.code, name=rule.name, message=v.message, severity=rule.severity,
                    start=v.start, end=v.end, suggestion=v.suggestion, fix=v.fix, filename=filename,
                    location=lines.position(v.start), end_location=lines.position(v.end), record=record,
                ))
        findings.sort(key=Finding.sort_key)
        return findings


class Linter:
    """One loaded pipeline and one set of rule instances, reused for every message."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.model)
        self.rule_set = RuleSet(self.nlp, self.settings)
        self.rules = self.rule_set.rules

    def parse(self, text: str, subject: str | None = None) -> Doc:
        return next(self._docs([(text, subject)]))

    def _docs(self, pairs, batch_size: int = 64):
        """Docs for (text, subject) pairs, as `nlp.pipe` makes them, with the subject (an email's Subject
        line, a record's title) on each Doc before the components run: the ask model reads it as
        context ("Subject: printer on floor 2 jams" + "Can you help?" is not vague)."""
        def made():
            for text, subject in pairs:
                text = normalize_quotes(text)
                doc = self.nlp.make_doc(text)
                doc.user_data[TEXT_KEY] = text  # what doc.text would rebuild from every token
                if subject:
                    doc.user_data[SUBJECT_KEY] = normalize_quotes(subject)
                yield doc
        docs = made()
        for _, proc in self.nlp.pipeline:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        return docs

    def run(self, text: str, filename: str = "-", record: str | None = None, subject: str | None = None) -> Result:
        doc = self.parse(text, subject)
        return self.run_doc(text, doc, filename, record)

    def run_many(self, items, batch_size: int = 64):
        """Lint (text, filename, record[, subject]) tuples in order, streaming them through the pipeline."""
        pending: deque = deque()

        def pairs():
            for text, filename, record, *subject in items:
                pending.append((text, filename, record))
                yield text, subject[0] if subject else None
        for doc in self._docs(pairs(), batch_size):
            text, filename, record = pending.popleft()
            yield self.run_doc(text, doc, filename, record)

    def run_doc(self, text: str, doc: Doc, filename: str = "-", record: str | None = None) -> Result:
        lines = LineIndex(text)
        findings = self.rule_set.findings(doc, lines, filename, record)
        asks = [a.to_dict(text, location=lines.position(a.start_char).to_dict()) for a in asks_of(doc)]
        return Result(text=text, findings=findings, asks=asks)


_LINTERS: dict[tuple, Linter] = {}


def get_linter(settings: Settings | None = None) -> Linter:
    """A Linter for these settings, built once per process."""
    settings = settings or Settings()
    key = settings.key() + tuple(load_rules())  # a newly installed plugin means a new linter
    if key not in _LINTERS:
        _LINTERS[key] = Linter(settings)
    return _LINTERS[key]
