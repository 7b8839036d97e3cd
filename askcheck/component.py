"""The `askcheck` spaCy component: askcheck as one step of anyone's pipeline.

    nlp = spacy.blank("en")      # or any trained pipeline
    nlp.add_pipe("askcheck")     # no `import askcheck` needed: spaCy finds the factory by its entry point
    doc = nlp("Sorry to bother you, but could you review my slides?")
    doc._.asks                   # list[askcheck.ask_model.Ask]
    doc._.askcheck_findings      # list[askcheck.Finding]

The steps are `askcheck lint`'s, in its order: askcheck's sentence splitter (only when no earlier
component, such as a parser or senter, has set sentence boundaries), the ask detector, the rules.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .ask_detector import AskDetector
from .docinfo import TEXT_KEY
from .engine import RuleSet
from .textfold import normalize_quotes
from .sentences import split_sentences
from .settings import Settings
from .textpos import LineIndex

if not Doc.has_extension("askcheck_findings"):
    Doc.set_extension("askcheck_findings", default=None)


class AskcheckComponent:
    def __init__(self, nlp: Language, settings: Settings):
        self.detector = AskDetector(nlp)
        self.rule_set = RuleSet(nlp, settings)

    def __call__(self, doc: Doc) -> Doc:
        # askcheck's own pipeline folds curly quotes before tokenizing; a Doc made by someone else's
        # tokenizer cannot be refolded, but the text the detector and rules read can (one character
        # for one, so every offset still holds).
        text = doc.text
        doc.user_data.setdefault(TEXT_KEY, normalize_quotes(text))
        if not doc.has_annotation("SENT_START"):
            split_sentences(doc)
        self.detector(doc)
        doc._.askcheck_findings = self.rule_set.findings(doc, LineIndex(text))
        return doc
