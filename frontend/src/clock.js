// Mock interview clocks: every `.clock[data-remaining]` counts down to its
// deadline. The server's "seconds left" is the truth (the reader's own
// clock may be off); it is turned into a deadline on this machine once.
// When the time is up the interview page is opened, where the server shows
// what it submitted.

const LOW_SECONDS = 5 * 60;

function format(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(s)} left` : `${m}:${two(s)} left`;
}

export function clocks(root = document) {
  const all = Array.from(root.querySelectorAll(".clock[data-remaining]"));
  if (!all.length) return;
  const started = performance.now();
  const tick = () => {
    let over = false;
    for (const clock of all) {
      const total = Number(clock.dataset.remaining);
      const left = Math.max(0, Math.round(total - (performance.now() - started) / 1000));
      clock.textContent = left > 0 ? format(left) : "Time is up";
      clock.classList.toggle("clock-low", left <= LOW_SECONDS);
      if (left === 0) over = true;
    }
    if (over) {
      const target = all.find((c) => c.dataset.endedHref);
      // The closer runs every few seconds; give it a moment, then show the report.
      if (target) setTimeout(() => window.location.assign(target.dataset.endedHref), 4000);
      return;
    }
    setTimeout(tick, 1000 - ((performance.now() - started) % 1000));
  };
  tick();
}
