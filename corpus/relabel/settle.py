"""The team corpora relabelled blind by a second editor: agreement, and the labels it settles.

    python corpus/relabel/settle.py           # Cohen's kappa per rule, writer vs second editor
    python corpus/relabel/settle.py --check   # exit 1 unless corpus/labelled and corpus/holdout carry the settled labels
    python corpus/relabel/settle.py --apply   # write the settled labels into them

The writers' labels (`_writer.jsonl`, as they stood before) and the second editor's (`_editor.jsonl`)
were made independently; a rule they differ on is decided by a third editor (`_adjudication.jsonl`), who
saw both labels and notes in random order (not which was whose) and judged by the guideline alone.
None of the three saw askcheck's output. Message ids are "<folder>/<file>:<line>".
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
RULES = ["vague-ask", "missing-duration", "missing-timeframe", "no-opt-out", "excessive-apology", "buried-ask",
         "pressure", "presumptive-thanks", "self-deprecation"]


def _read(name: str) -> dict[str, dict]:
    with open(HERE / name, encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def settled() -> dict[str, dict]:
    """id -> the settled label: expect agreed or adjudicated; kind and cost from the adjudicator where it
    judged the message, else the writer's."""
    writer, editor, decided = _read("_writer.jsonl"), _read("_editor.jsonl"), _read("_adjudication.jsonl")
    out = {}
    for mid, w in writer.items():
        e = editor[mid]
        agreed = set(w["expect"]) & set(e["expect"])
        disputed = set(w["expect"]) ^ set(e["expect"])
        row = {"expect": sorted(agreed), "kind": w["kind"], "cost": w["cost"], "settled": "agreed"}
        if disputed:
            d = decided[mid]
            assert set(d["decisions"]) == disputed, mid
            row["expect"] = sorted(agreed | {rule for rule, flag in d["decisions"].items() if flag})
            row.update(kind=d["kind"], cost=d["cost"], settled="adjudicated", why=d["why"])
            if not w["ask"]:
                row["kind"] = row["cost"] = None  # the ask itself was not in dispute
        out[mid] = row
    return out


def _files(relabelled: set[str]) -> dict[str, list[dict]]:
    """The corpus files this relabelling covered (files added later, such as labelled/dev-duties.jsonl,
    were labelled blind once, by their writer, after it)."""
    files = {}
    for folder in ("labelled", "holdout"):
        for path in sorted((CORPUS / folder).glob("*.jsonl")):
            if f"{folder}/{path.name}" not in relabelled:
                continue
            with open(path, encoding="utf-8") as fh:
                files[f"{folder}/{path.name}"] = [json.loads(line) for line in fh]
    return files


def report() -> None:
    writer, editor = _read("_writer.jsonl"), _read("_editor.jsonl")
    for folder in ("labelled", "holdout"):
        ids = [i for i in writer if i.startswith(folder + "/")]
        print(f"{folder}: {len(ids)} messages")
        print(f"  {'rule':20} writer editor  agree  kappa")
        for rule in RULES:
            a = [rule in writer[i]["expect"] for i in ids]
            b = [rule in editor[i]["expect"] for i in ids]
            print(f"  {rule:20} {sum(a):6} {sum(b):6}  {sum(x == y for x, y in zip(a, b)) / len(ids):.3f}  {kappa(a, b):.3f}")
        a = [bool(writer[i]["ask"]) for i in ids]
        b = [bool(editor[i]["ask"]) for i in ids]
        print(f"  {'ask':20} {sum(a):6} {sum(b):6}  {sum(x == y for x, y in zip(a, b)) / len(ids):.3f}  {kappa(a, b):.3f}")
    final = settled()
    print(f"messages with a rule in dispute: {sum(r['settled'] == 'adjudicated' for r in final.values())}")


def main(argv: list[str]) -> int:
    if not argv:
        report()
        return 0
    final = settled()
    files, wrong = _files({mid.rsplit(":", 1)[0] for mid in final}), []
    for name, rows in files.items():
        for n, row in enumerate(rows, 1):
            want = final[f"{name}:{n}"]
            if argv[0] == "--apply" and want["settled"] == "adjudicated":
                changed = sorted(set(row["expect"]) ^ set(want["expect"]))
                row["expect"], row["kind"], row["cost"] = want["expect"], want["kind"], want["cost"]
                if changed and row.get("ask"):
                    row["note"] = (row.get("note", "") + f" [relabel: {', '.join(changed)} settled by a third editor: "
                                   + want["why"] + "]").strip()
            if row["expect"] != want["expect"]:
                wrong.append(f"{name}:{n}")
        if argv[0] == "--apply":
            with open(CORPUS / name, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if wrong:
        print(f"{len(wrong)} messages do not carry the settled labels: {', '.join(wrong[:10])}")
        return 1
    print(f"{sum(map(len, files.values()))} messages carry the settled labels")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
