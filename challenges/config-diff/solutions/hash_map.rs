use std::collections::HashMap;

impl Solution {
    pub fn diff_config(before: HashMap<String, String>, after: HashMap<String, String>) -> Vec<String> {
        let mut names: Vec<&String> = before.keys().collect();
        names.extend(after.keys().filter(|name| !before.contains_key(*name)));
        names.sort_unstable();
        let mut lines = Vec::new();
        for name in names {
            match (before.get(name), after.get(name)) {
                (None, Some(new)) => lines.push(format!("+{}={}", name, new)),
                (Some(_), None) => lines.push(format!("-{}", name)),
                (Some(old), Some(new)) if old != new => lines.push(format!("~{}: {} -> {}", name, old, new)),
                _ => {}
            }
        }
        lines
    }
}
