"""Agreement between the two editors who labelled corpus/real/ independently (Cohen's kappa).

    python corpus/real/agreement.py [--disagreements OUT.jsonl]

Reads `_editor-a.jsonl` and `_editor-b.jsonl` beside this script (the raw, independent labels; the
leading underscore keeps `askcheck eval corpus/real` from scoring them) and prints kappa per rule, for
"does the message ask" and for the kind of its main ask. With `--disagreements`, writes one line per
message on which they differ, for adjudication by the guideline.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULES = ["vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology"]


def kappa(pairs) -> float:
    """Cohen's kappa for two raters' labels, given as (a, b) pairs."""
    pairs = list(pairs)
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def load(name: str) -> dict[str, dict]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--disagreements", type=Path)
    args = ap.parse_args()
    a, b = load("_editor-a.jsonl"), load("_editor-b.jsonl")
    ids = sorted(a.keys() & b.keys())
    print(f"{len(ids)} messages labelled by both editors")
    print(f"{'LABEL':<22} {'KAPPA':>6} {'AGREE':>6} {'A':>4} {'B':>4}")
    rows = [("ask", lambda r: r["ask"])] + [(rule, (lambda rule: lambda r: rule in r["expect"])(rule)) for rule in RULES]
    for name, get in rows:
        pairs = [(get(a[i]), get(b[i])) for i in ids]
        print(f"{name:<22} {kappa(pairs):>6.3f} {sum(x == y for x, y in pairs) / len(pairs):>6.1%}"
              f" {sum(x for x, _ in pairs):>4} {sum(y for _, y in pairs):>4}")
    both = [i for i in ids if a[i]["ask"] and b[i]["ask"]]
    for name in ("kind", "audience", "cost"):
        pairs = [(a[i][name], b[i][name]) for i in both]
        print(f"{name + ' (both ask)':<22} {kappa(pairs):>6.3f} {sum(x == y for x, y in pairs) / len(pairs):>6.1%}")
    if args.disagreements:
        with args.disagreements.open("w", encoding="utf-8") as out:
            for i in ids:
                ra, rb = a[i], b[i]
                if ra["ask"] != rb["ask"] or set(ra["expect"]) != set(rb["expect"]) or (
                        ra["ask"] and (ra["kind"], ra["cost"]) != (rb["kind"], rb["cost"])):
                    out.write(json.dumps({"id": i, "corpus": ra["corpus"], "a": ra, "b": rb}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
