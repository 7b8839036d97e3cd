"""`askcheck lsp` end to end: the server runs as a subprocess and the tests speak JSON-RPC to it."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest

import askcheck
from askcheck.registry import load_rules
from lsp_client import LspClient

ASKCHECK = Path(sys.executable).with_name("askcheck")
CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "workspace": {"workspaceEdit": {"documentChanges": True},
                  "didChangeWatchedFiles": {"dynamicRegistration": True}},
    "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                     "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}},
}
DRAFT = "Hi Ana,\nSorry to bother you, but could you review my slides? Thanks so much!\n"


def start_server(tmp_path: Path, capabilities=CAPABILITIES, debounce_ms: int = 50) -> tuple[LspClient, dict]:
    client = LspClient([str(ASKCHECK), "lsp", "--debounce-ms", str(debounce_ms)], cwd=tmp_path)
    try:
        return client, client.initialize(capabilities, root=tmp_path)
    except BaseException:
        client.close()
        raise


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lsp")
    client, result = start_server(folder)
    client.folder = folder
    client.init_result = result
    yield client
    client.close()


def uri_in(folder: Path, name: str) -> str:
    return (folder / name).as_uri()


def offset(text: str, position: dict, encoding: str = "utf-16") -> int:
    """A client's reading of an LSP position: lines end at \\n, \\r\\n or \\r; columns count code units."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[position["line"]]
    line = re.split(r"\r\n|\r|\n", text[start:])[0]
    width = {"utf-16": 2, "utf-8": 1}[encoding]
    codec = {"utf-16": "utf-16-le", "utf-8": "utf-8"}[encoding]
    return start + len(line.encode(codec)[:position["character"] * width].decode(codec))


def apply_edit(text: str, workspace_edit: dict, uri: str, version: int) -> str:
    """Apply a versioned WorkspaceEdit as a client does (refusing one made for another version)."""
    (change,) = workspace_edit["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": version}
    spans = [(offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e["newText"]) for e in change["edits"]]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def codes(diagnostics) -> list[str]:
    return sorted(d["code"] for d in diagnostics)


def test_initialize_advertises_what_the_server_does(server):
    caps = server.init_result["capabilities"]
    assert caps["positionEncoding"] == "utf-16"
    assert caps["hoverProvider"] is True
    assert set(caps["codeActionProvider"]["codeActionKinds"]) == {"quickfix", "source.fixAll.askcheck"}
    assert server.init_result["serverInfo"] == {"name": "askcheck", "version": askcheck.__version__}


def test_open_fix_change_and_the_diagnostic_goes(server):
    uri = uri_in(server.folder, "draft.txt")
    server.open(uri, DRAFT)
    diagnostics = server.diagnostics(uri, version=1)
    expected = askcheck.check(DRAFT)
    assert codes(diagnostics) == sorted(f.code for f in expected)
    apology = next(d for d in diagnostics if d["code"] == "ASK401")
    assert apology["range"] == {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 15}}
    assert apology["source"] == "askcheck" and apology["severity"] == 2
    assert apology["message"].startswith('Apologizes for asking ("Sorry to bother")\nhelp: ')

    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": apology["range"],
        "context": {"diagnostics": [apology], "only": ["quickfix"]}})
    first = actions[0]
    assert first["title"] == "Remove the apology (ASK401)" and first["isPreferred"] is True
    fixed = apply_edit(DRAFT, first["edit"], uri, version=1)
    assert fixed == askcheck.fix(DRAFT)[0] == "Hi Ana,\nCould you review my slides? Thanks so much!\n"

    server.change(uri, fixed, version=2)
    after = server.diagnostics(uri, version=2)
    assert "ASK401" not in codes(after)
    assert codes(after) == sorted(f.code for f in askcheck.check(fixed))


