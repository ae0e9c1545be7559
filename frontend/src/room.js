// A live interview room: one shared Yjs document, synced with the server
// (and through it with everyone else in the room) over the WebSocket at
// /rooms/{id}/live by y-websocket's provider, which speaks the y-sync
// protocol and reconnects by itself. Each problem has one shared text per
// language, named as the server names them (`code/{position}/{language}`);
// a shared map `meta` holds which problem is on screen and each problem's
// language, so everyone looks at the same thing. Cursors, selections and
// names travel as awareness, in each person's colour.
//
// Interviewers' notes are not in the document: they are a form (saved
// through the API as they type), which candidates never receive.

import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { yCollab } from "y-codemirror.next";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { createEditor } from "./editor.js";
import { onSchemeChange, storedSettings } from "./settings.js";
import { debounce, getJson, postJson, putJson } from "./dom.js";

// Distinct on light and dark backgrounds; the light variant marks
// selections.
const COLOURS = [
  ["#d9480f", "#d9480f33"],
  ["#1971c2", "#1971c233"],
  ["#2b8a3e", "#2b8a3e33"],
  ["#9c36b5", "#9c36b533"],
  ["#c2255c", "#c2255c33"],
  ["#0b7285", "#0b728533"],
];

function colourFor(id) {
  return COLOURS[Math.abs(id) % COLOURS.length];
}

export const codeText = (position, language) => `code/${position}/${language}`;

