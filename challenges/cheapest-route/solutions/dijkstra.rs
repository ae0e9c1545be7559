use std::cmp::Reverse;
use std::collections::BinaryHeap;

// Dijkstra's algorithm over (latency, hops) pairs with a min-heap.
impl Solution {
    pub fn cheapest_route(n: i32, links: Vec<Vec<i32>>, source: i32, target: i32) -> Vec<i64> {
        let n = n as usize;
        let mut out: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n];
        for l in &links {
            out[l[0] as usize].push((l[1] as usize, l[2] as i64));
        }
        let mut best = vec![(i64::MAX, i64::MAX); n];
        let (source, target) = (source as usize, target as usize);
        best[source] = (0, 0);
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((0i64, 0i64, source)));
        while let Some(Reverse((d, h, u))) = heap.pop() {
            if (d, h) != best[u] {
                continue;
            }
            if u == target {
                return vec![d, h];
            }
            for &(v, w) in &out[u] {
                let cand = (d + w, h + 1);
                if cand < best[v] {
                    best[v] = cand;
                    heap.push(Reverse((cand.0, cand.1, v)));
                }
            }
        }
        vec![-1, -1]
    }
}
