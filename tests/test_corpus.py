"""Reading corpora: every kind of file, records named in place, broken records as errors, laziness."""
from __future__ import annotations

import inspect
import json
import mailbox
from pathlib import Path

import pytest

from askcheck.corpus import (Message, RecordError, estimate_count, is_positional, iter_messages, read_csv,
                             read_eml, read_jsonl, read_mbox, strip_quoted)

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def fx(name: str) -> Path:
    return FIXTURES / name


def test_jsonl_bad_line_is_an_error_in_place_and_the_rest_is_read():
    items = list(read_jsonl(fx("messages.jsonl")))
    assert [type(i).__name__ for i in items] == ["Message", "Message", "RecordError", "Message"]
    assert [i.record for i in items] == ["m1", "m2", "line 3", "line 4"]
    assert items[0] == Message("Can you help me out?", str(fx("messages.jsonl")), "m1", "line 1")
    err = items[2]
    assert err.filename.endswith("messages.jsonl") and "invalid JSON" in err.problem
    assert str(err).startswith(f"{fx('messages.jsonl')}: line 3: invalid JSON")


def test_jsonl_fields_and_problems(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'\xef\xbb\xbf{"body": "Could you help?", "key": 7}\n\n'
                  b'{"text": "no body field"}\n[1, 2]\n{"body": 3}\n{"body": "caf\xe9"}\n')
    items = list(read_jsonl(p, text_field="body", id_field="key"))
    assert items[0] == Message("Could you help?", str(p), "7", "line 1")  # BOM stripped, blank line skipped
    problems = [(i.record, i.problem) for i in items[1:]]
    assert problems == [
        ("line 3", "no 'body' field"),
        ("line 4", "expected a JSON object, got list"),
        ("line 5", "'body' is int, not a string"),
        ("line 6", "not valid UTF-8 (byte 0xe9 at column 14)"),
    ]


def test_csv_row_without_text_is_an_error_and_multiline_rows_work():
    items = list(read_csv(fx("messages.csv")))
    assert [i.record for i in items] == ["c1", "c2", "c3", "c4"]
    assert isinstance(items[2], RecordError) and "no 'text' value" in items[2].problem
    assert items[1].text.count("\n") == 1 and items[1].offset_note == "line 3"
    assert items[3].offset_note == "line 6"  # physical line, after the two-line row


