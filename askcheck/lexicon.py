"""Lexicons: the word and phrase lists askcheck reasons with, kept as data files a reviewer reads like prose.

Each file in `askcheck/lexicons/` (the engine's) or `askcheck/rules/lexicons/` (a rule's own, beside it) holds one entry per line; `#` starts a comment. Phrase files use the
phrase language of `askcheck.phrases` and may name a shared group once and reuse it:

    @busy = (swamped|busy|slammed|snowed under)
    if you're @busy                          # the same as: if you're (swamped|busy|slammed|snowed under)

Word files hold whitespace-separated words (several per line is fine). Files are read once per process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_MACRO_DEF = re.compile(r"^@([a-z_]+)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"@([a-z_]+)")


class LexiconError(ValueError):
    """A lexicon file refers to a group it never defines."""


def _lines(name: str, package: str) -> list[str]:
    text = files(package).joinpath("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def phrases(name: str, package: str = "askcheck") -> tuple[str, ...]:
    """The phrases of `<package>/lexicons/<name>.txt`, with `@group` references expanded."""
    macros: dict[str, str] = {}
    out = []

    def expand(line: str) -> str:
        def sub(m: re.Match) -> str:
            if m.group(1) not in macros:
                raise LexiconError(f"lexicons/{name}.txt: @{m.group(1)} is used before it is defined")
            return macros[m.group(1)]
        return _MACRO_USE.sub(sub, line)

    for line in _lines(name, package):
        m = _MACRO_DEF.match(line)
        if m:
            macros[m.group(1)] = expand(m.group(2).strip())
        else:
            out.append(expand(line))
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str, package: str = "askcheck") -> frozenset[str]:
    """The words of `<package>/lexicons/<name>.txt`, lower-cased."""
    return frozenset(w.lower() for line in _lines(name, package) for w in line.split())
