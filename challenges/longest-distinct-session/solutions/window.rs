use std::collections::HashMap;

impl Solution {
    pub fn longest_cold_stretch(keys: Vec<String>) -> i32 {
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(keys.len());
        let (mut left, mut best) = (0usize, 0usize);
        for (i, key) in keys.iter().enumerate() {
            if let Some(seen) = last.insert(key.as_str(), i) {
                left = left.max(seen + 1);
            }
            best = best.max(i + 1 - left);
        }
        best as i32
    }
}
