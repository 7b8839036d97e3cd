"""Reading message corpora lazily: text files, .eml, .mbox, .jsonl and .csv, one Message per record.

Everything here is a generator: a corpus is never held in memory, only the record being read. A
record that cannot be read (a bad JSON line, a CSV row without the text column, an email part that
does not decode) becomes a RecordError in the stream, in its place, and reading goes on.

    for item in iter_messages(["corpus/", "mail/*.mbox"]):
        if isinstance(item, RecordError): ...
        else: lint(item.text, item.filename, item.record)

A Message's `record` names it inside its file: the id field of a JSONL/CSV record, the Message-ID of
an mbox message, or a position ("line 12", "row 3", "message 2") when there is none. `offset_note`
says where the record starts in the file ("line 12"), for a reader looking for it.
"""
from __future__ import annotations

import csv
import dataclasses
import email
import email.errors
import email.policy
import glob
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .sources import InputError, Seen, expand, read_file

TEXT_SUFFIXES = (".txt", ".md")
CORPUS_GLOBS = ("*.txt", "*.md", "*.eml", "*.mbox", "*.jsonl", "*.csv")
_GLOB_CHARS = re.compile(r"[*?\[]")
_POSITIONAL = re.compile(r"^(line|row|message) \d+$")


@dataclass(frozen=True)
class Message:
    """One message to lint. `record` is None for a file that holds a single message."""

    text: str
    filename: str
    record: str | None = None
    offset_note: str | None = None
    subject: str | None = None  # an email's Subject, a record's title: context for the ask, not linted


@dataclass(frozen=True)
class RecordError:
    """A record (or a whole file, record=None) that could not be read; str() is one line naming it."""

    filename: str
    record: str | None
    problem: str
    position: str | None = None  # "line 7", when the record is named by an id it carries
    path_error: bool = False  # the path itself (missing, no match, a link loop): no record was read

    def __str__(self) -> str:
        if not self.record:
            return f"{self.filename}: {self.problem}"
        if is_positional(self.record):
            return f"{self.filename}: {self.record}: {self.problem}"
        # Named as findings name records (file[id]), with the line to find it by.
        at = f" ({self.position})" if self.position else ""
        return f"{self.filename}[{self.record}]{at}: {self.problem}"


def is_positional(record: str | None) -> bool:
    """True when a record is named by its position ("line 7") rather than by an id it carries."""
    return record is None or bool(_POSITIONAL.match(record))


# ----------------------------------------------------------------------------------------- paths

def iter_paths(paths, include=(), exclude=(), seen: Seen | None = None) -> Iterator[Path | RecordError]:
    """Files named, found in folders (include globs; default: every corpus kind), or matched by globs;
    each once (`seen` carries that across calls)."""
    include = tuple(include) or CORPUS_GLOBS
    seen = seen or Seen()  # across all the arguments: a file reached twice is read once
    for raw in paths:
        raw = str(raw)
        if not os.path.exists(raw) and _GLOB_CHARS.search(raw):
            matched = sorted(glob.glob(raw, recursive=True))
            if not matched:
                yield RecordError(raw, None, "no files match this pattern", path_error=True)
                continue
            targets = matched
        else:
            targets = [raw]
        for item in expand(targets, include, exclude, seen):
            yield RecordError(item.name, None, item.problem, path_error=True) if isinstance(item, InputError) else item


def iter_messages(paths: Iterable, *, text_field: str = "text", id_field: str = "id",
                  include_quoted: bool = False, include=(), exclude=()) -> Iterator[Message | RecordError]:
    """Every message in the files, folders and globs given, in order, one record at a time."""
    for path in iter_paths(paths, include, exclude):
        if isinstance(path, RecordError):
            yield path
        else:
            yield from read_path(path, text_field=text_field, id_field=id_field, include_quoted=include_quoted)


RECORD_SUFFIXES = (".jsonl", ".csv", ".mbox", ".eml")  # files read as records, not as plain text


