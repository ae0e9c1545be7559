use std::collections::{BTreeSet, HashMap};

// Entries ordered by (use count, time of last use) in a B-tree: the first
// element is always the victim. O(log n) per call.
struct LFUCache {
    capacity: usize,
    clock: u64,
    entries: HashMap<i32, (i32, u32, u64)>, // key -> (value, count, last use)
    order: BTreeSet<(u32, u64, i32)>,
}

impl LFUCache {
    fn new(capacity: i32) -> Self {
        LFUCache {
            capacity: capacity as usize,
            clock: 0,
            entries: HashMap::with_capacity(capacity as usize * 2),
            order: BTreeSet::new(),
        }
    }

    fn touch(&mut self, key: i32) {
        self.clock += 1;
        let e = self.entries.get_mut(&key).unwrap();
        self.order.remove(&(e.1, e.2, key));
        e.1 += 1;
        e.2 = self.clock;
        self.order.insert((e.1, e.2, key));
    }

    fn get(&mut self, key: i32) -> i32 {
        if !self.entries.contains_key(&key) {
            return -1;
        }
        self.touch(key);
        self.entries[&key].0
    }

    fn put(&mut self, key: i32, value: i32) {
        if let Some(e) = self.entries.get_mut(&key) {
            e.0 = value;
            self.touch(key);
            return;
        }
        if self.entries.len() == self.capacity {
            let victim = *self.order.iter().next().unwrap();
            self.order.remove(&victim);
            self.entries.remove(&victim.2);
        }
        self.clock += 1;
        self.entries.insert(key, (value, 1, self.clock));
        self.order.insert((1, self.clock, key));
    }
}
