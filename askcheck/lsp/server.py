"""`askcheck lsp`: the language server (pygls, over stdio).

Diagnostics on open, change (debounced) and save; a code action per fix of the findings under the
cursor (safe ones first and preferred, unsafe ones labelled, fill-in templates last) and
`source.fixAll.askcheck` for every safe fix at once; hover with the rule's documentation and the essay
line it enforces. Settings come from the `[tool.askcheck]` nearest each document, read at each lint.

The event loop never lints: it keeps the documents (full text on each change: messages are short),
restarts a document's timer on each change, and hands lints to one worker thread (scheduler.py).
"""
from __future__ import annotations

import logging
from pathlib import PurePath

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..engine import get_linter
from .documents import wanted
from .linting import DocumentLint, fix_all, lint_document
from .positions import LineMap
from .scheduler import LintScheduler
from .translate import FIX_ALL_KIND, code_actions, diagnostic, fix_all_action, hover_text, overlaps

logger = logging.getLogger(__name__)
CONFIG_FILES = ("pyproject.toml", "askcheck.toml")
DEFAULT_DEBOUNCE_MS = 250


def build_server(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> LanguageServer:
    server = LanguageServer("askcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
    scheduler = LintScheduler(debounce_ms / 1000)
    latest: dict[str, DocumentLint] = {}  # uri -> the last lint published for it
    told: set[str] = set()  # config problems and warnings already shown, so each is shown once

    def open_document(uri: str):
        doc = server.workspace.text_documents.get(uri)
        return doc if doc is not None and wanted(doc.language_id or "", doc.path) else None

    def fs_path(doc) -> str | None:
        return doc.path if doc.uri.startswith("file:") else None  # an unsaved buffer has no folder, no config

    def line_map(text: str) -> LineMap:
        encoding = server.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return LineMap(text, getattr(encoding, "value", encoding))

    def is_current(doc, result: DocumentLint) -> bool:
        return doc is not None and doc.version == result.version and doc.source == result.text

    async def lint_now(uri: str) -> DocumentLint | None:
        doc = open_document(uri)
        if doc is None:
            return None
        known = latest.get(uri)
        if known is not None and is_current(doc, known):
            return known
        result = await scheduler.run(lint_document, doc.source, doc.version, doc.language_id or "", fs_path(doc))
        if is_current(open_document(uri), result):
            publish(uri, result)
        return result

    async def lint_and_publish(uri: str) -> None:
        latest.pop(uri, None)  # a save or a config change: lint again even if the text is the same
        await lint_now(uri)

    def publish(uri: str, result: DocumentLint) -> None:
        latest[uri] = result
        for note in ((result.problem,) if result.problem else ()) + result.warnings:
            if note not in told:
                told.add(note)
                kind = types.MessageType.Error if note == result.problem else types.MessageType.Warning
                server.window_show_message(types.ShowMessageParams(type=kind, message=f"askcheck: {note}"))
        lines = line_map(result.text)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=result.version, diagnostics=[diagnostic(f, lines) for f in result.findings]))

    def schedule(uri: str, delay: float | None = None) -> None:
        scheduler.debounce(uri, lambda: lint_and_publish(uri), delay)

    def relint_all() -> None:
        told.clear()
        for uri in list(server.workspace.text_documents):
            if open_document(uri) is not None:
                schedule(uri, 0)

    @server.feature(types.INITIALIZED)
    def initialized(ls: LanguageServer, params: types.InitializedParams) -> None:
        scheduler.run(_warm_up)
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="askcheck-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                    types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        if PurePath(params.text_document.uri).name in CONFIG_FILES:
            relint_all()
        else:
            schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        scheduler.cancel(uri)
        if latest.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: LanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(PurePath(change.uri).name in CONFIG_FILES for change in params.changes):
            relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration_changed(ls: LanguageServer, params: types.DidChangeConfigurationParams) -> None:
        relint_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    async def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        result = await lint_now(uri)
        if result is None or result.problem:
            return None
        lines = line_map(result.text)
        start = lines.offset(params.range.start.line, params.range.start.character)
        end = lines.offset(params.range.end.line, params.range.end.character)
        edits_by_version = _supports_document_changes(ls)
        actions = []
        if _wants(params.context.only, types.CodeActionKind.QuickFix):
            here = [f for f in result.findings if overlaps(f, start, end)]
            actions += code_actions(here, lines, uri, result.version, edits_by_version)
        if _wants(params.context.only, FIX_ALL_KIND) and any(f.fixable for f in result.findings):
            doc = open_document(uri)
            fixed = await scheduler.run(fix_all, result.text, doc.language_id or "", fs_path(doc))
            if fixed != result.text:
                actions.append(fix_all_action(result.text, fixed, lines, uri, result.version, edits_by_version))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        result = await lint_now(params.text_document.uri)
        if result is None:
            return None
        lines = line_map(result.text)
        at = lines.offset(params.position.line, params.position.character)
        here = [f for f in result.findings if overlaps(f, at, at)]
        if not here:
            return None
        markdown = _supports_markdown_hover(ls)
        kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
        first = min(here, key=lambda f: f.start)
        last = max(here, key=lambda f: f.end)
        return types.Hover(contents=types.MarkupContent(kind=kind, value=hover_text(here, markdown)),
                           range=types.Range(start=types.Position(*lines.position(first.start)),
                                             end=types.Position(*lines.position(last.end))))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: LanguageServer, params) -> None:
        scheduler.close()

    return server


def _warm_up() -> None:
    """Load the default pipeline before the first document arrives, so the first lint is not slow. A
    failure here is left to the first lint, which reports it for the document it concerns."""
    try:
        get_linter()
    except Exception:  # noqa: BLE001 - reported by the first lint, with its document
        logger.debug("askcheck: warm-up failed", exc_info=True)


def _wants(only: list[str] | None, kind: str) -> bool:
    """Whether a code action of `kind` was asked for: no filter, or a filter naming it or a parent kind."""
    kind = str(getattr(kind, "value", kind))
    asked = [str(getattr(k, "value", k)) for k in only or ()]
    return not asked or any(kind == k or kind.startswith(f"{k}.") for k in asked)


def _supports_document_changes(ls: LanguageServer) -> bool:
    ws = ls.client_capabilities.workspace
    return bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes)


def _supports_markdown_hover(ls: LanguageServer) -> bool:
    td = ls.client_capabilities.text_document
    formats = td.hover.content_format if td and td.hover else None
    return not formats or types.MarkupKind.Markdown in formats


def serve(debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> None:
    """Serve one client over stdin/stdout until it exits."""
    build_server(debounce_ms).start_io()
