"""`report` on a Dask cluster against --jobs: throughput and peak memory of the client and its workers.

    python benchmarks/cluster_bench.py                      # 1,000,000 generated messages
    python benchmarks/cluster_bench.py --messages 200000    # a shorter run
    python benchmarks/cluster_bench.py --rounds 2           # each mode twice, interleaved; best time kept
    python benchmarks/cluster_bench.py --client-cost 20000  # the client's CPU per message, in-process
    python benchmarks/cluster_bench.py --client-cost 1 --corpus ../shared/corpora/politeness.jsonl

Generates a JSONL corpus in a temporary folder (report_bench.generate: varied asks, growing
vocabulary; nothing is kept), then runs `report --format json` over it with `--jobs 1`,
`--jobs 2` and `--scheduler local:2` in one run, one after the other (in rounds, interleaved, so a
load that comes and goes on a shared machine falls on all of them), and prints for each: wall time,
messages/s, the ratio to --jobs 1, peak RSS of the client process, of its largest worker, and of
all its processes together, and the CPU seconds of the client and of the workers (sampled every
0.2 s with psutil, which the dask extra installs). The client's CPU per message bounds what a
cluster of any size can do with one client. The three JSON outputs must be identical (SHA-256).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_bench import generate  # noqa: E402  (the same generated corpus as the report benchmark)

ROOT = Path(__file__).resolve().parent.parent
REPORT = [sys.executable, "-m", "askcheck.report_cli"]


class PeakRss:
    """Peak RSS (MB) of a process, of its largest descendant, and of all of them at once, sampled; and
    the CPU seconds of the process itself and of its descendants (as last seen)."""

    def __init__(self, pid: int, every: float = 0.2):
        self.proc = psutil.Process(pid)
        self.every = every
        self.client = self.worker = self.total = 0.0
        self.client_cpu = 0.0
        self._kids_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                main = self.proc.memory_info().rss / 2**20
                self.client_cpu = sum(self.proc.cpu_times()[:2])
                kids = []
                for child in self.proc.children(recursive=True):
                    try:
                        kids.append(child.memory_info().rss / 2**20)
                        self._kids_cpu[child.pid] = sum(child.cpu_times()[:2])
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            self.client = max(self.client, main)
            self.worker = max([self.worker] + kids)
            self.total = max(self.total, main + sum(kids))
            self._stop.wait(self.every)

    def stop(self):
        self._stop.set()
        self._thread.join()

    @property
    def workers_cpu(self) -> float:
        return sum(self._kids_cpu.values())


def run(args: list[str]) -> dict:
    env = dict(os.environ, CI="1")  # no progress output
    start = time.perf_counter()
    proc = subprocess.Popen(REPORT + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    rss = PeakRss(proc.pid)
    digest = hashlib.sha256()
    for chunk in iter(lambda: proc.stdout.read(1 << 20), b""):
        digest.update(chunk)
    rc = proc.wait()
    wall = time.perf_counter() - start
    rss.stop()
    return {"wall": wall, "rc": rc, "digest": digest.hexdigest(), "client": rss.client, "worker": rss.worker,
            "total": rss.total, "client_cpu": rss.client_cpu, "workers_cpu": rss.workers_cpu}


def client_cost(count: int, corpus: Path | None = None) -> None:
    """CPU per message of what the client does with the workers' results (unpickle, accumulate, write),
    measured in this process on results made beforehand: what one client can take in, whatever the
    cluster's size."""
    import io
    import pickle

    from askcheck.cluster import lint_part
    from askcheck.corpus import iter_paths
    from askcheck.engine import Result
    from askcheck.partitions import Offsets, plan_parts
    from askcheck.report import build_report, render
    from askcheck.report.json_stream import JsonStream
    from askcheck.report.readability import measure
    from askcheck.settings import Settings

    with tempfile.TemporaryDirectory(prefix="askcheck-client-cost-") as tmp:
        path = corpus or Path(tmp) / "generated.jsonl"
        if corpus is None:
            generate(path, count)
        # Sent back as one part here; the cost per message is the same.
        parts = [pickle.dumps(lint_part(Settings(), part, Offsets(), {}, measure))
                 for part in plan_parts(iter_paths([path]), 1 << 40)]
    count = sum(len(pickle.loads(blob)) for blob in parts)

    def pairs():
        for blob in parts:
            for item, findings, asks, extra in pickle.loads(blob):
                yield item, Result(text=item.text, findings=findings, asks=asks), extra

    for fmt in ("json", "text"):
        out = io.StringIO()
        start = time.process_time()
        stream = JsonStream(out) if fmt == "json" else None
        summary = build_report([], Settings(), pairs=pairs(), json_out=stream, inputs=[str(path)])
        if stream is not None:
            stream.finish(summary)
        else:
            render(fmt, summary, out)
        cpu = time.process_time() - start
        print(f"client work per message, --format {fmt}: {1e6 * cpu / count:.0f} us of CPU "
              f"(one client takes in at most about {count / cpu:,.0f} msg/s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=1_000_000, help="generated messages (default 1,000,000)")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each mode, interleaved (best kept)")
    ap.add_argument("--partition-size", default="1M", help="--partition-size for the cluster run (default 1M)")
    ap.add_argument("--workers", type=int, default=2, help="N of --jobs N and --scheduler local:N (default 2)")
    ap.add_argument("--client-cost", type=int, default=0, metavar="N",
                    help="only measure the client's CPU per message on N messages linted beforehand")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="with --client-cost: this JSONL corpus instead of generated messages")
    args = ap.parse_args()
    if args.client_cost:
        client_cost(args.client_cost, args.corpus)
        return 0
    n = args.workers
    modes = {"--jobs 1": ["--jobs", "1"], f"--jobs {n}": ["--jobs", str(n)],
             f"--scheduler local:{n}": ["--scheduler", f"local:{n}", "--partition-size", args.partition_size]}
    with tempfile.TemporaryDirectory(prefix="askcheck-cluster-bench-") as tmp:
        path = Path(tmp) / "generated.jsonl"
        t = time.perf_counter()
        size = generate(path, args.messages)
        print(f"generated: {args.messages:,} messages, {size / 1e6:,.1f} MB in {time.perf_counter() - t:.1f} s; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
        best: dict[str, dict] = {}
        for round_ in range(args.rounds):
            for name, extra in modes.items():
                r = run([str(path), "--format", "json"] + extra)
                print(f"  round {round_ + 1} {name:<22} {r['wall']:8.1f} s  exit {r['rc']}", flush=True)
                if name not in best or r["wall"] < best[name]["wall"]:
                    best[name] = r
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    base = best["--jobs 1"]["wall"]
    print(f"\n{'mode':<24}{'wall s':>9}{'msg/s':>9}{'vs -j1':>8}{'client MB':>11}{'worker MB':>11}{'all MB':>9}"
          f"{'client CPU s':>14}{'workers CPU s':>15}")
    for name, r in best.items():
        worker = f"{r['worker']:.0f}" if r["worker"] else "-"
        print(f"{name:<24}{r['wall']:9.1f}{args.messages / r['wall']:9,.0f}{base / r['wall']:7.2f}x"
              f"{r['client']:11.0f}{worker:>11}{r['total']:9.0f}{r['client_cpu']:14.1f}{r['workers_cpu']:15.1f}")
    # What one client can take in: the ceiling on a cluster of any size (the client reads every result).
    r = best[f"--scheduler local:{n}"]
    print(f"client CPU per message on the cluster: {1e6 * r['client_cpu'] / args.messages:.0f} us "
          f"(a client ceiling of about {args.messages / max(r['client_cpu'], 1e-9):,.0f} msg/s, scheduler included)")
    same = len({r["digest"] for r in best.values()}) == 1
    print(f"outputs identical: {'yes' if same else 'NO'}")
    return 0 if same and all(r["rc"] == 0 for r in best.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
