// The challenge workspace: the code (or SQL) editor with its settings and
// drafts, Run and Submit (with keyboard shortcuts and a real busy state),
// and the results console's three tabs; and the design answer's form.

import { debounce, el, getJson, postJson, putJson, readJsonIsland, store } from "./dom.js";
import { follow } from "./results.js";
import { createEditor } from "./editor.js";
import { EditorSettings, onSchemeChange, settingsPopover } from "./settings.js";
import { Drafts } from "./drafts.js";
import { tabs } from "./layout.js";
import { customCases } from "./cases.js";
import { submissionHistory } from "./history.js";

const idempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/// Run and Submit while an answer is being graded: disabled for real (no
/// second click, no shortcut), marked busy, the clicked one with a spinner.
function busyButtons(buttons) {
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    set(on, clicked) {
      busy = on;
      for (const button of buttons) {
        button.disabled = on;
        const mine = on && button === clicked;
        if (mine) {
          button.setAttribute("aria-busy", "true");
          button.prepend(el("span", { class: "spinner", "aria-hidden": "true" }));
        } else {
          button.removeAttribute("aria-busy");
          const spinner = button.querySelector(".spinner");
          if (spinner) spinner.remove();
        }
      }
    },
  };
}

/// The console's tabs, and the Submissions tab for signed-in people
/// (signed out, the page's own note stays).
function resultsConsole(slug, signedIn, settings, onLoad) {
  const historyPanel = document.getElementById("console-history");
  const history = signedIn && historyPanel ? submissionHistory(historyPanel, { slug, settings, onLoad }) : null;
  const tablist = document.querySelector(".console-tabs");
  const consoleTabs = tablist
    ? tabs(tablist, { onSelect: (id) => id === "console-tab-history" && history && history.shown() })
    : { select() {} };
  return { consoleTabs, history };
}

/// The page's "Next challenge" link appears once this one is solved.
function revealNext(view) {
  const next = document.getElementById("next-challenge");
  if (next && view && view.mode === "submit" && view.verdict === "accepted") next.hidden = false;
}

function sendError(error) {
  const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : "";
  return el("div", { class: "alert alert-error", role: "alert" }, error.message + wait);
}

export function codeWorkspace(root, layout) {
  const slug = root.dataset.slug;
  const kind = root.dataset.kind;
  const signedIn = root.dataset.loggedIn === "true";
  const starters = readJsonIsland("starters") || {};
  const select = root.querySelector("#language");
  const fallback = root.querySelector("#source");
  const panel = document.getElementById("results");
  const settings = new EditorSettings({ signedIn });
  const drafts = new Drafts({ slug, signedIn });

  // The language last used on this challenge comes back with its draft.
  const remembered = store.get(`rehearse:language:${slug}`);
  if (select && remembered && Array.from(select.options).some((o) => o.value === remembered)) select.value = remembered;
  let language = kind === "sql" ? "sql" : select.value;
  const starterOf = (lang) => (kind === "sql" ? fallback.value : starters[lang] || "");
  const draftOr = (lang) => {
    const local = drafts.local(lang);
    return local ? local.source : starterOf(lang);
  };

  // Text put in by us (a draft from the server, another language) is not
  // an edit to save again.
  let quiet = false;
  const setQuietly = (text, lang) => {
    quiet = true;
    editor.setText(text, lang);
    quiet = false;
  };
  const editor = createEditor({
    parent: root.querySelector("#editor"),
    doc: draftOr(language),
    language,
    settings: settings.get(),
    label: kind === "sql" ? "Your query" : "Your solution",
    keys: [
      { key: "Mod-Enter", run: () => (send("run"), true) },
      { key: "Mod-Shift-Enter", run: () => (send("submit"), true) },
    ],
    onChange: (text) => {
      if (!quiet) drafts.changed(language, text);
    },
  });
  fallback.hidden = true;
  root.classList.add("has-editor");
  settings.subscribe((s) => editor.applySettings(s));
  onSchemeChange(() => editor.applySettings(settings.get()));
  const gear = root.querySelector("#editor-settings-button");
  const popover = gear ? settingsPopover(gear, root.querySelector("#editor-settings-panel"), settings, () => language) : null;

  // A newer draft from another device replaces the local one, unless the
  // person already started typing here.
  const reconcile = (lang) => {
    const before = editor.text();
    drafts.reconcile(lang).then((remote) => {
      if (remote !== null && lang === language && editor.text() === before && remote !== before) setQuietly(remote);
    });
  };
  reconcile(language);

  if (select) {
    select.addEventListener("change", () => {
      drafts.pushAll();
      language = select.value;
      store.set(`rehearse:language:${slug}`, language);
      setQuietly(draftOr(language), language);
      if (popover) popover.refresh();
      reconcile(language);
    });
  }
  const reset = root.querySelector("#reset-starter");
  if (reset) {
    reset.addEventListener("click", () => {
      if (!window.confirm("Replace your code with the starter code?")) return;
      editor.setText(starterOf(language));
    });
  }

  const { consoleTabs, history } = resultsConsole(slug, signedIn, settings, (answer) => {
    if (!window.confirm("Replace the code in the editor with this answer?")) return;
    if (select && answer.language && answer.language !== language && Array.from(select.options).some((o) => o.value === answer.language)) {
      select.value = answer.language;
      select.dispatchEvent(new Event("change"));
    }
    editor.setText(answer.source || "");
    layout.show("code");
  });
  const runTarget = root.querySelector("#run-target");
  const customPanel = document.getElementById("console-custom");
  // The note beside Run says what it will run.
  let cases = null;
  const showRunTarget = () => {
    if (runTarget) runTarget.textContent = cases ? `Run uses: ${cases.describe()}` : kind === "sql" ? "Run uses: the sample datasets" : "";
  };
  if (kind === "code" && customPanel) cases = customCases(customPanel, { slug, mode: root.dataset.mode, onChange: () => cases && showRunTarget() });
  showRunTarget();

  const buttons = Array.from(root.querySelectorAll("button[data-action]"));
  const state = busyButtons(buttons);
  async function send(action) {
    if (state.busy) return;
    if (!signedIn) {
      window.location.href = `/login?next=/challenges/${slug}`;
      return;
    }
    const body = kind === "sql" ? { source: editor.text() } : { language, source: editor.text() };
    let custom = null;
    if (action === "run" && cases) {
      try {
        custom = cases.selection();
      } catch (_) {
        // The case editor says what is wrong.
        layout.show("result");
        consoleTabs.select("console-tab-custom");
        return;
      }
      if (custom) body.input = custom.input;
    }
    state.set(true, buttons.find((b) => b.dataset.action === action));
    panel.replaceChildren(el("p", { class: "status" }, "Sending…"));
    layout.show("result");
    consoleTabs.select(custom ? "console-tab-custom" : "console-tab-results");
    if (custom) cases.showRunning(custom.name);
    const path = action === "run" ? "runs" : "submissions";
    try {
      // One key per click: a double-click (or a retried request) is one submission.
      const accepted = await postJson(`/api/v1/challenges/${slug}/${path}`, body, { "Idempotency-Key": idempotencyKey() });
      follow(
        accepted.id,
        panel,
        (view) => {
          state.set(false);
          if (custom) cases.showResult(view, custom.name);
          if (history) history.refresh();
          revealNext(view);
        },
        (error) => {
          state.set(false);
          if (custom) cases.showError(error.message);
        },
      );
    } catch (error) {
      panel.replaceChildren(sendError(error));
      if (custom) cases.showError(error.message);
      state.set(false);
    }
  }
  buttons.forEach((button) =>
    button.addEventListener("click", (event) => {
      event.preventDefault();
      send(button.dataset.action);
    }),
  );
  // Enter in the language list must not post the form past the editor.
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    send("submit");
  });
  // For tests and the curious: the CodeMirror EditorView.
  window.rehearseEditor = editor.view;
}

