"""Properties of the command line over what users throw at it (issue 10): random bytes, text in random
encodings, JSONL/CSV/mbox files mixing good records with junk. Whatever comes in: no traceback, exit
0, 1 or 2, no input byte changed without --fix, and every good record still reported."""
from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askcheck.cli import main

ASK = "Could you review my slides before Friday?"
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"]
PROPS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that is not plain: controls, format characters, surrogates spelled in JSON, emoji, accents.
ODD = ["\u202e", "\u200d", "\x00", "\ufeff", "e\u0301", "\U0001f600", "\r\n", "\u2028", "\ud800", "\udc00",
       "\u00a0", "\ufb01", "\uff23"]
odd_text = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=60),
    st.sampled_from(ODD),
    st.lists(st.sampled_from(ODD + ["Could", "you", "help", "Sorry", " ", "?", "\n"]), max_size=10).map("".join),
)
line_junk = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" "))
json_junk = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
                             ["text", "id", "subject", "x"]), inner, max_size=3), max_leaves=6)


@st.composite
def jsonl_file(draw):
    lines, good = [], []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["good", "bytes", "json", "text"]))
        if kind == "good":
            good.append(f"j{i}")
            lines.append(json.dumps({"id": f"j{i}", "text": ASK}).encode())
        elif kind == "bytes":
            lines.append(draw(line_junk))
        elif kind == "json":
            lines.append(json.dumps(draw(json_junk)).encode())
        else:
            lines.append(json.dumps({"id": f"t{i}", "text": draw(odd_text)}, ensure_ascii=draw(st.booleans()))
                         .encode("utf-8", "surrogatepass"))
    return b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"])), good


@st.composite
def csv_file(draw):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(["id", "text"])
    good = []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["good", "short", "odd"]))
        if kind == "good":
            good.append(f"c{i}")
            writer.writerow([f"c{i}", ASK])
        elif kind == "short":
            writer.writerow([f"c{i}"])
        else:
            writer.writerow([f"c{i}", draw(odd_text).encode("utf-8", "replace").decode("utf-8")])
    return out.getvalue().encode("utf-8"), good


@st.composite
def mbox_file(draw):
    parts, good = [], []
    for i in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["good", "junk", "headers-only"]))
        head = f"From a@b.c Mon Jan  1 00:00:00 2024\nMessage-ID: <m{i}@x>\nSubject: s{i}\n"
        if kind == "good":
            good.append(f"<m{i}@x>")
            parts.append((head + "\n" + ASK + "\n").encode())
        elif kind == "junk":
            body = draw(st.binary(max_size=60)).replace(b"\nFrom ", b"\n>From ")
            message_id = draw(st.binary(max_size=12)).replace(b"\n", b" ").replace(b"\r", b" ")
            parts.append(f"From a@b.c Mon Jan  1 00:00:00 2024\nSubject: s{i}\n".encode()
                         + b"Message-ID: " + message_id + b"\n\n" + body + b"\n")
        else:
            parts.append(head.encode())
    return b"".join(parts), good


def encoded(encoding: str, text: str) -> bytes:
    try:
        return text.encode(encoding, errors="replace")
    except UnicodeEncodeError:  # a lone surrogate: written as the bytes a careless encoder makes of it
        return text.encode("utf-8", errors="surrogatepass")


inputs = st.fixed_dictionaries({
    "bytes.txt": st.binary(max_size=200),
    "encoded.txt": st.tuples(st.sampled_from(ENCODINGS), odd_text).map(lambda e: encoded(*e)),
    "records.jsonl": jsonl_file(),
    "rows.csv": csv_file(),
    "mail.mbox": mbox_file(),
})


@PROPS
@given(inputs, st.binary(max_size=100))
def test_cli_survives_any_input_and_reports_every_good_record(files, stdin):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        good: list[tuple[str, str]] = []
        for name, value in files.items():
            data, ids = value if isinstance(value, tuple) else (value, [])
            (root / name).write_bytes(data)
            good += [(str(root / name), i) for i in ids]
        (root / "good.txt").write_text(ASK + "\n", encoding="utf-8")
        before = {p.name: p.read_bytes() for p in root.iterdir()}
        args = ["lint", "--isolated", "--format", "json", "--show-asks", "--jobs", "1", "--skip-bad-records",
                *sorted(str(p) for p in root.iterdir()), "-"]
        result = CliRunner().invoke(main, args, input=stdin)
        assert isinstance(result.exception, SystemExit) or result.exception is None, result.output
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1, 2)
        objects = json.loads(result.stdout)
        reported = {(o["filename"], o.get("record")) for o in objects
                    if any(f["code"] == "ASK201" for f in o["findings"])}
        assert (str(root / "good.txt"), None) in reported
        for name, record in good:
            assert (name, record) in reported, (name, record, result.stderr)
        assert {p.name: p.read_bytes() for p in root.iterdir()} == before
        for line in result.stderr.splitlines():  # every error is one line naming its input
            assert line.startswith(("askcheck: error: ", "askcheck: warning: ")), line
        # The batch report over the same files: the same good records, read the same way.
        result = CliRunner().invoke(main, ["report", "--isolated", "--format", "json", "--jobs", "1",
                                           "--skip-bad-records", *sorted(str(p) for p in root.iterdir())])
        assert isinstance(result.exception, SystemExit) or result.exception is None, result.output
        assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output
        messages = {(m["filename"], m.get("record")) for m in json.loads(result.stdout)["results"]
                    if "ASK201" in {f["code"] for f in m.get("findings", [])}}
        for name, record in good:
            assert (name, record) in messages
        assert {p.name: p.read_bytes() for p in root.iterdir()} == before
