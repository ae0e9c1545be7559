// The "Custom input" tab of the results console: test cases to run one at
// a time. The sample inputs come prefilled (editable, restorable); people
// add and remove their own, kept in local storage per challenge. Run uses
// the selected case (or every sample test); its result shows the expected
// output (the reference solution's, when the run reports it) beside the
// actual one, with the lines that differ marked.

import { el, store } from "./dom.js";
import { lineDiff } from "./diff.js";
import { verdictBadge, preBlock } from "./results.js";

const ALL_SAMPLES = "samples";

const HINTS = {
  function: "One line per parameter, name = JSON value (for example nums = [1, 2]); a JSON object of the parameters works too.",
  class: "Two lines of JSON: the method names, then their arguments, as in the samples.",
  stdio: "The text your program reads from standard input.",
};

/// Reads a case's text into the run's `input`. Throws an Error saying what
/// is wrong (with the line) when it does not parse.
export function parseCase(mode, text) {
  if (mode === "stdio") return text;
  const trimmed = text.trim();
  if (!trimmed) throw new Error("The input is empty.");
  if (trimmed.startsWith("{")) {
    try {
      return JSON.parse(trimmed);
    } catch (e) {
      throw new Error(`The input is not valid JSON: ${e.message}`);
    }
  }
  const lines = text.split("\n");
  if (mode === "class") {
    const filled = lines.map((l) => l.trim()).filter(Boolean);
    if (filled.length !== 2) throw new Error("Give two lines: the method names, then their arguments.");
    try {
      return { calls: JSON.parse(filled[0]), args: JSON.parse(filled[1]) };
    } catch (e) {
      throw new Error(`Not valid JSON: ${e.message}`);
    }
  }
  // Function arguments, `name = value`, a value may run over several lines.
  const values = {};
  const order = [];
  let current = null;
  lines.forEach((line, index) => {
    const start = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (start) {
      current = start[1];
      order.push(current);
      values[current] = start[2];
    } else if (current) {
      values[current] += `\n${line}`;
    } else if (line.trim()) {
      throw new Error(`Line ${index + 1}: expected name = value.`);
    }
  });
  const input = {};
  for (const name of order) {
    try {
      input[name] = JSON.parse(values[name]);
    } catch (e) {
      throw new Error(`${name}: not a JSON value (${e.message}).`);
    }
  }
  return input;
}

/// Side-by-side expected and actual output, the differing lines marked.
export function compareOutputs(expected, actual) {
  const column = (label, lines, changedOp) =>
    el(
      "div",
      { class: "compare-col" },
      el("div", { class: "io-label" }, label),
      el(
        "pre",
        { class: "compare-lines" },
        lines.map((line) =>
          line.op === changedOp
            ? el("span", { class: `line line-${changedOp}` }, el("span", { class: "visually-hidden" }, "Differs: "), line.text)
            : el("span", { class: "line" }, line.text),
        ),
      ),
    );
  const diff = lineDiff(expected || "", actual || "");
  return el(
    "div",
    { class: "compare" },
    column("Expected", diff.filter((d) => d.op !== "add"), "del"),
    column("Your output", diff.filter((d) => d.op !== "del"), "add"),
  );
}

