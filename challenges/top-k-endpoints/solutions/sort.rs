use std::collections::HashMap;

impl Solution {
    pub fn top_endpoints(requests: Vec<String>, k: i32) -> Vec<String> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for r in &requests {
            *counts.entry(r.as_str()).or_insert(0) += 1;
        }
        let mut ranked: Vec<(&str, u32)> = counts.into_iter().collect();
        // Busiest first, then by name (byte order is ASCII order).
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        ranked.into_iter().take(k as usize).map(|(name, _)| name.to_string()).collect()
    }
}
