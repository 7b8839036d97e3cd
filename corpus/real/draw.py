"""Draw the real-message evaluation sample from ../shared/corpora (reproducible: fixed seed).

    python corpus/real/draw.py [SHARED_CORPORA_DIR] > sample-ids.txt

Every record of every `*.jsonl` file there is one candidate; 660 are drawn uniformly without
replacement. Only ids are written: the texts stay in ../shared/corpora (its README asks that they
not be copied into the project), and `askcheck eval` reads them from there.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261201
SIZE = 660


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "corpora"
    pool = []
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            pool += [(path.name, json.loads(line)["id"]) for line in fh if line.strip()]
    for name, rid in sorted(random.Random(SEED).sample(pool, SIZE)):
        print(f"{name}\t{rid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
