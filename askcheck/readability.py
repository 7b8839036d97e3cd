"""Readability scores (textstat): Flesch reading ease and Flesch-Kincaid grade of a text.

textstat's "en" syllable counter loads NLTK's CMU dictionary and downloads it on first use when it
is missing: a network call in the middle of a lint run. Asking for "en-US" (not the root "en") skips
the dictionary and counts syllables with pyphen's en_US hyphenation patterns, which ship with
pyphen; the Flesch constants are the English ones either way.
"""
from __future__ import annotations

from functools import lru_cache

LANG = "en-US"


@lru_cache(maxsize=1)
def _textstat():
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang(LANG)
    return ts


def scores(text: str) -> tuple[float, float]:
    """(Flesch reading ease, Flesch-Kincaid grade) of a text."""
    ts = _textstat()
    return float(ts.flesch_reading_ease(text)), float(ts.flesch_kincaid_grade(text))


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (US school grade: 3 is third grade, 13+ is college)."""
    return float(_textstat().flesch_kincaid_grade(text))
