"""Finding the files to lint and reading them: decoding, BOM and line endings, clear errors."""
from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DEFAULT_EXTENSIONS = (".txt", ".md", ".eml")
BOM = "\ufeff"


class FileProblem(Exception):
    """A problem with one named file; str() is the one-line message naming it."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

    def __reduce__(self):  # pickled as (name, problem): a Dask worker sends it back to the client
        return (type(self), (self.name, self.problem))


class InputError(FileProblem):
    """A path that cannot be linted."""


@dataclass
class Source:
    """One message as read: text without BOM, plus what is needed to write it back the same way."""

    name: str
    text: str
    path: Path | None = None  # None for stdin
    bom: bool = False
    newline: str = "\n"
    digest: bytes | None = None  # sha256 of the bytes read: a fix replaces only the bytes it read


def digest_of(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def decode(data: bytes, name: str) -> tuple[str, bool]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if "\x00" in text:
        raise InputError(name, "looks like a binary file (contains NUL bytes)")
    bom = text.startswith(BOM)
    return (text[1:] if bom else text), bom


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def read_file(path: Path, name: str | None = None) -> Source:
    name = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, missing(str(path)).problem) from None
    except IsADirectoryError:
        raise InputError(name, "is a directory") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    text, bom = decode(data, name)
    return Source(name=name, text=text, path=path, bom=bom, newline=newline_of(text), digest=digest_of(data))


def read_stdin(name: str = "-") -> Source:
    text, bom = decode(sys.stdin.buffer.read(), name)
    return Source(name=name, text=text, bom=bom, newline=newline_of(text))


def matches_globs(path: Path, globs, fold_case: bool = False) -> bool:
    s = path.as_posix()
    if fold_case:  # "*.txt" takes NOTES.TXT in a folder, as naming the file does
        s, name, globs = s.lower(), path.name.lower(), [g.lower() for g in globs]
        return any(fnmatch.fnmatchcase(s, g) or fnmatch.fnmatchcase(name, g) for g in globs)
    return any(fnmatch.fnmatch(s, g) or fnmatch.fnmatch(path.name, g) for g in globs)


def missing(raw: str) -> InputError:
    """Why a path that does not exist cannot be read: a symlink loop or a dangling link is not 'no such file'."""
    try:
        os.stat(raw)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(raw, "symbolic link loop")
        if os.path.islink(raw):
            return InputError(raw, f"broken symbolic link (to {os.readlink(raw)}, which does not exist)")
    return InputError(raw, "no such file or directory")


class Seen:
    """Files already given, by identity (device and inode), so a file reached twice (a folder and a glob,
    a path and a symlink to it) is linted once."""

    def __init__(self):
        self._keys: set = set()

    def first_time(self, path: Path) -> bool:
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
        except OSError:
            key = os.path.abspath(path)
        if key in self._keys:
            return False
        self._keys.add(key)
        return True


def expand(paths, include=(), exclude=(), seen: Seen | None = None) -> Iterator[Path | InputError]:
    """Files to lint, in a stable order, each once. A folder is walked for include globs (default: .txt
    .md .eml, in any case)."""
    seen = seen or Seen()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not matches_globs(Path(root, d), exclude))
                for f in files:
                    p = Path(root, f)
                    wanted = (matches_globs(p, include, fold_case=True) if include
                              else p.suffix.lower() in DEFAULT_EXTENSIONS)
                    if wanted and not matches_globs(p, exclude):
                        found.append(p)
            yield from (p for p in sorted(found) if seen.first_time(p))
        elif path.exists():
            if not matches_globs(path, exclude) and seen.first_time(path):
                yield path
        elif seen.first_time(path):
            yield missing(str(raw))
