// The "Submissions" tab of the results console: this person's earlier
// answers to the challenge (`GET /api/v1/me/submissions?challenge=…`), each
// with its verdict, score and time. Opening one shows its code (fetched
// from `GET /api/v1/submissions/{id}`); ticking two shows a line diff from
// the older to the newer.

import { el, getJson, shortDate } from "./dom.js";
import { lineDiff } from "./diff.js";
import { outcomeBadge } from "./results.js";
import { codeViewer } from "./editor.js";

/// The text of an answer, whatever its kind.
function answerText(answer) {
  if (!answer) return "";
  if (answer.kind === "design") {
    return Object.entries(answer.sections || {})
      .map(([key, text]) => `## ${key.replace(/_/g, " ")}\n\n${text}`)
      .join("\n\n");
  }
  return answer.source || "";
}

function languageOf(view) {
  if (view.answer.kind === "sql") return "sql";
  return view.answer.language || "";
}

/// "Run of 3 Dec, 14:05 · python" ("run of …" inside a sentence).
function describe(view, inSentence) {
  const mode = view.mode === "run" ? (inSentence ? "run" : "Run") : inSentence ? "submission" : "Submission";
  const language = view.answer.language ? ` · ${view.answer.language}` : "";
  return `${mode} of ${shortDate(view.created_at)}${language}`;
}

function diffView(older, newer) {
  const rows = lineDiff(answerText(older.answer), answerText(newer.answer));
  const changed = rows.filter((r) => r.op !== "same").length;
  const marks = { same: " ", del: "−", add: "+" };
  const words = { same: "", del: "Removed: ", add: "Added: " };
  return el(
    "div",
    { class: "history-diff" },
    el("h3", { class: "history-title" }, `From the ${describe(older, true)} to the ${describe(newer, true)}`),
    el("p", { class: "muted small" }, changed ? `${changed} line${changed === 1 ? "" : "s"} differ.` : "The two answers are the same."),
    el(
      "pre",
      { class: "diff" },
      rows.map((r) =>
        el(
          "span",
          { class: `diff-line diff-${r.op}` },
          el("span", { class: "diff-num", "aria-hidden": "true" }, r.a === null ? "" : r.a),
          el("span", { class: "diff-num", "aria-hidden": "true" }, r.b === null ? "" : r.b),
          el("span", { class: "diff-mark", "aria-hidden": "true" }, marks[r.op]),
          words[r.op] ? el("span", { class: "visually-hidden" }, words[r.op]) : null,
          r.text,
        ),
      ),
    ),
  );
}

