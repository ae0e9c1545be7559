// Grading results: the verdict badge, the headline (verdict, points, score,
// cost), the per-test table with its details, a design answer's rubric, and
// `follow`, which streams a submission's grading into a panel (server-sent
// events, with polling as the fallback). The submission page and the
// workspace's "Test results" tab both render through `renderSummary`.

import { el } from "./dom.js";

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

export function verdictBadge(verdict) {
  const name = VERDICT_NAMES[verdict] || verdict || "Pending";
  return el("span", { class: `verdict verdict-${verdict || "pending"}` }, name);
}

export function number(n) {
  return typeof n === "number" ? n.toLocaleString("en-GB") : "—";
}

// Instruction counts run to billions; the headline shows three figures and
// keeps the exact count in the tooltip.
export function compact(n) {
  if (typeof n !== "number" || n < 1e6) return number(n);
  return n < 1e9 ? `${(n / 1e6).toFixed(1)} million` : `${(n / 1e9).toFixed(2)} billion`;
}

export function preBlock(label, text) {
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
  // Wide result tables scroll inside their own box, never the page.
  return el("div", { class: "table-scroll" }, table);
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

/// A design answer is scored, not judged right or wrong: its badge says
/// "Scored N %" (or "Reviewed: N %" once an instructor has reviewed it),
/// as the server-rendered lists do (`m::outcome`).
export function outcomeBadge(view) {
  const design = view.answer && view.answer.kind === "design";
  const score = view.review ? view.review.score : view.score;
  if (!design || typeof score !== "number") return verdictBadge(view.verdict);
  const label = `${view.review ? "Reviewed: " : "Scored "}${Math.round(score * 100)} %`;
  return el("span", { class: "verdict verdict-scored" }, label);
}

/// The headline: verdict, points (submissions), score and cost. Each
/// figure is one span that never wraps inside itself (`.result-headline`).
function renderHeadline(view) {
  const design = view.answer && view.answer.kind === "design";
  const headline = el("div", { class: "result-headline" }, outcomeBadge(view));
  if (view.mode === "submit" && view.points !== null && view.points !== undefined) {
    headline.append(el("span", { class: "points" }, `${view.points} of ${view.max_points} points`));
  }
  // A design badge already carries the percentage.
  if (!design && view.score !== null && view.score !== undefined) {
    headline.append(el("span", { class: "muted" }, ` · ${Math.round(view.score * 100)} %`));
  }
  if (view.fuel) {
    headline.append(el("span", { class: "muted", title: `${number(view.fuel)} instructions` }, ` · cost ${compact(view.fuel)} instructions`));
  }
  return headline;
}

function renderTests(tests) {
  const table = el("table", { class: "tests-table" });
  table.append(el("thead", {}, el("tr", {}, ["#", "Test", "Verdict", "Time", "Cost"].map((h) => el("th", { scope: "col" }, h)))));
  const body = el("tbody");
  tests.forEach((t, i) => {
    body.append(
      el(
        "tr",
        {},
        el("td", {}, i + 1),
        el("td", {}, t.sample ? t.name : `${t.name} (hidden)`),
        el("td", {}, verdictBadge(t.verdict)),
        el("td", { class: "nowrap" }, `${t.time_ms.toFixed(1)} ms`),
        el("td", { class: "num" }, number(t.fuel)),
      ),
    );
    const details = testDetails(t).filter(Boolean);
    if (details.length && (t.verdict !== "accepted" || t.printed)) {
      body.append(el("tr", { class: "test-details" }, el("td", { colspan: 5 }, details)));
    }
  });
  table.append(body);
  return el("div", { class: "table-scroll" }, table);
}

export function renderSummary(view) {
  const report = view.report;
  const box = el("div", { class: "result-summary" });
  box.append(renderHeadline(view));
  if (typeof view.cheaper_than === "number") {
    box.append(el("p", { class: "cheaper" }, `Cheaper than ${Math.round(view.cheaper_than * 100)} % of other accepted ${view.answer.language || ""} solutions.`));
  }
  if (view.review) {
    box.append(el("div", { class: "alert alert-info" }, `Reviewed: ${(view.review.score * 100).toFixed(0)} %. ${view.review.comment}`));
  }
  if (view.error) box.append(el("div", { class: "alert alert-error" }, view.error));
  if (report && report.compile_output) box.append(preBlock("Compiler output", report.compile_output));
  if (report && report.tests && report.tests.length) box.append(renderTests(report.tests));
  if (report && report.design) box.append(renderDesign(report.design));
  box.append(el("p", {}, el("a", { href: `/submissions/${view.id}` }, "Open this result on its own page")));
  return box;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Follows a submission's grading into `panel`: live rows as tests finish,
/// then the full summary. `onDone(view)` runs once it is graded; `onFail`
/// if it cannot be followed any more (the network stayed down).
export function follow(id, panel, onDone, onFail) {
  panel.replaceChildren(el("p", { class: "status" }, "Queued…"));
  const live = el("ol", { class: "live-tests" });
  panel.append(live);
  const seen = new Set();
  let finished = false;
  const progress = (p) => {
    if (seen.has(p.done)) return;
    seen.add(p.done);
    const status = panel.querySelector(".status");
    if (status) status.textContent = p.total ? `Test ${p.done} of ${p.total}` : `Test ${p.done}`;
    live.append(el("li", {}, `${p.name}: `, verdictBadge(p.verdict)));
  };
  const finish = (view) => {
    if (finished) return;
    finished = true;
    panel.replaceChildren(renderSummary(view));
    if (onDone) onDone(view);
  };
  const fail = (error) => {
    if (finished) return;
    finished = true;
    panel.replaceChildren(
      el("div", { class: "alert alert-error", role: "alert" }, `Lost track of the grading (${error.message}). `, el("a", { href: `/submissions/${id}` }, "Open the result on its own page"), "."),
    );
    if (onFail) onFail(error);
  };
  const poll = async () => {
    let failures = 0;
    while (!finished) {
      try {
        const response = await fetch(`/api/v1/submissions/${id}`, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        const view = (await response.json()).submission;
        failures = 0;
        (view.progress || []).forEach((p, k) => progress({ done: k + 1, total: view.tests_total, name: p.name, verdict: p.verdict }));
        if (view.status === "done" || view.status === "failed") return finish(view);
      } catch (error) {
        // A dropped connection is retried for about half a minute.
        failures += 1;
        if (failures > 30) return fail(error);
      }
      await sleep(failures ? 1000 : 500);
    }
    return undefined;
  };
  if (!window.EventSource) return poll();
  const source = new EventSource(`/api/v1/submissions/${id}/events`);
  source.addEventListener("progress", (e) => progress(JSON.parse(e.data)));
  source.addEventListener("done", (e) => {
    source.close();
    finish(JSON.parse(e.data).submission);
  });
  source.addEventListener("timeout", () => {
    source.close();
    poll();
  });
  source.onerror = () => {
    if (finished) return;
    source.close();
    poll();
  };
  return undefined;
}
