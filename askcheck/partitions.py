"""Cutting a corpus into parts that a worker reads and lints on its own, without reading it here.

    for unit in plan_parts(iter_paths(paths), part_bytes=4 << 20):
        a RecordError (a path that matched nothing): in its place, as the reader would give it
        a Part: read_part(part, offsets) on a worker gives exactly the items the whole-file
                reader gives for that stretch of the corpus

The planner only lists files and asks their sizes. A big .jsonl or .mbox file is cut into byte
ranges; a range owns the records that *start* inside it (a JSONL line; an mbox message, by its
"From " line, read on past the range's end to the next one), so every record belongs to exactly
one range wherever the cuts fall. A .csv file cannot be cut by looking at the bytes at a cut (a
quoted field may hold newlines, and whether a quote opens or closes depends on all that came
before), so a big one is first read through without linting, on a worker, by cut_csv(), which
notes where rows start every `part_bytes` and the reader's state there (CsvStart); its ranges
start at those rows. Smaller files, .eml and text files go whole, several to a part.

A record without an id is named by its position ("line 12", "message 3"), so a range must know how
many lines and messages come before it. count_part() counts a range's own, on a worker; adding the
counts of a file's earlier ranges (Offsets) is the caller's business (cluster.py chains them).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .corpus import (RECORD_SUFFIXES, Message, RecordError, RowLines, _open_error, _split_mbox, csv_rows, jsonl_record,
                     mbox_messages, read_path)
from .sources import InputError, Source, read_file

SPLITTABLE = (".jsonl", ".mbox", ".csv")
DEFAULT_PART_BYTES = 4 << 20  # about 10,000 messages of 400 bytes: seconds of work, little to send back
MAX_FILES_PER_PART = 256  # small files: enough per part that the per-task overhead does not show


@dataclass(frozen=True)
class CsvStart:
    """A row of a CSV file where a range starts, and the whole-file reader's state there."""

    offset: int  # byte offset of the row
    fields: tuple[str, ...]  # the header
    lines: int  # lines the csv module has read before it (csv.reader.line_num)
    line_num: int  # DictReader.line_num before it, which read_csv's "line N" is counted from
    rows: int  # rows, good or bad, before it


@dataclass(frozen=True)
class Part:
    """Whole files (end is None and index 0), or the byte range [start, end) of one (end None: to its end)."""

    paths: tuple[Path, ...]
    start: int = 0
    end: int | None = None
    index: int = 0  # which range of its file, from 0
    last: bool = True  # the file's last range (or whole files)
    csv_start: CsvStart | None = None  # a range of a CSV file: where it starts
    cut_csv: bool = False  # a big CSV file, to be cut by cut_csv() before it is read

    @property
    def is_range(self) -> bool:
        return not (self.index == 0 and self.last)

    @property
    def path(self) -> Path:
        return self.paths[0]


@dataclass(frozen=True)
class Offsets:
    """What comes before a range in its file: lines, and (in an mbox) messages."""

    lines: int = 0
    messages: int = 0

    def __add__(self, other: Offsets) -> Offsets:
        return Offsets(self.lines + other.lines, self.messages + other.messages)


def plan_parts(paths: Iterable[Path | RecordError], part_bytes: int = DEFAULT_PART_BYTES) -> Iterator[Part | RecordError]:
    """Parts of about `part_bytes` each, in input order; errors of the path listing pass through in place."""
    part_bytes = max(int(part_bytes), 1)
    batch: list[Path] = []
    size = 0

    def flush():
        nonlocal batch, size
        if batch:
            yield Part(tuple(batch))
        batch, size = [], 0

    for path in paths:
        if isinstance(path, RecordError):
            yield from flush()
            yield path
            continue
        try:
            length = path.stat().st_size
        except OSError:
            length = 0  # the worker that reads it reports the problem, as the reader would
        if path.suffix.lower() == ".csv" and length > part_bytes:
            yield from flush()
            yield Part((path,), cut_csv=True)
            continue
        if path.suffix.lower() in SPLITTABLE and length > part_bytes:
            yield from flush()
            n = -(-length // part_bytes)
            for k in range(n):
                last = k == n - 1
                yield Part((path,), k * part_bytes, None if last else (k + 1) * part_bytes, k, last)
            continue
        batch.append(path)
        size += length
        if size >= part_bytes or len(batch) >= MAX_FILES_PER_PART:
            yield from flush()
    yield from flush()


# ----------------------------------------------------------------------------------------- lines

def _lines_from(fh, start: int, lines_before: int) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, line) of every line that starts at or after `start`.

    `lines_before` is the number of lines that start before it, so numbers match a whole-file read."""
    if start > 0:
        fh.seek(start - 1)
        if fh.read(1) != b"\n":
            fh.readline()  # the rest of a line that started before `start`: not ours
    offset = fh.tell()
    number = lines_before + 1
    for raw in iter(fh.readline, b""):
        yield number, offset, raw
        number += 1
        offset += len(raw)


def _owned_lines(fh, part: Part, lines_before: int) -> Iterator[tuple[int, int, bytes]]:
    for number, offset, raw in _lines_from(fh, part.start, lines_before):
        if part.end is not None and offset >= part.end:
            return
        yield number, offset, raw


def count_part(part: Part) -> Offsets:
    """The lines (and mbox "From " lines) that start inside a range: what it adds to the next one's Offsets."""
    mbox = part.path.suffix.lower() == ".mbox"
    lines = messages = 0
    try:
        with open(part.path, "rb") as fh:
            for _, _, raw in _owned_lines(fh, part, 0):
                lines += 1
                messages += mbox and raw.startswith(b"From ")
    except OSError:
        pass  # read_part of the first range reports it
    return Offsets(lines, messages)


