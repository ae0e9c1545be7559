// Counting buckets: a Fenwick tree counts the samples at each latency
// 0..=100000, and p95 descends the tree to the bucket holding rank r.
// O(log V) per call.
const SIZE: usize = 1 << 17; // > 100001 buckets

struct LatencyTracker {
    tree: Vec<u32>,
    n: u64,
}

impl LatencyTracker {
    fn new() -> Self {
        LatencyTracker { tree: vec![0; SIZE + 1], n: 0 }
    }

    fn record(&mut self, ms: i32) {
        self.n += 1;
        let mut i = ms as usize + 1;
        while i <= SIZE {
            self.tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }

    fn p95(&self) -> i32 {
        if self.n == 0 {
            return -1;
        }
        let mut rank = ((95 * self.n + 99) / 100) as u32;
        // Find the largest position whose prefix count is < rank.
        let mut pos = 0;
        let mut step = SIZE;
        while step > 0 {
            if pos + step <= SIZE && self.tree[pos + step] < rank {
                pos += step;
                rank -= self.tree[pos];
            }
            step >>= 1;
        }
        pos as i32 // bucket pos + 1 holds the rank; its latency is pos
    }
}
