"""Cutting a clause out of a message: the edit that removes a phrase's clause and leaves good text.

Used by the rules whose fix is a deletion (an apology for asking, a self-label, a line of pressure):
"Sorry to bother you, but could you…" → "Could you…"; "Hi Sam, sorry to bother you." → "Hi Sam.";
a clause standing alone on its line goes with its line. When the phrase sits inside a clause, cutting
it would break the sentence, and there is no edit.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .docinfo import doc_text, sentence_of
from .finding import Edit

_TERMINAL = {".", "!", "?", "...", "\u2026", "!!", "!!!", "?!", "!?"}
_BOUNDARY = {",", "-", "\u2014", "\u2013", "--", ";", ":", "...", "\u2026"}
_CONNECT = {"but", "and", "though", "so", "however"}


@dataclass(frozen=True)
class ClauseWords:
    """The words a clause may hold around its phrase: `lead` before it ("I'm so sorry"), `fill` after it
    ("sorry to bother you again, but"), and `repeats` that make a run of one clause ("Sorry, sorry, …")."""

    lead: frozenset[str]
    fill: frozenset[str]
    repeats: frozenset[str] = frozenset()
    max_fill: int = 4
    any_fill: bool = False  # any words may fill the clause ("I'm useless with spreadsheets,"), up to max_fill


def cut_clause(doc, span: Span, words: ClauseWords) -> Edit | None:
    """The edit that cuts the clause around `span`, or None when it cannot be cut cleanly."""
    sent = sentence_of(span)
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return None
    first, last = toks[0].i, toks[-1].i
    left = span.start
    while left > first and (doc[left - 1].norm_ in words.lead or doc[left - 1].is_space or (
            doc[left - 1].text == "," and left - 2 >= first and doc[left - 2].norm_ in words.repeats)):
        left -= 1  # "So sorry, sorry, ..." is one run
    at_start = left == first
    if not at_start and doc[left - 1].text not in _BOUNDARY | {"!"}:
        return None  # the phrase sits inside a clause: cutting it would break the sentence
    right = span.end
    while right <= last and not _ends_clause(doc[right]):
        if (doc[right].norm_ not in words.fill and not words.any_fill) or right - span.end >= words.max_fill:
            return None
        right += 1
    text = doc_text(doc)
    if right > last or doc[right].text in _TERMINAL or (doc[right].is_punct and doc[right].text not in _BOUNDARY):
        # The clause runs to the end of its sentence.
        end = doc[last].idx + len(doc[last].text)
        if not at_start:
            # "Hi Sam, sorry to bother you." -> "Hi Sam."
            return Edit(doc[left - 1].idx, doc[right].idx if right <= last else end, "")
        return delete_sentence(text, doc[left].idx, end)
    # A leading clause: "Sorry to bother you, but could you..." -> "Could you..."
    k = right + (doc[right].norm_ not in _CONNECT)
    while k <= last and (doc[k].norm_ in _CONNECT or doc[k].text in _BOUNDARY or _is_emoji(doc[k])):
        k += 1
    if k > last:  # only a comma or an emoji after it: "Apologies again,\nDan"
        if not at_start:
            return None
        return delete_sentence(text, doc[left].idx, doc[last].idx + len(doc[last].text))
    rest = doc[k]
    start = doc[left].idx
    if at_start and rest.text[:1].islower():
        return Edit(start, rest.idx + 1, rest.text[0].upper())
    return Edit(start, rest.idx, "")


def _is_emoji(tok) -> bool:
    """An emoji or such: not punctuation, not a word, and not a currency sign ("£800" goes on the clause)."""
    return (not tok.is_punct and not tok.is_space and not tok.is_currency and tok.text not in _SYMBOLS
            and not any(ch.isalnum() for ch in tok.text))


_SYMBOLS = {"#", "%", "&", "@", "+", "=", "*", "/", "~", "^", "°"}


def _ends_clause(tok) -> bool:
    """A comma or dash, an emoji ("sorry for asking again 😬 can you..."), or "but" ("I feel bad asking
    but could you...") ends the clause."""
    return tok.text in _BOUNDARY or tok.is_punct or _is_emoji(tok) or tok.norm_ == "but"


def delete_sentence(text: str, start: int, end: int) -> Edit:
    """Delete text[start:end] with the spacing around it, or its whole line when it stands alone."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    alone = not text[line_start:start].strip() and not text[end:line_end].strip()
    if alone and line_end < len(text):
        return Edit(line_start, line_end + 1, "")  # drop the line and its newline (\r\n included)
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] not in "\r\n":
        return Edit(start, j, "")
    k = start
    while k > line_start and text[k - 1] in " \t":
        k -= 1
    return Edit(k, j, "")
