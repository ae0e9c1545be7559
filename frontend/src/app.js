// The browser side of Rehearse: the challenge workspace (CodeMirror 6
// editor with a draft per challenge and language, Run and Submit with
// keyboard shortcuts) and live grading results (server-sent events, with
// polling as the fallback). Pages work without it: forms post normally and
// results render on the server.

import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Compartment, EditorState } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { cpp } from "@codemirror/lang-cpp";
import { rust } from "@codemirror/lang-rust";
import { sql } from "@codemirror/lang-sql";

const LANGUAGE_MODES = {
  python: () => python(),
  javascript: () => javascript(),
  cpp: () => cpp(),
  c: () => cpp(),
  rust: () => rust(),
  sql: () => sql(),
};

const VERDICT_NAMES = {
  accepted: "Accepted",
  wrong_answer: "Wrong Answer",
  time_limit_exceeded: "Time Limit Exceeded",
  memory_limit_exceeded: "Memory Limit Exceeded",
  output_limit_exceeded: "Output Limit Exceeded",
  runtime_error: "Runtime Error",
  compile_error: "Compile Error",
  internal_error: "Internal Error",
};

// ---------------------------------------------------------------- helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function verdictBadge(verdict) {
  const name = VERDICT_NAMES[verdict] || verdict || "Pending";
  return el("span", { class: `verdict verdict-${verdict || "pending"}` }, name);
}

function number(n) {
  return typeof n === "number" ? n.toLocaleString("en-GB") : "—";
}

