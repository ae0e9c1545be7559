// Counting buckets in a Fenwick tree over latencies 0..100000; p95 descends
// the tree to the bucket holding rank r in O(log V).
const SIZE = 1 << 17; // > 100001 buckets

class LatencyTracker {
    constructor() {
        this.tree = new Int32Array(SIZE + 1);
        this.n = 0;
    }

    record(ms) {
        this.n++;
        for (let i = ms + 1; i <= SIZE; i += i & -i) this.tree[i]++;
    }

    p95() {
        if (this.n === 0) return -1;
        let rank = Math.floor((95 * this.n + 99) / 100);
        let pos = 0;
        for (let step = SIZE; step > 0; step >>= 1) {
            if (pos + step <= SIZE && this.tree[pos + step] < rank) {
                pos += step;
                rank -= this.tree[pos];
            }
        }
        return pos; // bucket pos + 1 holds the rank; its latency is pos
    }
}
