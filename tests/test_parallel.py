"""--jobs N gives exactly what --jobs 1 gives, in the same order, and streams with bounded read-ahead."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck.corpus import Message, RecordError, iter_messages
from askcheck.parallel import CHUNKS_PER_WORKER, ProgressBar, lint_pairs, lint_stream, progress_wanted
from askcheck.report.readability import measure
from askcheck.report_cli import report
from askcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


def labelled_messages(limit=200):
    out = []
    for path in sorted((ROOT / "corpus" / "labelled").glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append(Message(json.loads(line)["text"], str(path), f"line {i}", f"line {i}"))
    return out[:limit]


@pytest.fixture(scope="module")
def messages():
    return labelled_messages() + [m for m in iter_messages([FIXTURES]) if isinstance(m, Message)]


def test_jobs_2_equals_jobs_1_in_order(messages):
    one = list(lint_stream(Settings(), iter(messages), jobs=1, chunk_size=7))
    two = list(lint_stream(Settings(), iter(messages), jobs=2, chunk_size=7))
    assert len(one) == len(messages)
    assert one == two
    assert [r.text for r in two] == [m.text for m in messages]
    assert sum(len(r.findings) for r in one) > 0


def test_annotations_and_errors_keep_their_place(messages):
    items = list(messages[:20])
    items.insert(3, RecordError("x.jsonl", "line 9", "invalid JSON"))
    items.append(RecordError("y.csv", "row 1", "no text"))
    one = list(lint_pairs(Settings(), iter(items), jobs=1, chunk_size=4, annotate=measure))
    two = list(lint_pairs(Settings(), iter(items), jobs=2, chunk_size=4, annotate=measure))
    assert [(m, r, a) for m, r, a in one] == [(m, r, a) for m, r, a in two]
    assert [m for m, _, _ in two] == items
    assert two[3][1] is None and two[-1][1] is None
    assert all(r is not None for m, r, _ in two if isinstance(m, Message))


def test_triples_are_accepted():
    (r,) = list(lint_stream(Settings(), [("Can you help?", "a.txt", None)], jobs=1))
    assert r.text == "Can you help?" and r.findings and r.findings[0].filename == "a.txt"


def test_read_ahead_is_bounded(messages):
    pulled = 0

    def feed():
        nonlocal pulled
        for _ in range(50):
            for m in messages[:40]:
                pulled += 1
                yield m

    jobs, chunk = 2, 5
    stream = lint_stream(Settings(), feed(), jobs=jobs, chunk_size=chunk)
    next(stream)
    assert pulled <= (jobs * CHUNKS_PER_WORKER + 1) * chunk  # not the 2,000 messages on offer
    stream.close()


def test_cli_jobs_2_output_is_identical_to_jobs_1():
    runner = CliRunner()
    args = [str(FIXTURES), "--format", "json", "--skip-bad-records", "--chunk-size", "2"]
    one = runner.invoke(report, args + ["--jobs", "1"])
    two = runner.invoke(report, args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, one.output
    assert one.stdout == two.stdout
    assert len(json.loads(two.stdout)["results"]) == 14


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted(Tty())
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Tty())
    monkeypatch.delenv("CI")

    class Pipe:
        def isatty(self):
            return False

    assert not progress_wanted(Pipe())
    bar = ProgressBar(enabled=False)
    bar.advance(10)  # a disabled bar does nothing and starts nothing
    assert bar._progress is None


def test_enabled_progress_bar_counts_and_closes(capsys):
    with ProgressBar(enabled=True, total=3) as bar:
        bar.advance(2)
        bar.advance(2)  # past an estimated total: the total grows
        assert bar._progress.tasks[0].completed == 4
        assert bar.total == 4
        bar.log("askcheck: error: x: bad")
    assert bar._progress is None


def test_progress_asked_for_into_a_log_writes_plain_lines(capsys):
    with ProgressBar(enabled=True, description="askcheck report", plain=True) as bar:
        bar.advance(3)
        bar.advance(4)
    assert bar._progress is None
    (line,) = capsys.readouterr().err.splitlines()  # one at the end (and one every PLAIN_EVERY seconds)
    assert line.startswith("askcheck report: 7 messages, ") and line.endswith(" msg/s")


def test_cli_progress_flag_into_a_log(tmp_path):
    (tmp_path / "a.txt").write_text("Can you help?")
    out = str(tmp_path.parent / f"{tmp_path.name}-report.txt")
    result = CliRunner().invoke(report, [str(tmp_path), "--jobs", "1", "--progress", "-o", out])
    assert result.exit_code == 0
    assert result.stderr.startswith("askcheck report: 1 messages, ")
    quiet = CliRunner().invoke(report, [str(tmp_path), "--jobs", "1", "-o", out])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def worker_pid(result):
    return os.getpid()


def test_parent_lints_the_first_chunk_before_forking(messages):
    # The warm-up (reading-grade library, phrase regexes, common words) is done once in the parent,
    # by linting the first chunk there, and the forked workers inherit it instead of repeating it.
    pids = [pid for _, pid in lint_stream(Settings(), iter(messages[:30]), jobs=2, chunk_size=10,
                                          annotate=worker_pid)]
    assert pids[:10] == [os.getpid()] * 10
    assert os.getpid() not in pids[10:]


def test_chunks_run_in_memory_zones_once_the_vocabulary_is_large(monkeypatch):
    # Below WARMUP_WORDS a chunk's new words stay in the vocabulary; above it they go with the chunk's
    # memory zone, so a long run's vocabulary stops growing. The findings are the same either way.
    from askcheck import parallel
    from askcheck.engine import Linter

    linter = Linter(Settings())
    strings = linter.nlp.vocab.strings
    kept = [("Could you review the qwxzkeptword draft by Friday?", "-", None)]
    freed = [("Could you review the qwxzfreedword draft by Friday?", "-", None)]
    monkeypatch.setattr(parallel, "WARMUP_WORDS", 10**9)
    (first, _), = parallel._lint_chunk(linter, kept, None)
    assert "qwxzkeptword" in strings
    monkeypatch.setattr(parallel, "WARMUP_WORDS", 0)
    (second, _), = parallel._lint_chunk(linter, freed, None)
    assert "qwxzfreedword" not in strings
    assert [f.code for f in first.findings] == [f.code for f in second.findings]
