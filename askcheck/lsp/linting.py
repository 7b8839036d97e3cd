"""Linting one editor document: its settings, the message in it, and findings with offsets into the
document itself. Everything here runs on the server's one lint worker, never on its event loop."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..engine import get_linter
from ..finding import Edit, Finding, Fix
from ..fixer import fix_rounds
from ..registry import RegistryError
from ..settings import SettingsError
from .documents import MessageView, NotLintable, view
from .workspace_config import SettingsProblem, settings_for


@dataclass(frozen=True)
class DocumentLint:
    """What one lint of one version of a document found."""

    text: str
    version: int | None
    findings: tuple[Finding, ...] = ()  # offsets into `text`, the whole document
    problem: str | None = None  # why it was not linted: an invalid config, MIME-encoded mail
    warnings: tuple[str, ...] = ()  # config warnings (unknown keys)


def lint_document(text: str, version: int | None, language_id: str, path: str | None) -> DocumentLint:
    try:
        findings, warnings = _findings(text, language_id, path)
    except (SettingsProblem, NotLintable) as exc:
        return DocumentLint(text, version, problem=str(exc))
    return DocumentLint(text, version, tuple(findings), warnings=warnings)


def fix_all(text: str, language_id: str, path: str | None, unsafe: bool = False) -> str:
    """The document with every safe fix (and unsafe ones with `unsafe`) applied, as `lint --fix` does."""
    return fix_rounds(lambda t: _findings(t, language_id, path)[0], text, unsafe=unsafe, display=False)[0]


def _findings(text: str, language_id: str, path: str | None) -> tuple[list[Finding], tuple[str, ...]]:
    chosen = settings_for(path)
    if chosen.excluded:
        return [], chosen.warnings
    message = view(text, language_id, path)
    try:
        linter = get_linter(chosen.settings)
    except (SettingsError, RegistryError) as exc:
        raise SettingsProblem(f"{chosen.config_path}: {exc}" if chosen.config_path else str(exc)) from exc
    except OSError as exc:  # a configured spaCy model that is not installed
        raise SettingsProblem(f"cannot load spaCy model {chosen.settings.model!r}: {exc}") from exc
    result = linter.run(message.text, filename=path or "-", subject=message.subject)
    return [_in_document(f, message) for f in result.findings], chosen.warnings


def _in_document(finding: Finding, message: MessageView) -> Finding:
    """The finding with its span and its fix's edits moved from the message to the document."""
    at = message.to_document
    fix = finding.fix
    if fix is not None:
        fix = Fix(fix.title, tuple(Edit(at(e.start), at(e.end), e.content) for e in fix.edits), fix.applicability)
    return replace(finding, start=at(finding.start), end=at(finding.end), fix=fix)
