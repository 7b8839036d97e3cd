"""Benchmarks for `askcheck report`: parallel speed-up on real corpora, and memory on a huge stream.

    python benchmarks/report_bench.py                    # both parts, 1,000,000 generated messages
    python benchmarks/report_bench.py --messages 20000   # a quick run of the streaming part
    python benchmarks/report_bench.py --skip-million     # only the corpora part

1. The politeness and email-intent corpora (../shared/corpora/, skipped with a message when absent)
   through `report` with --jobs 1 and --jobs 2 in one run: messages/s, the speed-up (target >= 1.7x
   on a machine with 2 free cores) and peak RSS; the two reports must be identical.
2. A generated JSONL corpus (written to a temporary file) streamed through `report --format json`:
   messages/s and peak RSS (target < 500 MB however many messages).

Every run is a separate process; its peak RSS is ru_maxrss from os.wait4, which covers the process
and the worker processes it reaped (the largest of them, not their sum).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_FILES = ("politeness.jsonl", "email-intent.jsonl")
REPORT = [sys.executable, "-m", "askcheck.report_cli"]
SPEEDUP_TARGET = 1.7
RSS_TARGET_MB = 500


def run_report(args: list[str]) -> dict:
    """Run `report` in a child process; wall time, peak RSS (MB), exit code, size and digest of stdout."""
    env = dict(os.environ, CI="1")  # no progress bar
    start = time.perf_counter()
    proc = subprocess.Popen(REPORT + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: proc.stdout.read(1 << 20), b""):
        digest.update(chunk)
        size += len(chunk)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode, "bytes": size,
            "digest": digest.hexdigest()}


def count_lines(paths) -> int:
    return sum(sum(1 for line in open(p, "rb") if line.strip()) for p in paths)


def bench_corpora(jobs_list=(1, 2)) -> bool:
    paths = [CORPORA / name for name in CORPUS_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"corpora: skipped ({', '.join(missing)} not found; ../shared/corpora is not present)")
        return True
    n = count_lines(paths)
    print(f"corpora: {n:,} messages from {', '.join(CORPUS_FILES)}")
    # Start-up (imports, pipeline) measured on one message, to show the linting rate on its own too.
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write(json.dumps({"id": "1", "text": "Can you help?"}) + "\n")
        one = fh.name
    try:
        startup = min(run_report([one, "--jobs", "1"])["wall"] for _ in range(2))
    finally:
        os.unlink(one)
    print(f"  start-up (one message, --jobs 1): {startup:.2f} s")
    runs = {}
    for jobs in jobs_list:
        r = run_report([str(p) for p in paths] + ["--jobs", str(jobs), "--skip-bad-records"])
        runs[jobs] = r
        lint_rate = n / max(r["wall"] - startup, 1e-9)
        print(f"  --jobs {jobs}: {r['wall']:6.2f} s  {n / r['wall']:7,.0f} msg/s end to end  "
              f"({lint_rate:,.0f} msg/s after start-up)  peak RSS {r['rss_mb']:6.1f} MB  exit {r['rc']}")
    base, par = runs[jobs_list[0]], runs[jobs_list[-1]]
    speedup = base["wall"] / par["wall"]
    speedup_lint = (base["wall"] - startup) / max(par["wall"] - startup, 1e-9)
    same = base["digest"] == par["digest"]
    ok = speedup >= SPEEDUP_TARGET and same
    print(f"  speed-up --jobs {jobs_list[-1]} vs --jobs {jobs_list[0]}: {speedup:.2f}x end to end, "
          f"{speedup_lint:.2f}x after start-up (target >= {SPEEDUP_TARGET}x on {os.cpu_count()} cores): "
          f"{'ok' if speedup >= SPEEDUP_TARGET else 'BELOW TARGET'}")
    print(f"  reports identical: {'yes' if same else 'NO'}")
    return ok


# Messages built from parts, so rules fire in varied combinations, with names and numbers that keep
# the vocabulary growing (spaCy's string store must not grow with the corpus).
GREETINGS = ["Hi {name},", "Hey {name},", "Hello team,", "{name},", "", "Good morning {name},"]
APOLOGIES = ["", "", "", "Sorry to bother you again.", "I'm so sorry for asking.", "Apologies for the noise."]
ASKS = ["Can you help me out?", "Any ideas??", "Could you review PR #{n} for the {thing}?",
        "Would you proofread the {thing} doc, section {n}?", "Can you take my shift on {day}?",
        "Could you send me the logs from the {thing} deploy?", "Thoughts?", "Can someone look at ticket {n}?",
        "I need help with the {thing} migration.", "Please check the {thing} numbers."]
BOUNDS = ["", "", "It should take about {n} minutes.", "It's two slides.", "About one page."]
WHEN = ["", "", "by {day}", "before {day} noon", "no rush"]
OUTS = ["", "", "If you're busy, no problem.", "Feel free to say no.", "No worries if you can't."]
NAMES = ["Ana", "Ben", "Cat", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon"]
THINGS = ["billing", "search", "onboarding", "auth", "payments", "reporting", "mobile", "infra"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            f = {"name": rng.choice(NAMES) + ("" if rng.random() < 0.8 else f"{rng.randrange(10000)}"),
                 "n": rng.randrange(100000), "thing": rng.choice(THINGS), "day": rng.choice(DAYS)}
            ask = rng.choice(ASKS).format(**f)
            when = rng.choice(WHEN).format(**f)
            if when and ask.endswith("?"):
                ask = ask[:-1] + f" {when}?"
            parts = [rng.choice(GREETINGS).format(**f), rng.choice(APOLOGIES), ask,
                     rng.choice(BOUNDS).format(**f), rng.choice(OUTS), "Thanks!"]
            text = "\n".join(p for p in parts if p)
            line = json.dumps({"id": f"gen-{i}", "text": text}) + "\n"
            size += len(line)
            fh.write(line)
    return size


def bench_million(count: int, jobs: int | None) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.jsonl"
        t = time.perf_counter()
        size = generate(path, count)
        print(f"generated: {count:,} messages, {size / 1e6:,.1f} MB in {time.perf_counter() - t:.1f} s ({path})")
        args = [str(path), "--format", "json"] + (["--jobs", str(jobs)] if jobs else [])
        r = run_report(args)
    ok = r["rss_mb"] < RSS_TARGET_MB and r["rc"] == 0
    print(f"  report --format json{' --jobs ' + str(jobs) if jobs else ''}: {r['wall']:.1f} s  "
          f"{count / r['wall']:,.0f} msg/s  {r['bytes'] / 1e6:,.1f} MB of JSON  exit {r['rc']}")
    print(f"  peak RSS {r['rss_mb']:.1f} MB (target < {RSS_TARGET_MB} MB): {'ok' if ok else 'OVER TARGET'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--messages", type=int, default=1_000_000, help="generated messages (default 1,000,000)")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs for the generated run (default: all cores)")
    ap.add_argument("--skip-corpora", action="store_true")
    ap.add_argument("--skip-million", action="store_true")
    args = ap.parse_args()
    ok = True
    if not args.skip_corpora:
        ok &= bench_corpora()
    if not args.skip_million:
        ok &= bench_million(args.messages, args.jobs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