def read_path(path: Path, *, text_field: str = "text", id_field: str = "id",
              include_quoted: bool = False) -> Iterator[Message | RecordError]:
    """The messages of one file, read by its kind (suffix); any other suffix is one plain-text message."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, text_field=text_field, id_field=id_field)
    elif suffix == ".csv":
        yield from read_csv(path, text_field=text_field, id_field=id_field)
    elif suffix == ".mbox":
        yield from read_mbox(path, include_quoted=include_quoted)
    elif suffix == ".eml":
        yield from read_eml(path, include_quoted=include_quoted)
    else:
        yield from read_text(path)


def read_stdin_as(name: str, data: bytes, *, text_field: str = "text", id_field: str = "id",
                  include_quoted: bool = False) -> Iterator[Message | RecordError]:
    """The messages of `data` (stdin) read as the kind of file `name` names (.eml, .mbox, .jsonl,
    .csv), reported under that name: a mail client's pre-send hook pipes the whole email in."""
    if Path(name).suffix.lower() == ".eml":
        yield _email_message(data, name, None, None, include_quoted)
        return
    with tempfile.TemporaryDirectory(prefix="askcheck-stdin-") as folder:
        path = Path(folder, "stdin" + Path(name).suffix.lower())
        path.write_bytes(data)
        for item in read_path(path, text_field=text_field, id_field=id_field, include_quoted=include_quoted):
            yield dataclasses.replace(item, filename=name)


def _open_error(path: Path, exc: OSError) -> RecordError:
    if isinstance(exc, FileNotFoundError):
        return RecordError(str(path), None, "no such file or directory")
    if isinstance(exc, PermissionError):
        return RecordError(str(path), None, "permission denied")
    return RecordError(str(path), None, f"cannot read ({exc.strerror or exc})")


# ------------------------------------------------------------------------------------ text files

def read_text(path: Path) -> Iterator[Message | RecordError]:
    """A .txt/.md file (or any file named explicitly) is one message, UTF-8 as for `askcheck lint`."""
    try:
        source = read_file(path)
    except InputError as exc:
        yield RecordError(exc.name, None, exc.problem)
        return
    yield Message(source.text, source.name)


# ----------------------------------------------------------------------------------------- JSONL

def read_jsonl(path: Path, *, text_field: str = "text", id_field: str = "id") -> Iterator[Message | RecordError]:
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield _open_error(path, exc)
        return
    with fh:
        for number, raw in enumerate(fh, 1):
            item = jsonl_record(name, number, raw, text_field, id_field)
            if item is not None:
                yield item


