// The browser side of Rehearse. Pages work without it (forms post
// normally and results render on the server); with it:
// - the challenge workspace (workspace.js): a split layout with draggable
//   dividers on desktops and tabs on phones (layout.js), CodeMirror 6 with
//   per-user settings (editor.js, settings.js), drafts kept locally and on
//   the server (drafts.js), Run and Submit with live results (results.js),
//   custom test cases (cases.js) and past submissions with diffs
//   (history.js, diff.js);
// - live grading on a submission's own page, and submitted code shown
//   highlighted in the reader's theme;
// - catalog filters that apply as they change (catalog.js);
// - mock interview clocks counting down (clock.js), and lists whose
//   pending answers fill in when graded (pending.js);
// - live interview rooms: a shared editor synced with Yjs (room.js), the
//   interviewer's notes saved as they type, and playback (playback.js).

import { follow, renderSummary } from "./results.js";
import { workspaceLayout } from "./layout.js";
import { codeWorkspace, designWorkspace } from "./workspace.js";
import { codeViewer } from "./editor.js";
import { onSchemeChange, storedSettings } from "./settings.js";
import { liveCatalog } from "./catalog.js";
import { clocks } from "./clock.js";
import { livePending } from "./pending.js";
import { autosaveNotes, copyButtons, liveRoom } from "./room.js";
import { playback } from "./playback.js";

function submissionPage(root) {
  if (root.dataset.status === "done" || root.dataset.status === "failed") return;
  follow(root.dataset.id, document.getElementById("results"), null);
}

function readOnlyCode(root) {
  const pre = root.querySelector("pre");
  const viewer = codeViewer(root, pre.textContent, root.dataset.language, storedSettings());
  onSchemeChange(() => viewer.applySettings(storedSettings()));
  pre.hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  const shell = document.getElementById("ws");
  const layout = shell ? workspaceLayout(shell) : { show() {} };
  const workspace = document.getElementById("workspace");
  if (workspace && (workspace.dataset.kind === "code" || workspace.dataset.kind === "sql")) codeWorkspace(workspace, layout);
  if (workspace && workspace.dataset.kind === "design") designWorkspace(workspace, layout);
  const submission = document.getElementById("submission");
  if (submission) submissionPage(submission);
  document.querySelectorAll(".code-view[data-language]").forEach(readOnlyCode);
  const filters = document.getElementById("catalog-filters");
  if (filters) liveCatalog(filters);
  clocks();
  livePending();
  const room = document.getElementById("room");
  if (room) liveRoom(room);
  const notes = document.getElementById("notes-form");
  if (notes && room) autosaveNotes(notes, room.dataset.id);
  copyButtons();
  const replay = document.getElementById("playback");
  if (replay) playback(replay);
});

window.Rehearse = { follow, renderSummary };
