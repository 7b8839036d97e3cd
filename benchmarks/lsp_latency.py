"""Time from a change to published diagnostics in `askcheck lsp`, for a 300-word document.

    python benchmarks/lsp_latency.py [--changes 40] [--debounce-ms 0 250]

Starts the server as an editor would (a subprocess on stdio), opens a 300-word email
(benchmarks/lsp_document.txt), then sends one edit at a time (a word changed at the end, as when typing) and times
each from writing didChange to reading the publishDiagnostics of that version. Run once with no
debounce (the cost of a lint plus the protocol) and once with the default. Also prints the time of
the lint alone, in process, for the same text.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import LspClient  # noqa: E402  (the tests' JSON-RPC client)

WORDS = 300


def document() -> str:
    """A 300-word work email with several asks (benchmarks/lsp_document.txt)."""
    return (Path(__file__).resolve().parent / "lsp_document.txt").read_text(encoding="utf-8")


def measure(text: str, debounce_ms: int, changes: int) -> list[float]:
    askcheck = Path(sys.executable).with_name("askcheck")
    client = LspClient([str(askcheck), "lsp", "--debounce-ms", str(debounce_ms)])
    try:
        client.initialize({})
        uri = (ROOT / "benchmark-draft.txt").as_uri()  # never written: the server reads the text sent
        client.open(uri, text)
        client.diagnostics(uri, version=1, timeout=120)
        times = []
        for version in range(2, changes + 2):
            edited = text + ("Friday" if version % 2 else "Monday")
            start = time.perf_counter()
            client.change(uri, edited, version)
            client.diagnostics(uri, version=version, timeout=120)
            times.append(time.perf_counter() - start)
        return times
    finally:
        client.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--changes", type=int, default=40)
    ap.add_argument("--debounce-ms", type=int, nargs="+", default=[0, 250])
    args = ap.parse_args()
    text = document()
    assert len(text.split()) == WORDS

    from askcheck.engine import get_linter

    linter = get_linter()
    linter.run(text)
    lint = []
    for _ in range(args.changes):
        start = time.perf_counter()
        findings = linter.run(text).findings
        lint.append(time.perf_counter() - start)
    print(f"document: {WORDS} words, {len(text)} characters, {len(findings)} findings")
    print(f"lint alone, in process:  median {statistics.median(lint) * 1000:6.1f} ms")
    for debounce in args.debounce_ms:
        times = sorted(measure(text, debounce, args.changes))
        p90 = times[int(0.9 * (len(times) - 1))]
        print(f"change -> diagnostics, debounce {debounce:>3} ms: median {statistics.median(times) * 1000:6.1f} ms,"
              f" p90 {p90 * 1000:6.1f} ms, min {times[0] * 1000:6.1f} ms, max {times[-1] * 1000:6.1f} ms"
              f" ({len(times)} changes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
