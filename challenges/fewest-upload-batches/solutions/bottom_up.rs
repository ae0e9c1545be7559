impl Solution {
    pub fn fewest_batches(batch_sizes: Vec<i32>, total: i32) -> i32 {
        let total = total as usize;
        let unreachable = u32::MAX;
        let mut best = vec![unreachable; total + 1];
        best[0] = 0;
        for t in 1..=total {
            for &size in &batch_sizes {
                let size = size as usize;
                if size <= t && best[t - size] != unreachable {
                    best[t] = best[t].min(best[t - size] + 1);
                }
            }
        }
        if best[total] == unreachable { -1 } else { best[total] as i32 }
    }
}
