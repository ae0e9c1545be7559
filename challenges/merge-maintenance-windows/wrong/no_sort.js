// Sweeps the bookings in the order they arrive, as if they were sorted.
var mergeWindows = function(windows) {
    const merged = [];
    for (const [start, end] of windows) {
        const last = merged[merged.length - 1];
        if (last && start <= last[1] && start >= last[0]) last[1] = Math.max(last[1], end);
        else merged.push([start, end]);
    }
    return merged;
};