export function liveRoom(root) {
  const problems = JSON.parse(root.dataset.problems || "[]");
  if (!problems.length) return;
  const readOnly = root.dataset.state === "ended";
  const doc = new Y.Doc();
  const meta = doc.getMap("meta");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  // y-websocket connects to `${url}/${room}`: /rooms/{id}/live.
  const provider = new WebsocketProvider(`${scheme}://${location.host}/rooms/${root.dataset.id}`, "live", doc, {
    disableBc: true,
  });
  const [colour, light] = colourFor(doc.clientID);
  provider.awareness.setLocalStateField("user", {
    name: root.dataset.name || "Someone",
    role: root.dataset.role,
    color: colour,
    colorLight: light,
  });

  const parent = root.querySelector("#room-code");
  const languageSelect = root.querySelector("#room-language");
  const status = root.querySelector("#room-status");
  const people = root.querySelector("#room-people");
  const tabs = Array.from(root.querySelectorAll(".room-problem-tabs [role=tab]"));
  let editor = null;
  let shown = null; // { position, language }
  let synced = false;

  const problemAt = (position) => problems.find((p) => p.position === position) || problems[0];
  const currentPosition = () => (typeof meta.get("problem") === "number" ? meta.get("problem") : problems[0].position);
  const languageOf = (problem) => {
    const chosen = meta.get(`lang/${problem.position}`);
    return problem.languages.some((l) => l.language === chosen) ? chosen : problem.languages[0].language;
  };

  function show() {
    const problem = problemAt(currentPosition());
    const language = languageOf(problem);
    tabs.forEach((tab) => {
      const on = Number(tab.dataset.position) === problem.position;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      const panel = document.getElementById(tab.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
    languageSelect.replaceChildren(
      ...problem.languages.map((l) => {
        const option = document.createElement("option");
        option.value = l.language;
        option.textContent = l.name;
        option.selected = l.language === language;
        return option;
      }),
    );
    languageSelect.disabled = readOnly || problem.languages.length < 2;
    if (shown && shown.position === problem.position && shown.language === language) return;
    shown = { position: problem.position, language };
    const text = doc.getText(codeText(problem.position, language));
    // A language nobody has written in yet starts from its starter code;
    // only once the document is synced, or it would be added twice.
    const starter = problem.languages.find((l) => l.language === language);
    if (synced && !readOnly && text.length === 0 && starter && starter.starter) text.insert(0, starter.starter);
    if (editor) editor.destroy();
    const undoManager = new Y.UndoManager(text);
    editor = createEditor({
      parent,
      doc: text.toString(),
      language: language === "design" ? "markdown" : language,
      settings: storedSettings(),
      label: `Shared code: ${problem.title}`,
      extensions: [
        yCollab(text, provider.awareness, { undoManager }),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
      ],
    });
    parent.dataset.text = codeText(problem.position, language);
  }

  function renderPeople() {
    const states = Array.from(provider.awareness.getStates().entries());
    people.replaceChildren(
      ...states
        .filter(([, state]) => state && state.user)
        .map(([id, state]) => {
          const chip = document.createElement("span");
          chip.className = "room-person";
          chip.style.setProperty("--person", state.user.color);
          chip.textContent = id === doc.clientID ? `${state.user.name} (you)` : state.user.name;
          return chip;
        }),
    );
  }

  // Run and Submit send the shared code as the room has it. The console
  // is read from the server (the truth: anyone could write into a shared
  // document); the document's `console` map only says when to read it.
  const consoleMap = doc.getMap("console");
  const consoleList = root.querySelector("#room-console");
  const readConsole = debounce(async () => {
    let entries;
    try {
      ({ entries } = await getJson(`/api/v1/rooms/${root.dataset.id}/console`));
    } catch (_) {
      return;
    }
    if (!entries.length) return;
    consoleList.replaceChildren(
      ...entries.map((e) => {
        const item = document.createElement("li");
        item.className = `console-entry console-${e.status} verdict-${e.verdict || "none"}`;
        const head = document.createElement("strong");
        head.textContent = `${e.mode === "submit" ? "Submission" : "Run"} by ${e.by}`;
        const where = document.createElement("span");
        where.className = "muted small";
        where.textContent = ` · ${e.problem} (${e.language}) · ${new Date(e.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}`;
        const result = document.createElement("div");
        result.className = "console-summary";
        result.textContent = e.summary;
        item.append(head, where, result);
        return item;
      }),
    );
  }, 150);
  const renderConsole = () => readConsole();
  consoleMap.observe(renderConsole);
  const buttons = ["run", "submit"].map((mode) => [mode, root.querySelector(`#room-${mode}`)]).filter(([, b]) => b);
  buttons.forEach(([mode, button]) =>
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await postJson(`/api/v1/rooms/${root.dataset.id}/answers`, { position: currentPosition(), mode });
      } catch (e) {
        status.textContent = e.message;
      } finally {
        button.disabled = false;
      }
    }),
  );

  tabs.forEach((tab) =>
    tab.addEventListener("click", () => {
      meta.set("problem", Number(tab.dataset.position));
      show();
    }),
  );
  languageSelect.addEventListener("change", () => {
    meta.set(`lang/${currentPosition()}`, languageSelect.value);
    show();
  });
  meta.observe(() => show());
  provider.awareness.on("change", renderPeople);
  provider.on("status", ({ status: s }) => {
    status.textContent = s === "connected" ? (readOnly ? "Read-only: the room has ended" : "Live") : "Reconnecting…";
    status.dataset.status = s;
  });
  provider.on("sync", (isSynced) => {
    if (!isSynced) return;
    root.dataset.synced = "true";
    if (!synced) {
      synced = true;
      shown = null;
      show();
      renderConsole();
      buttons.forEach(([, button]) => {
        button.disabled = false;
      });
    }
  });
  const board = drawingBoard(root, doc, provider, readOnly, () => synced);
  focusTime(root, meta, provider, readOnly);
  onSchemeChange(() => {
    if (editor) editor.applySettings(storedSettings());
    board.applySettings();
  });
  show();
  renderPeople();
  // Tests and the playback page read the shared document through this.
  window.RehearseRoom = { doc, provider, text: (name) => doc.getText(name).toString() };
}

/// Focus time: the interviewer hides their cursor for a few minutes so the
/// candidate works undisturbed. The end time is in the shared `meta` map
/// (everyone sees the notice); the interviewer's browser withdraws its
/// presence meanwhile, so no cursor of theirs reaches anyone.
function focusTime(root, meta, provider, readOnly) {
  const notice = root.querySelector("#room-focus");
  const start = root.querySelector("#focus-start");
  const end = root.querySelector("#focus-end");
  const minutes = root.querySelector("#focus-minutes");
  const interviewer = root.dataset.role === "interviewer";
  let me = provider.awareness.getLocalState();
  let timer = null;
  function apply() {
    clearTimeout(timer);
    const until = Number(meta.get("focus_until") || 0);
    const active = !readOnly && until > Date.now();
    if (interviewer) {
      const present = provider.awareness.getLocalState() !== null;
      if (active && present) {
        me = provider.awareness.getLocalState();
        provider.awareness.setLocalState(null);
      }
      if (!active && !present) provider.awareness.setLocalState(me);
      if (start) start.hidden = active;
      if (end) end.hidden = !active;
    }
    notice.hidden = !active;
    if (active) {
      const at = new Date(until).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      notice.textContent = interviewer
        ? `Focus time until ${at}: your cursor is hidden from the candidate.`
        : `Focus time until ${at}: your interviewer's cursor is hidden; work undisturbed.`;
      timer = setTimeout(apply, Math.min(until - Date.now() + 50, 2 ** 31 - 1));
    }
  }
  meta.observe(apply);
  provider.on("sync", (isSynced) => {
    if (!isSynced) return;
    if (start) start.disabled = false;
    apply();
  });
  if (start)
    start.addEventListener("click", () => meta.set("focus_until", Date.now() + Number(minutes.value) * 60_000));
  if (end) end.addEventListener("click", () => meta.set("focus_until", 0));
}

