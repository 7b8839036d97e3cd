"""Sentence splitting for messages: punctuation like spaCy's sentencizer, plus line structure.

Messages are not essays: a greeting, a bullet or a sign-off stands on its own line with no full stop.
A line break starts a new sentence when the line before ends a clause (. ! ? : ; ,), when a blank line
separates them, or when the next line starts like a new unit (capital letter, digit, bullet). A hard-
wrapped sentence ("could you review my\\nslides") stays whole.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = {".", "!", "?", "\u2026", "...", "!!", "??", "?!", "!?"}
_CLAUSE_END = set(".!?:;,\u2026")
_BULLETS = set("-*\u2022>#")


def _is_ender(tok) -> bool:
    return tok.text in _ENDERS or (tok.is_punct and set(tok.text) <= set(".!?\u2026") and tok.text != "")


@Language.factory("askcheck_sentences")
def make_sentence_splitter(nlp: Language, name: str):
    return split_sentences


def split_sentences(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        tok = doc[i]
        if _is_ender(tok):
            # Keep runs of closing punctuation and quotes/brackets with the sentence they end.
            j = i + 1
            while j < n and (doc[j].is_punct and not doc[j].is_space) and (
                _is_ender(doc[j]) or doc[j].is_quote or doc[j].is_right_punct or doc[j].text in {")", "]"}
            ):
                j += 1
            # Emoji or emoticons right after the full stop stay too.
            if j < n and not doc[j].is_space:
                starts[j] = True
            elif j < n:
                starts[j] = True
            i = j
            continue
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            nxt = i + 1
            if nxt < n:
                blank = tok.text.count("\n") + tok.whitespace_.count("\n") >= 2 or (
                    tok.is_space and "\n\n" in tok.text.replace("\r", "").replace(" ", "")
                )
                prev = tok if not tok.is_space else (doc[i - 1] if i > 0 else tok)
                next_tok = doc[nxt]
                first = next_tok.text[:1]
                if (
                    blank
                    or (prev.text[-1:] in _CLAUSE_END)
                    or first.isupper()
                    or first.isdigit()
                    or first in _BULLETS
                    or not first.isalpha()
                ):
                    starts[nxt] = True
        i += 1
    # A sentence may not start with whitespace: push the start to the next real token.
    for k in range(n):
        if starts[k] and doc[k].is_space and k + 1 < n:
            starts[k] = k == 0
            starts[k + 1] = True
    for k, tok in enumerate(doc):
        tok.is_sent_start = starts[k]
    return doc
