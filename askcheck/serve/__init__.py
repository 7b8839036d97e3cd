"""`askcheck serve`: askcheck over HTTP, where people write.

A LanguageTool-compatible API (`/v2/check`, `/v2/languages`) so the writing checkers people already
run (the LanguageTool browser and Thunderbird add-ons, editor plugins) show askcheck's findings in a
compose window; a native JSON API (`/api/lint`, `/api/fix`, `/api/rewrite`, `/api/rules`,
`/healthz`, `/openapi.json`); and a self-contained page at `/` to compose a draft against it.

Modules, one job each: `options` (what the command line sets), `service` (the warm linter and the
thread it runs on), `utf16` and `annotated` (offsets as LanguageTool clients count them),
`languagetool` and `native` (the two protocols: request in, JSON out), `worddiff` (the rewrite
preview), `middleware` (limits, logging, headers), `routes` and `app` (the Starlette application),
`openapi` (its description), `command` (the click command).
"""