export function customCases(panel, { slug, mode, onChange }) {
  const storageKey = `rehearse:cases:${slug}`;
  const template = document.getElementById("sample-cases");
  const samples = template
    ? Array.from(template.content.querySelectorAll("pre")).map((pre) => ({ name: pre.dataset.name, text: pre.textContent }))
    : [];
  const saved = store.getJson(storageKey) || {};
  const state = {
    selected: saved.selected || ALL_SAMPLES,
    edits: saved.edits || {},
    custom: Array.isArray(saved.custom) ? saved.custom : [],
    next: saved.next || 1,
  };
  const save = () => store.setJson(storageKey, state);

  const cases = () =>
    samples
      .map((s, i) => ({ id: `sample-${i}`, name: s.name, text: state.edits[s.name] !== undefined ? state.edits[s.name] : s.text, original: s.text, sample: true }))
      .concat(state.custom.map((c) => ({ id: c.id, name: c.name, text: c.text, sample: false })));
  const find = (id) => cases().find((c) => c.id === id);
  if (state.selected !== ALL_SAMPLES && !find(state.selected)) state.selected = ALL_SAMPLES;

  const list = el("div", { class: "case-options" });
  const fieldset = el("fieldset", { class: "case-list" }, el("legend", {}, "Run uses"), list);
  const add = el("button", { type: "button", class: "btn btn-ghost btn-sm case-add" }, "Add a case");
  const textarea = el("textarea", { id: "case-input", rows: 5, spellcheck: "false", "aria-describedby": "case-hint case-error" });
  const label = el("label", { for: "case-input" }, "Input");
  const error = el("p", { class: "field-error", id: "case-error", hidden: true });
  const restore = el("button", { type: "button", class: "btn btn-ghost btn-sm" }, "Restore the sample");
  const remove = el("button", { type: "button", class: "btn btn-ghost btn-sm" }, "Remove this case");
  const editor = el(
    "div",
    { class: "case-editor" },
    label,
    textarea,
    el("p", { class: "hint", id: "case-hint" }, HINTS[mode] || HINTS.function),
    error,
    el("div", { class: "case-buttons" }, restore, remove),
  );
  const note = el("p", { class: "muted case-note" }, "Run tries every sample test. Pick a case to run it alone and compare the outputs.");
  const result = el("section", { class: "case-result", "aria-live": "polite", "aria-label": "Result of the custom run" });
  panel.prepend(el("div", { class: "cases" }, el("div", { class: "case-side" }, fieldset, add), el("div", { class: "case-main" }, note, editor, result)));

  const render = () => {
    const all = cases();
    list.replaceChildren(
      ...[{ id: ALL_SAMPLES, name: "All sample tests" }].concat(all).map((c) =>
        el(
          "label",
          { class: "case-option" },
          el("input", { type: "radio", name: "run-case", value: c.id, checked: c.id === state.selected }),
          ` ${c.name}`,
          c.sample && c.text !== c.original ? el("span", { class: "muted small" }, " (edited)") : null,
        ),
      ),
    );
    const current = find(state.selected);
    editor.hidden = !current;
    note.hidden = Boolean(current);
    if (current) {
      label.textContent = `Input of ${current.name}`;
      if (textarea.value !== current.text) textarea.value = current.text;
      restore.hidden = !current.sample || current.text === current.original;
      remove.hidden = current.sample;
    }
    if (onChange) onChange();
  };

  list.addEventListener("change", (event) => {
    state.selected = event.target.value;
    error.hidden = true;
    save();
    render();
  });
  // Kept as typed; `change` too, as some tools (and autofill) change the
  // value without an `input` event.
  const keep = () => {
    const current = find(state.selected);
    if (!current) return;
    if (current.sample) state.edits[current.name] = textarea.value;
    else state.custom.find((c) => c.id === current.id).text = textarea.value;
    save();
    restore.hidden = !current.sample || textarea.value === current.original;
  };
  textarea.addEventListener("input", keep);
  textarea.addEventListener("change", () => {
    keep();
    render();
  });
  add.addEventListener("click", () => {
    const base = find(state.selected) || cases()[0];
    const id = `case-${state.next}`;
    state.custom.push({ id, name: `Case ${state.next}`, text: base ? base.text : "" });
    state.next += 1;
    state.selected = id;
    save();
    render();
    textarea.focus();
  });
  restore.addEventListener("click", () => {
    const current = find(state.selected);
    if (!current) return;
    delete state.edits[current.name];
    save();
    render();
    textarea.focus();
  });
  remove.addEventListener("click", () => {
    state.custom = state.custom.filter((c) => c.id !== state.selected);
    state.selected = ALL_SAMPLES;
    save();
    render();
    list.querySelector("input").focus();
  });
  render();

  return {
    /// What Run should send: null for the sample tests, else `{name,
    /// input}`; throws (and shows why) when the case does not parse.
    selection() {
      const current = find(state.selected);
      if (!current) return null;
      try {
        const input = parseCase(mode, current.text);
        error.hidden = true;
        return { name: current.name, input };
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        throw e;
      }
    },
    /// "sample tests" or the case's name, for the note beside Run.
    describe() {
      const current = find(state.selected);
      return current ? current.name : "sample tests";
    },
    showRunning(name) {
      result.replaceChildren(el("p", { class: "status" }, `Running ${name}…`));
    },
    showResult(view, name) {
      const test = view.report && view.report.tests && view.report.tests[0];
      const parts = [el("div", { class: "result-headline" }, verdictBadge(view.verdict), el("span", { class: "muted" }, name))];
      if (view.error) parts.push(el("div", { class: "alert alert-error" }, view.error));
      if (view.report && view.report.compile_output) parts.push(preBlock("Compiler output", view.report.compile_output));
      if (test) {
        if (test.message) parts.push(el("pre", { class: "message" }, test.message));
        if (test.expected !== null && test.expected !== undefined) parts.push(compareOutputs(test.expected, test.actual));
        else parts.push(preBlock("Your output", test.actual === null || test.actual === undefined ? "(nothing)" : test.actual));
        parts.push(preBlock("Printed", test.printed));
      }
      result.replaceChildren(...parts.filter(Boolean));
    },
    showError(message) {
      result.replaceChildren(el("div", { class: "alert alert-error", role: "alert" }, message));
    },
  };
}
