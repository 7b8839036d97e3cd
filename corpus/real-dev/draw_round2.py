"""Draw the second development round from ../shared/corpora (reproducible: fixed seed).

    python corpus/real-dev/draw_round2.py [SHARED_CORPORA_DIR] > round2-ids.tsv

Excludes every message already in corpus/real/ (the test set) or corpus/real-dev/. Takes 300
messages uniformly, plus every other Wikipedia talk-page message that ask the reader to work on something
("could you / would you / interested / help" near "review, look, improve, merge, expand, fix, write,
copyedit, check"): collaboration favors are rare in a uniform draw and were the ask the first round
missed. The second part is a biased sample, for finding misses; it says nothing about firing rates.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261207
UNIFORM = 300
_ASKING = re.compile(r"\b(could you|would you|can you|will you|interested|help)\b", re.I)
_WORK = re.compile(r"\b(review|look|improve|merge|expand|fix|write|copyedit|check|work on|rewrite)\b", re.I)


def main() -> int:
    here = Path(__file__).resolve().parent
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parents[2] / "shared" / "corpora"
    seen = set()
    for labels in [*here.glob("*.jsonl"), *(here.parent / "real").glob("*.jsonl")]:
        with labels.open(encoding="utf-8") as fh:
            seen |= {(r["corpus"], r["id"]) for r in map(json.loads, fh) if "corpus" in r and "id" in r}
    pool, favors = [], []
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                key = (path.name, rec["id"])
                if key in seen:
                    continue
                pool.append(key)
                if rec["id"].startswith("spc-wiki") and _ASKING.search(rec["text"]) and _WORK.search(rec["text"]):
                    favors.append(key)
    rng = random.Random(SEED)
    uniform = rng.sample(pool, UNIFORM)
    rest = sorted(set(favors) - set(uniform))
    enriched = rest  # all of them: fewer than 150 are left
    for name, rid in sorted(uniform):
        print(f"{name}\t{rid}\tuniform")
    for name, rid in sorted(enriched):
        print(f"{name}\t{rid}\tfavor-enriched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
