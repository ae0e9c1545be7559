/**
 * @param {string[]} requests
 * @param {number} k
 * @return {string[]}
 */
var topEndpoints = function(requests, k) {
    const counts = new Map();
    for (const r of requests) counts.set(r, (counts.get(r) || 0) + 1);
    const ranked = [...counts.entries()];
    // Busiest first, then by name; < compares code units, ASCII order here.
    ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return ranked.slice(0, k).map(([name]) => name);
};
