use std::collections::{BTreeSet, HashSet};

fn fnv1a(text: &str) -> u32 {
    let mut h: u32 = 2166136261;
    for b in text.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(16777619);
    }
    h
}

// The ring is an ordered set of (position, node name): a lookup is a range
// query for the first entry at or after the key's position.
struct ConsistentHashRing {
    replicas: i32,
    nodes: HashSet<String>,
    ring: BTreeSet<(u32, String)>,
}

impl ConsistentHashRing {
    fn new(replicas: i32) -> Self {
        ConsistentHashRing { replicas, nodes: HashSet::new(), ring: BTreeSet::new() }
    }

    fn add_node(&mut self, name: String) {
        if !self.nodes.insert(name.clone()) {
            return;
        }
        for i in 0..self.replicas {
            self.ring.insert((fnv1a(&format!("{}#{}", name, i)), name.clone()));
        }
    }

    fn remove_node(&mut self, name: String) {
        if !self.nodes.remove(&name) {
            return;
        }
        for i in 0..self.replicas {
            self.ring.remove(&(fnv1a(&format!("{}#{}", name, i)), name.clone()));
        }
    }

    fn lookup(&self, key: String) -> String {
        let h = fnv1a(&key);
        self.ring
            .range((h, String::new())..)
            .next()
            .or_else(|| self.ring.iter().next())
            .map_or(String::new(), |(_, name)| name.clone())
    }
}
