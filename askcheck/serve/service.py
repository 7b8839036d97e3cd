"""The warm linter a server process keeps, and the one thread that runs it.

spaCy pipelines are not meant to be shared between threads, and linting holds the GIL anyway, so each
process lints on one thread of its own; the event loop stays free to answer other requests (and
`/healthz`) meanwhile. A request that is abandoned (its time limit passed, the client went away)
before its turn comes is dropped from the queue, never run.

Each request is linted inside a spaCy memory zone, so the strings and words it brings are freed
afterwards and a server that runs for months does not grow with every new word it is sent. The
warm-up texts are linted outside any zone, which makes the common words permanent.
"""
from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from ..docinfo import sentences
from ..engine import FOLD_KEY, Linter, Result, get_linter
from ..fixer import fix_loop, rewrite_text
from ..registry import load_rules
from ..settings import Settings, SettingsError, selected_rules

T = TypeVar("T")

# Typical drafts: linting them at start-up builds the pipeline and its lexicons and makes the words
# every request uses permanent, so the first request is as fast as the thousandth.
WARM_UP_TEXTS = (
    "Hi Sam,\n\nSorry to bother you, but could you review my slides before Friday? It's about ten slides.\n\nThanks,\nAlex\n",
    "Can you help? I'm overwhelmed with the launch and I don't know what to do.",
    "Would you be willing to proofread my one-page cover letter by Thursday? No worries if not.",
    "Hey team, quick question: does anyone know where the Q3 report lives? Thank you!",
    "I hate to ask, but would you spend 15 minutes looking at my resume this week? Totally fine if you'd rather not.",
)


class RequestError(ValueError):
    """Input the server cannot check; str() says what is wrong with it (answered with 400)."""


def require_unicode(value: str, name: str) -> str:
    """`value`, if it is text that can be written back as UTF-8: JSON's "\\ud800" escapes decode to
    lone surrogates, which no answer could carry."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestError(f"{name} is not valid Unicode (a lone surrogate at character {exc.start})") from None
    return value


class LintService:
    """One process's linters (one per rule selection, sharing one pipeline) and its lint thread."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.rules = load_rules()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askcheck-lint")

    # ------------------------------------------------------------------------------ life cycle

    def warm_up(self) -> None:
        """Build the pipeline and lint the warm-up texts (on the lint thread, outside any zone)."""
        def warm():
            linter = self.linter(self.rule_codes())
            for text in WARM_UP_TEXTS:
                rewrite_text(linter, text)
        self._thread.submit(warm).result()

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)

    async def run(self, work: Callable[..., T], codes: tuple[str, ...], *args) -> T:
        """`work(linter, *args)` on the lint thread, with the linter for rules `codes`. Cancelling the
        await before the work starts takes it off the queue."""
        return await asyncio.get_running_loop().run_in_executor(self._thread, self._lint, work, codes, args)

    def _lint(self, work, codes, args):
        # The linter is built here, on the lint thread and outside the zone: building rules adds
        # strings to the shared vocabulary, which must neither race a lint nor be freed with a zone.
        linter = self.linter(codes)
        zone = getattr(linter.nlp, "memory_zone", None)
        with zone() if zone else contextlib.nullcontext():
            return work(linter, *args)

    # --------------------------------------------------------------------------- rule selection

    def rule_codes(self, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (),
                   extend_select: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The codes of the rules a request wants: the configured selection, with `select` replacing
        it and `ignore`/`extend_select` added to it, as the command line's flags do. An unknown rule
        is a RequestError naming it."""
        base = self.settings
        wanted = Settings(select=base.select if select is None else select, ignore=base.ignore + ignore,
                          extend_select=base.extend_select + extend_select)
        try:
            return tuple(rule.code for rule in selected_rules(wanted, self.rules))
        except SettingsError as exc:
            raise RequestError(str(exc)) from None

    def known(self, selectors) -> tuple[str, ...]:
        """The selectors that name a rule (code, code prefix or name); others are dropped, since a
        LanguageTool client sends its own rule ids (`WHITESPACE_RULE`) too."""
        out = []
        for sel in selectors:
            try:
                selected_rules(Settings(select=(sel,)), self.rules)
            except SettingsError:
                continue
            out.append(sel)
        return tuple(out)

    def linter(self, codes: tuple[str, ...]) -> Linter:
        """The linter for exactly these rules (call it on the lint thread). Requests are reduced to rule codes first, so there are
        at most as many linters as subsets of the rules, all on one pipeline."""
        base = self.settings
        return get_linter(Settings(select=tuple(sorted(codes)), rule_options=base.rule_options, model=base.model))


# ------------------------------------------------------------------- work done on the lint thread

def lint(linter: Linter, text: str, subject: str | None = None) -> Result:
    return linter.run(text, subject=subject)


def lint_with_sentences(linter: Linter, text: str) -> tuple[Result, list[tuple[int, int]]]:
    """The result and the character range of every sentence (LanguageTool answers with both)."""
    doc = linter.parse(text)
    folded = doc.user_data[FOLD_KEY]  # sentences are found in the folded text; answers index the original
    ranges = [(folded.start(s.start_char), folded.end(s.end_char)) for s in sentences(doc)]
    return linter.run_doc(text, doc), ranges


def fix(linter: Linter, text: str, unsafe: bool) -> tuple[str, int, Result]:
    """(fixed text, fixes applied, the fixed text's result)."""
    new, _, applied = fix_loop(linter, text, unsafe=unsafe, display=False)
    return new, applied, linter.run(new)


def rewrite(linter: Linter, text: str) -> str:
    return rewrite_text(linter, text)
