"""HTTP tests of every endpoint of `askcheck serve`, over a real socket, the app on a thread of this
process (so a test can patch it): the native JSON API, the LanguageTool API, the page, the limits."""
from __future__ import annotations

import http.client
import json
import logging
import re
import time
from urllib.parse import urlsplit

import jsonschema
import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from serve_helpers import post_form, post_json, request, server_thread  # noqa: E402

import askcheck  # noqa: E402
from askcheck.cli import main  # noqa: E402
from askcheck.serve import service as service_module  # noqa: E402
from askcheck.serve.app import create_app  # noqa: E402
from askcheck.serve.openapi import document  # noqa: E402
from askcheck.serve.options import ServeOptions  # noqa: E402

DRAFT = "Hi Sam,\n\nSorry to bother you, but could you review my slides before Friday?\n\nThanks,\nAlex\n"
# Emoji (two UTF-16 units each) and accents (one) before and between the flagged words.
EMOJI_DRAFT = "Hi 👋 Zoë,\n\nI hate to ask 🙏, but could you proofread my café's menu? Zoë 😅\n\nThanks!\n"


@pytest.fixture(scope="module")
def base():
    with server_thread(create_app(ServeOptions())) as url:
        yield url


def validate(payload, schema_name: str) -> None:
    doc = document()
    jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{schema_name}",
                                     "components": doc["components"]}).validate(payload)


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset:2 * (offset + length)].decode("utf-16-le")


# ----------------------------------------------------------------------------------- native API

def test_lint_answers_what_lint_json_show_asks_prints(base):
    answer = post_json(base + "/api/lint", {"text": DRAFT})
    assert answer.status == 200
    cli = CliRunner().invoke(main, ["lint", "--isolated", "--format", "json", "--show-asks", "-"], input=DRAFT)
    assert answer.json() == json.loads(cli.output)[0]
    validate(answer.json(), "LintAnswer")
    assert {f["name"] for f in answer.json()["findings"]} >= {"excessive-apology", "missing-duration"}
    assert answer.json()["asks"][0]["kind"] == "favor"


def test_lint_reads_the_subject_as_context_and_honours_the_rule_selection(base):
    vague = post_json(base + "/api/lint", {"text": "Can you help?"}).json()
    assert [f["name"] for f in vague["findings"]] == ["vague-ask"]
    with_subject = post_json(base + "/api/lint", {"text": "Can you help?", "subject": "Printer on floor 2 jams"})
    assert with_subject.json()["findings"] == []
    only = post_json(base + "/api/lint", {"text": DRAFT, "select": ["ASK4"]}).json()
    assert {f["code"] for f in only["findings"]} == {"ASK401"}
    ignored = post_json(base + "/api/lint", {"text": DRAFT, "ignore": ["excessive-apology"]}).json()
    assert "ASK401" not in {f["code"] for f in ignored["findings"]}
    unknown = post_json(base + "/api/lint", {"text": DRAFT, "select": ["no-such-rule"]})
    assert unknown.status == 400 and "no-such-rule" in unknown.json()["error"]


def test_fix_applies_safe_fixes_and_unsafe_ones_when_asked(base):
    text = "Sorry to bother you, but could you proofread my one-page cover letter by Friday? Thanks!"
    safe = post_json(base + "/api/fix", {"text": text}).json()
    validate(safe, "FixAnswer")
    fixed, remaining = askcheck.fix(text)
    assert (safe["text"], [f["name"] for f in safe["findings"]]) == (fixed, [f.name for f in remaining])
    assert safe["applied"] >= 1 and not safe["text"].startswith("Sorry")
    unsafe = post_json(base + "/api/fix", {"text": text, "unsafe": True}).json()
    assert unsafe["text"] == askcheck.fix(text, unsafe=True)[0] != safe["text"]
    assert post_json(base + "/api/fix", {"text": text, "unsafe": "yes"}).status == 400


def test_rewrite_answers_the_rewrite_and_a_word_diff_of_it(base):
    text = "Sorry to bother you, could you proofread my cover letter?"
    answer = post_json(base + "/api/rewrite", {"text": text}).json()
    validate(answer, "RewriteAnswer")
    assert answer["text"] == askcheck.rewrite(text)
    diff = answer["diff"]
    assert "".join(p["text"] for p in diff if p["op"] != "insert") == text
    assert "".join(p["text"] for p in diff if p["op"] != "delete") == answer["text"]
    assert {"op": "delete", "text": "Sorry to bother you, could"} in diff


