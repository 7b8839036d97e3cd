"""Ask detection against labels nobody on the team wrote: the Parakweet email-intent sentences.

    python benchmarks/ask_detection.py [CORPUS.jsonl]

Each sentence of ../shared/corpora/email-intent.jsonl is labelled `intent_label` Yes when it asks the
reader to do something *or proposes an action* ("Let's discuss first thing", "I'll call you Friday").
askcheck takes only requests to the reader as asks, so recall against these labels is a floor, and
the labels are noisy; precision is the figure that matters (an ask askcheck finds where the labels
see none makes the four ask rules fire on a message that asks nothing).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from askcheck.engine import get_linter

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "email-intent.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: not found (the shared corpora are not on this machine)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    results = get_linter().run_many((row["text"], args.corpus.name, str(row["id"])) for row in rows)
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for row, result in zip(rows, results):
        labelled, found = row["intent_label"] == "Yes", bool(result.asks)
        counts[("t" if labelled == found else "f") + ("p" if found else "n")] += 1
    precision = counts["tp"] / max(counts["tp"] + counts["fp"], 1)
    recall = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
    print(f"{len(rows)} sentences, {counts['tp'] + counts['fn']} labelled as asking")
    print(f"ask found: {counts['tp']} labelled Yes, {counts['fp']} labelled No")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
