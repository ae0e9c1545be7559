// Runs the table backwards (0/1 knapsack order), so each batch size can be
// used at most once: [3] with total 9 looks impossible.
var fewestBatches = function(batch_sizes, total) {
    const INF = total + 1;
    const best = new Array(total + 1).fill(INF);
    best[0] = 0;
    for (const size of batch_sizes)
        for (let t = total; t >= size; t--)
            best[t] = Math.min(best[t], best[t - size] + 1);
    return best[total] >= INF ? -1 : best[total];
};
