impl Solution {
    pub fn first_slow_builds(p99_ms: Vec<i32>, thresholds: Vec<i32>) -> Vec<i32> {
        thresholds
            .iter()
            .map(|&t| {
                let first = p99_ms.partition_point(|&v| v < t);
                if first == p99_ms.len() { -1 } else { first as i32 }
            })
            .collect()
    }
}
