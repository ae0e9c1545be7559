// A room's playback: the server's log of the shared document (each step a
// Yjs update with its author and time) applied step by step to a fresh
// document. "Whose changes" follows one participant: Play and the
// timeline step through their changes only (everyone else's are still
// applied in between, so the text is always the room's real text). Playing moves one step at a time at an even pace, so idle
// minutes take no time; the scrubber jumps anywhere (backwards by
// rebuilding from the start, which is quick at these sizes). A step that
// added many characters in one change is marked as a paste. The last step
// is the room's final text, exactly: it is the same log the room was
// rebuilt from.

import * as Y from "yjs";
import { getJson, shortDate } from "./dom.js";

/// Characters added by one change before it is marked as a paste.
const PASTE_CHARS = 120;
const STEP_MS = 250;

function decode(base64) {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/// The document's texts: each problem's code, then the drawing board.
function textNames(doc) {
  const names = Array.from(doc.share.keys());
  const code = names.filter((name) => name.startsWith("code/")).sort();
  return names.includes("board") ? code.concat(["board"]) : code;
}

export async function playback(root) {
  const problems = JSON.parse(root.dataset.problems || "[]");
  const scrub = root.querySelector("#playback-scrub");
  const code = root.querySelector("#playback-code");
  const position = root.querySelector("#playback-position");
  const which = root.querySelector("#playback-text");
  const timeline = root.querySelector("#playback-timeline");
  const play = root.querySelector("#playback-play");
  const who = root.querySelector("#playback-who");
  const [{ steps }, { entries }] = await Promise.all([
    getJson(`/api/v1/rooms/${root.dataset.id}/playback`),
    getJson(`/api/v1/rooms/${root.dataset.id}/console`),
  ]);
  const answers = new Map(entries.map((e) => [e.id, e]));
  const updates = steps.map((s) => decode(s.update));

  // The final document names every text there is; measure each step's
  // growth on the way to mark pastes.
  const final = new Y.Doc();
  const sizes = [];
  // Runs and submissions are the console's entries, written by the
  // server: a step that changes one is that run on the timeline.
  const runs = [];
  const consoleMap = final.getMap("console");
  updates.forEach((u) => {
    const before = textNames(final).reduce((n, name) => n + final.getText(name).length, 0);
    const seen = new Map(Array.from(consoleMap.entries()));
    Y.applyUpdate(final, u);
    const after = textNames(final).reduce((n, name) => n + final.getText(name).length, 0);
    sizes.push(after - before);
    // The server's nudge names the answer; the console says what it was.
    const changed = Array.from(consoleMap.entries()).find(([key, value]) => seen.get(key) !== value);
    const answer = changed && answers.get(changed[0]);
    runs.push(answer ? { ...answer, graded: changed[1] !== "queued" } : null);
  });
  const label = (name) => {
    if (name === "board") return "Drawing board";
    const [, pos, language] = name.split("/");
    const problem = problems.find((p) => String(p.position) === pos);
    return problem ? `${problem.title} · ${language}` : name;
  };
  which.replaceChildren(
    ...textNames(final).map((name) => {
      const option = document.createElement("option");
      option.value = name;
      option.textContent = label(name);
      return option;
    }),
  );

  timeline.replaceChildren(
    ...steps.map((step, i) => {
      const item = document.createElement("li");
      const pasted = step.author && step.edits <= 2 && sizes[i] >= PASTE_CHARS;
      item.className = pasted ? "paste" : "";
      item.dataset.step = String(i + 1);
      const run = runs[i];
      if (run) {
        item.className = "run";
        const what = run.mode === "submit" ? "Submission" : "Run";
        item.textContent = run.graded
          ? `${shortDate(step.at)} · ${what} by ${run.by} graded · ${run.summary}`
          : `${shortDate(step.at)} · ${what} by ${run.by} sent (${run.problem}, ${run.language})`;
      } else {
        item.textContent = `${shortDate(step.at)} · ${step.author || "Starter code"} · ${step.edits} change${step.edits === 1 ? "" : "s"}${pasted ? ` · pasted ${sizes[i]} characters` : ""}`;
      }
      item.addEventListener("click", () => go(i + 1));
      return item;
    }),
  );

  const authors = Array.from(new Set(steps.map((s) => s.author).filter(Boolean)));
  authors.forEach((name) => {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    who.append(option);
  });
  // The steps Play visits: everyone's, or one participant's.
  const followed = () =>
    steps.map((s, i) => i + 1).filter((n) => !who.value || steps[n - 1].author === who.value);
  who.addEventListener("change", () => {
    timeline.querySelectorAll("li").forEach((li) => {
      li.hidden = Boolean(who.value) && steps[Number(li.dataset.step) - 1].author !== who.value;
    });
  });

  let doc = new Y.Doc();
  let at = 0;
  function go(step) {
    const target = Math.max(0, Math.min(updates.length, step));
    if (target < at) {
      doc = new Y.Doc();
      at = 0;
    }
    while (at < target) {
      Y.applyUpdate(doc, updates[at]);
      at += 1;
    }
    scrub.value = String(at);
    code.textContent = which.value ? doc.getText(which.value).toString() : "";
    position.textContent = at === 0 ? "Before the first change" : `Step ${at} of ${updates.length} · ${shortDate(steps[at - 1].at)}${steps[at - 1].author ? ` · ${steps[at - 1].author}` : ""}`;
    timeline.querySelectorAll("li").forEach((li) => li.classList.toggle("current", Number(li.dataset.step) === at));
  }

  let timer = null;
  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = "Play";
  }
  play.addEventListener("click", () => {
    if (timer) return stop();
    const visits = followed();
    if (!visits.length) return;
    if (at >= visits[visits.length - 1]) go(0);
    play.textContent = "Pause";
    timer = setInterval(() => {
      const next = followed().find((n) => n > at);
      if (next === undefined) return stop();
      go(next);
    }, STEP_MS);
  });
  scrub.addEventListener("input", () => go(Number(scrub.value)));
  which.addEventListener("change", () => go(at));
  go(updates.length);
  root.dataset.ready = "true";
}
