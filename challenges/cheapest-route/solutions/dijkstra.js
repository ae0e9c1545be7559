// Dijkstra's algorithm with a hand-written binary heap kept in three
// parallel arrays (latency, hops, service), sifting with a hole instead of
// swaps.
var cheapestRoute = function(n, links, source, target) {
    const start = new Int32Array(n + 1);
    for (const l of links) start[l[0] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    const to = new Int32Array(links.length), weight = new Float64Array(links.length);
    for (const l of links) {
        const e = fill[l[0]]++;
        to[e] = l[1];
        weight[e] = l[2];
    }
    const dist = new Float64Array(n).fill(Infinity), hops = new Int32Array(n);
    const hd = [], hh = [], hv = [];
    let size = 0;
    const push = (d, h, v) => {
        let i = size++;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (hd[p] < d || (hd[p] === d && hh[p] <= h)) break;
            hd[i] = hd[p]; hh[i] = hh[p]; hv[i] = hv[p];
            i = p;
        }
        hd[i] = d; hh[i] = h; hv[i] = v;
    };
    // Removes the root; the caller has read it already.
    const popRoot = () => {
        size--;
        const d = hd[size], h = hh[size], v = hv[size];
        let i = 0;
        for (;;) {
            let c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && (hd[c + 1] < hd[c] || (hd[c + 1] === hd[c] && hh[c + 1] < hh[c]))) c++;
            if (d < hd[c] || (d === hd[c] && h <= hh[c])) break;
            hd[i] = hd[c]; hh[i] = hh[c]; hv[i] = hv[c];
            i = c;
        }
        hd[i] = d; hh[i] = h; hv[i] = v;
    };
    dist[source] = 0;
    hops[source] = 0;
    push(0, 0, source);
    while (size > 0) {
        const d = hd[0], h = hh[0], u = hv[0];
        popRoot();
        if (d !== dist[u] || h !== hops[u]) continue;
        if (u === target) return [d, h];
        for (let e = start[u]; e < start[u + 1]; e++) {
            const v = to[e], nd = d + weight[e], nh = h + 1;
            if (nd < dist[v] || (nd === dist[v] && nh < hops[v])) {
                dist[v] = nd;
                hops[v] = nh;
                push(nd, nh, v);
            }
        }
    }
    return [-1, -1];
};
