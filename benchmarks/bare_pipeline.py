"""The bare pipeline askcheck is measured against: spacy.blank("en") + spaCy's sentencizer over the
texts of JSONL files, as a whole process (imports, building the pipeline, reading, parsing).

    python benchmarks/bare_pipeline.py CORPUS.jsonl [...]

`benchmarks/throughput.py` runs it beside `askcheck lint --jobs 1 --format json` on the same files.
"""
from __future__ import annotations

import json
import sys

import spacy


def main(paths: list[str]) -> int:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    print(f"{len(texts)} texts, {tokens} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
