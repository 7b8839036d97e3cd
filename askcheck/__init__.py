"""askcheck: a linter for messages that ask someone for help.

    >>> import askcheck
    >>> [f.name for f in askcheck.check("Sorry to bother you, but can you help?")]  # doctest: +SKIP
"""
from __future__ import annotations

from .engine import Linter, Result, get_linter
from .finding import Applicability, Edit, Finding, Fix, Position, Severity
from .rule import Option, Rule, Violation
from .settings import Settings, SettingsError

__all__ = [
    "Applicability", "Edit", "Finding", "Fix", "Linter", "Option", "Position", "Result", "Rule",
    "Settings", "SettingsError", "Severity", "Violation", "check", "asks", "fix", "rewrite",
]
__version__ = "0.1.0"


def _settings(select=None, ignore=None, extend_select=None, rule_options=None, model=None) -> Settings:
    return Settings(
        select=tuple(select) if select else ("ALL",),
        ignore=tuple(ignore or ()),
        extend_select=tuple(extend_select or ()),
        rule_options=dict(rule_options or {}),
        model=model,
    )


def check(text: str, **options) -> list[Finding]:
    """Lint one message. Options: select, ignore, extend_select, rule_options, model, filename, and
    subject (an email's Subject line or a post's title: context for the asks, not linted)."""
    filename = options.pop("filename", "-")
    subject = options.pop("subject", None)
    return get_linter(_settings(**options)).run(text, filename=filename, subject=subject).findings


def asks(text: str, model: str | None = None, subject: str | None = None) -> list[dict]:
    """The asks of a message, judged: each with its text and span, form, kind (favor, task, question,
    plea, proposal), audience, cost, what the message states about it (size, when, out) and why."""
    return get_linter(_settings(model=model)).run(text, subject=subject).asks


def fix(text: str, unsafe: bool = False, **options) -> tuple[str, list[Finding]]:
    """Apply safe fixes (and unsafe ones with unsafe=True); return the new text and what remains."""
    from .fixer import fix_text

    return fix_text(get_linter(_settings(**options)), text, unsafe=unsafe)


def rewrite(text: str, **options) -> str:
    """The whole message with every suggestion applied, placeholders included."""
    from .fixer import rewrite_text

    return rewrite_text(get_linter(_settings(**options)), text)
