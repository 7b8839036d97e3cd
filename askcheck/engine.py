"""The pure library: text in, findings out. No I/O, no CLI."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .finding import Finding
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


class Linter:
    """One loaded pipeline and one set of rule instances, reused for every message."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.model)
        rules = load_rules()
        self.rules = [cls(self.nlp, **rule_kwargs(cls, self.settings))
                      for cls in selected_rules(self.settings, rules)]
        self.per_file_ignores = PerFileIgnores(self.settings.per_file_ignores, rules)

    def parse(self, text: str) -> Doc:
        return self.nlp(normalize_quotes(text))

    def run(self, text: str, filename: str = "-", record: str | None = None) -> Result:
        doc = self.parse(text)
        return self.run_doc(text, doc, filename, record)

    def run_many(self, items, batch_size: int = 64):
        """Lint (text, filename, record) triples in order, streaming them through nlp.pipe."""
        items = iter(items)
        texts = ((normalize_quotes(t), (t, f, r)) for t, f, r in items)
        for doc, (text, filename, record) in self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
            yield self.run_doc(text, doc, filename, record)

    def run_doc(self, text: str, doc: Doc, filename: str = "-", record: str | None = None) -> Result:
        lines = LineIndex(text)
        has_ask = bool(doc._.asks)
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
        asks = [dict(a.to_dict(text), location=lines.position(a.start_char).to_dict()) for a in doc._.asks or []]
        return Result(text=text, findings=findings, asks=asks)


_LINTERS: dict[tuple, Linter] = {}


def get_linter(settings: Settings | None = None) -> Linter:
    """A Linter for these settings, built once per process."""
    settings = settings or Settings()
    key = settings.key() + tuple(load_rules())  # a newly installed plugin means a new linter
    if key not in _LINTERS:
        _LINTERS[key] = Linter(settings)
    return _LINTERS[key]
