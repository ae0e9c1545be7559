// Lists that update themselves: a row of a submissions list whose answer is
// still queued or being graded (`tr[data-pending]`) is filled in when the
// grading ends, without a reload. One request per pending row a second
// (a list shows a handful at most), stopping when none is left or after
// ten minutes.

import { getJson } from "./dom.js";
import { number, outcomeBadge } from "./results.js";

const EVERY_MS = 1000;
const GIVE_UP_AFTER_MS = 10 * 60 * 1000;

function fill(row, view) {
  const outcome = row.querySelector(".outcome-cell");
  if (outcome) outcome.replaceChildren(outcomeBadge(view));
  const points = row.querySelector(".points-cell");
  if (points) points.textContent = typeof view.points === "number" ? String(view.points) : "—";
  const cost = row.querySelector(".cost-cell");
  if (cost) cost.textContent = view.fuel ? number(view.fuel) : "—";
  delete row.dataset.pending;
}

export function livePending(root = document) {
  const started = Date.now();
  const poll = async () => {
    const rows = Array.from(root.querySelectorAll("tr[data-pending]"));
    if (!rows.length || Date.now() - started > GIVE_UP_AFTER_MS) return;
    await Promise.all(
      rows.map(async (row) => {
        try {
          const view = (await getJson(`/api/v1/submissions/${row.dataset.pending}`)).submission;
          if (view.status === "done" || view.status === "failed") fill(row, view);
        } catch (_) {
          // A dropped connection: the next round tries again.
        }
      }),
    );
    setTimeout(poll, EVERY_MS);
  };
  if (root.querySelector("tr[data-pending]")) setTimeout(poll, EVERY_MS);
}
