"""`askcheck serve` as people run it: the command, two workers, a LanguageTool client library
talking to it, a bounded load test, and what it logs."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from conftest import ROOT  # noqa: E402
from serve_helpers import post_form, request, serve_process  # noqa: E402

import askcheck  # noqa: E402
from askcheck.cli import main  # noqa: E402
from askcheck.fixer import apply_edits  # noqa: E402
from askcheck.serve.command import _is_loopback, serve  # noqa: E402

# Emoji and accented letters before, between and after the flagged words (none inside them: the
# client library moves a match's offset past emoji, not its length; see the README).
DRAFT = ("Hi 👋 Zoë and Renée,\n\nCongrats on the launch 🎉😅\n\nSorry to bother you, but could you review my "
         "café's menu?\n\nThanks so much 🙏\nJosé\n")


def _bench():
    spec = importlib.util.spec_from_file_location("serve_bench", ROOT / "benchmarks" / "serve_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    with serve_process(tmp_path_factory.mktemp("serve"), "--workers", "2") as server:
        yield server


def test_defaults_are_loopback_on_languagetools_port():
    params = serve.make_context("serve", []).params
    assert (params["host"], params["port"], params["workers"]) == ("127.0.0.1", 8081, 1)
    assert params["allow_origins"] == () and params["log_text"] is False
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.0.2.7")


def test_a_model_that_cannot_load_fails_before_listening():
    result = CliRunner().invoke(main, ["serve", "--isolated", "--model", "no_such_model_here", "--port", "1"])
    assert result.exit_code == 2 and "cannot load spaCy model" in result.output


def test_the_command_serves_the_page_and_both_apis(two_workers):
    base = two_workers.base
    assert b"<textarea" in request(base + "/").body
    assert request(base + "/v2/languages").status == 200
    answer = post_form(base + "/v2/check", {"text": DRAFT, "language": "en-US"})
    assert {m["rule"]["id"] for m in answer.json()["matches"]} == {f.code for f in askcheck.check(DRAFT)}
    deadline = time.monotonic() + 60  # /healthz answers once the first worker is up; wait for the second
    while two_workers.log().count("Application startup complete") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    log = two_workers.log()
    assert f"the page at {base}/" in log and "Started parent process" in log
    assert log.count("Application startup complete") == 2  # each worker warmed its own pipeline


def test_a_languagetool_client_library_gets_askchecks_matches_on_the_right_characters(two_workers):
    ltp = pytest.importorskip("language_tool_python")
    tool = ltp.LanguageTool("en-US", remote_server=two_workers.base)
    try:
        matches = tool.check(DRAFT)
    finally:
        tool.close()
    findings = {f.code: f for f in askcheck.check(DRAFT)}
    assert {m.rule_id for m in matches} == set(findings)
    for m in matches:
        finding = findings[m.rule_id]
        flagged = DRAFT[m.offset:m.offset + m.error_length]
        assert m.category == "ASKCHECK"
        if m.replacements:  # the range a fix rewrites; replacing it gives the fixed text
            assert DRAFT[finding.start:finding.end] in flagged
            assert DRAFT[:m.offset] + m.replacements[0] + DRAFT[m.offset + m.error_length:] == \
                apply_edits(DRAFT, finding.fix.edits)
        else:
            assert flagged == DRAFT[finding.start:finding.end]
    apology = next(m for m in matches if m.rule_id == "ASK401")
    assert DRAFT[apology.offset:].startswith("Sorry to bother")


def test_a_bounded_load_of_32_clients_gets_no_errors(two_workers):
    bench = _bench()
    port = int(two_workers.base.rsplit(":", 1)[1])
    stats = bench.load(port, clients=32, seconds=3.0, max_requests=4000, expected=frozenset(bench.expected_rules()))
    print(f"\n32 clients, {stats['seconds']} s: {stats['requests']} requests, {stats['rps']:.0f}/s, "
          f"p50 {stats['p50_ms']:.1f} ms, p99 {stats['p99_ms']:.1f} ms, {stats['errors']} errors")
    assert stats["requests"] >= 32 and stats["errors"] == 0


def test_the_log_names_each_request_but_never_its_text(two_workers):
    post_form(two_workers.base + "/v2/check", {"text": "My very private draft: can you help?", "language": "en"})
    log = two_workers.log()
    assert '"POST /v2/check" 200' in log
    assert "private" not in log


def test_serve_is_a_command_of_the_installed_cli():
    result = subprocess.run([sys.executable, "-c", "from askcheck.cli import main; main()", "serve", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--allow-origin" in result.stdout and "--log-text" in result.stdout