# ------------------------------------------------------------------------------------------- CSV

class _CountingLines:
    """The lines of a text file as the csv module reads them, counting the bytes they took."""

    def __init__(self, text, offset: int):
        self.text = text
        self.offset = offset

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.text)
        self.offset += len(line.encode("utf-8", "surrogateescape"))  # the bytes exactly, bad ones too
        return line


def cut_csv(part: Part, part_bytes: int, text_field: str = "text") -> list[Part]:
    """The ranges of a big CSV file, each starting at a row about `part_bytes` after the last one.

    Reads the file through as read_csv does (the csv module, no linting: many times faster than
    linting it), so its rows are the ones read_csv finds. The file whole, if it cannot be cut
    (unreadable, no header, no text column: read_csv reports that)."""
    path = part.path
    try:
        with open(path, "rb") as raw:
            bom = 3 if raw.read(3) == b"\xef\xbb\xbf" else 0
        fh = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError:
        return [Part((path,))]
    starts: list[CsvStart] = []
    with fh:
        lines = _CountingLines(fh, bom)
        reader = csv.DictReader(lines)
        try:
            fields = reader.fieldnames
        except csv.Error:
            fields = None
        if not fields or text_field not in fields:
            return [Part((path,))]
        fields = tuple(fields)
        rows = 0
        while True:
            here = CsvStart(lines.offset, fields, reader.reader.line_num, reader.line_num, rows)
            try:
                next(reader)
            except StopIteration:
                break
            except csv.Error:
                pass
            if not starts or here.offset - starts[-1].offset >= part_bytes:
                starts.append(here)
            rows += 1
    return [Part((path,), s.offset, starts[k + 1].offset if k + 1 < len(starts) else None, k, k + 1 == len(starts), s)
            for k, s in enumerate(starts)] or [Part((path,))]


def _read_csv_range(fh, name: str, part: Part, text_field: str, id_field: str):
    start = part.csv_start
    fh.seek(start.offset)
    lines = _CountingLines(io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline=""),
                           start.offset)
    rows = RowLines(lines)  # as read_csv reads them, to tell an unterminated quote the same way
    reader = csv.DictReader(rows, fieldnames=list(start.fields))

    def line_num():  # where the whole-file reader's DictReader.line_num would stand
        return start.line_num if reader.line_num == 0 else start.lines + reader.line_num

    def stop():
        return part.end is not None and lines.offset >= part.end

    yield from csv_rows(name, reader, start.fields, text_field, id_field, number=start.rows, line_num=line_num,
                        stop=stop, lines=rows)


# --------------------------------------------------------------------------------------- reading

def read_part(part: Part, offsets: Offsets = Offsets(), *, text_field: str = "text", id_field: str = "id",
              include_quoted: bool = False, whole_text: str = "message") -> Iterator[Message | RecordError | Source | InputError]:
    """The items of a part, as the whole-file readers give them.

    whole_text: how a text file (.txt, .md, any name given) is read: "message" (a corpus Message, as
    `askcheck report` reads it) or "source" (a Source, or an InputError, as `askcheck lint` does)."""
    if not part.is_range:
        for path in part.paths:
            if whole_text == "source" and path.suffix.lower() not in RECORD_SUFFIXES:
                try:
                    yield read_file(path)
                except InputError as exc:
                    yield exc
            else:
                yield from read_path(path, text_field=text_field, id_field=id_field, include_quoted=include_quoted)
        return
    name = str(part.path)
    try:
        fh = open(part.path, "rb")
    except OSError as exc:
        if part.index == 0:
            yield _open_error(part.path, exc)
        return
    with fh:
        if part.csv_start is not None:
            yield from _read_csv_range(fh, name, part, text_field, id_field)
        elif part.path.suffix.lower() == ".jsonl":
            for number, _, raw in _owned_lines(fh, part, offsets.lines):
                item = jsonl_record(name, number, raw, text_field, id_field)
                if item is not None:
                    yield item
        else:
            yield from _read_mbox_range(fh, name, part, offsets, include_quoted)


def _read_mbox_range(fh, name: str, part: Part, offsets: Offsets, include_quoted: bool):
    if part.index > 0 and not _starts_as_mbox(fh):
        return  # the first range reports "not an mbox file" for the whole file, as read_mbox does
    lines = _lines_from(fh, part.start, offsets.lines)
    first_line = offsets.lines + 1
    if part.index > 0:
        # Lines before our first "From " line end the previous range's last message.
        for number, offset, raw in lines:
            if raw.startswith(b"From "):
                if part.end is not None and offset >= part.end:
                    return
                first_line = number
                break
        else:
            return
        head = [raw]
    else:
        head = []

    def own():
        yield from head
        for _, offset, raw in lines:
            if part.end is not None and offset >= part.end and raw.startswith(b"From "):
                return  # the next range's first message
            yield raw

    yield from mbox_messages(name, _split_mbox(own(), first_line), offsets.messages + 1,
                             include_quoted=include_quoted)


def _starts_as_mbox(fh) -> bool:
    """Whether the first line that is not blank is a "From " line (read_mbox's test), read from the top."""
    where = fh.tell()
    fh.seek(0)
    try:
        for raw in fh:
            if raw.startswith(b"From "):
                return True
            if raw.strip():
                return False
        return True
    finally:
        fh.seek(where)


__all__ = ["Part", "Offsets", "CsvStart", "plan_parts", "count_part", "cut_csv", "read_part", "DEFAULT_PART_BYTES",
           "SPLITTABLE"]
