// Editor settings: theme, font size, key map, line wrapping and indent
// width per language. Signed-in users keep them on the server
// (`/api/v1/me/editor-settings`), which also renders them into the page so
// the editor opens in the right theme at once; everyone keeps a copy in
// local storage, which is all a signed-out visitor has. The popover in the
// workspace toolbar changes them; every change applies at once.

import { el, store, readJsonIsland, getJson, putJson, debounce } from "./dom.js";

export const LANGUAGE_NAMES = {
  python: "Python",
  javascript: "JavaScript",
  c: "C",
  cpp: "C++",
  rust: "Rust",
  sql: "SQL",
};

// PEP 8 and the C-family and Rust style guides indent by 4; JavaScript and
// SQL are usually written with 2. The server holds the same defaults.
export const DEFAULT_SETTINGS = Object.freeze({
  theme: "system",
  font_size: 14,
  keymap: "standard",
  wrap: true,
  indent: Object.freeze({ python: 4, javascript: 2, c: 4, cpp: 4, rust: 4, sql: 2 }),
});

const THEMES = ["system", "light", "dark"];
const KEYMAPS = ["standard", "vim", "emacs"];
// What the popover offers; the server also accepts 10–24 px and indents of
// 3, so values saved elsewhere are kept as they are.
const FONT_SIZES = [12, 13, 14, 15, 16, 17, 18, 20, 22];
const INDENT_WIDTHS = [2, 4, 8];
const STORE_KEY = "rehearse:editor-settings";

/// Settings with every field present and sensible, whatever came in.
export function normalise(raw) {
  const value = raw && typeof raw === "object" ? raw : {};
  const indent = Object.assign({}, DEFAULT_SETTINGS.indent);
  for (const [language, width] of Object.entries(value.indent || {})) {
    if (Number.isInteger(width) && width >= 1 && width <= 8) indent[language] = width;
  }
  const size = Number(value.font_size);
  return {
    theme: THEMES.includes(value.theme) ? value.theme : DEFAULT_SETTINGS.theme,
    font_size: Number.isInteger(size) && size >= 10 && size <= 24 ? size : DEFAULT_SETTINGS.font_size,
    keymap: KEYMAPS.includes(value.keymap) ? value.keymap : DEFAULT_SETTINGS.keymap,
    wrap: typeof value.wrap === "boolean" ? value.wrap : DEFAULT_SETTINGS.wrap,
    indent,
  };
}

/// The settings kept in this browser (pages other than the workspace).
export function storedSettings() {
  return normalise(store.getJson(STORE_KEY));
}

const darkQuery = () => (window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null);

/// Whether the editor should be dark: asked for, or following a dark system.
export function isDark(settings) {
  if (settings.theme === "dark") return true;
  if (settings.theme === "light") return false;
  const query = darkQuery();
  return Boolean(query && query.matches);
}

/// Calls `callback` whenever the operating system switches light/dark.
export function onSchemeChange(callback) {
  const query = darkQuery();
  if (!query) return;
  if (query.addEventListener) query.addEventListener("change", callback);
  else if (query.addListener) query.addListener(callback);
}

/// The settings of whoever is reading, with their change listeners. Read
/// synchronously from the page (server) or local storage so the editor is
/// built once, in the right theme; `ready` may still bring the server's copy
/// when the page did not carry it.
export class EditorSettings {
  constructor({ signedIn }) {
    this.signedIn = signedIn;
    this.listeners = [];
    this.errorListeners = [];
    const fromPage = readJsonIsland("editor-settings");
    const local = store.getJson(STORE_KEY);
    // The server's copy is the person's own wherever they sign in; a
    // signed-out visitor's page carries only the defaults.
    this.value = normalise(signedIn && fromPage ? fromPage : local || fromPage);
    if (signedIn && fromPage) store.setJson(STORE_KEY, this.value);
    this.push = debounce(() => this.sendToServer(), 400);
    this.ready = signedIn && !fromPage ? this.fetchFromServer() : Promise.resolve();
    window.addEventListener("online", () => {
      if (this.unsent) this.push();
    });
  }

  get() {
    return this.value;
  }

  /// `listener(settings)` after every change.
  subscribe(listener) {
    this.listeners.push(listener);
  }

  /// `listener(error or null)` after each attempt to save on the server.
  onSaveResult(listener) {
    this.errorListeners.push(listener);
  }

  update(patch) {
    const next = normalise(Object.assign({}, this.value, patch, { indent: Object.assign({}, this.value.indent, patch.indent || {}) }));
    this.replace(next);
    store.setJson(STORE_KEY, this.value);
    if (this.signedIn) {
      this.unsent = true;
      this.push();
    }
  }

  replace(next) {
    const changed = JSON.stringify(next) !== JSON.stringify(this.value);
    this.value = next;
    if (changed) this.listeners.forEach((listener) => listener(this.value));
  }