def test_actions_put_safe_fixes_first_and_label_the_rest(server):
    uri = uri_in(server.folder, "order.txt")
    server.open(uri, DRAFT)
    server.diagnostics(uri, version=1)
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
        "context": {"diagnostics": []}})
    titles = [a["title"] for a in actions]
    assert titles == [
        "Remove the apology (ASK401)",
        "Add an opt-out sentence (ASK301, unsafe: changes what the message says)",
        "Add an effort bound placeholder (ASK201, template: fill in [how long])",
        "Add a deadline placeholder (ASK202, template: fill in [when])",
        "askcheck: apply all safe fixes",
    ]
    assert [a.get("isPreferred", False) for a in actions] == [True, False, False, False, False]
    fix_all = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert [a["kind"] for a in fix_all] == ["source.fixAll.askcheck"]
    assert apply_edit(DRAFT, fix_all[0]["edit"], uri, version=1) == askcheck.fix(DRAFT)[0]


def test_hover_shows_the_rule_and_the_essay_line(server):
    uri = uri_in(server.folder, "hover.md")
    server.open(uri, DRAFT, language_id="markdown")
    server.diagnostics(uri, version=1)
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}})
    text = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    rule = load_rules()["ASK401"]
    assert text.startswith('**ASK401 excessive-apology** (warning): Apologizes for asking ("Sorry to bother")')
    assert f"> {rule.principle.strip()}" in text  # the essay line, quoted
    assert rule.documentation() in text  # what `askcheck rule excessive-apology` prints
    nothing = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}})
    assert nothing is None


def test_positions_count_utf16_code_units(server):
    uri = uri_in(server.folder, "emoji.txt")
    text = "🎉 Café news! Sorry to bother you, but could you review my two-page draft by Friday? No worries if not. Thanks!"
    server.open(uri, text)
    (apology,) = server.diagnostics(uri, version=1)
    prefix = "🎉 Café news! "
    assert apology["range"]["start"] == {"line": 0, "character": len(prefix.encode("utf-16-le")) // 2}  # 14, not 13
    assert offset(text, apology["range"]["start"]) == text.index("Sorry")


def test_positions_in_utf8_when_the_client_asks(tmp_path):
    capabilities = {**CAPABILITIES, "general": {"positionEncodings": ["utf-8", "utf-16"]}}
    client, result = start_server(tmp_path, capabilities)
    try:
        assert result["capabilities"]["positionEncoding"] == "utf-8"
        uri = uri_in(tmp_path, "emoji.txt")
        text = "🎉 Café news!\r\nSorry to bother you, but could you review my two-page draft by Friday? " \
               "No worries if not. Thanks!\n> é Sorry to bother you"
        client.open(uri, text)
        diagnostics = client.diagnostics(uri, version=1)
        assert [d["range"]["start"] for d in diagnostics] == [{"line": 1, "character": 0}, {"line": 2, "character": 5}]
        assert [offset(text, d["range"]["start"], "utf-8") for d in diagnostics] == [text.index("Sorry"), text.rindex("Sorry")]
    finally:
        client.close()


def test_mail_lints_the_writers_words_with_the_subject_as_context(server):
    uri = uri_in(server.folder, "reply.eml")
    mail = ("From: Ana <ana@example.com>\nSubject: printer on floor 2 jams\n\n"
            "Can you help?\n\n"
            "On Mon, 3 Jun 2024, Sam wrote:\n> Sorry to bother you, could you look at my draft?\n")
    server.open(uri, mail, language_id="mail")
    # The subject names the task, so "Can you help?" is not vague; the quoted apology is not the writer's.
    assert server.diagnostics(uri, version=1) == []
    as_text = uri_in(server.folder, "reply.txt")
    server.open(as_text, "Can you help?\n")
    assert codes(server.diagnostics(as_text, version=1)) == ["ASK101"]

    server.change(uri, mail.replace("Can you help?", "Sorry to bother you, but could you fix it by noon? Thanks!"), 2)
    (apology,) = server.diagnostics(uri, version=2)
    assert apology["code"] == "ASK401"
    assert apology["range"]["start"] == {"line": 3, "character": 0}  # line 4 of the file: after the headers


def test_workspace_config_applies_and_a_config_change_relints(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.askcheck]\nignore = ["no-opt-out", "missing-duration"]\n')
    notes = tmp_path / "notes"
    notes.mkdir()
    client, _ = start_server(tmp_path)
    try:
        uri = uri_in(notes, "draft.txt")
        client.open(uri, DRAFT)
        assert codes(client.diagnostics(uri, version=1)) == ["ASK202", "ASK401"]
        (registration,) = [r for r in client.server_requests if r["method"] == "client/registerCapability"]
        watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"]
        assert [w["globPattern"] for w in watchers] == ["**/pyproject.toml", "**/askcheck.toml"]
        (tmp_path / "pyproject.toml").write_text('[tool.askcheck]\nignore = ["missing-duration"]\n')
        client.notify("workspace/didChangeWatchedFiles",
                      {"changes": [{"uri": (tmp_path / "pyproject.toml").as_uri(), "type": 2}]})
        assert codes(client.diagnostics(uri, version=1)) == ["ASK202", "ASK301", "ASK401"]
        # An invalid config is reported once, and nothing is linted with settings the writer did not choose.
        (tmp_path / "pyproject.toml").write_text('[tool.askcheck]\nignore = "missing-duration"\n')
        client.notify("textDocument/didSave", {"textDocument": {"uri": (tmp_path / "pyproject.toml").as_uri()}})
        shown = client.wait_for("window/showMessage")
        assert shown["type"] == 1 and "tool.askcheck.ignore: must be a list of strings" in shown["message"]
        assert client.diagnostics(uri, version=1) == []
    finally:
        client.close()


def test_save_relints_and_close_clears(server):
    uri = uri_in(server.folder, "saved.txt")
    server.open(uri, DRAFT)
    first = server.diagnostics(uri, version=1)
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri, version=1) == first
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == []


