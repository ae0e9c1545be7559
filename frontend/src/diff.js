// A line diff by longest common subsequence: small, exact, and enough for
// code of interview size. Common lines at both ends are set aside first, so
// the quadratic table only covers the part that changed.

// Beyond this many table cells (a few MB), the middle is shown as removed
// then added instead of being aligned line by line.
const MAX_CELLS = 4_000_000;

/// `[{op: "same" | "del" | "add", text, a, b}]` turning `before` into
/// `after`; `a` and `b` are 1-based line numbers on each side (or null).
export function lineDiff(before, after) {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const out = [];
  for (let i = 0; i < start; i += 1) out.push({ op: "same", text: a[i], a: i + 1, b: i + 1 });
  out.push(...middle(a, b, start, endA, start, endB));
  for (let i = endA, j = endB; i < a.length; i += 1, j += 1) out.push({ op: "same", text: a[i], a: i + 1, b: j + 1 });
  return out;
}

export function splitLines(text) {
  if (!text) return [];
  const lines = String(text).replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function middle(a, b, a0, a1, b0, b1) {
  const n = a1 - a0;
  const m = b1 - b0;
  const out = [];
  if (n * m > MAX_CELLS) {
    for (let i = a0; i < a1; i += 1) out.push({ op: "del", text: a[i], a: i + 1, b: null });
    for (let j = b0; j < b1; j += 1) out.push({ op: "add", text: b[j], a: null, b: j + 1 });
    return out;
  }
  // lengths[i][j]: the LCS of a[a0+i..a1) and b[b0+j..b1), in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[a0 + i] === b[b0 + j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      out.push({ op: "same", text: a[a0 + i], a: a0 + i + 1, b: b0 + j + 1 });
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      out.push({ op: "del", text: a[a0 + i], a: a0 + i + 1, b: null });
      i += 1;
    } else {
      out.push({ op: "add", text: b[b0 + j], a: null, b: b0 + j + 1 });
      j += 1;
    }
  }
  for (; i < n; i += 1) out.push({ op: "del", text: a[a0 + i], a: a0 + i + 1, b: null });
  for (; j < m; j += 1) out.push({ op: "add", text: b[b0 + j], a: null, b: b0 + j + 1 });
  return out;
}