def test_rules_health_and_openapi(base):
    rules = request(base + "/api/rules").json()
    from askcheck.registry import load_rules

    assert [r["code"] for r in rules] == sorted(rule.code for rule in load_rules().values())
    assert {"ASK101", "ASK201", "ASK202", "ASK301", "ASK401"} <= {r["code"] for r in rules}
    for rule in rules:
        validate(rule, "Rule")
        assert rule["documentation"].startswith(f"# {rule['name']} ({rule['code']})")
    health = request(base + "/healthz")
    assert health.status == 200 and health.json() == {"status": "ok", "version": askcheck.__version__}
    validate(health.json(), "Health")
    spec = request(base + "/openapi.json").json()
    assert spec["openapi"] == "3.1.0"
    jsonschema.Draft202012Validator.check_schema({"components": spec["components"]})


def test_openapi_describes_every_route_the_app_has():
    app = create_app(ServeOptions())
    served = {(route.path, method.lower()) for route in app.routes for method in route.methods if method != "HEAD"}
    described = {(path, method) for path, item in document()["paths"].items() for method in item}
    assert served - {("/static/page.js", "get"), ("/static/page.css", "get")} == described


@pytest.mark.parametrize("body, problem", [
    (b"not json", "not valid JSON"),
    (b"[1, 2]", "must be a JSON object"),
    (b'{"text": 5}', "'text' is required"),
    (b"{}", "'text' is required"),
    (b'{"text": "hi", "colour": "red"}', "unknown field 'colour'"),
    (b'{"text": "\\ud800 lone"}', "not valid Unicode"),
    (b'{"text": "hi", "select": "ASK1"}', "must be a list"),
    (b"\xff\xfe", "not valid JSON"),
])
def test_malformed_input_is_a_json_400(base, body, problem):
    answer = request(base + "/api/lint", "POST", body, {"Content-Type": "application/json"})
    assert answer.status == 400
    assert answer.headers["content-type"] == "application/json"
    assert problem in answer.json()["error"]
    validate(answer.json(), "Error")


def test_wrong_method_path_and_content_type_are_json_errors(base):
    for answer, status in ((request(base + "/api/lint"), 405), (request(base + "/nowhere"), 404),
                           (request(base + "/api/lint", "POST", b"text=hi", {"Content-Type": "text/plain"}), 415),
                           (request(base + "/v2/check?text=hi&language=en"), 405)):
        assert answer.status == status
        assert answer.json()["status"] == status


# ------------------------------------------------------------------------------- LanguageTool API

def test_languages_are_english_in_the_languagetool_shape(base):
    answer = request(base + "/v2/languages")
    validate(answer.json(), "LanguageToolLanguages")
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in answer.json()


def test_check_answers_the_languagetool_shape_with_utf16_offsets(base):
    answer = post_form(base + "/v2/check", {"text": EMOJI_DRAFT, "language": "en-US"})
    assert answer.status == 200
    body = answer.json()
    validate(body, "LanguageToolCheckAnswer")
    findings = {f.code: f for f in askcheck.check(EMOJI_DRAFT)}
    assert {m["rule"]["id"] for m in body["matches"]} == set(findings)
    for m in body["matches"]:
        finding = findings[m["rule"]["id"]]
        flagged = utf16_slice(EMOJI_DRAFT, m["offset"], m["length"])
        if m["replacements"]:  # widened to the fix's edits: replacing the range applies the fix
            before = EMOJI_DRAFT.encode("utf-16-le")
            after = (before[:2 * m["offset"]] + m["replacements"][0]["value"].encode("utf-16-le")
                     + before[2 * (m["offset"] + m["length"]):]).decode("utf-16-le")
            from askcheck.fixer import apply_edits
            assert after == apply_edits(EMOJI_DRAFT, finding.fix.edits)
            assert EMOJI_DRAFT[finding.start:finding.end] in flagged
        else:
            assert flagged == EMOJI_DRAFT[finding.start:finding.end]
        context = m["context"]
        assert utf16_slice(context["text"], context["offset"], context["length"]) == flagged
        assert finding.message.split(" (")[0] in m["message"]
    apology = next(m for m in body["matches"] if m["rule"]["id"] == "ASK401")  # the cut runs over an emoji
    assert utf16_slice(EMOJI_DRAFT, apology["offset"], apology["length"]) == "I hate to ask 🙏, but c"
    assert apology["replacements"] == [{"value": "C"}]
    ranges = body["sentenceRanges"]
    assert ranges == sorted(ranges) and ranges[-1][1] <= len(EMOJI_DRAFT.encode("utf-16-le")) // 2


