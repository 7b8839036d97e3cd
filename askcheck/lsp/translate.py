"""askcheck's findings in the protocol's terms: diagnostics, code actions, hover text.

Pure functions of a document's findings and its LineMap; the server decides when to call them.
"""
from __future__ import annotations

from lsprotocol import types

from ..finding import Applicability, Finding, Severity
from ..registry import load_rules
from .positions import LineMap

SOURCE = "askcheck"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.askcheck"  # "source.fixAll.askcheck"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# Safe fixes first, then unsafe ones, then templates the writer must fill in.
_ORDER = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.DISPLAY_ONLY: 2}


def lsp_range(lines: LineMap, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(*lines.position(start)), end=types.Position(*lines.position(end)))


def diagnostic(finding: Finding, lines: LineMap) -> types.Diagnostic:
    return types.Diagnostic(
        range=lsp_range(lines, finding.start, finding.end),
        message=f"{finding.message}\nhelp: {finding.suggestion}",
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"name": finding.name},
    )


def overlaps(finding: Finding, start: int, end: int) -> bool:
    """Whether the finding touches the offsets [start, end] (a cursor on either edge counts)."""
    return finding.start <= end and start <= finding.end


def action_title(finding: Finding) -> str:
    fix = finding.fix
    if fix.applicability is Applicability.SAFE:
        return f"{fix.title} ({finding.code})"
    if fix.applicability is Applicability.UNSAFE:
        return f"{fix.title} ({finding.code}, unsafe: changes what the message says)"
    return f"{fix.title} ({finding.code}, template: fill in {', '.join(fix.placeholders)})"


def code_actions(findings, lines: LineMap, uri: str, version: int | None,
                 document_changes: bool) -> list[types.CodeAction]:
    """One action per fix of the findings given: safe first (preferred), unsafe labelled, templates last."""
    with_fix = sorted((f for f in findings if f.fix is not None),
                      key=lambda f: (_ORDER[f.fix.applicability], f.start, f.code))
    actions = []
    for f in with_fix:
        edits = [types.TextEdit(range=lsp_range(lines, e.start, e.end), new_text=e.content) for e in f.fix.edits]
        actions.append(types.CodeAction(
            title=action_title(f),
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic(f, lines)],
            is_preferred=f.fix.applicability is Applicability.SAFE,
            edit=workspace_edit(uri, version, edits, document_changes),
        ))
    return actions


def fix_all_action(old: str, new: str, lines: LineMap, uri: str, version: int | None,
                   document_changes: bool) -> types.CodeAction:
    """Every safe fix at once, as `askcheck lint --fix` applies them: one edit over what changed."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < min(len(old), len(new)) - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    edit = types.TextEdit(range=lsp_range(lines, start, len(old) - tail), new_text=new[start:len(new) - tail])
    return types.CodeAction(title="askcheck: apply all safe fixes", kind=FIX_ALL_KIND,
                            edit=workspace_edit(uri, version, [edit], document_changes))


def workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit],
                   document_changes: bool) -> types.WorkspaceEdit:
    if document_changes:
        # Versioned: a client refuses the edit if the document changed since, instead of corrupting it.
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def hover_text(findings, markdown: bool) -> str:
    """Each finding under the cursor: what is wrong, the suggested rewrite, the essay line the rule
    enforces, then the rule's whole documentation (as `askcheck rule NAME` prints it)."""
    rules = load_rules()
    parts = []
    for f in findings:
        rule = rules.get(f.code)
        principle = rule.principle.strip() if rule is not None else ""
        if markdown:
            part = [f"**{f.code} {f.name}** ({f.severity.value}): {f.message}", "", f"help: {f.suggestion}"]
            if principle:
                part += ["", f"> {principle}"]
        else:
            part = [f"{f.code} {f.name} ({f.severity.value}): {f.message}", f"help: {f.suggestion}"]
            if principle:
                part += ["", principle]
        if rule is not None:
            part += ["", "---" if markdown else "", rule.documentation()]
        parts.append("\n".join(part))
    return ("\n\n---\n\n" if markdown else "\n\n").join(parts)
