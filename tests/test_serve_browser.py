"""The compose page in a real browser: headless Chromium (Debian's package) driven by Playwright.

Type a draft, see the findings highlighted under their words, apply a fix from the keyboard, see the
text change; the page at a phone's width; and screenshots read pixel by pixel to check the page
really renders its highlights. Set ASKCHECK_SCREENSHOTS=DIR to keep the PNGs.
"""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

from serve_helpers import serve_process  # noqa: E402

import askcheck  # noqa: E402
from askcheck.fixer import apply_edits  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("no Chromium here (Debian: apt-get install chromium); .ci/run installs it", allow_module_level=True)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000
# An emoji before the flagged words: the page must count UTF-16 units as the browser does.
DRAFT = "Hi Sam 👋,\n\nSorry to bother you, but could you review my résumé before Friday?\n\nThanks,\nAlex"
WARNING_ON_WHITE = (255, 225, 140)  # rgba(255, 190, 0, 0.45) over white, as page.css paints a warning
ACTIVE_ON_WHITE = (203, 215, 245)  # rgba(47, 98, 214, 0.25) over white: the words of the finding in focus


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """(width, height, RGB pixels row by row) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    step = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, [tuple(row[x * step:x * step + 3]) for row in rows for x in range(width)]


def near(color, target, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color, target))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_process(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1000, "height": 900}, timeout=TIMEOUT_MS)
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


def open_page(browser, server, width=1000, height=900):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": height})
    elsewhere = []

    def only_this_server(route):
        if route.request.url.startswith(server.base + "/"):
            route.continue_()
        else:  # the page must work offline: nothing may come from another host
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.goto(server.base + "/")
    return page, elsewhere


def keep(name: str, png: bytes) -> None:
    folder = os.environ.get("ASKCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        Path(folder, name).write_bytes(png)


def test_type_a_draft_see_the_highlights_apply_a_fix_from_the_keyboard(browser, server):
    page, elsewhere = open_page(browser, server)
    draft = page.locator("#draft")
    draft.click()
    draft.press_sequentially(DRAFT, delay=2)  # typed, key by key: the page lints once the typing pauses

    # The findings are marked under their words: the apology exactly, the ask underlined.
    page.wait_for_selector("#findings li.finding")
    apology_mark = page.locator("#backdrop mark.finding", has_text="Sorry to bother").first
    apology_mark.wait_for()
    findings = {f.code: f for f in askcheck.check(DRAFT)}
    marked = page.eval_on_selector_all("#backdrop mark.finding", "marks => marks.map(m => m.textContent)")
    assert DRAFT[findings["ASK401"].start:findings["ASK401"].end] in marked
    assert page.locator("#backdrop mark.ask").count() >= 1
    assert page.eval_on_selector("#backdrop", "b => b.textContent") == DRAFT + "\n"
    # The backdrop lies exactly under the textarea, so each mark sits under its words.
    boxes = page.evaluate("""() => [document.getElementById('draft'), document.getElementById('backdrop')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })""")
    assert boxes[0] == boxes[1]
    assert "finding" in page.inner_text("#status")
    assert page.locator("#asks li.ask").count() == 1
    assert page.locator("#rewrite ins").count() >= 1 and page.locator("#rewrite del").count() >= 1

    # Every finding is listed with its message and suggestion; Apply only for a fix that needs no words.
    items = page.locator("#findings li.finding")
    assert items.count() == len(findings)
    for i in range(items.count()):
        code = items.nth(i).locator(".code").inner_text()
        has_apply = items.nth(i).locator("button.apply").count() == 1
        fix = findings[code].fix
        assert has_apply == (fix is not None and fix.applicability.value != "display-only")
        assert "Suggestion:" in items.nth(i).inner_text()

    screenshot = page.screenshot(full_page=True)
    keep("page-desktop.png", screenshot)
    box = apology_mark.bounding_box()
    width, _, pixels = png_pixels(screenshot)
    under = [pixels[y * width + x] for y in range(int(box["y"]) + 2, int(box["y"] + box["height"]) - 2)
             for x in range(int(box["x"]) + 2, int(box["x"] + box["width"]) - 2)]
    assert sum(near(p, WARNING_ON_WHITE) for p in under) > len(under) * 0.4  # painted, behind the text
    assert sum(p[0] < 80 and p[1] < 80 and p[2] < 80 for p in under) > 0  # and the text is on top
    assert len(set(pixels[::97])) > 20  # a page, not a blank

    # Pointing at a finding in the list lights up its own words in the draft, and only those.
    page.locator("#findings li.finding", has_text="ASK401").hover()
    page.wait_for_selector("#backdrop mark.active")
    lit = page.screenshot(full_page=True)
    keep("page-finding-in-focus.png", lit)
    width, _, pixels = png_pixels(lit)

    def share(mark_box, color):
        inside = [pixels[y * width + x] for y in range(int(mark_box["y"]) + 2, int(mark_box["y"] + mark_box["height"]) - 2)
                  for x in range(int(mark_box["x"]) + 2, int(mark_box["x"] + mark_box["width"]) - 2)]
        return sum(near(p, color) for p in inside) / len(inside)

    rest_of_ask = page.locator("#backdrop mark.finding", has_text="review").first.bounding_box()
    assert share(box, ACTIVE_ON_WHITE) > 0.4 and share(rest_of_ask, ACTIVE_ON_WHITE) == 0
    assert share(rest_of_ask, WARNING_ON_WHITE) > 0.4

    # Apply the apology's fix with the keyboard only: Tab from the draft to its button, Enter.
    draft.focus()
    apology_button = page.locator("#findings li.finding", has_text="ASK401").locator("button.apply")
    for _ in range(40):
        page.keyboard.press("Tab")
        if apology_button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Apply button")
    page.keyboard.press("Enter")
    expected = apply_edits(DRAFT, findings["ASK401"].fix.edits)
    page.wait_for_function("expected => document.getElementById('draft').value === expected", arg=expected)
    assert "Sorry" not in draft.input_value()
    page.wait_for_function("() => !document.getElementById('findings').classList.contains('stale')")
    page.locator("#findings li.finding", has_text="ASK401").wait_for(state="detached")
    keep("page-after-fix.png", page.screenshot(full_page=True))
    assert elsewhere == []
    page.close()


def test_the_page_fits_a_phone(browser, server):
    page, elsewhere = open_page(browser, server, width=375, height=740)
    page.locator("#draft").fill("Sorry to bother you, but could you help me move on Saturday? 🙏")
    page.wait_for_selector("#backdrop mark.finding")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    apply = page.locator("button.apply").first
    assert apply.bounding_box()["width"] > 300  # full-width buttons, easy to tap
    screenshot = page.screenshot(full_page=True)
    keep("page-phone.png", screenshot)
    width, height, pixels = png_pixels(screenshot)
    assert width == 375 and height >= 740
    assert any(near(p, WARNING_ON_WHITE) for p in pixels)
    assert elsewhere == []
    page.close()
