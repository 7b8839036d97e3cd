"""Dump every finding and every detected ask for each message of the shared corpora, one JSON line each.

    python benchmarks/dump_findings.py [-o OUT] [--jobs N] [CORPUS.jsonl ...]

A behaviour reference for performance work: the dump taken before an optimisation and the one taken
after must be byte-identical. Defaults to ../shared/corpora/politeness.jsonl and email-intent.jsonl.
With --jobs N the messages go through `lint_stream` on N processes (the path `lint --jobs N` takes);
the dump must not depend on N either.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from askcheck.engine import get_linter
from askcheck.parallel import lint_stream
from askcheck.settings import Settings

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
DEFAULT = [CORPORA / "politeness.jsonl", CORPORA / "email-intent.jsonl"]


def records(paths):
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                rec = json.loads(line)
                yield rec["text"], path.name, str(rec.get("id", n))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    ap.add_argument("-j", "--jobs", type=int, default=0,
                    help="lint on N processes through lint_stream (default: the in-process Linter.run_many)")
    args = ap.parse_args()
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    with out:
        items = list(records(args.corpora))
        results = lint_stream(Settings(), iter(items), jobs=args.jobs) if args.jobs else get_linter().run_many(items)
        for (_, filename, record), result in zip(items, results):
            row = {
                "file": filename,
                "record": record,
                "text": result.text,
                "asks": result.asks,
                "findings": [f.to_dict() for f in result.findings],
            }
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