def test_only_fixes_that_need_nothing_filled_in_become_replacements(base):
    text = "Could you review my draft, since the board meets soon?"
    body = post_form(base + "/v2/check", {"text": text, "language": "en"}).json()
    by_rule = {m["rule"]["id"]: m for m in body["matches"]}
    assert set(by_rule) == {"ASK201", "ASK202", "ASK301"}
    assert by_rule["ASK201"]["replacements"] == [] and by_rule["ASK202"]["replacements"] == []
    assert "[how long]" in by_rule["ASK201"]["message"]  # the template is in the words, not a replacement
    assert by_rule["ASK301"]["replacements"][0]["value"].endswith("If you can't, no problem - just let me know.")
    for m in body["matches"]:
        assert not any(re.search(r"\[(when|how long|how much|what)\]", r["value"]) for r in m["replacements"])


def test_annotated_data_answers_offsets_into_the_markup(base):
    annotation = [{"markup": "<p>"}, {"text": "Sorry to bother you, but could you "}, {"markup": "<b>"},
                  {"text": "review my slides"}, {"markup": "</b>"}, {"text": "?"},
                  {"markup": "</p><p>", "interpretAs": "\n\n"}, {"text": "Thanks 🙏"}, {"markup": "</p>"}]
    original = "".join(part.get("text", part.get("markup")) for part in annotation)
    body = post_form(base + "/v2/check", {"data": json.dumps({"annotation": annotation}), "language": "auto"}).json()
    validate(body, "LanguageToolCheckAnswer")
    apology = next(m for m in body["matches"] if m["rule"]["id"] == "ASK401")
    assert utf16_slice(original, apology["offset"], apology["length"]) == "Sorry to bother you, but c"
    assert apology["replacements"] == [{"value": "C"}]
    ask = next(m for m in body["matches"] if m["rule"]["id"] == "ASK201")
    assert utf16_slice(original, ask["offset"], ask["length"]) == "Sorry to bother you, but could you <b>review my slides</b>?"
    assert all(not m["replacements"] or "<" not in utf16_slice(original, m["offset"], m["length"])
               for m in body["matches"])  # a replacement never deletes markup


def test_rule_fields_select_what_is_checked(base):
    def ids(**fields):
        answer = post_form(base + "/v2/check", {"text": DRAFT, "language": "en-US", **fields})
        assert answer.status == 200, answer.body
        return {m["rule"]["id"] for m in answer.json()["matches"]}

    everything = ids()
    assert {"ASK401", "ASK201", "ASK301"} <= everything
    assert ids(disabledRules="ASK401,WHITESPACE_RULE") == everything - {"ASK401"}
    assert ids(enabledRules="no-opt-out", enabledOnly="true") == {"ASK301"}
    assert ids(enabledRules="UPPERCASE_SENTENCE_START", enabledOnly="true") == set()
    assert ids(enabledCategories="ASKCHECK", enabledOnly="true") == everything
    assert ids(disabledCategories="ASKCHECK") == set()
    assert ids(level="picky") == everything  # no rule of severity info: picky adds nothing yet
    assert ids(mode="allButTextLevelOnly") == set()  # every askcheck rule reads the whole text
    assert ids(motherTongue="de-DE", textSessionId="1234", useragent="addon") == everything


@pytest.mark.parametrize("fields, problem", [
    ({"language": "en-US"}, "missing 'text' or 'data'"),
    ({"text": "Can you help?"}, "missing 'language'"),
    ({"text": "Can you help?", "language": "de-DE"}, "English only"),
    ({"text": "x", "data": "{}", "language": "en"}, "either 'text' or 'data'"),
    ({"data": "{not json", "language": "en"}, "not valid JSON"),
    ({"data": '{"annotation": [{"bold": "x"}]}', "language": "en"}, "data.annotation[0]"),
    ({"text": "Can you help?", "language": "en", "enabledOnly": "maybe"}, "enabledOnly"),
    ({"text": "Can you help?", "language": "en", "enabledOnly": "true"}, "needs enabledRules"),
    ({"text": "Can you help?", "language": "en", "level": "strict"}, "level"),
])
def test_check_rejects_malformed_requests_with_a_json_400(base, fields, problem):
    answer = post_form(base + "/v2/check", fields)
    assert answer.status == 400
    assert problem in answer.json()["error"]


def test_check_rejects_a_form_that_is_not_utf8_or_not_urlencoded(base):
    bad = request(base + "/v2/check", "POST", b"language=en&text=caf%E9", {"Content-Type": "application/x-www-form-urlencoded"})
    assert bad.status == 400 and "UTF-8" in bad.json()["error"]
    multipart = request(base + "/v2/check", "POST", b"--x\r\n", {"Content-Type": "multipart/form-data; boundary=x"})
    assert multipart.status == 415


