"""Writing fixed text back: atomically, in the file's own encoding, BOM and line endings, and only
over the bytes that were read.

A fix is written to a temporary file beside the file it replaces and renamed over it, so a reader
(or a crash, or SIGKILL) sees the whole old file or the whole new one, never a mix. Before the
rename the file is read again: if it is not byte for byte what was linted (a line appended since,
or another `askcheck --fix` got there first), it is left alone and the write fails with WriteError.
A symlink is followed and its target fixed (the link stays a link); mode and owner are kept; a
file with more than one hard link is not rewritten, since a rename would split the links.
SIGTERM during the writes is turned into an exception (`Interrupted`), so the temporary file of the
write under way is removed before the process ends.
"""
from __future__ import annotations

import contextlib
import difflib
import os
import signal
import stat
import tempfile
from pathlib import Path

from .sources import BOM, FileProblem, Source, digest_of

TMP_SUFFIX = ".askcheck-tmp"


class WriteError(FileProblem):
    """A fix that was not written."""


class Interrupted(BaseException):
    """SIGTERM arrived (a BaseException, so no `except Exception` swallows it on its way out)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_raise():
    """Within the block, SIGTERM raises Interrupted (Ctrl-C raises KeyboardInterrupt as always)."""
    def raise_interrupted(signum, frame):
        raise Interrupted(signum)

    try:
        previous = signal.signal(signal.SIGTERM, raise_interrupted)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class Written:
    """What --fix has written so far, for the line printed when it is interrupted."""

    def __init__(self):
        self.files = 0
        self.fixes = 0

    def add(self, fixes: int) -> None:
        self.files += 1
        self.fixes += fixes

    def describe(self) -> str:
        return (f"{self.files} file{'s' if self.files != 1 else ''} already fixed and written "
                f"({self.fixes} fix{'es' if self.fixes != 1 else ''}), the others left as they were")


def encode(source: Source, text: str) -> bytes:
    return ((BOM if source.bom else "") + text).encode("utf-8")


def _problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM wait until the block ends, and are then handled as they would have been: a
    step whose result must be recorded (the temporary file's name, the rename done) is not cut in two.

    Done with Python handlers that only note the signal, not with a signal mask: a mask holds for one
    thread, and the kernel hands a process's signal to any thread that does not block it (spaCy's
    numeric libraries start some), whose C handler then has the main thread run the Python handler
    at its next bytecode anyway."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, lambda n, frame: pending.append(n))
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if pending:
            _deliver(pending[0], previous[pending[0]])


def _deliver(signum: int, handler) -> None:
    """Handle a signal that waited as its own handler would have."""
    if callable(handler):
        handler(signum, None)  # default_int_handler raises KeyboardInterrupt; signals_raise, Interrupted
    elif handler == signal.SIG_DFL:
        os.kill(os.getpid(), signum)


def write_atomic(source: Source, text: str, done=None) -> Path:
    """Replace the file source.path was read from with `text`; return the path written (a symlink's
    target). Raises WriteError, leaving the file as it was, when it cannot or must not be written.
    `done()`, if given, is called right after the rename, before a signal can cut in, so a count of
    files written is exact even when the run is interrupted.

    Fix edits never add or remove line breaks of their own, so CRLF files stay CRLF; only the
    edited characters change.
    """
    assert source.path is not None
    name = source.name
    target = Path(os.path.realpath(source.path))  # a symlink is fixed at its target, and stays a link
    try:
        info = os.stat(target)
    except OSError as exc:
        raise WriteError(name, f"cannot write the fix ({_problem(exc)})") from None
    if not os.access(target, os.W_OK):  # a read-only file says "do not change me": a rename would anyway
        raise WriteError(name, "not fixed: the file is read-only")
    if info.st_nlink > 1:
        raise WriteError(name, f"not fixed: it has {info.st_nlink} hard links, and replacing it would split "
                               f"them (use --diff and apply the change by hand)")
    tmp = None
    try:
        try:
            with _signals_held():  # the file and the name we know it by come into being together
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent)
        except OSError as exc:
            raise WriteError(name, f"cannot write the fix: cannot create a file in {target.parent} "
                                   f"({_problem(exc)})") from None
        with os.fdopen(fd, "wb") as fh:
            fh.write(encode(source, text))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):  # only root may give a file away; else it stays ours
                os.chown(tmp, info.st_uid, info.st_gid)
        _check_unchanged(source, target, name)
        with _signals_held():  # renamed, and known to be
            os.replace(tmp, target)
            tmp = None
            if done is not None:
                done()
    except OSError as exc:
        raise WriteError(name, f"cannot write the fix ({_problem(exc)})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return target


def _check_unchanged(source: Source, target: Path, name: str) -> None:
    """The file must still hold the bytes that were linted: else a later edit would be lost."""
    if source.digest is None:
        return
    try:
        now = target.read_bytes()
    except OSError as exc:
        raise WriteError(name, f"not fixed: cannot read it again before writing ({_problem(exc)})") from None
    if digest_of(now) != source.digest:
        raise WriteError(name, "not fixed: it changed on disk after it was read (run askcheck again)")


def unified_diff(source: Source, new_text: str) -> str:
    old = source.text.splitlines(keepends=True)
    new = new_text.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(old, new, fromfile=f"a/{source.name}", tofile=f"b/{source.name}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
