"""askcheck vs the bare pipeline it is built on, side by side in one run.

    python benchmarks/throughput.py [--limit N] [--repeat R]

Both sides read the same texts of ../shared/corpora/politeness.jsonl: the bare side runs
spacy.blank("en") + spaCy's sentencizer through nlp.pipe; the askcheck side runs the full linter
(its own sentence splitter, ask detection, all rules) through Linter.run_many. Runs alternate and the
best of R is kept for each, so load on this shared machine hits both alike. The ratio is the figure
to quote (aim: askcheck >= 0.5x the bare pipeline).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import spacy

from askcheck.engine import get_linter

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "politeness.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the shared corpora are not present)")
        return 0
    with args.corpus.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    if args.limit:
        texts = texts[: args.limit]

    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    linter = get_linter()

    def run_bare():
        for _ in bare.pipe(texts, batch_size=64):
            pass

    def run_askcheck():
        for _ in linter.run_many(((t, "-", None) for t in texts), batch_size=64):
            pass

    run_bare(), run_askcheck()  # warm up: caches, lazy imports
    best = {"bare": float("inf"), "askcheck": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare", run_bare), ("askcheck", run_askcheck)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    n = len(texts)
    for name in ("bare", "askcheck"):
        print(f"{name:9} {n / best[name]:10.0f} texts/s  ({best[name]:.2f} s for {n} texts, best of {args.repeat})")
    print(f"ratio askcheck/bare: {best['bare'] / best['askcheck']:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
