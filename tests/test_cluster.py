"""On a Dask cluster, `report` and `lint` write byte for byte what --jobs 1 writes; a killed worker loses nothing.

Two clusters, each started once for the module: a LocalCluster of 2 worker processes, and a
`dask scheduler` with 2 `dask worker` processes started here on 127.0.0.1, as on real machines.
The corpora are the first records of the shared ones (skipped where they are absent), an mbox
made from some of them, and the fixture corpus with its bad records, cut into small parts so
every file is read in many ranges.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from askcheck.cli import Reading, cluster_sources, gather_sources, lint, lint_sources
from askcheck.corpus import iter_messages
from askcheck.formatters import FORMATS, RenderOptions
from askcheck.formatters import render as render_lint
from askcheck.report import build_report
from askcheck.report import render as render_report
from askcheck.report.json_stream import JsonStream
from askcheck.report_cli import report
from askcheck.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
PART = "16k"  # about 40 politeness records: every corpus file is cut into many ranges


def one_line_error(result, *words):
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and lines[0].startswith("askcheck: error: "), result.output
    for w in words:
        assert w in lines[0]


# ------------------------------------------------------------------ without a cluster

def test_scheduler_without_the_dask_extra_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` does where it is not installed
    (tmp_path / "a.txt").write_text("Can you help?")
    for command in (report, lint):
        result = CliRunner().invoke(command, [str(tmp_path), "--scheduler", "local:2"])
        one_line_error(result, "askcheck[dask]", "--scheduler")


def test_scheduler_usage_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Can you help?")
    runner = CliRunner()
    one_line_error(runner.invoke(report, [str(tmp_path), "--scheduler", "somewhere"]), "tcp://HOST:PORT", "local:N")
    one_line_error(runner.invoke(lint, [str(tmp_path), "--scheduler", "local:2", "--fix"]), "--fix")
    one_line_error(runner.invoke(lint, ["-", "--scheduler", "local:2"], input="Can you help?"), "stdin")
    one_line_error(runner.invoke(report, [str(tmp_path), "--scheduler", "local:0"]), "N >= 1")
    result = runner.invoke(report, [str(tmp_path), "--scheduler", "local:2", "--partition-size", "lots"])
    assert result.exit_code == 2 and "size in bytes" in result.output


def test_unreachable_scheduler_is_a_cluster_error():
    pytest.importorskip("distributed")
    from askcheck.cluster import ClusterError, connect

    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:"):
        with connect(f"tcp://127.0.0.1:{free_port()}", timeout=1):
            pass


# --------------------------------------------------------------------------- clusters

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def local_cluster():
    distributed = pytest.importorskip("distributed")
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def process_cluster():
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, as one would start them on machines."""
    distributed = pytest.importorskip("distributed")
    dask = str(Path(sys.executable).parent / "dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                              **quiet)]
    try:
        for name in ("w1", "w2"):
            # No nanny: a killed worker stays dead, so the run must finish on the other one.
            procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--name", name,
                                           "--host", "127.0.0.1", "--no-dashboard", "--no-nanny"], **quiet))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for p in reversed(procs):
            p.kill()  # nothing to save: no nanny, so no worker process is left behind
        for p in procs:
            p.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The first records of the shared corpora, an mbox made of other records, and the fixture corpus."""
    if not SHARED.is_dir():
        pytest.skip("../shared/corpora is not present")
    folder = tmp_path_factory.mktemp("cluster-corpus")
    with open(SHARED / "politeness.jsonl", "rb") as fh:
        (folder / "politeness.jsonl").write_bytes(b"".join(itertools.islice(fh, 700)))
    with open(SHARED / "email-intent.jsonl", "rb") as fh:
        lines = list(itertools.islice(fh, 600))
    (folder / "intent.jsonl").write_bytes(b"".join(lines[:250]))
    with open(folder / "intent.csv", "w", encoding="utf-8", newline="") as out:  # quoted fields over many lines
        writer = csv.writer(out)
        writer.writerow(["id", "text"])
        writer.writerows((rec["id"], rec["text"]) for rec in map(json.loads, lines[250:500]))
    with open(folder / "intent.mbox", "w", encoding="utf-8") as out:
        for i, line in enumerate(lines[500:]):
            rec = json.loads(line)
            mid = f"Message-ID: <{rec['id']}@example.com>\n" if i % 3 else ""  # some named by position
            out.write(f"From a@example.com Mon Jan  1 00:00:00 2024\n{mid}Subject: note {i}\n"
                      f"Content-Type: text/plain; charset=utf-8\n\n{rec['text']}\n\n")
    paths = [str(folder / name) for name in ("politeness.jsonl", "intent.jsonl", "intent.csv", "intent.mbox")]
    for path in paths:  # each file is cut into ranges (the CSV, where a worker finds rows)
        assert Path(path).stat().st_size > 16_000, path
    return paths + [str(FIXTURES)]


def report_args(paths):
    return [*paths, "--format", "json", "--worst", "5", "--no-progress"]


@pytest.fixture(scope="module")
def expected_report(corpus):
    """`report --jobs 1`: the JSON output, its stderr and exit status, and the summary in every other format."""
    result = CliRunner().invoke(report, report_args(corpus) + ["--jobs", "1"])
    assert result.exit_code == 2  # the fixture corpus has bad records
    summary = json.loads(result.stdout)["summary"]
    rendered = {}
    for fmt in ("text", "markdown", "html"):
        buf = io.StringIO()
        render_report(fmt, summary, buf)
        rendered[fmt] = buf.getvalue()
    return result, rendered


def lint_outputs(reports) -> dict[str, str]:
    out = {}
    for fmt in sorted(FORMATS):
        buf = io.StringIO()
        render_lint(fmt, list(reports), buf, RenderOptions(show_asks=True))
        out[fmt] = buf.getvalue()
    return out


@pytest.fixture(scope="module")
def expected_lint(corpus):
    reports = list(lint_sources(Settings(), gather_sources(corpus, None, (), ()), jobs=1))
    return reports, lint_outputs(reports)


def client_for(address):
    import distributed

    return distributed.Client(address, timeout=30)


def client_workers(address):
    with client_for(address) as client:
        return client.scheduler_info()["workers"]


class Counter:
    def __init__(self):
        self.n = 0

    def advance(self, n):
        self.n += n


def test_report_on_a_local_cluster_is_jobs_1_byte_for_byte(corpus, expected_report, local_cluster):
    expected, rendered = expected_report
    result = CliRunner().invoke(report, report_args(corpus) + ["--scheduler", local_cluster, "--partition-size", PART])
    assert result.stdout == expected.stdout
    assert result.stderr == expected.stderr  # the bad records, named by file and record, in the same order
    assert result.exit_code == expected.exit_code == 2
    summary = json.loads(result.stdout)["summary"]
    assert summary["messages"] > 1000 and summary["bad_records"] > 0
    for fmt in ("text", "markdown", "html"):
        buf = io.StringIO()
        render_report(fmt, summary, buf)
        assert buf.getvalue() == rendered[fmt], fmt


def test_lint_in_every_format_on_a_local_cluster_is_jobs_1(corpus, expected_lint, local_cluster):
    expected_reports, expected = expected_lint
    progress = Counter()
    with client_for(local_cluster) as client:
        reports = list(cluster_sources(client, Settings(), corpus, (), (), Reading(), 16_000, progress=progress))
    assert [r.label for r in reports] == [r.label for r in expected_reports]
    assert lint_outputs(reports) == expected
    assert progress.n == len(reports)
    assert sum(len(r.result.findings) for r in reports if r.result) > 10


def test_lint_command_on_a_local_cluster(corpus, local_cluster):
    paths = corpus[3:]  # the mbox and the fixture corpus: small, with bad records
    reports = list(lint_sources(Settings(), gather_sources(paths, None, (), ()), jobs=1))
    buf = io.StringIO()
    render_lint("concise", reports, buf, RenderOptions())
    result = CliRunner().invoke(lint, paths + ["--format", "concise", "--scheduler", local_cluster,
                                               "--partition-size", "2k"])
    assert result.stdout == buf.getvalue() and buf.getvalue()
    assert result.stderr.splitlines() == [f"askcheck: error: {r.error}" for r in reports if r.error]
    assert result.exit_code == 2


def test_a_worker_killed_mid_run_loses_nothing(corpus, expected_report, process_cluster):
    expected, _ = expected_report
    from askcheck.cluster import cluster_pairs
    from askcheck.corpus import iter_paths
    from askcheck.partitions import plan_parts
    from askcheck.report.readability import measure

    killed = []
    with client_for(process_cluster) as client:
        client.wait_for_workers(2, timeout=90)
        pids = client.run(os.getpid)  # worker address -> process id

        def kill_a_busy_worker_once(pairs):
            # Once results flow, the first time a worker has a part in hand: SIGKILL it.
            for n, pair in enumerate(pairs):
                if not killed and n % 20 == 1:
                    busy = [w for w, keys in client.processing().items() if keys and w in pids]
                    if busy:
                        os.kill(pids[busy[0]], signal.SIGKILL)
                        killed.append(n)
                yield pair

        out = io.StringIO()
        stream = JsonStream(out)
        pairs = cluster_pairs(client, Settings(), plan_parts(iter_paths(corpus), 16_000), annotate=measure,
                              part_bytes=16_000)
        summary = build_report(iter_messages(corpus), Settings(), worst=5, json_out=stream,
                               pairs=kill_a_busy_worker_once(pairs), inputs=corpus)
        stream.finish(summary)
    assert killed and killed[0] < 600  # mid-run: well before the end of its 1,300 messages
    assert len(client_workers(process_cluster)) == 1  # it is gone: the other worker did its parts
    assert out.getvalue() == expected.stdout
