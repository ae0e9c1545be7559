/**
 * @param {number[][]} windows
 * @return {number[][]}
 */
var mergeWindows = function(windows) {
    const sorted = windows.slice().sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [start, end] of sorted) {
        const last = merged[merged.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else merged.push([start, end]);
    }
    return merged;
};
