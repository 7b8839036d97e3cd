"""Readability scores (textstat): Flesch reading ease and Flesch-Kincaid grade of a text.

textstat's "en" syllable counter loads NLTK's CMU dictionary and downloads it on first use when it
is missing: a network call in the middle of a lint run. Asking for "en-US" (not the root "en") skips
the dictionary and counts syllables with pyphen's en_US hyphenation patterns, which ship with
pyphen; the Flesch constants are the English ones either way.

textstat imports NLTK when it is imported, for that dictionary only (1.2 G instructions, about a
third of a second); askcheck defers NLTK's import until something reads from it, which askcheck never
does, so the result is the same and the cost is gone. pyphen's parsed hyphenation patterns are read
from askcheck's cache folder (`hyphenation`) instead of parsed again in every process.
"""
from __future__ import annotations

import importlib.util
import re
import sys
import types
from functools import lru_cache

from . import hyphenation

LANG = "en-US"


class _Deferred(types.ModuleType):
    """A stand-in for a module not imported yet. `import name` finds it in sys.modules and binds it
    without loading anything; the first attribute read from it imports the real module (which then
    replaces it in sys.modules) and is answered from there, so code that does use the module gets it
    whole. (importlib.util.LazyLoader does not do: the import statement itself reads the module's
    spec, and that loads it.)"""

    def __init__(self, spec):
        super().__init__(spec.name)
        self.__spec__ = spec

    def __getattr__(self, attr: str):  # only for attributes the stand-in does not have
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def _defer_import(name: str) -> None:
    """Put a stand-in for module `name` in sys.modules, unless it is imported already or not installed."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is not None:
        sys.modules[name] = _Deferred(spec)


@lru_cache(maxsize=1)
def _textstat():
    _defer_import("nltk")  # textstat's `import nltk` serves only the "en" dictionary, never read for "en-US"
    hyphenation.preload(LANG)  # pyphen's parsed patterns from askcheck's cache, before textstat parses them
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(LANG)
    return ts


def warm() -> None:
    """Load textstat and its hyphenation dictionary now (about 0.2 s), e.g. before worker processes are
    forked, so that each does not load them again on its first long message."""
    scores("Warming up the reading-grade counter.")


def scores(text: str) -> tuple[float, float]:
    """(Flesch reading ease, Flesch-Kincaid grade) of a text."""
    ts = _textstat()
    return float(ts.flesch_reading_ease(text)), float(ts.flesch_kincaid_grade(text))


# textstat counts every full stop as a sentence end, the one in "version 2.4" too.
_NUMBER_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (US school grade: 3 is third grade, 13+ is college). A point
    inside a number ("2.4", "3.14") ends no sentence; a full stop between words does, even with the
    space after it missing ("found it.Then"), so run-on lines still read as the sentences they are."""
    return float(_textstat().flesch_kincaid_grade(_NUMBER_POINT.sub("", text)))
