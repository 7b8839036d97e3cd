"""askcheck against the bare spaCy pipeline it is built on: every speed measure, from one run.

    python benchmarks/throughput.py                   # wall-clock measures (about three minutes)
    python benchmarks/throughput.py --instructions    # and instruction counts (valgrind; ten more)
    python benchmarks/throughput.py --only warm,cold  # some of the measures

The measures and their goals (issue 13); the reference is always measured in the same run, side by
side, so that load on this shared machine hits both alike:

  whole   `askcheck lint --jobs 1 --format json` over ../shared/corpora/politeness.jsonl against
          benchmarks/bare_pipeline.py (spacy.blank("en") + sentencizer over the same texts), whole
          processes, paired runs: the median ratio of the pairs; with --instructions, the ratio of
          instruction counts too                                                      goal <= 2.0x
  inproc  Linter.run_many against nlp.pipe of the bare pipeline, in one process, best of R  <= 3.0x
  warm    askcheck.check of a 98-word message, warm: the median of many calls         <= 1 ms
  cold    `askcheck lint` of a one-line file against `import spacy; spacy.blank("en")`, whole
          processes, paired runs (and instructions)                                   <= 1.2x
  jobs    `askcheck report` over politeness + email-intent, --jobs 1 / --jobs 2, paired runs;
          the two reports must be identical                                           >= 1.7x

Instruction counts (`valgrind --tool=cachegrind --cache-sim=no`) do not depend on load, so they are
the primary figure where there is one; wall-clock ratios swing by 10-20% from run to run here.
askcheck's modules are byte-compiled first, as `pip install` does (see byte_compile): the reference's
spaCy is, and an editable install under PYTHONDONTWRITEBYTECODE=1 otherwise never would be.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
POLITENESS = CORPORA / "politeness.jsonl"
EMAIL = CORPORA / "email-intent.jsonl"
PY = sys.executable
LINT = [PY, "-c", "import sys; from askcheck.cli import main; sys.argv[0] = 'askcheck'; main()"]  # the `askcheck` script
REPORT = [PY, "-m", "askcheck.report_cli"]
BARE = [PY, str(ROOT / "benchmarks" / "bare_pipeline.py")]
SPACY_BLANK = [PY, "-c", "import spacy; spacy.blank('en')"]
# Processes run from a folder without an `askcheck` package in it, so the interpreter's own install is
# measured (run with another environment's python, this script measures that environment's askcheck).
NEUTRAL = tempfile.gettempdir()

# 98 words: a favor with context, the kind of message a pre-send check sees.
MESSAGE_98 = (
    "Hi Sam, I hope your week is going well. I'm putting together the quarterly budget review for the "
    "leadership meeting on Thursday, and I'm stuck on the infrastructure section. Sorry to bother you "
    "with this, but could you take a look at the cost projections in the second tab of the spreadsheet "
    "and tell me whether the cloud numbers look reasonable? It should take about twenty minutes. If "
    "you're swamped this week, no problem at all, I can ask Priya instead. Thanks so much for your "
    "help, I really do appreciate it, and I owe you a coffee."
)

GOALS = {"whole": ("<=", 2.0), "inproc": ("<=", 3.0), "warm": ("<=", 1.0), "cold": ("<=", 1.2), "jobs": (">=", 1.7)}


def run(cmd: list[str], stdin=subprocess.DEVNULL) -> tuple[float, str]:
    """Wall seconds of a whole process, and the sha256 of its stdout."""
    env = dict(os.environ, CI="1")  # no progress bar
    start = time.perf_counter()
    proc = subprocess.run(cmd, check=False, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=stdin, env=env,
                          cwd=NEUTRAL)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return wall, hashlib.sha256(proc.stdout).hexdigest()


def paired(cmd_a: list[str], cmd_b: list[str], n: int) -> tuple[float, float, float]:
    """Run a and b alternately n times: (median a, median b, median of the pair ratios a/b). One untimed
    run of each first: file caches, and askcheck's compiled-phrase cache as any second run finds it."""
    run(cmd_a), run(cmd_b)
    a, b, ratios = [], [], []
    for _ in range(n):
        ta, _ = run(cmd_a)
        tb, _ = run(cmd_b)
        a.append(ta), b.append(tb), ratios.append(ta / tb)
    return statistics.median(a), statistics.median(b), statistics.median(ratios)


