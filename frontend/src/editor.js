// The CodeMirror 6 editor as the workspace uses it. Everything a setting
// changes lives in its own Compartment, so a new theme, font size, key map,
// indent width or wrapping applies to the open editor without rebuilding it
// (and without losing the text, the selection or the undo history).

import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Compartment, EditorState } from "@codemirror/state";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { oneDark } from "@codemirror/theme-one-dark";
import { vim } from "@replit/codemirror-vim";
import { emacs } from "@replit/codemirror-emacs";
import { python } from "@codemirror/lang-python";
import { javascript } from "@codemirror/lang-javascript";
import { cpp } from "@codemirror/lang-cpp";
import { rust } from "@codemirror/lang-rust";
import { sql } from "@codemirror/lang-sql";
import { isDark } from "./settings.js";

const LANGUAGE_MODES = {
  python: () => python(),
  javascript: () => javascript(),
  cpp: () => cpp(),
  c: () => cpp(),
  rust: () => rust(),
  sql: () => sql(),
};

function languageMode(language) {
  return LANGUAGE_MODES[language] ? LANGUAGE_MODES[language]() : [];
}

// CodeMirror's own light look, with its background spelt out: left
// transparent, a light editor on a dark page draws its dark syntax colours
// on the page's dark background (the bug this replaces).
const lightTheme = EditorView.theme(
  {
    "&": { backgroundColor: "#ffffff", color: "#1f2328" },
    ".cm-gutters": { backgroundColor: "#f5f7fa", color: "#6b7280", borderRight: "1px solid #e3e7ed" },
    ".cm-activeLineGutter": { backgroundColor: "#e8edf5" },
  },
  { dark: false },
);

function themeFor(settings) {
  return isDark(settings) ? oneDark : lightTheme;
}

function fontFor(settings) {
  return EditorView.theme({ "&": { fontSize: `${settings.font_size}px` } });
}

/// The indent unit is what Enter, Tab and the language's indentation rules
/// use: with CodeMirror's default of 2, Python's `def …:` followed by Enter
/// lands 2 deeper than its 4-space starter body.
function indentFor(settings, language) {
  const width = settings.indent[language] || 4;
  return [indentUnit.of(" ".repeat(width)), EditorState.tabSize.of(width)];
}

function keymapFor(settings) {
  if (settings.keymap === "vim") return vim({ status: true });
  if (settings.keymap === "emacs") return emacs();
  return [];
}

function wrapFor(settings) {
  return settings.wrap ? EditorView.lineWrapping : [];
}

/// Builds an editor in `parent`. `keys` are extra key bindings (Run and
/// Submit); `onChange(text)` runs after every edit; `extensions` are added
/// as they are (a live room's collaboration binding).
export function createEditor({ parent, doc, language, settings, keys, onChange, label, extensions }) {
  const parts = {
    keymap: new Compartment(),
    theme: new Compartment(),
    font: new Compartment(),
    indent: new Compartment(),
    wrap: new Compartment(),
    language: new Compartment(),
  };
  let current = language;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        // Vim and Emacs bindings must come before the standard keymaps.
        parts.keymap.of(keymapFor(settings)),
        keymap.of((keys || []).concat([indentWithTab])),
        basicSetup,
        parts.language.of(languageMode(language)),
        parts.indent.of(indentFor(settings, language)),
        parts.theme.of(themeFor(settings)),
        parts.font.of(fontFor(settings)),
        parts.wrap.of(wrapFor(settings)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ "aria-label": label || "Your solution" }),
        extensions || [],
      ],
    }),
  });
  let latest = settings;
  return {
    view,
    text: () => view.state.doc.toString(),
    destroy: () => view.destroy(),
    language: () => current,
    /// Replaces the text (one undoable change) and, when given, the language.
    setText(text, newLanguage) {
      const effects = [];
      if (newLanguage && newLanguage !== current) {
        current = newLanguage;
        effects.push(parts.language.reconfigure(languageMode(current)), parts.indent.reconfigure(indentFor(latest, current)));
      }
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects });
    },
    /// Applies changed settings; the theme is always worked out again, as
    /// "follow system" changes with the operating system.
    applySettings(next) {
      const before = latest;
      latest = next;
      const effects = [parts.theme.reconfigure(themeFor(next))];
      // A new Vim or Emacs instance would forget its mode and registers.
      if (next.keymap !== before.keymap) effects.push(parts.keymap.reconfigure(keymapFor(next)));
      if (next.font_size !== before.font_size) effects.push(parts.font.reconfigure(fontFor(next)));
      if (next.indent[current] !== before.indent[current]) effects.push(parts.indent.reconfigure(indentFor(next, current)));
      if (next.wrap !== before.wrap) effects.push(parts.wrap.reconfigure(wrapFor(next)));
      view.dispatch({ effects });
    },
  };
}

/// A read-only view of some code (a past submission), in the reader's theme.
export function codeViewer(parent, text, language, settings) {
  const theme = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        languageMode(language),
        theme.of(themeFor(settings)),
        fontFor(settings),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Submitted code" }),
      ],
    }),
  });
  return {
    view,
    applySettings: (next) => view.dispatch({ effects: theme.reconfigure(themeFor(next)) }),
  };
}
