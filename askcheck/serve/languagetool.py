"""LanguageTool's HTTP protocol (`POST /v2/check`, `GET /v2/languages`) over askcheck's findings.

Request: form fields `text` or `data` (annotated text, see annotated.py), `language`, `enabledRules`,
`disabledRules`, `enabledOnly`, `enabledCategories`, `disabledCategories`, `level`, `mode`; any other
field a client sends (`motherTongue`, `preferredVariants`, `textSessionId`...) is accepted and has no
effect. Answer: LanguageTool's JSON, with every offset and length in UTF-16 code units.

Mapping: a finding is a match whose rule id is the askcheck code (`ASK301`), all in one category,
`ASKCHECK`. A fix the writer can take as it is (safe or unsafe, no `[when]` placeholder) becomes the
match's one replacement; as LanguageTool replaces exactly the matched range, a fix whose edits reach
beyond the flagged words (an apology cut and a thanks added after the ask) widens the match to cover
them. A template with placeholders is never a replacement: its words are in the message.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from ..engine import Result
from ..finding import Applicability, Finding, Severity
from ..fixer import apply_edits
from ..rule import Rule
from .annotated import AnnotatedText, AnnotationError
from .service import LintService, RequestError, require_unicode
from .utf16 import Utf16Index, utf16_length

CATEGORY = {"id": "ASKCHECK", "name": "Asking for help (askcheck)"}
CONTEXT_CHARS = 40  # characters of context on each side of a match, as LanguageTool gives
ELLIPSIS = "..."

# (name, long code); askcheck reads English only, in any of its spellings.
LANGUAGES = (
    ("English", "en"),
    ("English (US)", "en-US"),
    ("English (GB)", "en-GB"),
    ("English (Australian)", "en-AU"),
    ("English (Canadian)", "en-CA"),
    ("English (New Zealand)", "en-NZ"),
    ("English (South African)", "en-ZA"),
)
_BY_CODE = {code.lower(): (name, code) for name, code in LANGUAGES}
LEVELS = ("default", "picky")
MODES = ("all", "textLevelOnly", "allButTextLevelOnly")
SOFTWARE = {"name": "askcheck", "version": __version__, "buildDate": None, "apiVersion": 1, "premium": False,
            "premiumHint": "", "status": ""}


def languages() -> list[dict]:
    """The answer to `GET /v2/languages`."""
    return [{"name": name, "code": code.split("-")[0], "longCode": code} for name, code in LANGUAGES]


@dataclass(frozen=True)
class CheckRequest:
    text: AnnotatedText
    language: dict
    enabled_rules: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    enabled_only: bool
    enabled_categories: tuple[str, ...]
    disabled_categories: tuple[str, ...]
    level: str
    mode: str


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _language(value: str | None) -> dict:
    if not value:
        raise RequestError("missing 'language' parameter (use 'auto' or an English code such as 'en-US')")
    wanted = value.strip().replace("_", "-").lower()
    if wanted == "auto":
        name, code = _BY_CODE["en-us"]
    elif wanted in _BY_CODE:
        name, code = _BY_CODE[wanted]
    else:
        raise RequestError(f"language {value!r}: askcheck checks English only "
                           f"(auto, {', '.join(code for _, code in LANGUAGES)})")
    return {"name": name, "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0, "source": "askcheck"}}


def _choice(fields: dict[str, str], key: str, allowed: tuple[str, ...], default: str) -> str:
    value = fields.get(key, "") or default
    if value not in allowed:
        raise RequestError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def parse_check(fields: dict[str, str]) -> CheckRequest:
    """A check request from its form fields; RequestError (400) when it cannot be read."""
    if "text" in fields and "data" in fields:
        raise RequestError("give either 'text' or 'data', not both")
    if "text" in fields:
        text = AnnotatedText.of_text(fields["text"])
    elif "data" in fields:
        try:
            text = AnnotatedText.parse(fields["data"])
        except AnnotationError as exc:
            raise RequestError(str(exc)) from None
    else:
        raise RequestError("missing 'text' or 'data' parameter")
    require_unicode(text.original, "text" if "text" in fields else "data")
    enabled_only = fields.get("enabledOnly", "false").strip().lower()
    if enabled_only not in ("true", "false"):
        raise RequestError(f"enabledOnly must be true or false, not {fields['enabledOnly']!r}")
    request = CheckRequest(
        text=text, language=_language(fields.get("language")),
        enabled_rules=_list(fields.get("enabledRules")), disabled_rules=_list(fields.get("disabledRules")),
        enabled_only=enabled_only == "true",
        enabled_categories=_list(fields.get("enabledCategories")),
        disabled_categories=_list(fields.get("disabledCategories")),
        level=_choice(fields, "level", LEVELS, "default"), mode=_choice(fields, "mode", MODES, "all"),
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise RequestError("enabledOnly=true needs enabledRules or enabledCategories")
    return request


def rule_codes(service: LintService, request: CheckRequest) -> tuple[str, ...]:
    """The askcheck rules a check runs. Rule ids askcheck does not know are ignored, as LanguageTool
    ignores ids it does not know: add-ons send their own (`WHITESPACE_RULE`) with every request."""
    if CATEGORY["id"] in request.disabled_categories or request.mode == "allButTextLevelOnly":
        return ()  # every askcheck rule reads the whole message: they are all text-level rules
    enabled, disabled = service.known(request.enabled_rules), service.known(request.disabled_rules)
    if request.enabled_only:
        select = ("ALL",) if CATEGORY["id"] in request.enabled_categories else enabled
        return service.rule_codes(select=select, ignore=disabled)
    return service.rule_codes(ignore=disabled, extend_select=enabled)


# ------------------------------------------------------------------------------------- answering

def taken_as_is(finding: Finding) -> bool:
    """A fix the writer can accept without filling anything in."""
    fix = finding.fix
    return fix is not None and fix.applicability is not Applicability.DISPLAY_ONLY and not fix.placeholders


def _replacement(finding: Finding, text: AnnotatedText) -> tuple[int, int, str | None]:
    """(start, end, replacement) in the plain text: the finding's words, widened to its fix's edits
    when it has a fix to offer, which then replaces that whole range."""
    start, end = finding.start, finding.end
    if not taken_as_is(finding):
        return start, end, None
    edits = finding.fix.edits
    lo, hi = min([start] + [e.start for e in edits]), max([end] + [e.end for e in edits])
    if not text.is_plain(lo, hi):
        return start, end, None  # the range holds markup, which a plain replacement would delete
    shifted = [type(e)(e.start - lo, e.end - lo, e.content) for e in edits]
    return lo, hi, apply_edits(text.plain[lo:hi], shifted)


def _sentence(plain: str, ranges: list[tuple[int, int]], offset: int) -> str:
    for start, end in ranges:
        if start <= offset < end:
            return plain[start:end].strip()
    return ""


def _context(original: str, start: int, end: int) -> dict:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(original), end + CONTEXT_CHARS)
    before = (ELLIPSIS if lo > 0 else "") + original[lo:start]
    text = before + original[start:hi] + (ELLIPSIS if hi < len(original) else "")
    return {"text": text, "offset": utf16_length(before), "length": utf16_length(original[start:end])}


def _sentence_case(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def match(finding: Finding, rule: type[Rule] | None, text: AnnotatedText, utf16: Utf16Index,
          ranges: list[tuple[int, int]]) -> dict:
    start, end, replacement = _replacement(finding, text)
    lo, hi = text.original_span(start, end)
    offset, length = utf16.span(lo, hi)
    return {
        "message": f"{_sentence_case(finding.message)} {_sentence_case(finding.suggestion)}",
        "shortMessage": finding.name.replace("-", " ").capitalize(),
        "replacements": [] if replacement is None else [{"value": replacement}],
        "offset": offset,
        "length": length,
        "context": _context(text.original, lo, hi),
        "sentence": _sentence(text.plain, ranges, finding.start),
        "type": {"typeName": "Other" if finding.severity is Severity.ERROR else "Hint"},
        "rule": {
            "id": finding.code,
            "description": rule.summary if rule else finding.name,
            "issueType": "style",
            "category": dict(CATEGORY),
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def check_response(request: CheckRequest, result: Result, ranges: list[tuple[int, int]],
                   rules: dict[str, type[Rule]]) -> dict:
    """The JSON LanguageTool answers `/v2/check` with."""
    text = request.text
    utf16 = Utf16Index(text.original)
    findings = [f for f in result.findings if request.level == "picky" or f.severity is not Severity.INFO]
    sentence_ranges = []
    for start, end in ranges:
        lo, hi = text.original_span(start, end)
        first, length = utf16.span(lo, hi)
        sentence_ranges.append([first, first + length])
    return {
        "software": dict(SOFTWARE),
        "warnings": {"incompleteResults": False},
        "language": request.language,
        "matches": [match(f, rules.get(f.code), text, utf16, ranges) for f in findings],
        "sentenceRanges": sentence_ranges,
    }
