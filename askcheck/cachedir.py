"""The folder where askcheck keeps what it works out once and reads back in later runs (compiled
phrases, regex programs, hyphenation patterns), and how a file there is written and retired.

ASKCHECK_CACHE_DIR chooses the folder ("" turns every cache off); else $XDG_CACHE_HOME/askcheck or
~/.cache/askcheck. Each kind of file carries a stamp of what it was made from in its name, so a new
version starts a new file; deleting the folder is always safe.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Callable

CACHE_ENV = "ASKCHECK_CACHE_DIR"
STALE_DAYS = 30


def cache_folder() -> Path | None:
    """The cache folder (it may not exist yet), or None when caching is turned off."""
    folder = os.environ.get(CACHE_ENV)
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "askcheck")
    return Path(folder) if folder else None


def write_atomically(path: Path, write: Callable[[int], None]) -> bool:
    """Write `path` through `write(fd)` into a temporary file beside it, then put it in place, so a
    reader never sees half a file (the last writer wins). False when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name, suffix=".tmp")
    except OSError:
        return False
    try:
        write(fd)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def prune(current: Path, prefix: str, suffix: str) -> None:
    """Delete the files of other versions (other stamps) of `current`'s kind that no process has used
    for STALE_DAYS: each upgrade starts a new file, and nothing else removes the old ones. A version
    still in use (in another environment) touches its file when it reads it (`touch_in_use`)."""
    cutoff = time.time() - STALE_DAYS * 86400
    for old in current.parent.glob(f"{prefix}*{suffix}"):
        try:
            if old != current and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def touch_in_use(path: Path) -> None:
    """Mark a cache file just read as in use, for `prune` (at most one touch a day)."""
    try:
        if path.stat().st_mtime < time.time() - 86400:
            os.utime(path)
    except OSError:
        pass