export function submissionHistory(panel, { slug, settings, onLoad }) {
  const status = el("span", { class: "muted small", role: "status" });
  const refresh = el("button", { type: "button", class: "btn btn-ghost btn-sm" }, "Refresh");
  const compare = el("button", { type: "button", class: "btn btn-secondary btn-sm", disabled: true }, "Compare the two ticked");
  const list = el("ul", { class: "history-list" });
  const view = el("section", { class: "history-view", "aria-live": "polite", "aria-label": "Chosen submission" });
  panel.replaceChildren(
    el("h2", { class: "visually-hidden" }, "Your submissions of this challenge"),
    el("div", { class: "history-bar" }, refresh, compare, status),
    list,
    view,
  );

  const cache = new Map();
  let loaded = false;
  let viewer = null;
  settings.subscribe((s) => viewer && viewer.applySettings(s));

  const fetchOne = async (id) => {
    if (!cache.has(id)) cache.set(id, getJson(`/api/v1/submissions/${id}`).then((body) => body.submission));
    return cache.get(id);
  };
  const ticked = () => Array.from(list.querySelectorAll("input[type=checkbox]:checked")).map((c) => c.value);

  const open = async (id) => {
    view.replaceChildren(el("p", { class: "status" }, "Loading…"));
    try {
      const submission = await fetchOne(id);
      const text = answerText(submission.answer);
      const code = el("div", { class: "history-code" });
      const load = el("button", { type: "button", class: "btn btn-ghost btn-sm" }, "Put this code in the editor");
      load.addEventListener("click", () => onLoad(submission.answer));
      view.replaceChildren(
        el(
          "div",
          { class: "history-head" },
          el("h3", { class: "history-title" }, describe(submission)),
          outcomeBadge(submission),
          submission.answer.kind !== "design" ? load : null,
          el("a", { href: `/submissions/${id}`, class: "small" }, "Open on its own page"),
        ),
        code,
      );
      viewer = codeViewer(code, text, languageOf(submission), settings.get());
    } catch (error) {
      view.replaceChildren(el("div", { class: "alert alert-error", role: "alert" }, `Could not load it: ${error.message}`));
    }
  };

  const showDiff = async () => {
    const ids = ticked();
    if (ids.length !== 2) return;
    view.replaceChildren(el("p", { class: "status" }, "Comparing…"));
    try {
      const [first, second] = await Promise.all(ids.map(fetchOne));
      const [older, newer] = Date.parse(first.created_at) <= Date.parse(second.created_at) ? [first, second] : [second, first];
      viewer = null;
      view.replaceChildren(diffView(older, newer));
    } catch (error) {
      view.replaceChildren(el("div", { class: "alert alert-error", role: "alert" }, `Could not compare them: ${error.message}`));
    }
  };

  const render = (submissions) => {
    list.replaceChildren(
      ...submissions.map((s) => {
        // A design answer's badge already says its percentage.
        const score = typeof s.score === "number" && s.answer.kind !== "design" ? `${Math.round(s.score * 100)} %` : null;
        const points = typeof s.points === "number" ? `${s.points} points` : null;
        const openButton = el("button", { type: "button", class: "link-button history-open" }, describe(s));
        openButton.addEventListener("click", () => open(s.id));
        return el(
          "li",
          { class: "history-item" },
          el("input", { type: "checkbox", value: s.id, "aria-label": `Compare the ${describe(s, true)}` }),
          openButton,
          s.status === "queued" || s.status === "running" ? el("span", { class: "verdict verdict-pending" }, s.status === "queued" ? "Queued" : "Running") : outcomeBadge(s),
          score ? el("span", { class: "figure muted" }, score) : null,
          points && s.mode === "submit" ? el("span", { class: "figure muted" }, points) : null,
        );
      }),
    );
    if (!submissions.length) list.replaceChildren(el("li", { class: "muted" }, "Nothing yet: your runs and submissions of this challenge will be listed here."));
    compare.disabled = true;
  };

  list.addEventListener("change", (event) => {
    if (event.target.type !== "checkbox") return;
    // Two at a time: ticking a third lets go of the earliest ticked.
    const boxes = Array.from(list.querySelectorAll("input[type=checkbox]:checked"));
    if (event.target.checked && boxes.length > 2) {
      const other = boxes.find((b) => b !== event.target && b.dataset.order === String(Math.min(...boxes.filter((x) => x !== event.target).map((x) => Number(x.dataset.order)))));
      if (other) other.checked = false;
    }
    event.target.dataset.order = String(Date.now());
    compare.disabled = ticked().length !== 2;
  });
  compare.addEventListener("click", showDiff);

  const load = async () => {
    status.textContent = "Loading…";
    try {
      const body = await getJson(`/api/v1/me/submissions?challenge=${encodeURIComponent(slug)}&limit=50`);
      render(body.submissions || []);
      loaded = true;
      status.textContent = "";
    } catch (error) {
      status.textContent = `Could not load them: ${error.message}`;
    }
  };
  refresh.addEventListener("click", load);

  return {
    /// Loads the list the first time the tab is shown.
    shown() {
      if (!loaded) load();
    },
    /// After a new answer was graded.
    refresh() {
      if (loaded) load();
    },
  };
}
