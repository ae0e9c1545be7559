use std::collections::HashSet;

impl Solution {
    pub fn dedupe_events(keys: Vec<String>, payloads: Vec<String>) -> Vec<String> {
        let mut seen: HashSet<String> = HashSet::with_capacity(keys.len());
        let mut applied = Vec::new();
        for (key, payload) in keys.into_iter().zip(payloads) {
            if key.is_empty() || seen.insert(key) {
                applied.push(payload);
            }
        }
        applied
    }
}