# --------------------------------------------------------------------------------------- the page

def test_page_is_self_contained_and_locked_down(base):
    page = request(base + "/")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
    html = page.body.decode()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing from another host
    assert '<meta name="viewport"' in html
    for path, kind in (("/static/page.js", "text/javascript"), ("/static/page.css", "text/css")):
        asset = request(base + path)
        assert asset.status == 200 and asset.headers["content-type"].startswith(kind)
        assert not re.search(rb"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", asset.body)
        assert b"@import" not in asset.body and b"url(" not in asset.body


# ------------------------------------------------------------------------------ safe by default

def test_a_body_over_the_limit_is_refused_with_413():
    with server_thread(create_app(ServeOptions(max_body=1000))) as url:
        big = json.dumps({"text": "Could you help me move? " * 100}).encode()
        declared = request(url + "/api/lint", "POST", big, {"Content-Type": "application/json"})
        assert declared.status == 413 and "limit" in declared.json()["error"]
        # Streamed in chunks, with no Content-Length: refused once past the limit.
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
        try:
            connection.request("POST", "/api/lint", body=iter([big[:600], big[600:]]),
                               headers={"Content-Type": "application/json"}, encode_chunked=True)
            response = connection.getresponse()
            assert response.status == 413 and json.loads(response.read())["status"] == 413
        finally:
            connection.close()
        small = post_json(url + "/api/lint", {"text": "Could you help me move?"})
        assert small.status == 200


def test_a_request_over_the_time_limit_is_answered_503(monkeypatch):
    slow = service_module.rewrite

    def slower(linter, text):
        time.sleep(1.0)
        return slow(linter, text)

    monkeypatch.setattr(service_module, "rewrite", slower)
    with server_thread(create_app(ServeOptions(timeout=0.3))) as url:
        answer = post_json(url + "/api/rewrite", {"text": "Could you help me move?"})
        assert answer.status == 503 and "time limit" in answer.json()["error"]
        # The abandoned work still holds the lint thread until it ends (it is bounded by the body
        # limit); then the server answers as before.
        time.sleep(1.0)
        assert post_json(url + "/api/lint", {"text": "Could you help me move?"}).status == 200


def test_an_internal_error_is_a_json_500_whose_log_does_not_quote_the_text(monkeypatch, caplog):
    def broken(linter, text, subject=None):
        raise ValueError(f"cannot lint {text!r}")

    monkeypatch.setattr(service_module, "lint", broken)
    with caplog.at_level(logging.INFO, logger="askcheck.serve"):
        with server_thread(create_app(ServeOptions())) as url:
            answer = post_json(url + "/api/lint", {"text": "my secret draft"})
    assert answer.status == 500 and answer.json() == {"error": "internal error", "status": 500}
    assert "ValueError" in caplog.text and "secret" not in caplog.text


def test_text_is_logged_only_with_log_text(caplog):
    for log_text in (False, True):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="askcheck.serve"):
            with server_thread(create_app(ServeOptions(log_text=log_text))) as url:
                post_json(url + "/api/lint", {"text": "my secret draft"})
                post_form(url + "/v2/check", {"text": "another secret", "language": "en"})
        assert '"POST /api/lint" 200' in caplog.text and '"POST /v2/check" 200' in caplog.text
        assert ("secret" in caplog.text) is log_text


def test_no_cors_unless_an_origin_is_allowed():
    origin = {"Origin": "https://mail.example.org"}
    with server_thread(create_app(ServeOptions())) as url:
        answer = request(url + "/healthz", headers=origin)
        assert "access-control-allow-origin" not in answer.headers
    with server_thread(create_app(ServeOptions(allow_origins=("https://mail.example.org",)))) as url:
        answer = request(url + "/healthz", headers=origin)
        assert answer.headers["access-control-allow-origin"] == "https://mail.example.org"
        other = request(url + "/healthz", headers={"Origin": "https://evil.example.com"})
        assert "access-control-allow-origin" not in other.headers


def test_new_words_do_not_stay_in_the_vocabulary(base):
    from askcheck.pipeline import load_pipeline

    strings = load_pipeline(None).vocab.strings
    post_json(base + "/api/lint", {"text": "Could you review zqxwordzero for me?"})
    before = len(strings)
    for n in range(40):
        answer = post_json(base + "/api/lint", {"text": f"Could you review zqxword{n}a and zqxword{n}b by Friday?"})
        assert answer.status == 200 and answer.json()["findings"]
    assert len(strings) == before  # each request's words were freed with its memory zone
    assert "zqxword7a" not in strings