// Instruction counts run to billions; the headline shows three figures and
// keeps the exact count in the tooltip.
function compact(n) {
  if (typeof n !== "number" || n < 1e6) return number(n);
  return n < 1e9 ? `${(n / 1e6).toFixed(1)} million` : `${(n / 1e9).toFixed(2)} billion`;
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

async function postJson(url, body, headers) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: Object.assign(
      { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
      headers || {},
    ),
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = (data.error && data.error.message) || `the server answered ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    error.retryAfter = response.headers.get("Retry-After");
    throw error;
  }
  return data;
}

// ---------------------------------------------------------------- results

function preBlock(label, text) {
  if (text === null || text === undefined) return null;
  return el("div", { class: "io" }, el("div", { class: "io-label" }, label), el("pre", {}, text));
}

function sqlTable(columns, rows, caption) {
  const table = el("table", { class: "data-table" });
  if (caption) table.append(el("caption", {}, caption));
  table.append(el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col" }, c)))));
  table.append(
    el(
      "tbody",
      {},
      rows.map((row) =>
        el("tr", {}, row.map((cell) => el("td", {}, cell === null ? "NULL" : typeof cell === "object" ? JSON.stringify(cell) : String(cell)))),
      ),
    ),
  );
  return table;
}

function testDetails(test) {
  const parts = [];
  if (test.message) parts.push(el("pre", { class: "message" }, test.message));
  parts.push(preBlock("Input", test.input));
  parts.push(preBlock("Expected", test.expected));
  parts.push(preBlock("Your output", test.actual));
  parts.push(preBlock("Printed", test.printed));
  if (test.diff) {
    const d = test.diff;
    if (d.missing.length) parts.push(sqlTable(d.expected_columns, d.missing, "Missing rows (expected, not returned)"));
    if (d.unexpected.length) parts.push(sqlTable(d.actual_columns, d.unexpected, "Unexpected rows (returned, not expected)"));
    if (d.out_of_order_at !== null && d.out_of_order_at !== undefined) {
      parts.push(el("p", {}, `The rows are right but out of order from row ${d.out_of_order_at + 1}.`));
    }
  }
  return parts;
}

function renderDesign(feedback) {
  const list = el("ul", { class: "rubric" });
  for (const c of feedback.criteria) {
    const full = c.earned >= c.weight;
    const mark = full ? "✓" : c.earned > 0 ? "½" : "✗";
    list.append(
      el(
        "li",
        { class: full ? "rubric-met" : c.earned > 0 ? "rubric-half" : "rubric-missed" },
        el("span", { class: "rubric-mark", "aria-hidden": "true" }, mark),
        el("strong", {}, `${c.label} `),
        el("span", { class: "muted" }, `${c.earned}/${c.weight}`),
        el("div", {}, c.explanation),
        c.evidence ? el("blockquote", {}, c.evidence) : null,
      ),
    );
  }
  for (const p of feedback.penalties) {
    list.append(
      el("li", { class: "rubric-penalty" }, el("strong", {}, `−${p.weight} ${p.label}`), el("div", {}, p.why), el("blockquote", {}, p.evidence)),
    );
  }
  return el(
    "div",
    {},
    el("p", { class: "muted" }, `${feedback.words} words (about ${feedback.expected_words} expected); length factor ${feedback.length_factor.toFixed(2)}.`),
    list,
  );
}

function renderSummary(view) {
  const report = view.report;
  const box = el("div", { class: "result-summary" });
  const headline = el("div", { class: "result-headline" }, verdictBadge(view.verdict));
  if (view.mode === "submit" && view.points !== null && view.points !== undefined) {
    headline.append(el("span", { class: "points" }, `${view.points} / ${view.max_points} points`));
  }
  if (view.score !== null && view.score !== undefined) {
    headline.append(el("span", { class: "muted" }, ` · ${(view.score * 100).toFixed(0)} %`));
  }
  if (view.fuel) {
    headline.append(el("span", { class: "muted", title: `${number(view.fuel)} instructions` }, ` · cost ${compact(view.fuel)} instructions`));
  }
  box.append(headline);
  if (typeof view.cheaper_than === "number") {
    box.append(el("p", { class: "cheaper" }, `Cheaper than ${Math.round(view.cheaper_than * 100)} % of other accepted ${view.answer.language || ""} solutions.`));
  }
  if (view.review) {
    box.append(el("div", { class: "alert alert-info" }, `Reviewed: ${(view.review.score * 100).toFixed(0)} %. ${view.review.comment}`));
  }
  if (view.error) box.append(el("div", { class: "alert alert-error" }, view.error));
  if (report && report.compile_output) box.append(preBlock("Compiler output", report.compile_output));
  if (report && report.tests && report.tests.length) {
    const table = el("table", { class: "tests-table" });
    table.append(el("thead", {}, el("tr", {}, ["#", "Test", "Verdict", "Time", "Cost"].map((h) => el("th", { scope: "col" }, h)))));
    const body = el("tbody");
    report.tests.forEach((t, i) => {
      body.append(
        el(
          "tr",
          {},
          el("td", {}, i + 1),
          el("td", {}, t.sample ? t.name : `${t.name} (hidden)`),
          el("td", {}, verdictBadge(t.verdict)),
          el("td", {}, `${t.time_ms.toFixed(1)} ms`),
          el("td", {}, number(t.fuel)),
        ),
      );
      const details = testDetails(t).filter(Boolean);
      if (details.length && (t.verdict !== "accepted" || t.printed)) {
        body.append(el("tr", { class: "test-details" }, el("td", { colspan: 5 }, details)));
      }
    });
    table.append(body);
    box.append(table);
  }
  if (report && report.design) box.append(renderDesign(report.design));
  box.append(el("p", {}, el("a", { href: `/submissions/${view.id}` }, "Open this result on its own page")));
  return box;
}

/// Follows a submission's grading into `panel`: live rows as tests finish,
/// then the full summary.
function follow(id, panel, onDone) {
  panel.replaceChildren(el("p", { class: "status" }, "Queued…"));
  const live = el("ol", { class: "live-tests" });
  panel.append(live);
  const seen = new Set();
  const progress = (p) => {
    if (seen.has(p.done)) return;
    seen.add(p.done);
    panel.querySelector(".status").textContent = p.total ? `Test ${p.done} of ${p.total}` : `Test ${p.done}`;
    live.append(el("li", {}, `${p.name}: `, verdictBadge(p.verdict)));
  };
  const finish = (view) => {
    panel.replaceChildren(renderSummary(view));
    if (onDone) onDone(view);
  };
  const poll = async () => {
    for (;;) {
      const response = await fetch(`/api/v1/submissions/${id}`, { credentials: "same-origin" });
      const data = await response.json();
      const view = data.submission;
      (view.progress || []).forEach((p, k) => progress({ done: k + 1, total: view.tests_total, name: p.name, verdict: p.verdict }));
      if (view.status === "done" || view.status === "failed") return finish(view);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  if (!window.EventSource) return poll();
  const source = new EventSource(`/api/v1/submissions/${id}/events`);
  let done = false;
  source.addEventListener("progress", (e) => progress(JSON.parse(e.data)));
  source.addEventListener("done", (e) => {
    done = true;
    source.close();
    finish(JSON.parse(e.data).submission);
  });
  source.addEventListener("timeout", () => {
    source.close();
    poll();
  });
  source.onerror = () => {
    if (done) return;
    source.close();
    poll();
  };
}

// ---------------------------------------------------------------- workspace

function draftKey(slug, language) {
  return `rehearse:draft:${slug}:${language}`;
}

function codeWorkspace(root) {
  const slug = root.dataset.slug;
  const kind = root.dataset.kind;
  const starters = JSON.parse(document.getElementById("starters").textContent || "{}");
  const select = root.querySelector("#language");
  const fallback = root.querySelector("#source");
  const panel = document.getElementById("results");
  const customInput = root.querySelector("#custom-input");
  // The language last used on this challenge comes back with its draft.
  const remembered = localStorage.getItem(`rehearse:language:${slug}`);
  if (select && remembered && Array.from(select.options).some((o) => o.value === remembered)) {
    select.value = remembered;
  }
  let language = kind === "sql" ? "sql" : select.value;
  const mode = new Compartment();
  const initial = localStorage.getItem(draftKey(slug, language)) || fallback.value || starters[language] || "";

  let saveTimer = null;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => localStorage.setItem(draftKey(slug, language), view.state.doc.toString()), 300);
  };
  const shortcuts = keymap.of([
    { key: "Mod-Enter", run: () => (send("run"), true) },
    { key: "Mod-Shift-Enter", run: () => (send("submit"), true) },
    indentWithTab,
  ]);
  const view = new EditorView({
    parent: root.querySelector("#editor"),
    state: EditorState.create({
      doc: initial,
      extensions: [
        basicSetup,
        shortcuts,
        mode.of(LANGUAGE_MODES[language] ? LANGUAGE_MODES[language]() : []),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) save();
        }),
        EditorView.contentAttributes.of({ "aria-label": "Your solution" }),
      ],
    }),
  });
  fallback.hidden = true;
  root.classList.add("has-editor");

  if (select) {
    select.addEventListener("change", () => {
      localStorage.setItem(draftKey(slug, language), view.state.doc.toString());
      language = select.value;
      localStorage.setItem(`rehearse:language:${slug}`, language);
      const text = localStorage.getItem(draftKey(slug, language)) || starters[language] || "";
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        effects: mode.reconfigure(LANGUAGE_MODES[language] ? LANGUAGE_MODES[language]() : []),
      });
    });
  }
  const reset = root.querySelector("#reset-starter");
  if (reset) {
    reset.addEventListener("click", () => {
      if (!confirm("Replace your code with the starter code?")) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: starters[language] || "" } });
    });
  }

  const buttons = root.querySelectorAll("button[data-action]");
  let busy = false;
  async function send(action) {
    if (busy) return;
    if (root.dataset.loggedIn !== "true") {
      window.location.href = `/login?next=/challenges/${slug}`;
      return;
    }
    busy = true;
    buttons.forEach((b) => (b.disabled = true));
    const body = kind === "sql" ? { source: view.state.doc.toString() } : { language, source: view.state.doc.toString() };
    if (action === "run" && customInput && customInput.value.trim()) {
      try {
        body.input = root.dataset.mode === "stdio" ? customInput.value : JSON.parse(customInput.value);
      } catch (e) {
        panel.replaceChildren(el("div", { class: "alert alert-error" }, `The custom input is not valid JSON: ${e.message}`));
        busy = false;
        buttons.forEach((b) => (b.disabled = false));
        return;
      }
    }
    const path = action === "run" ? "runs" : "submissions";
    try {
      // One key per click: a double-click (or a retried request) is one submission.
      const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      const accepted = await postJson(`/api/v1/challenges/${slug}/${path}`, body, { "Idempotency-Key": key });
      follow(accepted.id, panel, () => {
        busy = false;
        buttons.forEach((b) => (b.disabled = false));
      });
    } catch (e) {
      const wait = e.retryAfter ? ` Try again in ${e.retryAfter} s.` : "";
      panel.replaceChildren(el("div", { class: "alert alert-error", role: "alert" }, e.message + wait));
      busy = false;
      buttons.forEach((b) => (b.disabled = false));
    }
  }
  buttons.forEach((button) => button.addEventListener("click", (event) => {
    event.preventDefault();
    send(button.dataset.action);
  }));
  window.rehearseEditor = view;
}

function designWorkspace(root) {
  const slug = root.dataset.slug;
  const form = root.querySelector("form");
  const panel = document.getElementById("results");
  const fields = Array.from(form.querySelectorAll("textarea[data-section]"));
  for (const field of fields) {
    const key = draftKey(slug, field.dataset.section);
    if (!field.value) field.value = localStorage.getItem(key) || "";
    field.addEventListener("input", () => localStorage.setItem(key, field.value));
  }
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (root.dataset.loggedIn !== "true") {
      window.location.href = `/login?next=/challenges/${slug}`;
      return;
    }
    const sections = {};
    for (const field of fields) if (field.value.trim()) sections[field.dataset.section] = field.value;
    button.disabled = true;
    try {
      const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
      const accepted = await postJson(`/api/v1/challenges/${slug}/submissions`, { sections }, { "Idempotency-Key": key });
      follow(accepted.id, panel, () => (button.disabled = false));
    } catch (e) {
      panel.replaceChildren(el("div", { class: "alert alert-error", role: "alert" }, e.message));
      button.disabled = false;
    }
  });
}

function submissionPage(root) {
  if (root.dataset.status === "done" || root.dataset.status === "failed") return;
  follow(root.dataset.id, document.getElementById("results"), null);
}

function readOnlyCode(root) {
  const language = root.dataset.language;
  const pre = root.querySelector("pre");
  new EditorView({
    parent: root,
    state: EditorState.create({
      doc: pre.textContent,
      extensions: [basicSetup, EditorState.readOnly.of(true), EditorView.editable.of(false), LANGUAGE_MODES[language] ? LANGUAGE_MODES[language]() : []],
    }),
  });
  pre.hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  const workspace = document.getElementById("workspace");
  if (workspace && (workspace.dataset.kind === "code" || workspace.dataset.kind === "sql")) codeWorkspace(workspace);
  if (workspace && workspace.dataset.kind === "design") designWorkspace(workspace);
  const submission = document.getElementById("submission");
  if (submission) submissionPage(submission);
  document.querySelectorAll(".code-view[data-language]").forEach(readOnlyCode);
});

window.Rehearse = { follow, renderSummary };
