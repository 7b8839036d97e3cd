"""askcheck's own JSON API: `/api/lint`, `/api/fix`, `/api/rewrite`.

A request is a JSON object: `text` (required) and, like the command line's flags, `select`, `ignore`
and `extend_select` (lists of rule codes, code prefixes or names); `subject` (context for the asks,
as an email's Subject line) on `/api/lint`; `unsafe` (also apply fixes that change what the message
says) on `/api/fix`. Anything else is an error, so a misspelt option is never silently ignored.
Answers carry the same finding and ask objects as `askcheck lint --format json --show-asks`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..engine import Result
from ..formatters import FileReport
from ..formatters.json_format import report_object
from .service import RequestError, require_unicode
from .worddiff import word_diff

COMMON_KEYS = {"text", "select", "ignore", "extend_select"}
KEYS = {"lint": COMMON_KEYS | {"subject"}, "fix": COMMON_KEYS | {"unsafe"}, "rewrite": COMMON_KEYS}


@dataclass(frozen=True)
class ApiRequest:
    text: str
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    subject: str | None = None
    unsafe: bool = False


def _selectors(data: dict, key: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RequestError(f"{key} must be a list of rule codes or names")
    return tuple(v.strip() for v in value if v.strip())


def parse_request(body: bytes, endpoint: str) -> ApiRequest:
    """The request to `/api/<endpoint>`; RequestError (400) says what is wrong with it."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise RequestError(f"the body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise RequestError('the body must be a JSON object such as {"text": "Could you help?"}')
    unknown = sorted(set(data) - KEYS[endpoint])
    if unknown:
        raise RequestError(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(KEYS[endpoint]))})")
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError("'text' is required and must be a string")
    subject = data.get("subject")
    if subject is not None and not isinstance(subject, str):
        raise RequestError("'subject' must be a string")
    unsafe = data.get("unsafe", False)
    if not isinstance(unsafe, bool):
        raise RequestError("'unsafe' must be true or false")
    return ApiRequest(
        text=require_unicode(text, "text"), subject=require_unicode(subject, "subject") if subject else None,
        select=_selectors(data, "select"), ignore=_selectors(data, "ignore") or (),
        extend_select=_selectors(data, "extend_select") or (), unsafe=unsafe,
    )


def lint_answer(result: Result) -> dict:
    """What `lint --format json --show-asks` prints for one message read from stdin."""
    return report_object(FileReport(name="-", result=result))


def fix_answer(text: str, applied: int, result: Result) -> dict:
    return {"text": text, "applied": applied, **lint_answer(result)}


def rewrite_answer(before: str, after: str) -> dict:
    return {"text": after, "diff": word_diff(before, after)}
