"""One huge message through `askcheck lint`: time and peak memory by size, to show memory stays flat.

    python benchmarks/long_message.py [--mb 50 5] [--keep]

For each size, writes a text file of real sentences (the paragraphs of ../shared/corpora/politeness.jsonl,
or of corpus/labelled when it is absent, repeated in turn, blank lines between them) to a temporary
folder, runs `askcheck lint --format concise --jobs 1` on it as a subprocess and reports the wall time,
the findings and the peak RSS of the process (`resource.getrusage` of the child). The file is deleted
afterwards unless --keep.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora" / "politeness.jsonl"


def paragraphs() -> list[str]:
    paths = [SHARED] if SHARED.is_file() else sorted((ROOT / "corpus" / "labelled").glob("*.jsonl"))
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out


def write_text(path: Path, megabytes: float) -> int:
    target = int(megabytes * 1_000_000)
    paras = paragraphs()
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        i = 0
        while written < target:
            chunk = paras[i % len(paras)] + "\n\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            i += 1
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="+", default=[5, 50])
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    print(f"{'size':>8}  {'seconds':>8}  {'findings':>8}  {'peak RSS':>9}  exit")
    for mb in args.mb:
        folder = Path(tempfile.mkdtemp(prefix="askcheck-long-"))
        path = folder / "long.txt"
        size = write_text(path, mb)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run([str(Path(sys.executable).parent / "askcheck"), "lint", "--isolated", "--jobs", "1",
                               "--format", "concise", str(path)], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        findings = sum(1 for line in proc.stdout.splitlines() if ": ASK" in line)
        note = "" if peak > before else " (peak not above an earlier run's)"
        print(f"{size / 1e6:>6.1f}MB  {seconds:>8.1f}  {findings:>8}  {peak / 1024:>7.0f}MB  {proc.returncode}{note}")
        if proc.returncode not in (0, 1):
            print(proc.stderr[-2000:], file=sys.stderr)
        if args.keep:
            print(f"  kept {path}")
        else:
            path.unlink()
            folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
