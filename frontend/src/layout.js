// The workspace's layout: ARIA tabs (the phone tabs and the results
// console's tabs), the draggable dividers between the statement and the
// editor and between the editor and the console, and the switch between
// the desktop split, the stacked tablet layout and the phone tabs.

import { store } from "./dom.js";

const DESKTOP = "(min-width: 1024px)";
const PHONE = "(max-width: 767.98px)";

/// Tabs over a `role="tablist"` of `role="tab"` buttons, each naming its
/// panel in `aria-controls`: roving tabindex, arrow keys, Home and End;
/// a tab is shown as soon as it gets focus. `onSelect(id)` after a switch.
export function tabs(tablist, options) {
  const opts = options || {};
  const all = () => Array.from(tablist.querySelectorAll('[role="tab"]')).filter((t) => !t.hidden);
  const panelOf = (tab) => document.getElementById(tab.getAttribute("aria-controls"));
  let active = null;
  let enabled = true;

  const select = (tab, focus) => {
    if (!tab) return;
    active = tab;
    for (const t of all()) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = panelOf(t);
      if (panel && enabled) panel.hidden = !on;
    }
    if (focus) tab.focus();
    if (opts.onSelect) opts.onSelect(tab.id);
  };

  for (const tab of all()) {
    const panel = panelOf(tab);
    if (panel && opts.panelRoles !== false) {
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      // A panel scrolls on its own: the keyboard must be able to reach it.
      if (!panel.hasAttribute("tabindex")) panel.tabIndex = 0;
    }
    tab.addEventListener("click", () => select(tab, false));
  }
  tablist.addEventListener("keydown", (event) => {
    const list = all();
    const index = list.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: list.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(list[(moves[event.key] + list.length) % list.length], true);
  });
  select(all().find((t) => t.getAttribute("aria-selected") === "true") || all()[0], false);

  return {
    /// Shows the tab with this id (or the tab controlling that panel).
    select(id) {
      select(all().find((t) => t.id === id || t.getAttribute("aria-controls") === id), false);
    },
    selected: () => (active ? active.id : null),
    /// Turns the tabs' panel switching off (every panel shown) or back on.
    setEnabled(on) {
      enabled = on;
      for (const t of all()) {
        const panel = panelOf(t);
        if (!panel) continue;
        panel.hidden = on ? t !== active : false;
        if (opts.panelRoles === false) {
          // Panels are tab panels only while the tabs are in use.
          if (on) {
            panel.setAttribute("role", "tabpanel");
            panel.setAttribute("aria-labelledby", t.id);
          } else {
            panel.removeAttribute("role");
            panel.removeAttribute("aria-labelledby");
          }
        }
      }
    },
  };
}

/// A divider the pointer drags and the arrow keys move. Its value is the
/// share (in %) of the container before it: the statement's width, or the
/// editor's height. `apply(value)` lays the panes out; the value is kept
/// under `storageKey`.
export function splitter(separator, { container, vertical, min, max, initial, storageKey, apply }) {
  const stored = Number(store.get(storageKey));
  let value = stored >= min && stored <= max ? stored : initial;
  const set = (next, save) => {
    value = Math.round(Math.min(max, Math.max(min, next)) * 10) / 10;
    separator.setAttribute("aria-valuenow", String(Math.round(value)));
    separator.setAttribute("aria-valuetext", `${Math.round(value)} %`);
    apply(value);
    if (save) store.set(storageKey, String(value));
  };
  separator.setAttribute("aria-valuemin", String(min));
  separator.setAttribute("aria-valuemax", String(max));
  separator.hidden = false;
  set(value, false);

  separator.addEventListener("keydown", (event) => {
    const step = event.shiftKey ? 10 : 2;
    const keys = vertical
      ? { ArrowLeft: -step, ArrowRight: step }
      : { ArrowUp: -step, ArrowDown: step };
    if (event.key in keys) set(value + keys[event.key], true);
    else if (event.key === "Home") set(min, true);
    else if (event.key === "End") set(max, true);
    else return;
    event.preventDefault();
  });

  separator.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    separator.setPointerCapture(event.pointerId);
    separator.classList.add("is-dragging");
    document.body.classList.add(vertical ? "is-resizing-x" : "is-resizing-y");
    const box = container.getBoundingClientRect();
    const move = (e) => {
      const share = vertical ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height;
      set(share * 100, false);
    };
    const up = () => {
      separator.classList.remove("is-dragging");
      document.body.classList.remove("is-resizing-x", "is-resizing-y");
      separator.removeEventListener("pointermove", move);
      separator.removeEventListener("pointerup", up);
      separator.removeEventListener("pointercancel", up);
      store.set(storageKey, String(value));
    };
    separator.addEventListener("pointermove", move);
    separator.addEventListener("pointerup", up);
    separator.addEventListener("pointercancel", up);
  });
  return { value: () => value, set: (next) => set(next, true) };
}

/// Sets up the workspace shell `ws`: dividers for the desktop split, and
/// the Statement / Code / Result tabs for phones. Returns `show(pane)`
/// ("statement", "code" or "result"), which switches the phone tabs.
export function workspaceLayout(ws) {
  ws.classList.add("is-enhanced");
  const vertical = document.getElementById("ws-split-v");
  const horizontal = document.getElementById("ws-split-h");
  if (vertical) {
    splitter(vertical, {
      container: ws,
      vertical: true,
      min: 20,
      max: 70,
      initial: 40,
      storageKey: "rehearse:layout:split",
      apply: (v) => ws.style.setProperty("--ws-split", `${v}%`),
    });
  }
  if (horizontal) {
    // The editor's share of the right-hand column: what is above the divider.
    const column = {
      getBoundingClientRect: () => {
        const code = document.getElementById("ws-code").getBoundingClientRect();
        const console = document.getElementById("ws-console").getBoundingClientRect();
        return { left: code.left, width: code.width, top: code.top, height: console.bottom - code.top };
      },
    };
    splitter(horizontal, {
      container: column,
      vertical: false,
      min: 20,
      max: 85,
      initial: 62,
      storageKey: "rehearse:layout:console",
      apply: (v) => ws.style.setProperty("--ws-editor", `${v}%`),
    });
  }

  const tablist = ws.querySelector(".ws-tabs");
  const phoneTabs = tabs(tablist, { panelRoles: false });
  const phone = window.matchMedia(PHONE);
  const desktop = window.matchMedia(DESKTOP);
  const update = () => {
    phoneTabs.setEnabled(phone.matches);
    ws.dataset.layout = desktop.matches ? "split" : phone.matches ? "tabs" : "stacked";
  };
  update();
  const listen = (query) => (query.addEventListener ? query.addEventListener("change", update) : query.addListener(update));
  listen(phone);
  listen(desktop);
  return {
    show(pane) {
      if (phone.matches) phoneTabs.select(`ws-tab-${pane}`);
    },
  };
}
