/**
 * Breadth-first search over "records sent so far": the first time the
 * search reaches `total`, it has used the fewest batches.
 * @param {number[]} batch_sizes
 * @param {number} total
 * @return {number}
 */
var fewestBatches = function(batch_sizes, total) {
    const sizes = [...new Set(batch_sizes)];
    const steps = new Int32Array(total + 1).fill(-1);
    steps[0] = 0;
    const queue = new Int32Array(total + 1);
    let head = 0, tail = 0;
    queue[tail++] = 0;
    while (head < tail) {
        const sent = queue[head++];
        if (sent === total) return steps[sent];
        for (const size of sizes) {
            const next = sent + size;
            if (next <= total && steps[next] === -1) {
                steps[next] = steps[sent] + 1;
                queue[tail++] = next;
            }
        }
    }
    return -1;
};
