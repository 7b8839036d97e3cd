"""Writing fixed text back: atomically, in the file's own encoding, BOM and line endings."""
from __future__ import annotations

import difflib
import os
import stat
import tempfile

from .sources import BOM, Source


def encode(source: Source, text: str) -> bytes:
    return ((BOM if source.bom else "") + text).encode("utf-8")


def write_atomic(source: Source, text: str) -> None:
    """Replace source.path with `text` via a temporary file in the same folder and a rename.

    Fix edits never add or remove line breaks of their own, so CRLF files stay CRLF; only the
    edited characters change. The original file is untouched if anything fails before the rename.
    """
    path = source.path
    assert path is not None
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".askcheck-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode(source, text))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def unified_diff(source: Source, new_text: str) -> str:
    old = source.text.splitlines(keepends=True)
    new = new_text.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(old, new, fromfile=f"a/{source.name}", tofile=f"b/{source.name}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