def test_other_languages_are_left_alone(server):
    uri = uri_in(server.folder, "script.py")
    server.open(uri, "# Sorry to bother you, could you review this?\n", language_id="python")
    witness = uri_in(server.folder, "witness.txt")
    server.open(witness, "Can you help?\n")
    server.diagnostics(witness, version=1)  # published after the Python file would have been
    assert not [n for n in server.notifications if n["params"].get("uri") == uri]


def test_a_burst_of_changes_is_linted_once(tmp_path):
    client, _ = start_server(tmp_path, debounce_ms=300)
    try:
        uri = uri_in(tmp_path, "typing.txt")
        client.open(uri, "Hi")
        client.diagnostics(uri, version=1)
        words = "Sorry to bother you, but could you review my slides? Thanks so much!".split()
        for version in range(2, len(words) + 2):
            client.change(uri, " ".join(words[:version - 1]), version)
        last = len(words) + 1
        assert codes(client.diagnostics(uri, version=last)) == ["ASK201", "ASK202", "ASK301", "ASK401"]
        published = [n["params"]["version"] for n in client.notifications if n["method"] == "textDocument/publishDiagnostics"]
        # The timer restarts on each change, so the versions before the last are not linted (one may
        # be, should the machine stall for 300 ms between two of them; without the debounce all are).
        assert len(published) <= 1, published
    finally:
        client.close()


def test_a_long_lint_does_not_block_the_server(server):
    quick = uri_in(server.folder, "quick.txt")
    server.open(quick, DRAFT)
    server.diagnostics(quick, version=1)
    slow = uri_in(server.folder, "long.txt")
    paragraph = "Sorry to bother you, but could you review my slides before Friday? I know you are busy. "
    server.open(slow, paragraph * 300)  # about 4,800 words: a lint of about a second
    time.sleep(0.1)  # the lint has started on the worker
    hover = server.request("textDocument/hover", {"textDocument": {"uri": quick}, "position": {"line": 1, "character": 3}})
    assert hover is not None
    # The hover was answered while the long document was still being linted on the worker.
    assert not [n for n in server.notifications if n["params"].get("uri") == slow]
    assert len(server.diagnostics(slow, version=1, timeout=120)) > 300