def test_csv_without_the_text_column_names_the_columns(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,body\n1,Could you help?\n", encoding="utf-8")
    (err,) = list(read_csv(p))
    assert err.record is None and "no 'text' column (columns: id, body)" in err.problem
    (msg,) = list(read_csv(p, text_field="body"))
    assert msg == Message("Could you help?", str(p), "1", "line 2")


def test_csv_bad_bytes_spoil_only_their_row(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"text\nCould you help?\ncaf\xe9 time?\nThanks, can you review it?\n")
    items = list(read_csv(p))
    assert [type(i).__name__ for i in items] == ["Message", "RecordError", "Message"]
    assert items[1].record == "row 2" and "not valid UTF-8" in items[1].problem
    assert items[0].record == "row 1"


def test_mbox_two_messages_split_like_mailbox_and_quotes_stripped():
    items = list(read_mbox(fx("archive.mbox")))
    assert len(items) == len(mailbox.mbox(str(fx("archive.mbox")))) == 2
    first, second = items
    assert first.record == "<mbox-1@example.com>" and first.offset_note == "line 1"
    assert second.record == "message 2" and second.offset_note == "line 13"  # no Message-ID
    assert second.text.splitlines() == [
        "Could you send me the error log from Tuesday's deploy by noon tomorrow?",
        "From what I saw it should take five minutes. If you can't, no problem.",  # ">From" unquoted
    ]
    assert "wrote:" not in second.text
    with_quotes = list(read_mbox(fx("archive.mbox"), include_quoted=True))[1].text
    assert "wrote:" in with_quotes and "> Can you help me with something?" in with_quotes


def test_eml_quoted_reply_and_signature_not_linted_by_default():
    (msg,) = list(read_eml(fx("reply.eml")))
    assert msg.text == "Café meeting aside: any thoughts?"  # quoted-printable latin-1, decoded
    assert msg.record is None
    (full,) = list(read_eml(fx("reply.eml"), include_quoted=True))
    assert "> Should we just retry" in full.text and "sorry-to-bother-you team lead" in full.text


def test_eml_undecodable_part_is_an_error():
    (err,) = list(read_eml(fx("undecodable.eml")))
    assert isinstance(err, RecordError)
    assert err.filename.endswith("undecodable.eml") and "does not decode as utf-8" in err.problem


def test_eml_without_text_plain(tmp_path):
    p = tmp_path / "h.eml"
    p.write_text("Subject: x\nContent-Type: text/html\n\n<p>Can you help?</p>\n")
    (err,) = list(read_eml(p))
    assert err.problem == "no text/plain part"


def test_strip_quoted_keeps_line_numbers_and_cuts_history():
    body = "Hi,\n> quoted\nCould you check it?\nOn Mon, 3 Jun 2024, Ana <\nana@example.com> wrote:\n> old\n"
    assert strip_quoted(body) == "Hi,\n\nCould you check it?"
    assert strip_quoted("Can you help?\n-- \nAna\nCan you help?") == "Can you help?"
    assert strip_quoted("Can you?\n-----Original Message-----\nFrom: x") == "Can you?"


def test_latin1_text_file_is_an_error_naming_the_file():
    (err,) = list(iter_messages([fx("latin1.txt")]))
    assert err == RecordError(str(fx("latin1.txt")), None, "not valid UTF-8 (byte 0xe9 at offset 3)")
    assert str(err) == f"{fx('latin1.txt')}: not valid UTF-8 (byte 0xe9 at offset 3)"


def test_folder_walk_is_sorted_and_covers_every_kind():
    items = list(iter_messages([FIXTURES]))
    names = [Path(i.filename).name for i in items]
    assert names == sorted(names)
    assert set(names) == {"archive.mbox", "ask.txt", "latin1.txt", "messages.csv", "messages.jsonl", "reply.eml",
                          "undecodable.eml"}
    assert sum(isinstance(i, RecordError) for i in items) == 4
    assert sum(isinstance(i, Message) for i in items) == 10


def test_globs_include_exclude_and_missing_paths(tmp_path):
    pattern = str(FIXTURES / "*.jsonl")
    assert {i.filename for i in iter_messages([pattern])} == {str(fx("messages.jsonl"))}
    only = list(iter_messages([FIXTURES], include=["*.csv"]))
    assert {Path(i.filename).name for i in only} == {"messages.csv"}
    skipped = list(iter_messages([FIXTURES], exclude=["*.eml", "*.txt"]))
    assert not any(Path(i.filename).suffix in (".eml", ".txt") for i in skipped)
    missing = list(iter_messages([tmp_path / "nope.jsonl", str(tmp_path / "*.mbox")]))
    assert [(e.problem) for e in missing] == ["no such file or directory", "no files match this pattern"]


def test_reading_is_lazy(tmp_path):
    p = tmp_path / "big.jsonl"
    with p.open("w") as fh:
        for i in range(2000):
            fh.write(json.dumps({"id": i, "text": "Could you help?"}) + "\n")
    gen = iter_messages([p, tmp_path / "missing.txt"])
    assert inspect.isgenerator(gen)
    assert next(gen).record == "0"
    # The file is still open mid-way: appending is seen, so nothing was read ahead into a list.
    with p.open("a") as fh:
        fh.write(json.dumps({"id": "late", "text": "x"}) + "\n")
    records = [i.record for i in gen]
    assert records[-2] == "late" and isinstance(records, list)


def test_positional_records_and_estimates():
    assert is_positional("line 4") and is_positional("row 2") and is_positional("message 9") and is_positional(None)
    assert not is_positional("m1") and not is_positional("<a@b>")
    assert estimate_count([FIXTURES]) >= 10


@pytest.mark.parametrize("name", ["messages.jsonl", "messages.csv", "archive.mbox", "reply.eml", "ask.txt"])
def test_every_message_has_a_filename(name):
    for item in iter_messages([fx(name)]):
        assert item.filename == str(fx(name))