export function designWorkspace(root, layout) {
  const slug = root.dataset.slug;
  const signedIn = root.dataset.loggedIn === "true";
  const form = root.querySelector("form");
  const panel = document.getElementById("results");
  const fields = Array.from(form.querySelectorAll("textarea[data-section]"));
  for (const field of fields) {
    const key = `rehearse:draft:${slug}:${field.dataset.section}`;
    if (!field.value) field.value = store.get(key) || "";
    field.addEventListener("input", () => store.set(key, field.value));
  }
  if (signedIn) designDrafts(slug, fields);
  const settings = new EditorSettings({ signedIn });
  const { consoleTabs, history } = resultsConsole(slug, signedIn, settings, () => {});
  const button = form.querySelector("button[type=submit]");
  const state = busyButtons([button]);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (state.busy) return;
    if (!signedIn) {
      window.location.href = `/login?next=/challenges/${slug}`;
      return;
    }
    const sections = {};
    for (const field of fields) if (field.value.trim()) sections[field.dataset.section] = field.value;
    state.set(true, button);
    panel.replaceChildren(el("p", { class: "status" }, "Sending…"));
    layout.show("result");
    consoleTabs.select("console-tab-results");
    try {
      const accepted = await postJson(`/api/v1/challenges/${slug}/submissions`, { sections }, { "Idempotency-Key": idempotencyKey() });
      follow(
        accepted.id,
        panel,
        (view) => {
          state.set(false);
          if (history) history.refresh();
          revealNext(view);
        },
        () => state.set(false),
      );
    } catch (error) {
      panel.replaceChildren(sendError(error));
      state.set(false);
    }
  });
}

/// A design answer's draft on the server, as Markdown with one `## section`
/// heading per filled field (the format `rehearse submit` reads), so a
/// mock interview's deadline can submit it and it follows the person to
/// other devices. Pushed a second after typing stops; read back when this
/// browser has nothing of its own.
function designDrafts(slug, fields) {
  const url = `/api/v1/challenges/${slug}/draft`;
  const markdown = () =>
    fields
      .filter((f) => f.value.trim())
      .map((f) => `## ${f.dataset.section}\n\n${f.value.trim()}\n`)
      .join("\n");
  const push = debounce(() => {
    putJson(url, { language: "design", source: markdown() }).catch(() => {});
  }, 1000);
  for (const field of fields) field.addEventListener("input", push);
  if (fields.some((f) => f.value.trim())) return;
  getJson(`${url}?language=design`)
    .then((draft) => {
      if (fields.some((f) => f.value.trim())) return;
      let current = null;
      const text = {};
      for (const line of draft.source.split("\n")) {
        const heading = line.match(/^## (\S+)\s*$/);
        if (heading) {
          current = heading[1];
          text[current] = [];
        } else if (current) {
          text[current].push(line);
        }
      }
      for (const field of fields) {
        const body = text[field.dataset.section];
        if (body) field.value = body.join("\n").trim();
      }
    })
    .catch(() => {});
}
