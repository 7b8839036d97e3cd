// askcheck's compose page: lint the draft as the writer types (debounced), mark the findings and
// the asks under the words, list each finding with its suggestion and, for a fix that needs nothing
// filled in, an Apply button; preview the whole rewrite as a word diff.
//
// The server counts offsets in characters (code points); JavaScript strings count UTF-16 code
// units, so every offset goes through utf16Offsets() before it touches the text.
"use strict";
(() => {
  const DEBOUNCE_MS = 250;
  const draft = document.getElementById("draft");
  const backdrop = document.getElementById("backdrop");
  const findingsList = document.getElementById("findings");
  const asksList = document.getElementById("asks");
  const rewriteBox = document.getElementById("rewrite");
  const statusLine = document.getElementById("status");

  let linted = null; // {text, findings, asks}: the last answer, for the text it was about
  let timer = null;
  let sequence = 0; // answers to older drafts are dropped

  function utf16Offsets(text) {
    const offsets = [];
    let unit = 0;
    for (const ch of text) { offsets.push(unit); unit += ch.length; }
    offsets.push(unit);
    return offsets;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function say(message) { statusLine.textContent = message; }

  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  function fitHeight() {
    draft.style.height = "auto";
    draft.style.height = `${draft.scrollHeight + 2}px`;
  }

  function markStale() {
    findingsList.classList.add("stale");
    for (const button of findingsList.querySelectorAll("button.apply")) button.disabled = true;
  }

  function schedule() {
    fitHeight();
    renderBackdrop({text: draft.value, findings: [], asks: []});
    markStale();
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    clearTimeout(timer);
    const text = draft.value;
    const mine = ++sequence;
    if (!text.trim()) {
      render({text, findings: [], asks: []}, {text, diff: []});
      say("Type or paste a draft.");
      return;
    }
    say("Checking…");
    try {
      const [lint, rewrite] = await Promise.all([post("/api/lint", {text}), post("/api/rewrite", {text})]);
      if (mine !== sequence || draft.value !== text) return;
      render({text, findings: lint.findings, asks: lint.asks}, rewrite);
      const found = lint.findings.length;
      say(found ? `${plural(found, "finding")}, ${plural(lint.asks.length, "ask")} detected.`
                : `No findings. ${plural(lint.asks.length, "ask")} detected.`);
    } catch (error) {
      if (mine === sequence) say(`Could not check the draft: ${error.message}`);
    }
  }

  // ------------------------------------------------------------------------------- the marks

  const SEVERITY_RANK = {error: 3, warning: 2, info: 1};

  function renderBackdrop(state) {
    const text = state.text;
    const offsets = utf16Offsets(text);
    const spans = [];
    state.findings.forEach((f, i) => spans.push(
      {start: offsets[f.span.start], end: offsets[f.span.end], finding: i, severity: f.severity}));
    state.asks.forEach((a) => spans.push({start: offsets[a.span.start], end: offsets[a.span.end], ask: true}));
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const from = points[k], to = points[k + 1];
      const over = spans.filter((s) => s.start <= from && to <= s.end && s.start < s.end);
      const piece = text.slice(from, to);
      if (!over.length) { pieces.push(document.createTextNode(piece)); continue; }
      const mark = document.createElement("mark");
      const findings = over.filter((s) => s.finding !== undefined);
      if (findings.length) {
        const worst = findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
        mark.classList.add("finding", `sev-${worst.severity}`);
        mark.dataset.findings = findings.map((s) => s.finding).join(" ");
      }
      if (over.some((s) => s.ask)) mark.classList.add("ask");
      mark.textContent = piece;
      pieces.push(mark);
    }
    // A final newline keeps the backdrop as tall as the textarea when the text ends with one.
    pieces.push(document.createTextNode("\n"));
    backdrop.replaceChildren(...pieces);
  }

  function setActive(index, on) {
    for (const mark of backdrop.querySelectorAll("mark.finding")) {
      if (mark.dataset.findings.split(" ").includes(String(index))) mark.classList.toggle("active", on);
    }
  }

  // ------------------------------------------------------------------------------ the lists

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sentence(text) {
    text = text.trim();
    if (!text) return text;
    text = text[0].toUpperCase() + text.slice(1);
    return /[.!?]$/.test(text) ? text : `${text}.`;
  }

  function renderFindings(state) {
    const items = state.findings.map((f, i) => {
      const item = element("li", `finding sev-${f.severity}`);
      item.dataset.index = String(i);
      const locate = element("button", "locate");
      locate.type = "button";
      locate.append(element("span", "code", f.code), ` ${f.name} (${f.severity})`);
      locate.setAttribute("aria-label", `${f.code} ${f.name}, ${f.severity}: select the words in the draft`);
      locate.addEventListener("click", () => select(f));
      item.append(locate, element("p", "message", sentence(f.message)),
                  element("p", "suggestion", `Suggestion: ${sentence(f.suggestion)}`));
      const fix = f.fix;
      if (fix && fix.applicability !== "display-only") {
        const unsafe = fix.applicability === "unsafe";
        const apply = element("button", unsafe ? "apply unsafe" : "apply",
                              unsafe ? `Apply: ${fix.title} (changes what it says)` : `Apply: ${fix.title}`);
        apply.type = "button";
        apply.addEventListener("click", () => applyFix(f));
        item.append(apply);
      } else if (fix) {
        item.append(element("p", "suggestion", `Template to complete: ${fix.title}`));
      }
      item.addEventListener("mouseenter", () => setActive(i, true));
      item.addEventListener("mouseleave", () => setActive(i, false));
      item.addEventListener("focusin", () => setActive(i, true));
      item.addEventListener("focusout", () => setActive(i, false));
      return item;
    });
    findingsList.replaceChildren(...items);
    findingsList.classList.remove("stale");
  }

  function describeAsk(ask) {
    const audience = ask.audience === "crowd" ? "asked of anyone" : "asked of the reader";
    const cost = ask.cost === "substantial" ? `takes real time${ask.effort ? ` (${ask.effort.text})` : ""}` : "quick";
    const states = Object.entries(ask.states)
      .map(([key, value]) => `${key}: ${value ? `“${value.text}”` : "not stated"}`).join(", ");
    return `${ask.kind}, ${audience}, ${cost}; what is wanted: ${ask.what}; ${states}`;
  }

  function renderAsks(state) {
    const items = state.asks.map((ask) => {
      const item = element("li", "ask");
      item.append(element("p", "ask-text", `“${ask.text.trim()}”`), element("p", "suggestion", describeAsk(ask)));
      return item;
    });
    if (!items.length) items.push(element("li", "none", "No ask detected."));
    asksList.replaceChildren(...items);
  }

  function renderRewrite(rewrite) {
    const parts = rewrite.diff.map((part) => {
      if (part.op === "insert") return element("ins", "", part.text);
      if (part.op === "delete") return element("del", "", part.text);
      return document.createTextNode(part.text);
    });
    rewriteBox.replaceChildren(...parts);
  }

  function render(state, rewrite) {
    linted = state;
    renderBackdrop(state);
    renderFindings(state);
    renderAsks(state);
    renderRewrite(rewrite);
  }

  // ------------------------------------------------------------------------------- actions

  function select(finding) {
    if (!linted || draft.value !== linted.text) return;
    const offsets = utf16Offsets(linted.text);
    draft.focus();
    draft.setSelectionRange(offsets[finding.span.start], offsets[finding.span.end]);
  }

  function applyFix(finding) {
    if (!linted || draft.value !== linted.text) return; // the draft changed: its fixes are being recomputed
    const offsets = utf16Offsets(linted.text);
    // From the last edit to the first, so each edit's offsets still hold when it is applied.
    const edits = [...finding.fix.edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let text = linted.text;
    for (const edit of edits) {
      text = text.slice(0, offsets[edit.start]) + edit.content + text.slice(offsets[edit.end]);
    }
    draft.value = text;
    fitHeight();
    draft.focus();
    const first = edits[edits.length - 1];
    const caret = offsets[first.start] + first.content.length;
    draft.setSelectionRange(caret, caret);
    markStale();
    say(`Applied: ${finding.fix.title}. Checking again…`);
    check();
  }

  draft.addEventListener("input", schedule);
  fitHeight();
  window.addEventListener("resize", fitHeight);
  if (draft.value) check();
})();
