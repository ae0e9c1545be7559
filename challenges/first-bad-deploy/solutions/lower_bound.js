/**
 * @param {number[]} p99_ms
 * @param {number[]} thresholds
 * @return {number[]}
 */
var firstSlowBuilds = function(p99_ms, thresholds) {
    const n = p99_ms.length;
    return thresholds.map((t) => {
        let lo = 0, hi = n;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (p99_ms[mid] >= t) hi = mid; else lo = mid + 1;
        }
        return lo < n ? lo : -1;
    });
};
