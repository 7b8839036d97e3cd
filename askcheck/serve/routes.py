"""The HTTP endpoints: each reads its request, has the lint thread do the work, and answers JSON.

Rule selection is reduced to rule codes before anything is linted (see LintService.linter), and
every bit of linting runs on the service's thread (see LintService.run).
"""
from __future__ import annotations

from importlib import resources
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..registry import describe
from . import languagetool, native
from . import service as work
from .middleware import TEXT_STATE_KEY
from .openapi import document as openapi_document
from .service import LintService, RequestError

MAX_FORM_FIELDS = 100

# The page may load only its own script and style and talk only to this server.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
               "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
PAGE_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
              "/static/page.js": ("page.js", "text/javascript; charset=utf-8"),
              "/static/page.css": ("page.css", "text/css; charset=utf-8")}


def _service(request: Request) -> LintService:
    return request.app.state.service


def _note_text(request: Request, text: str) -> None:
    request.scope.setdefault("state", {})[TEXT_STATE_KEY] = text


async def _form_fields(request: Request) -> dict[str, str]:
    """LanguageTool's form fields: the query string and an application/x-www-form-urlencoded body
    (what every LanguageTool client sends), the body winning."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("", "application/x-www-form-urlencoded"):
        raise HTTPException(415, "send the fields as application/x-www-form-urlencoded")
    body = await request.body()
    fields = {}
    try:
        for source in (request.url.query, body.decode("utf-8")):
            fields.update(parse_qsl(source, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS,
                                    encoding="utf-8", errors="strict"))
    except UnicodeDecodeError:
        raise RequestError("the form is not valid UTF-8") from None
    except ValueError as exc:
        raise RequestError(f"the form cannot be read: {exc}") from None
    return fields


async def v2_check(request: Request) -> JSONResponse:
    fields = await _form_fields(request)
    check = languagetool.parse_check(fields)
    _note_text(request, check.text.original)
    service = _service(request)
    codes = languagetool.rule_codes(service, check)
    result, ranges = await service.run(work.lint_with_sentences, codes, check.text.plain)
    return JSONResponse(languagetool.check_response(check, result, ranges, service.rules))


async def v2_languages(request: Request) -> JSONResponse:
    return JSONResponse(languagetool.languages())


async def _api_request(request: Request, endpoint: str):
    if request.headers.get("content-type", "").split(";")[0].strip().lower() not in ("", "application/json"):
        raise HTTPException(415, "send a JSON body (application/json)")
    parsed = native.parse_request(await request.body(), endpoint)
    _note_text(request, parsed.text)
    service = _service(request)
    codes = service.rule_codes(select=parsed.select, ignore=parsed.ignore, extend_select=parsed.extend_select)
    return parsed, service, codes


async def api_lint(request: Request) -> JSONResponse:
    parsed, service, codes = await _api_request(request, "lint")
    result = await service.run(work.lint, codes, parsed.text, parsed.subject)
    return JSONResponse(native.lint_answer(result))


async def api_fix(request: Request) -> JSONResponse:
    parsed, service, codes = await _api_request(request, "fix")
    text, applied, result = await service.run(work.fix, codes, parsed.text, parsed.unsafe)
    return JSONResponse(native.fix_answer(text, applied, result))


async def api_rewrite(request: Request) -> JSONResponse:
    parsed, service, codes = await _api_request(request, "rewrite")
    text = await service.run(work.rewrite, codes, parsed.text)
    return JSONResponse(native.rewrite_answer(parsed.text, text))


async def api_rules(request: Request) -> JSONResponse:
    return JSONResponse([{**describe(rule), "documentation": rule.documentation()}
                         for rule in _service(request).rules.values()])


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok", "version": __version__})


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document())


def _page_response(name: str, media_type: str):
    body = resources.files(__package__).joinpath("static", name).read_bytes()

    async def page(request: Request) -> Response:
        return Response(body, media_type=media_type, headers={
            "content-security-policy": PAGE_POLICY, "x-content-type-options": "nosniff",
            "referrer-policy": "no-referrer", "cache-control": "no-cache"})
    return page


def routes() -> list[Route]:
    api = [
        Route("/v2/check", v2_check, methods=["POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/api/lint", api_lint, methods=["POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/api/rewrite", api_rewrite, methods=["POST"]),
        Route("/api/rules", api_rules, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    pages = [Route(path, _page_response(name, media_type), methods=["GET"])
             for path, (name, media_type) in PAGE_FILES.items()]
    return api + pages
