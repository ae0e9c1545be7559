// The drawing board's renderer, a bundle of its own (static/dist/board.js)
// because Mermaid is large: a room page loads it only when someone opens
// the board. Diagrams are text (Mermaid's language: flowcharts, sequence
// diagrams, entity relations…), so the board is shared through the same
// CRDT as the code, merges concurrent edits, and replays in playback.
// `securityLevel: "strict"` keeps HTML and scripts out of labels.

import mermaid from "mermaid";

let counter = 0;

window.RehearseBoard = {
  async render(text, dark) {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
    counter += 1;
    const { svg } = await mermaid.render(`board-diagram-${counter}`, text);
    return svg;
  },
};
