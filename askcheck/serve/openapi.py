"""The OpenAPI 3.1 description of `askcheck serve`, served at `/openapi.json`.

Written out rather than generated, so it can say what each field means; the tests validate real
answers of every endpoint against these schemas, so it cannot drift from what the server does.
"""
from __future__ import annotations

from .. import __version__


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict, required: list[str] | None = None, extra: bool = False, **more) -> dict:
    return {"type": "object", "properties": properties, "required": required if required is not None else list(properties),
            "additionalProperties": extra, **more}


_STR = {"type": "string"}
_INT = {"type": "integer", "minimum": 0}
_WORDS = {"oneOf": [{"type": "null"}, _object({"text": _STR, "start": _INT, "end": _INT})]}
_SELECTORS = {"type": "array", "items": _STR, "description": "Rule codes, code prefixes or names, as on the command line."}

SCHEMAS = {
    "Error": _object({"error": _STR, "status": {"type": "integer"}}),
    "Position": _object({"row": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1}}),
    "Span": _object({"start": _INT, "end": _INT}, description="Character (code point) offsets into the text."),
    "Edit": _object({"start": _INT, "end": _INT, "content": _STR}),
    "Fix": _object({
        "title": _STR,
        "applicability": {"enum": ["safe", "unsafe", "display-only"]},
        "edits": {"type": "array", "items": _ref("Edit")},
        "placeholders": {"type": "array", "items": _STR, "description": "Words the writer must fill in, e.g. [when]."},
    }),
    "Finding": _object({
        "filename": _STR, "code": _STR, "name": _STR, "message": _STR,
        "severity": {"enum": ["error", "warning", "info"]},
        "location": _ref("Position"), "end_location": _ref("Position"), "span": _ref("Span"),
        "suggestion": _STR, "fix": {"oneOf": [{"type": "null"}, _ref("Fix")]}, "record": _STR,
    }, required=["filename", "code", "name", "message", "severity", "location", "end_location", "span",
                 "suggestion", "fix"]),
    "Ask": _object({
        "text": _STR, "span": _ref("Span"),
        "form": {"enum": ["request", "imposed", "implicit", "proposal", "input", "question"]},
        "kind": {"enum": ["favor", "task", "question", "plea", "proposal"]},
        "audience": {"enum": ["reader", "crowd"]},
        "cost": {"enum": ["quick", "substantial"]},
        "what": {"enum": ["concrete", "context", "vague"]},
        "effort": _WORDS,
        "states": _object({"size": _WORDS, "when": _WORDS, "out": _WORDS}),
        "why": {"type": "object", "additionalProperties": _STR},
        "location": _ref("Position"),
    }),
    "LintAnswer": _object({
        "filename": _STR, "error": {"type": "null"},
        "asks": {"type": "array", "items": _ref("Ask")},
        "findings": {"type": "array", "items": _ref("Finding")},
    }, description="The object `askcheck lint --format json --show-asks -` prints for the message."),
    "FixAnswer": _object({
        "text": {**_STR, "description": "The message with the fixes applied."},
        "applied": {**_INT, "description": "How many fixes were applied."},
        "filename": _STR, "error": {"type": "null"},
        "asks": {"type": "array", "items": _ref("Ask")},
        "findings": {"type": "array", "items": _ref("Finding"), "description": "What remains in the fixed text."},
    }),
    "RewriteAnswer": _object({
        "text": {**_STR, "description": "The whole message with every suggestion applied, placeholders included."},
        "diff": {"type": "array", "items": _object({"op": {"enum": ["equal", "delete", "insert"]}, "text": _STR}),
                 "description": "Word-level diff: equal + delete parts give the draft, equal + insert the rewrite."},
    }),
    "LintRequest": _object({"text": _STR, "subject": {**_STR, "description": "Context for the asks (an email's Subject)."},
                            "select": _SELECTORS, "ignore": _SELECTORS, "extend_select": _SELECTORS}, required=["text"]),
    "FixRequest": _object({"text": _STR, "unsafe": {"type": "boolean", "default": False},
                           "select": _SELECTORS, "ignore": _SELECTORS, "extend_select": _SELECTORS}, required=["text"]),
    "RewriteRequest": _object({"text": _STR, "select": _SELECTORS, "ignore": _SELECTORS, "extend_select": _SELECTORS},
                              required=["text"]),
    "Rule": _object({"code": _STR, "name": _STR, "severity": {"enum": ["error", "warning", "info"]}, "summary": _STR,
                     "needs_ask": {"type": "boolean"}, "options": {"type": "object"}, "module": _STR,
                     "documentation": _STR}),
    "Health": _object({"status": {"const": "ok"}, "version": _STR}),
    "LanguageToolCheckForm": _object({
        "text": {**_STR, "description": "The text to check (or `data`)."},
        "data": {**_STR, "description": 'Annotated text as JSON: {"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}.'},
        "language": {**_STR, "description": "auto, en, en-US, en-GB, en-AU, en-CA, en-NZ or en-ZA."},
        "enabledRules": {**_STR, "description": "Comma-separated askcheck codes or names to add."},
        "disabledRules": {**_STR, "description": "Comma-separated codes or names to leave out; unknown ids are ignored."},
        "enabledOnly": {"enum": ["true", "false"]},
        "enabledCategories": _STR, "disabledCategories": {**_STR, "description": "ASKCHECK turns every rule off."},
        "level": {"enum": ["default", "picky"]},
        "mode": {"enum": ["all", "textLevelOnly", "allButTextLevelOnly"]},
    }, required=["language"], extra=True),
    "LanguageToolMatch": _object({
        "message": _STR, "shortMessage": _STR,
        "replacements": {"type": "array", "maxItems": 1, "items": _object({"value": _STR})},
        "offset": {**_INT, "description": "UTF-16 code units into the text (with `data`: into the markup)."},
        "length": {**_INT, "description": "UTF-16 code units."},
        "context": _object({"text": _STR, "offset": _INT, "length": _INT}),
        "sentence": _STR,
        "type": _object({"typeName": {"enum": ["Other", "Hint"]}}),
        "rule": _object({"id": _STR, "description": _STR, "issueType": _STR,
                         "category": _object({"id": {"const": "ASKCHECK"}, "name": _STR})}),
        "ignoreForIncompleteSentence": {"type": "boolean"}, "contextForSureMatch": {"type": "integer"},
    }),
    "LanguageToolLanguage": _object({
        "name": _STR, "code": _STR,
        "detectedLanguage": _object({"name": _STR, "code": _STR, "confidence": {"type": "number"}, "source": _STR}),
    }),
    "LanguageToolCheckAnswer": _object({
        "software": _object({"name": _STR, "version": _STR, "buildDate": {"type": "null"}, "apiVersion": {"type": "integer"},
                             "premium": {"type": "boolean"}, "premiumHint": _STR, "status": _STR}),
        "warnings": _object({"incompleteResults": {"type": "boolean"}}),
        "language": _ref("LanguageToolLanguage"),
        "matches": {"type": "array", "items": _ref("LanguageToolMatch")},
        "sentenceRanges": {"type": "array", "items": {"type": "array", "items": _INT, "minItems": 2, "maxItems": 2}},
    }),
    "LanguageToolLanguages": {"type": "array", "items": _object({"name": _STR, "code": _STR, "longCode": _STR})},
}


