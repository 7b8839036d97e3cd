"""askcheck's language server: diagnostics, code actions and hover for messages in any LSP editor.

Modules: server (the pygls server and its handlers), scheduler (debounce, one lint worker), linting
(one document: settings, message, findings in document offsets), documents (which documents, and
the message inside a mail), workspace_config ([tool.askcheck] per document), positions (offsets <->
LSP positions in the negotiated encoding), translate (findings -> diagnostics, actions, hover).
"""
