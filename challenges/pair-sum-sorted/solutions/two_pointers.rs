impl Solution {
    pub fn count_fitting_pairs(sizes: Vec<i32>, limit: i64) -> i64 {
        let mut count: i64 = 0;
        let (mut lo, mut hi) = (0usize, sizes.len());
        // hi is one past the largest candidate partner.
        while hi > 0 && lo + 1 < hi {
            if sizes[lo] as i64 + sizes[hi - 1] as i64 <= limit {
                count += (hi - 1 - lo) as i64;
                lo += 1;
            } else {
                hi -= 1;
            }
        }
        count
    }
}
