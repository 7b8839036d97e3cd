"""Readability scores (textstat): Flesch reading ease and Flesch-Kincaid grade of a text.

textstat's "en" syllable counter loads NLTK's CMU dictionary and downloads it on first use when it
is missing: a network call in the middle of a lint run. Asking for "en-US" (not the root "en") skips
the dictionary and counts syllables with pyphen's en_US hyphenation patterns, which ship with
pyphen; the Flesch constants are the English ones either way.
"""
from __future__ import annotations

import re
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


# textstat counts every full stop as a sentence end, the one in "version 2.4" too.
_NUMBER_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (US school grade: 3 is third grade, 13+ is college). A point
    inside a number ("2.4", "3.14") ends no sentence; a full stop between words does, even with the
    space after it missing ("found it.Then"), so run-on lines still read as the sentences they are."""
    return float(_textstat().flesch_kincaid_grade(_NUMBER_POINT.sub("", text)))
