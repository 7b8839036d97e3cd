"""pyphen's parsed hyphenation patterns, kept in askcheck's cache folder between runs.

textstat counts syllables with pyphen, which parses its `hyph_en_US.dic` (11,000 patterns) the first
time a process asks for it: about 0.3 G instructions, once per process, more than anything else a
reading grade costs. The parsed patterns are plain data (pattern -> (offset, tuple of ints)), so they
are kept as a marshal file and put into `pyphen.hdcache`, pyphen's own table of parsed dictionaries,
before textstat asks; pyphen then finds them there instead of parsing the file.

The file's name carries pyphen's version, the dictionary file's path, size and modification time, and
the Python version, so a change to any of them starts a new file. A file that cannot be read, or holds
anything but such patterns, is not used; a folder that cannot be written is not written; a dictionary
with nonstandard hyphens (pattern values that are not plain ints) is not kept. In each case pyphen
parses the dictionary as it would without askcheck.
"""
from __future__ import annotations

import hashlib
import marshal
import sys
from itertools import chain
from pathlib import Path

from .cachedir import cache_folder, prune, touch_in_use, write_atomically

PREFIX, SUFFIX = "hyphenation-", ".marshal"


def preload(lang: str) -> None:
    """Put the parsed patterns of `lang`'s dictionary into `pyphen.hdcache`, from the kept file when
    there is a good one (else parsed, and kept for the next process). Does nothing when caching is off
    or pyphen has the dictionary already."""
    try:
        import pyphen

        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    except (ImportError, KeyError, AttributeError):
        return
    if path in pyphen.hdcache:
        return
    kept = _kept_path(pyphen, path)
    if kept is None:
        return
    patterns = _read(kept)
    if patterns is not None:
        hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
        # What HyphDict.__init__ leaves, for a dictionary without nonstandard hyphens.
        hyph_dict.patterns, hyph_dict.cache, hyph_dict.maxlen = patterns, {}, max(map(len, patterns))
        touch_in_use(kept)
    else:
        hyph_dict = pyphen.HyphDict(path)
        if _plain(hyph_dict.patterns) and write_atomically(kept, _writer(hyph_dict.patterns)):
            prune(kept, PREFIX, SUFFIX)
    pyphen.hdcache[path] = hyph_dict


def _kept_path(pyphen, path) -> Path | None:
    folder = cache_folder()
    if folder is None or not isinstance(path, Path):
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    made_from = f"{pyphen.__version__} {path} {stat.st_size} {stat.st_mtime_ns} {sys.version} {marshal.version}"
    return folder / f"{PREFIX}{hashlib.sha256(made_from.encode()).hexdigest()[:16]}{SUFFIX}"


def _plain(patterns) -> bool:
    """Whether `patterns` is a non-empty {str: (int, (int, ...))}, all of plain types (what marshal keeps as is)."""
    return (type(patterns) is dict and bool(patterns)
            and all(type(key) is str and type(value) is tuple and len(value) == 2 and type(value[0]) is int
                    and type(value[1]) is tuple for key, value in patterns.items())
            and set(map(type, chain.from_iterable(value[1] for value in patterns.values()))) == {int})


def _read(kept: Path) -> dict | None:
    try:
        patterns = marshal.loads(kept.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return patterns if _plain(patterns) else None


def _writer(patterns: dict):
    def write(fd: int) -> None:
        with open(fd, "wb") as fh:
            marshal.dump(patterns, fh)
    return write
