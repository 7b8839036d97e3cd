"""Builds the spaCy pipeline askcheck runs: a blank English tokenizer plus askcheck's components.

The default is `spacy.blank("en")` (no model download, ever); `--model NAME` loads an installed
pipeline and askcheck's components are added to it. Pipelines are cached per process so matchers and
lexicons are built once, not per message.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Curly quotes (and what else must not hide a word) are folded in askcheck.textfold; the name stays
# here for code that imported it from this module.
from .textfold import normalize_quotes  # noqa: E402,F401


@lru_cache(maxsize=None)
def load_pipeline(model: str | None = None) -> Language:
    # Registers askcheck's factories (also done by spaCy itself, through the entry points, when installed).
    from . import spacy_factories  # noqa: F401

    if model in (None, "", "blank", "en"):
        from .phrases import share_tokenizer

        nlp = spacy.blank("en")
        share_tokenizer(nlp)  # the lexicons' phrases are tokenized as messages are: by this tokenizer
    else:
        nlp = spacy.load(model)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("askcheck_sentences")
    nlp.add_pipe("askcheck_asks")
    return nlp
