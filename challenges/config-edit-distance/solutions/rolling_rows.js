/**
 * @param {string} current
 * @param {string} target
 * @return {number}
 */
var typoDistance = function(current, target) {
    const n = current.length, m = target.length;
    let older = new Int32Array(m + 1), prev = new Int32Array(m + 1), row = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) prev[j] = j;
    for (let i = 1; i <= n; i++) {
        row[0] = i;
        const a = current.charCodeAt(i - 1);
        const aBefore = i >= 2 ? current.charCodeAt(i - 2) : -1;
        for (let j = 1; j <= m; j++) {
            const b = target.charCodeAt(j - 1);
            let best = prev[j - 1] + (a !== b ? 1 : 0);
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            if (j >= 2 && a === target.charCodeAt(j - 2) && aBefore === b && older[j - 2] + 1 < best)
                best = older[j - 2] + 1;
            row[j] = best;
        }
        [older, prev, row] = [prev, row, older];
    }
    return prev[m];
};
