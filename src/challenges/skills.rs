//! The skills a challenge can train. A fixed vocabulary, so that progress
//! per skill adds up across challenges and a typo in a manifest is caught.

/// `(key, display name)`, in the order pages list them.
pub const SKILLS: &[(&str, &str)] = &[
    ("arrays-hashing", "Arrays and hashing"),
    ("two-pointers", "Two pointers"),
    ("sliding-window", "Sliding window"),
    ("stacks", "Stacks and monotonic stacks"),
    ("binary-search", "Binary search"),
    ("intervals", "Intervals"),
    ("linked-lists", "Linked lists"),
    ("trees", "Trees"),
    ("graphs", "Graphs"),
    ("heaps", "Heaps and top-k"),
    ("tries", "Tries"),
    ("greedy", "Greedy"),
    ("dynamic-programming", "Dynamic programming"),
    ("bit-manipulation", "Bit manipulation"),
    ("strings-parsing", "Strings and parsing"),
    ("sorting", "Sorting"),
    ("math", "Math"),
    ("sql-querying", "SQL querying"),
    ("sql-joins", "SQL joins"),
    ("sql-aggregation", "SQL aggregation"),
    ("sql-window-functions", "SQL window functions"),
    ("sql-recursion", "Recursive SQL"),
    ("database-design", "Database design"),
    ("query-optimisation", "Query optimisation"),
    ("api-design", "API design"),
    ("system-design", "System design"),
    ("caching", "Caching"),
    ("scalability", "Scalability"),
    ("reliability", "Reliability"),
    ("concurrency", "Concurrency"),
    ("security", "Security"),
    ("performance", "Performance"),
    ("testing-debugging", "Testing and debugging"),
    ("data-processing", "Data processing"),
];

pub fn is_known(key: &str) -> bool {
    SKILLS.iter().any(|(k, _)| *k == key)
}

pub fn display_name(key: &str) -> &str {
    SKILLS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, name)| *name)
        .unwrap_or(key)
}

/// The known skill closest to a misspelt one, for "did you mean".
pub fn closest(key: &str) -> Option<&'static str> {
    SKILLS
        .iter()
        .map(|(k, _)| (*k, edit_distance(k, key)))
        .filter(|(_, d)| *d <= 3)
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_skill() {
        assert!(is_known("graphs"));
        assert_eq!(closest("graph"), Some("graphs"));
        assert_eq!(closest("dynamic-programing"), Some("dynamic-programming"));
        assert_eq!(closest("astrology"), None);
    }
}