const BOARD_TEXT = "board";
const BOARD_STARTER = "flowchart LR\n  client[Client] --> api[API service]\n  api --> db[(Database)]\n";

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

/// The Code / Drawing board tabs, and the board itself: a shared text (a
/// Mermaid diagram) in an editor beside its drawing. The renderer loads
/// the first time the board opens.
function drawingBoard(root, doc, provider, readOnly, isSynced) {
  const tabs = Array.from(root.querySelectorAll(".room-editor-tabs [role=tab]"));
  const text = doc.getText(BOARD_TEXT);
  const preview = root.querySelector("#board-preview");
  let editor = null;
  let renderer = null;
  const render = debounce(async () => {
    if (!renderer) return;
    const source = text.toString();
    if (!source.trim()) {
      preview.replaceChildren();
      return;
    }
    try {
      const svg = await renderer.render(source, document.documentElement.dataset.theme === "dark" || matchMedia("(prefers-color-scheme: dark)").matches);
      preview.innerHTML = svg;
      preview.dataset.rendered = "true";
    } catch (e) {
      const error = document.createElement("p");
      error.className = "board-error";
      error.textContent = `The diagram does not parse yet: ${(e && e.message) || e}`;
      preview.replaceChildren(error);
    }
  }, 300);
  async function open() {
    if (editor) return;
    if (isSynced() && !readOnly && text.length === 0) text.insert(0, BOARD_STARTER);
    editor = createEditor({
      parent: root.querySelector("#board-text"),
      doc: text.toString(),
      language: "text",
      settings: storedSettings(),
      label: "The drawing board's diagram",
      extensions: [
        yCollab(text, provider.awareness, { undoManager: new Y.UndoManager(text) }),
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
      ],
    });
    text.observe(render);
    try {
      if (!window.RehearseBoard) await loadScript("/static/dist/board.js");
      renderer = window.RehearseBoard;
      render();
    } catch (e) {
      preview.textContent = e.message;
    }
  }
  tabs.forEach((tab) =>
    tab.addEventListener("click", () => {
      tabs.forEach((t) => {
        const on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
      if (tab.id === "tab-board") open();
    }),
  );
  return {
    applySettings() {
      if (editor) editor.applySettings(storedSettings());
      render();
    },
  };
}

/// The interviewer's notes form saves itself a second after typing stops.
export function autosaveNotes(form, roomId) {
  const status = form.querySelector("#notes-status");
  const collect = () => {
    const data = new FormData(form);
    const rating = (key) => ({
      score: data.get(key) ? Number(data.get(key)) : null,
      comment: data.get(`${key}_comment`) || "",
    });
    return {
      feedback: data.get("feedback") || "",
      notes: data.get("notes") || "",
      scorecard: {
        problem_solving: rating("problem_solving"),
        code_quality: rating("code_quality"),
        communication: rating("communication"),
        testing: rating("testing"),
        recommendation: data.get("recommendation") || null,
      },
    };
  };
  const save = debounce(async () => {
    status.textContent = "Saving…";
    try {
      await putJson(`/api/v1/rooms/${roomId}/notes`, collect());
      status.textContent = `Saved ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`;
    } catch (e) {
      status.textContent = `Not saved: ${e.message}`;
    }
  }, 800);
  form.addEventListener("input", save);
  form.addEventListener("change", save);
}

/// Copy buttons (`data-copy` names the field): the invite link, made whole.
export function copyButtons(root = document) {
  root.querySelectorAll("[data-invite-path]").forEach((input) => {
    input.value = `${location.origin}${input.dataset.invitePath}`;
  });
  root.querySelectorAll("button[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const field = document.querySelector(button.dataset.copy);
      if (!field) return;
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = "Copied";
      } catch (_) {
        field.select();
      }
    });
  });
}