def instructions(cmd: list[str]) -> int | None:
    """Instructions a whole process executes (cachegrind), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    env = dict(os.environ, CI="1")
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
                          + cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                          cwd=NEUTRAL)
    m = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    return int(m.group(1).replace(",", "")) if m else None


def texts_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


# ------------------------------------------------------------------------------------ the measures

def whole(args, rows):
    lint = LINT + ["lint", "--jobs", "1", "--format", "json", str(POLITENESS)]
    bare = BARE + [str(POLITENESS)]
    a, b, ratio = paired(lint, bare, args.repeat)
    rows.append({"measure": "whole", "what": f"lint --jobs 1 --format json, {len(texts_of(POLITENESS)):,} politeness "
                 "texts, vs bare spacy.blank + sentencizer, whole process", "askcheck": f"{a:.2f} s",
                 "reference": f"{b:.2f} s", "wall": ratio, "commands": (lint, bare)})


def inproc(args, rows):
    import spacy

    from askcheck.engine import get_linter

    texts = texts_of(POLITENESS)
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    linter = get_linter()

    def run_bare():
        for _ in bare.pipe(texts, batch_size=64):
            pass

    def run_askcheck():
        for _ in linter.run_many(((t, "-", None) for t in texts), batch_size=64):
            pass

    run_bare(), run_askcheck()  # warm up: caches, lazy imports, first-use compiles
    best = {"bare": float("inf"), "askcheck": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("bare", run_bare), ("askcheck", run_askcheck)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    rows.append({"measure": "inproc", "what": "Linter.run_many vs bare nlp.pipe, in one process (best of "
                 f"{args.repeat})", "askcheck": f"{len(texts) / best['askcheck']:,.0f} texts/s",
                 "reference": f"{len(texts) / best['bare']:,.0f} texts/s", "wall": best["askcheck"] / best["bare"]})


def warm(args, rows):
    import spacy

    import askcheck

    bare = spacy.blank("en")
    assert len(MESSAGE_98.split()) == 98
    for _ in range(50):  # warm up
        askcheck.check(MESSAGE_98), bare(MESSAGE_98)

    def median_ms(fn, n=args.calls):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            fn(MESSAGE_98)
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    check_ms, bare_ms = median_ms(askcheck.check), median_ms(bare)
    rows.append({"measure": "warm", "what": "warm askcheck.check on a 98-word message (median of "
                 f"{args.calls}); reference: bare nlp()", "askcheck": f"{check_ms:.2f} ms",
                 "reference": f"{bare_ms:.2f} ms", "wall": check_ms, "unit": "ms"})


def cold(args, rows):
    one = args.tmp / "one.txt"
    one.write_text("Could you look at my draft by Friday?\n", encoding="utf-8")
    lint = LINT + ["lint", str(one)]
    a, b, ratio = paired(lint, SPACY_BLANK, max(args.repeat, 5))
    rows.append({"measure": "cold", "what": "cold `askcheck lint` of one line vs `import spacy; spacy.blank(\"en\")`",
                 "askcheck": f"{a:.2f} s", "reference": f"{b:.2f} s", "wall": ratio, "commands": (lint, SPACY_BLANK)})


def jobs(args, rows):
    paths = [str(POLITENESS), str(EMAIL)]
    n = sum(len(texts_of(Path(p))) for p in paths)
    one, two, ratios, digests = [], [], [], set()
    for _ in range(args.repeat):
        t1, d1 = run(REPORT + paths + ["--jobs", "1", "--skip-bad-records"])
        t2, d2 = run(REPORT + paths + ["--jobs", "2", "--skip-bad-records"])
        one.append(t1), two.append(t2), ratios.append(t1 / t2), digests.update((d1, d2))
    rows.append({"measure": "jobs", "what": f"report --jobs 2 vs --jobs 1, politeness + email ({n:,} msgs); "
                 f"reports {'identical' if len(digests) == 1 else 'DIFFERENT'}",
                 "askcheck": f"{statistics.median(two):.2f} s (--jobs 2)",
                 "reference": f"{statistics.median(one):.2f} s (--jobs 1)", "wall": statistics.median(ratios),
                 "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()})


MEASURES = {"whole": whole, "inproc": inproc, "warm": warm, "cold": cold, "jobs": jobs}


def verdict(measure: str, value: float) -> str:
    op, goal = GOALS[measure]
    return "met" if (value <= goal if op == "<=" else value >= goal) else "not met"


def table(rows) -> str:
    out = ["| measure | askcheck | reference | wall | instructions | goal | |",
           "|---|---|---|---|---|---|---|"]
    for r in rows:
        op, goal = GOALS[r["measure"]]
        unit = r.get("unit", "x")
        wall = f"{r['wall']:.2f} {unit}" if unit == "ms" else f"{r['wall']:.2f}x"
        instr, decided = "", r["wall"]
        if r.get("instr_a") and r.get("instr_b"):
            ratio = r["instr_a"] / r["instr_b"]
            instr = f"{ratio:.2f}x ({r['instr_a'] / 1e9:.2f} G / {r['instr_b'] / 1e9:.2f} G)"
            decided = ratio  # the figure that does not depend on load
        goal_text = f"{op} {goal:g} {unit}" if unit == "ms" else f"{op} {goal:g}x"
        out.append(f"| {r['what']} | {r['askcheck']} | {r['reference']} | {wall} | {instr} | {goal_text} "
                   f"| {verdict(r['measure'], decided)} |")
    return "\n".join(out)


def byte_compile() -> list[str]:
    """Byte-compile askcheck's own modules where the interpreter would load them from.

    `pip install askcheck` writes the .pyc files, as it did for spaCy; an editable install in an
    environment with PYTHONDONTWRITEBYTECODE=1 (this machine's) never gets them, and every process
    would compile askcheck from source (0.4 G instructions of a one-line lint) while the reference
    loads spaCy's compiled modules. Compiling once makes the two sides alike; an interpreter reads
    .pyc files whatever PYTHONDONTWRITEBYTECODE says."""
    code = ("import askcheck, askcheck.rules, os; "
            "print(os.path.dirname(askcheck.__file__)); print(os.path.dirname(askcheck.rules.__file__))")
    folders = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=NEUTRAL).stdout.split()
    for folder in folders:
        subprocess.run([PY, "-m", "compileall", "-q", folder], check=True, stdout=subprocess.DEVNULL)
    return folders


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--repeat", type=int, default=3, help="paired runs / best-of (default 3; cold uses at least 5)")
    ap.add_argument("--calls", type=int, default=300, help="askcheck.check calls for the warm measure")
    ap.add_argument("--instructions", action="store_true", help="also count instructions (valgrind, slow)")
    ap.add_argument("--only", default=",".join(MEASURES), help="comma-separated measures: " + ",".join(MEASURES))
    ap.add_argument("--json", type=Path, help="also write the rows here")
    args = ap.parse_args()
    if not POLITENESS.exists() or not EMAIL.exists():
        print(f"skipped: {CORPORA} not found (the shared corpora are not present)")
        return 0
    compiled = byte_compile()
    print(f"byte-compiled askcheck's modules as an install does: {', '.join(compiled)}", file=sys.stderr)
    rows: list[dict] = []
    wanted = [m.strip() for m in args.only.split(",") if m.strip()]
    for name in wanted:
        if name not in MEASURES:
            ap.error(f"unknown measure {name!r}")
    with tempfile.TemporaryDirectory() as tmp:
        args.tmp = Path(tmp)
        # Wall-clock measures first, one at a time, then the instruction counts (which do not mind load).
        for name in wanted:
            MEASURES[name](args, rows)
            print(f"{name}: done", file=sys.stderr)
        if args.instructions:  # two at a time: a count does not depend on what runs beside it
            from concurrent.futures import ThreadPoolExecutor

            counted = [row for row in rows if "commands" in row]
            with ThreadPoolExecutor(2) as pool:
                counts = list(pool.map(instructions, [cmd for row in counted for cmd in row["commands"]]))
            for k, row in enumerate(counted):
                row["instr_a"], row["instr_b"] = counts[2 * k], counts[2 * k + 1]
    for row in rows:
        row.pop("commands", None)
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
