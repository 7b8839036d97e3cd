"""Readability of a message's asks, for the corpus report (scores from askcheck.readability)."""
from __future__ import annotations

from ..readability import scores

__all__ = ["measure", "scores"]


def measure(result) -> tuple[float, float] | None:
    """Readability of the asks of one linted message (their sentences together); None with no ask.

    Module-level so a multiprocessing worker can run it next to the linter (parallel.lint_pairs).
    """
    text = " ".join(a["text"].strip() for a in result.asks if a["text"].strip())
    if not text:
        return None
    return scores(text)