def jsonl_record(name: str, number: int, raw: bytes, text_field: str = "text",
                 id_field: str = "id") -> Message | RecordError | None:
    """Line `number` of a JSONL file as a Message, a RecordError, or None for a blank line.

    One line at a time, so a worker that reads only a byte range of the file names its records
    exactly as a reader of the whole file does, given the line numbers."""
    where = f"line {number}"
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        return RecordError(name, where, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(name, where, f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return RecordError(name, where, f"expected a JSON object, got {type(obj).__name__}")
    record = _record_id(obj.get(id_field), where)
    text = obj.get(text_field)
    if not isinstance(text, str):
        problem = (f"no {text_field!r} field" if text is None
                   else f"{text_field!r} is {type(text).__name__}, not a string")
        return RecordError(name, record, problem, where)
    subject = next((v for k in ("subject", "title") if isinstance(v := obj.get(k), str)), None)
    # JSON can spell half of a surrogate pair ("\ud83d") that is no character at all: it could
    # be neither linted by spaCy nor printed, so the record is bad, as invalid UTF-8 is.
    if _has_surrogates(text):
        at = next(i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff")
        return RecordError(name, record, f"{text_field!r} holds a lone surrogate (\\u{ord(text[at]):04x} at "
                                         f"character {at + 1}), not a Unicode character", where)
    return Message(text, name, record, where, subject)


def _record_id(value, fallback: str) -> str:
    if value is None or isinstance(value, (dict, list)) or value == "":
        return fallback
    return _printable(str(value))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _printable(label: str) -> str:
    """A record id as one printable line: control characters and lone surrogates escaped ("\\n", "\\ud800")."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape", "backslashreplace").decode("ascii"), label)


# ------------------------------------------------------------------------------------------- CSV

def read_csv(path: Path, *, text_field: str = "text", id_field: str = "id") -> Iterator[Message | RecordError]:
    """One message per row (csv.DictReader). Bytes that are not UTF-8 spoil only their own row."""
    name = str(path)
    try:
        fh = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        yield _open_error(path, exc)
        return
    with fh:
        lines = RowLines(fh)
        reader = csv.DictReader(lines)
        try:
            fields = reader.fieldnames
        except csv.Error as exc:
            yield RecordError(name, None, f"invalid CSV header: {exc}")
            return
        if not fields:
            return
        if text_field not in fields:
            yield RecordError(name, None, f"no {text_field!r} column (columns: {', '.join(map(str, fields))}); "
                                          f"use --text-field")
            return
        yield from csv_rows(name, reader, fields, text_field, id_field, lines=lines)


class RowLines:
    """The lines a csv reader reads, those of the row being read kept, to tell an unterminated quote:
    the csv module reads the rest of the file into that one field, rows and all."""

    def __init__(self, lines: Iterable[str]):
        self._lines = lines
        self.consumed: list[str] = []
        self.at_end = False

    def __iter__(self):
        for line in self._lines:
            self.consumed.append(line)
            yield line
        self.at_end = True

    def unterminated(self) -> bool:
        """Whether the row just read opened a quote that the end of the file left open."""
        return self.at_end and len(self.consumed) > 1 and sum(line.count('"') for line in self.consumed) % 2 == 1


def csv_rows(name: str, reader: csv.DictReader, fields, text_field: str = "text", id_field: str = "id", *,
             number: int = 0, line_num=None, stop=None, lines: RowLines | None = None
             ) -> Iterator[Message | RecordError]:
    """The rows of a DictReader past its header, as Messages and RecordErrors.

    For a worker that reads from a row in the middle of the file: `number` rows come before,
    `line_num()` is where the whole-file reader's line count stands (default: reader.line_num),
    and `stop()` ends the stretch before the next row. `lines`, the RowLines the reader reads, tells
    an unterminated quote."""
    line_num = line_num or (lambda: reader.line_num)
    while True:
        if stop is not None and stop():
            return
        start_line = line_num() + 1
        if lines is not None:
            lines.consumed.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield RecordError(name, f"row {number}", f"invalid CSV (line {start_line}): {exc}")
            continue
        number += 1
        where = f"row {number}"
        if lines is not None and lines.unterminated():
            # A quote opened and never closed: the csv module reads the rest of the file into
            # this one field, rows and all; it is an error, not a message.
            yield RecordError(name, where, f"unterminated quote (the row starting on line {start_line} "
                                           f"runs to the end of the file, {len(lines.consumed)} lines)")
            return
        record = _record_id(row.get(id_field), where)
        text = row.get(text_field)
        if text is None:
            given = sum(1 for f in fields if row.get(f) is not None)
            yield RecordError(name, record, f"row has no {text_field!r} value "
                                            f"(line {start_line}: {given} of {len(fields)} fields)")
            continue
        if _has_surrogates(text) or _has_surrogates(record):
            yield RecordError(name, where, f"not valid UTF-8 (line {start_line})")
            continue
        yield Message(text, name, record, f"line {start_line}")


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# ---------------------------------------------------------------------------------------- email

_ON_WROTE = re.compile(r"^\s*On\b.*\bwrote:\s*$")
_ON_START = re.compile(r"^\s*On\s")
_WROTE_END = re.compile(r"\bwrote:\s*$")
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}\s*$", re.IGNORECASE)


def strip_quoted(body: str) -> str:
    """The writer's own words: no quoted lines ("> ..."), no reply history ("On ... wrote:"), no signature.

    Quoted lines inside the body become empty lines, so line numbers still match the original body.
    """
    lines = body.split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        bare = line.rstrip("\r")
        if bare in ("-- ", "--") or _ORIGINAL.match(bare) or _ON_WROTE.match(bare):
            break
        if _ON_START.match(bare) and i + 1 < len(lines) and _WROTE_END.search(lines[i + 1].rstrip("\r")):
            break  # "On Mon, 3 Jun 2024, Ana <\nana@example.com> wrote:" wrapped over two lines
        kept.append("" if bare.lstrip().startswith(">") else line)
    return "\n".join(kept).rstrip()


def email_body(msg, include_quoted: bool = False) -> str:
    """The text/plain body of a parsed email (policy=email.policy.default); raises ValueError if none."""
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        raise ValueError("no text/plain part")
    try:
        text = part.get_content(errors="strict")
    except LookupError:
        raise ValueError(f"unknown charset {part.get_content_charset()!r} in the text/plain part") from None
    except UnicodeDecodeError as exc:
        charset = part.get_content_charset() or "us-ascii"
        raise ValueError(f"text/plain part does not decode as {charset} "
                         f"(byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    if part.get("content-transfer-encoding", "").strip().lower() == "base64":
        broken = [type(d).__name__ for d in part.defects if "Base64" in type(d).__name__]
        if broken:  # Python decodes what it can and drops the rest: a message with words missing
            raise ValueError(f"text/plain part is not valid base64 ({', '.join(broken)})")
    text = text.replace("\r\n", "\n")
    return text if include_quoted else strip_quoted(text)


_HEADER_END = re.compile(rb"\r?\n\r?\n|^\r?\n")


def _parse_email(data: bytes):
    return email.message_from_bytes(data, policy=email.policy.default)


def _email_message(data: bytes, name: str, record: str | None, where: str | None,
                   include_quoted: bool, by_message_id: bool = False) -> Message | RecordError:
    """One parsed email; in an mbox (by_message_id) the record is its Message-ID when it has one."""
    if not _HEADER_END.search(data):
        # No blank line after the headers: a truncated email (or not an email at all), not an empty message.
        return RecordError(name, record, "no body: the email ends inside its headers (truncated?)"
                           if data.strip() else "empty email")
    try:
        msg = _parse_email(data)
        if by_message_id:
            record = _printable(str(msg.get("Message-ID") or "").strip()) or record
        body = email_body(msg, include_quoted)
        subject = str(msg.get("Subject") or "").strip() or None
    except (ValueError, LookupError, UnicodeError, TypeError, email.errors.MessageError) as exc:
        return RecordError(name, record, str(exc) or type(exc).__name__)
    return Message(body, name, record, where, subject)


def read_eml(path: Path, *, include_quoted: bool = False) -> Iterator[Message | RecordError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _open_error(path, exc)
        return
    yield _email_message(data, str(path), None, None, include_quoted)


def _split_mbox(fh, first_line: int = 1) -> Iterator[tuple[int, bytes]]:
    """(line number of the "From " line, message bytes) for each message, read line by line.

    Splits where mailbox.mbox does (every line starting with b"From "), but streams instead of
    indexing the whole file first; ">From " lines are unquoted as in mboxrd. `fh` is any iterable
    of lines; `first_line` numbers its first one (a worker may start at a message mid-file).
    """
    buf: list[bytes] = []
    start = 0
    for number, line in enumerate(fh, first_line):
        if line.startswith(b"From "):
            if buf or start:
                yield start, b"".join(buf)
            buf, start = [], number
            continue
        if not start:
            if line.strip():  # text before the first "From " line: not an mbox message
                start = -number
            else:
                continue
        if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
            line = line[1:]
        buf.append(line)
    if buf or start:
        yield start, b"".join(buf)


def read_mbox(path: Path, *, include_quoted: bool = False) -> Iterator[Message | RecordError]:
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield _open_error(path, exc)
        return
    with fh:
        yield from mbox_messages(name, _split_mbox(fh), include_quoted=include_quoted)


def mbox_messages(name: str, split: Iterable[tuple[int, bytes]], first_number: int = 1, *,
                  include_quoted: bool = False) -> Iterator[Message | RecordError]:
    """The messages of _split_mbox's (line, bytes) pairs, numbered from `first_number`."""
    for number, (line, data) in enumerate(split, first_number):
        if line < 0:
            yield RecordError(name, f"line {-line}", "not an mbox file (text before the first \"From \" line)")
            return
        yield _email_message(data, name, f"message {number}", f"line {line}", include_quoted, by_message_id=True)


# ------------------------------------------------------------------------------------ estimation

def estimate_count(paths, include=(), exclude=()) -> int:
    """A quick upper estimate of the number of messages, for a progress bar's ETA (reads bytes, parses nothing)."""
    total = 0
    for path in iter_paths(paths, include, exclude):
        if isinstance(path, RecordError):
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".csv"):
                total += max(_count_lines(path) - (suffix == ".csv"), 0)
            elif suffix == ".mbox":
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.startswith(b"From "))
            else:
                total += 1
        except OSError:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    """Lines in a file, the last one counted even without a final newline."""
    n, last = 0, b"\n"
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


__all__ = ["Message", "RecordError", "iter_messages", "iter_paths", "read_path", "read_stdin_as", "read_text", "read_jsonl", "read_csv",
           "read_eml", "read_mbox", "email_body", "strip_quoted", "estimate_count", "is_positional",
           "CORPUS_GLOBS", "RECORD_SUFFIXES"]
