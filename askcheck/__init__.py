"""askcheck: a linter for messages that ask someone for help.

    >>> import askcheck
    >>> [f.name for f in askcheck.check("Sorry to bother you, but can you help?")]  # doctest: +SKIP

The names below are imported when first used, not with the package: spaCy imports
`askcheck.spacy_factories` (and so this package) whenever any program in the environment builds a
pipeline, and that must not load the linter.
"""
from __future__ import annotations

from importlib import import_module

__all__ = [
    "Applicability", "Edit", "Finding", "Fix", "Linter", "Option", "Position", "Result", "Rule",
    "Settings", "SettingsError", "Severity", "Violation", "check", "asks", "fix", "rewrite",
]
__version__ = "0.1.0"

# Public name -> the module that defines it.
_LAZY = {
    "Linter": "engine", "Result": "engine", "get_linter": "engine",
    "Applicability": "finding", "Edit": "finding", "Finding": "finding", "Fix": "finding",
    "Position": "finding", "Severity": "finding",
    "Option": "rule", "Rule": "rule", "Violation": "rule",
    "Settings": "settings", "SettingsError": "settings",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'askcheck' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


def _settings(select=None, ignore=None, extend_select=None, rule_options=None, model=None):
    from .settings import Settings

    return Settings(
        select=tuple(select) if select else ("ALL",),
        ignore=tuple(ignore or ()),
        extend_select=tuple(extend_select or ()),
        rule_options=dict(rule_options or {}),
        model=model,
    )


def _linter(**options):
    from .engine import get_linter

    return get_linter(_settings(**options))


def check(text: str, **options) -> list:
    """Lint one message (-> list[Finding]). Options: select, ignore, extend_select, rule_options, model,
    filename, and subject (an email's Subject line or a post's title: context for the asks, not linted)."""
    filename = options.pop("filename", "-")
    subject = options.pop("subject", None)
    return _linter(**options).run(text, filename=filename, subject=subject).findings


def asks(text: str, model: str | None = None, subject: str | None = None) -> list[dict]:
    """The asks of a message, judged: each with its text and span, form, kind (favor, task, question,
    plea, proposal), audience, cost, what the message states about it (size, when, out) and why."""
    return _linter(model=model).run(text, subject=subject).asks


def fix(text: str, unsafe: bool = False, **options) -> tuple[str, list]:
    """Apply safe fixes (and unsafe ones with unsafe=True); return the new text and what remains."""
    from .fixer import fix_text

    return fix_text(_linter(**options), text, unsafe=unsafe)


def rewrite(text: str, **options) -> str:
    """The whole message with every suggestion applied, placeholders included."""
    from .fixer import rewrite_text

    return rewrite_text(_linter(**options), text)
