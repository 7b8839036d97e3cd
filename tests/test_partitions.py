"""A corpus cut into parts reads, part by part, exactly as the whole-file readers read it."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askcheck.corpus import RecordError, iter_paths, read_path
from askcheck.partitions import Offsets, Part, count_part, cut_csv, plan_parts, read_part

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def read_in_parts(paths, part_bytes, **reading):
    """What a cluster reads: every part in order, each range given the counts of the ranges before it."""
    out, offsets = [], Offsets()
    units = plan_parts(paths, part_bytes)
    units = (p for u in units for p in (cut_csv(u, part_bytes, reading.get("text_field", "text"))
                                        if getattr(u, "cut_csv", False) else [u]))
    for unit in units:
        if isinstance(unit, RecordError):
            out.append(unit)
            continue
        if unit.index == 0:
            offsets = Offsets()
        out += list(read_part(unit, offsets, **reading))
        if not unit.last and unit.csv_start is None:
            offsets = offsets + count_part(unit)
    return out


def read_whole(paths, **reading):
    return [item for p in paths for item in (read_path(p, **reading) if isinstance(p, Path) else [p])]


def test_fixture_corpus_in_tiny_parts_reads_as_whole():
    paths = list(iter_paths([FIXTURES]))
    whole = read_whole(paths)
    assert any(isinstance(i, RecordError) for i in whole)  # bad records are part of what must match
    for part_bytes in (1, 7, 50, 333, 10_000):
        assert read_in_parts(paths, part_bytes) == whole, part_bytes


def test_big_files_are_cut_and_small_files_grouped(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(f'{{"text": "Can you help with item {i}?"}}\n' for i in range(100)))
    small = [tmp_path / f"s{i}.txt" for i in range(3)]
    for p in small:
        p.write_text("Could you review this?")
    parts = list(plan_parts([small[0], big, small[1], small[2]], part_bytes=1000))
    assert parts[0] == Part((small[0],))
    ranges = [p for p in parts if p.path == big]
    assert len(ranges) > 2 and ranges[0].start == 0 and ranges[-1].end is None and ranges[-1].last
    assert [r.index for r in ranges] == list(range(len(ranges)))
    assert parts[-1] == Part((small[1], small[2]))


LINE = st.one_of(
    st.builds(lambda i, t: f'{{"id": {i}, "text": {t!r}}}'.replace("'", '"'),
              st.integers(0, 5), st.sampled_from(["Can you help?", "ok", "Sorry to bother you, could you look?"])),
    st.builds(lambda t: f'{{"text": "{t}"}}', st.sampled_from(["Could you review my slides?", "é ü", "x"])),
    st.sampled_from(["", "   ", "{bad json", "[1, 2]", '{"text": 3}', '{"no": "text"}']),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE, max_size=30), final_newline=st.booleans(), bom=st.booleans(),
       part_bytes=st.integers(1, 300))
def test_jsonl_any_cut_reads_as_whole(tmp_path, lines, final_newline, bom, part_bytes):
    path = tmp_path / "c.jsonl"
    data = "\n".join(lines) + ("\n" if final_newline and lines else "")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode())
    assert read_in_parts([path], part_bytes) == read_whole([path])


MAIL = st.builds(
    lambda n, body, mid: (f"From sender{n}@example.com Mon Jan  1 00:00:00 2024\n"
                          + (f"Message-ID: <{mid}@x>\n" if mid else "")
                          + f"Subject: s{n}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"),
    st.integers(0, 99), st.sampled_from(["Could you review my slides?", "Thanks!\n>From the archive\nok",
                                         "Can you help?\n\n-- \nsig", ""]),
    st.one_of(st.none(), st.integers(0, 3)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mails=st.lists(MAIL, max_size=12), lead=st.sampled_from(["", "\n\n", "not mail\n"]),
       part_bytes=st.integers(1, 400), quoted=st.booleans())
def test_mbox_any_cut_reads_as_whole(tmp_path, mails, lead, part_bytes, quoted):
    path = tmp_path / "c.mbox"
    path.write_text(lead + "".join(m + "\n" for m in mails))
    assert read_in_parts([path], part_bytes, include_quoted=quoted) == read_whole([path], include_quoted=quoted)


FIELD = st.one_of(st.sampled_from(["Can you help?", "a,b", "", "x"]),
                  st.builds(lambda t: '"' + t.replace('"', '""') + '"',
                            st.sampled_from(["Could you\nreview it?", 'say "hi"', "one,\r\ntwo", "\n\n"])))
ROW = st.one_of(st.lists(FIELD, min_size=1, max_size=4).map(",".join),
                st.sampled_from(["", '"unclosed, field', 'a"b,c', "\x00", "only"]))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, max_size=25), eol=st.sampled_from(["\n", "\r\n"]), bom=st.booleans(),
       header=st.sampled_from(["id,text,extra", "text", "id,body"]), part_bytes=st.integers(1, 120))
def test_csv_any_cut_reads_as_whole(tmp_path, rows, eol, bom, header, part_bytes):
    path = tmp_path / "c.csv"
    data = eol.join([header] + rows) + eol
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8") + b"\xff,\xfe" + eol.encode())
    assert read_in_parts([path], part_bytes) == read_whole([path])


def test_csv_is_cut_at_rows_with_quoted_newlines(tmp_path):
    path = tmp_path / "c.csv"
    # Rows over two lines each, and blank lines between them: cut points must fall between whole rows.
    path.write_text("id,text\n" + "".join(f'\n{i},"Could you\nreview part {i}?"\n' for i in range(60)) + "\n\n7,x\n")
    parts = cut_csv(next(iter(plan_parts([path], 100))), 100)
    assert len(parts) > 5 and all(p.csv_start for p in parts) and parts[-1].last
    assert read_in_parts([path], 100) == read_whole([path])


def test_bad_records_read_in_parts_as_whole(tmp_path):
    """An unterminated CSV quote and a lone surrogate in JSONL are the same bad records either way."""
    csv_path = tmp_path / "u.csv"
    csv_path.write_text("text,id\n" + "".join(f"Could you review part {n}?,{n}\n" for n in range(40))
                        + '"never closed,40\nrow,41\n', encoding="utf-8")
    jsonl_path = tmp_path / "s.jsonl"
    jsonl_path.write_text("".join('{"id": %d, "text": "Could you \\ud83d help %d?"}\n' % (n, n) for n in range(30)),
                          encoding="utf-8")
    for path in (csv_path, jsonl_path):
        whole = read_whole([path])
        assert any(isinstance(item, RecordError) for item in whole)
        assert read_in_parts([path], 64) == whole