  async fetchFromServer() {
    try {
      this.replace(normalise(await getJson("/api/v1/me/editor-settings")));
      store.setJson(STORE_KEY, this.value);
    } catch (_) {
      // An older server, or offline: the local copy serves.
    }
  }

  async sendToServer() {
    try {
      const saved = normalise(await putJson("/api/v1/me/editor-settings", this.value));
      this.unsent = false;
      // Someone may have changed something while the request was out.
      if (!this.push.pending()) {
        this.replace(saved);
        store.setJson(STORE_KEY, this.value);
      }
      this.errorListeners.forEach((listener) => listener(null));
    } catch (error) {
      // Offline (TypeError) or a server without the endpoint: kept locally,
      // sent when back online. A refused value is shown to the person.
      if (error.status === 404 || error.status === 405) this.unsent = false;
      this.errorListeners.forEach((listener) => listener(error.status === 422 || error.status === 400 ? error : null));
    }
  }
}

function selectField(id, label, options, value) {
  const select = el(
    "select",
    { id, class: "select-sm" },
    options.map(([optionValue, text]) => el("option", { value: optionValue, selected: String(optionValue) === String(value) }, text)),
  );
  return { field: el("div", { class: "setting" }, el("label", { for: id }, label), select), select };
}

/// The settings popover behind the toolbar's gear button. `language()` is
/// the editor's current language, whose indent width the popover edits.
export function settingsPopover(button, panel, settings, language) {
  const value = settings.get();
  const theme = selectField("setting-theme", "Theme", [["system", "Follow system"], ["light", "Light"], ["dark", "Dark"]], value.theme);
  const sizes = FONT_SIZES.includes(value.font_size) ? FONT_SIZES : FONT_SIZES.concat([value.font_size]).sort((a, b) => a - b);
  const font = selectField("setting-font-size", "Font size", sizes.map((s) => [s, `${s} px`]), value.font_size);
  const keymap = selectField("setting-keymap", "Key map", [["standard", "Standard"], ["vim", "Vim"], ["emacs", "Emacs"]], value.keymap);
  const indent = selectField("setting-indent", "Indent width", [], 4);
  const wrap = el("input", { type: "checkbox", id: "setting-wrap", checked: value.wrap });
  const error = el("p", { class: "field-error", role: "alert", hidden: true });
  const done = el("button", { type: "button", class: "btn btn-secondary btn-sm" }, "Done");

  // The indent field is for the language in the editor now.
  const fillIndent = () => {
    const current = language();
    const width = settings.get().indent[current];
    const widths = INDENT_WIDTHS.includes(width) ? INDENT_WIDTHS : INDENT_WIDTHS.concat([width]).sort((a, b) => a - b);
    indent.select.replaceChildren(...widths.map((w) => el("option", { value: w, selected: w === width }, `${w} spaces`)));
    indent.field.querySelector("label").textContent = `Indent width (${LANGUAGE_NAMES[current] || current})`;
  };
  fillIndent();

  panel.replaceChildren(
    el("h2", { class: "popover-title" }, "Editor settings"),
    theme.field,
    font.field,
    keymap.field,
    indent.field,
    el("div", { class: "setting setting-check" }, wrap, el("label", { for: "setting-wrap" }, "Wrap long lines")),
    error,
    el("p", { class: "hint" }, settings.signedIn ? "Saved to your account." : "Saved in this browser; log in to keep them everywhere."),
    el("div", { class: "popover-actions" }, done),
  );

  theme.select.addEventListener("change", () => settings.update({ theme: theme.select.value }));
  font.select.addEventListener("change", () => settings.update({ font_size: Number(font.select.value) }));
  keymap.select.addEventListener("change", () => settings.update({ keymap: keymap.select.value }));
  indent.select.addEventListener("change", () => settings.update({ indent: { [language()]: Number(indent.select.value) } }));
  wrap.addEventListener("change", () => settings.update({ wrap: wrap.checked }));
  settings.onSaveResult((problem) => {
    error.hidden = !problem;
    error.textContent = problem ? `Not saved: ${(problem.details[0] && problem.details[0].message) || problem.message}` : "";
  });
  // The server's copy may arrive after the popover was built.
  settings.subscribe((s) => {
    theme.select.value = s.theme;
    font.select.value = String(s.font_size);
    keymap.select.value = s.keymap;
    wrap.checked = s.wrap;
    fillIndent();
  });

  const open = () => {
    fillIndent();
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    theme.select.focus();
  };
  const close = (returnFocus) => {
    if (panel.hidden) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  };
  button.hidden = false;
  button.addEventListener("click", () => (panel.hidden ? open() : close(true)));
  done.addEventListener("click", () => close(true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (!panel.contains(event.target) && !button.contains(event.target)) close(false);
  });
  panel.addEventListener("focusout", (event) => {
    // Tabbing out of the popover closes it.
    if (event.relatedTarget && !panel.contains(event.relatedTarget) && event.relatedTarget !== button) close(false);
  });
  return { refresh: fillIndent, close };
}
