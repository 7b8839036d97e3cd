"""The pure library: text in, findings out. No I/O, no CLI."""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .finding import Edit, Finding
from .docinfo import SUBJECT_KEY, TEXT_KEY, asks_of
from .pipeline import load_pipeline
from .textfold import Folded, fold, pieces
from .registry import load_rules
from .settings import PerFileIgnores, Settings, SettingsError, rule_kwargs, selected_rules
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
        self.rules = [_build(cls, nlp, settings) for cls in selected_rules(settings, rules)]
        self.per_file_ignores = PerFileIgnores(settings.per_file_ignores, rules)

    def findings(self, doc: Doc, lines: LineIndex, filename: str = "-", record: str | None = None,
                 folded: Folded | None = None, base: int = 0) -> list[Finding]:
        """The findings on `doc`; with `folded` (the doc reads folded text) and `base` (where the doc's
        piece starts in the message), their offsets are moved back into the message as written."""
        has_ask = bool(asks_of(doc))
        skipped = self.per_file_ignores.codes_for(filename)
        place = _Placement(folded, base) if (base or (folded is not None and not folded.identity)) else None
        findings = []
        for rule in self.rules:
            if (rule.needs_ask and not has_ask) or rule.code in skipped:
                continue
            for v in rule.check(doc):
                start, end, fix = (v.start, v.end, v.fix) if place is None else place.violation(v)
                findings.append(Finding(
                    code=rule.code, name=rule.name, message=v.message, severity=rule.severity,
                    start=start, end=end, suggestion=v.suggestion, fix=fix, filename=filename,
                    location=lines.position(start), end_location=lines.position(end), record=record,
                ))
        findings.sort(key=Finding.sort_key)
        return findings


def _build(cls, nlp: Language, settings: Settings):
    """A rule instance; an option value the rule cannot use (a phrase not in the pattern language)
    is a SettingsError naming the option, not a traceback."""
    kwargs = rule_kwargs(cls, settings)
    try:
        return cls(nlp, **kwargs)
    except (ValueError, KeyError, TypeError, re.error) as exc:
        if not kwargs:
            raise
        message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        # The option whose value the message quotes, else every option given.
        keys = [k for k, v in kwargs.items() if any(repr(str(x).lower()) in message or repr(str(x)) in message
                                                    for x in (v if isinstance(v, (list, tuple)) else [v]))]
        raise SettingsError(f"{cls.name}.{'/'.join(keys or kwargs)}: {message}") from None


class _Placement:
    """Offsets in a doc's (folded) text -> offsets in the whole message as written."""

    def __init__(self, folded: Folded | None, base: int):
        self.folded = folded or Folded("")
        self.base = base

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.base + self.folded.start(start)
        return s, (self.base + self.folded.end(end) if end > start else s)

    def violation(self, v):
        start, end = self.span(v.start, v.end)
        fix = v.fix
        if fix is not None:
            fix = replace(fix, edits=tuple(Edit(*self.span(e.start, e.end), e.content) for e in fix.edits))
        return start, end, fix

    def ask(self, ask: dict, text: str, lines: LineIndex) -> dict:
        def words(w):
            if w is None:
                return None
            start, end = self.span(w["start"], w["end"])
            return {**w, "text": text[start:end], "start": start, "end": end}
        start, end = self.span(ask["span"]["start"], ask["span"]["end"])
        return {**ask, "text": text[start:end], "span": {"start": start, "end": end}, "effort": words(ask["effort"]),
                "states": {k: words(v) for k, v in ask["states"].items()},
                "location": lines.position(start).to_dict()}


FOLD_KEY = "askcheck_fold"  # the Folded text a Doc was made from: the way back to the message's offsets


class _Message:
    """A message being linted, piece by piece (one piece unless it is very long)."""

    def __init__(self, text: str, filename: str, record: str | None, keep_asks: bool = True):
        self.text, self.filename, self.record, self.keep_asks = text, filename, record, keep_asks
        self.lines = LineIndex(text)
        self.findings: list[Finding] = []
        self.asks: list[dict] = []
        self.pieces = 0

    def add(self, rule_set: RuleSet, doc: Doc, base: int) -> None:
        folded = doc.user_data.get(FOLD_KEY)
        self.pieces += 1
        self.findings += rule_set.findings(doc, self.lines, self.filename, self.record, folded, base)
        asks = asks_of(doc)
        if not asks or not self.keep_asks:
            return
        if base == 0 and (folded is None or folded.identity):
            self.asks += [a.to_dict(self.text, location=self.lines.position(a.start_char).to_dict()) for a in asks]
            return
        place, piece = _Placement(folded, base), doc.user_data[TEXT_KEY]
        self.asks += [place.ask(a.to_dict(piece), self.text, self.lines) for a in asks]

    def result(self) -> Result:
        if self.pieces > 1:
            self.findings.sort(key=Finding.sort_key)
        return Result(text=self.text, findings=self.findings, asks=self.asks)


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
                folded = fold(text)
                doc = self.nlp.make_doc(folded.text)
                doc.user_data[TEXT_KEY] = folded.text  # what doc.text would rebuild from every token
                doc.user_data[FOLD_KEY] = folded
                if subject:
                    doc.user_data[SUBJECT_KEY] = fold(subject).text
                yield doc
        docs = made()
        for _, proc in self.nlp.pipeline:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        return docs

    def run(self, text: str, filename: str = "-", record: str | None = None, subject: str | None = None) -> Result:
        return next(self.run_many([(text, filename, record, subject)]))

    def run_many(self, items, batch_size: int = 64, asks: bool = True):
        """Lint (text, filename, record[, subject]) tuples in order, streaming them through the pipeline.

        A very long message goes through in pieces (textfold.pieces), each linted and let go before
        the next, so memory does not grow with the length of a message either; with asks=False the
        results leave out the asks (a dict each, with its reasons: most of a long message's results)."""
        pending: deque = deque()  # per piece: (its message, where it starts, whether it is the last)

        def pairs():
            for text, filename, record, *subject in items:
                message = _Message(text, filename, record, asks)
                subject = subject[0] if subject else None
                spans = pieces(text)
                span = next(spans)
                for following in spans:
                    pending.append((message, span[0], False))
                    yield text[span[0]:span[1]], subject
                    span = following
                pending.append((message, span[0], True))
                yield (text if span == (0, len(text)) else text[span[0]:span[1]]), subject
        for doc in self._docs(pairs(), batch_size):
            message, base, last = pending.popleft()
            message.add(self.rule_set, doc, base)
            # The Doc's Spans and asks (kept in user_data) point back at it, so without this every Doc
            # would live until the garbage collector finds the cycle; freed now, the collector's
            # count of new objects stays low and it runs far less often (its walks were ~2% of a lint).
            doc.user_data.clear()
            if last:
                yield message.result()

    def run_doc(self, text: str, doc: Doc, filename: str = "-", record: str | None = None) -> Result:
        """The result for a Doc made by `parse` (the whole text in one piece)."""
        message = _Message(text, filename, record)
        message.add(self.rule_set, doc, 0)
        return message.result()


_LINTERS: dict[tuple, Linter] = {}


def get_linter(settings: Settings | None = None) -> Linter:
    """A Linter for these settings, built once per process."""
    settings = settings or Settings()
    key = settings.key() + tuple(load_rules())  # a newly installed plugin means a new linter
    if key not in _LINTERS:
        _LINTERS[key] = Linter(settings)
    return _LINTERS[key]