def _json(schema: str) -> dict:
    return {"application/json": {"schema": _ref(schema)}}


def _answers(schema: str, *errors: int) -> dict:
    out = {"200": {"description": "OK", "content": _json(schema)}}
    reasons = {400: "Malformed input", 413: "Body larger than the limit", 415: "Wrong content type",
               503: "Took longer than the time limit"}
    for code in errors:
        out[str(code)] = {"description": reasons[code], "content": _json("Error")}
    return out


_LIMITED = (400, 413, 415, 503)

PATHS = {
    "/v2/check": {"post": {
        "summary": "LanguageTool-compatible check", "operationId": "languagetoolCheck",
        "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
            "schema": _ref("LanguageToolCheckForm")}}},
        "responses": _answers("LanguageToolCheckAnswer", *_LIMITED)}},
    "/v2/languages": {"get": {"summary": "Languages askcheck reads (English)", "operationId": "languagetoolLanguages",
                              "responses": _answers("LanguageToolLanguages")}},
    "/api/lint": {"post": {"summary": "Findings and asks of a message", "operationId": "lint",
                           "requestBody": {"required": True, "content": _json("LintRequest")},
                           "responses": _answers("LintAnswer", *_LIMITED)}},
    "/api/fix": {"post": {"summary": "Apply safe (and with unsafe: true, unsafe) fixes", "operationId": "fix",
                          "requestBody": {"required": True, "content": _json("FixRequest")},
                          "responses": _answers("FixAnswer", *_LIMITED)}},
    "/api/rewrite": {"post": {"summary": "The whole message with every suggestion applied", "operationId": "rewrite",
                              "requestBody": {"required": True, "content": _json("RewriteRequest")},
                              "responses": _answers("RewriteAnswer", *_LIMITED)}},
    "/api/rules": {"get": {"summary": "Every rule, with its documentation", "operationId": "rules",
                           "responses": {"200": {"description": "OK", "content": {"application/json": {
                               "schema": {"type": "array", "items": _ref("Rule")}}}}}}},
    "/healthz": {"get": {"summary": "The process is up and its pipeline warm", "operationId": "health",
                         "responses": _answers("Health")}},
    "/openapi.json": {"get": {"summary": "This description", "operationId": "openapi",
                              "responses": {"200": {"description": "OK", "content": {"application/json": {}}}}}},
    "/": {"get": {"summary": "The compose page", "operationId": "page",
                  "responses": {"200": {"description": "OK", "content": {"text/html": {}}}}}},
}


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "askcheck serve", "version": __version__,
                 "description": "Lint messages that ask someone for help: a LanguageTool-compatible API and "
                                "askcheck's own. Offsets in /api answers count characters (code points); "
                                "in /v2/check answers, UTF-16 code units, as LanguageTool's do."},
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
