"""Draw the check set from ../shared/corpora (reproducible: fixed seed).

    python corpus/real-check/draw.py [SHARED_CORPORA_DIR] > ids.tsv

400 messages drawn uniformly from every message not already in corpus/real/ (the test set) or
corpus/real-dev/ (the development sets). Drawn after the real set's false positives had been read
(README, "Quality"), to give ask detection a figure on messages nobody on the team had seen.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261208
SIZE = 400


def main() -> int:
    here = Path(__file__).resolve().parent
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / "shared" / "corpora"
    seen = set()
    for folder in ("real", "real-dev"):
        for labels in (here.parent / folder).glob("*.jsonl"):
            with labels.open(encoding="utf-8") as fh:
                seen |= {(r["corpus"], r["id"]) for r in map(json.loads, fh) if "corpus" in r and "id" in r}
    pool = []
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if (path.name, rec["id"]) not in seen:
                        pool.append((path.name, rec["id"]))
    for name, rid in sorted(random.Random(SEED).sample(pool, SIZE)):
        print(f"{name}\t{rid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
