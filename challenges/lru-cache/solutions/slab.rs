use std::collections::HashMap;

// A doubly linked list kept in a Vec (indices instead of pointers).
struct Node {
    key: i32,
    value: i32,
    prev: usize,
    next: usize,
}

const NIL: usize = usize::MAX;

struct LRUCache {
    capacity: usize,
    nodes: Vec<Node>,
    index: HashMap<i32, usize>,
    head: usize, // most recent
    tail: usize, // least recent
}

impl LRUCache {
    fn new(capacity: i32) -> Self {
        LRUCache { capacity: capacity as usize, nodes: Vec::new(), index: HashMap::new(), head: NIL, tail: NIL }
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        if prev != NIL { self.nodes[prev].next = next; } else { self.head = next; }
        if next != NIL { self.nodes[next].prev = prev; } else { self.tail = prev; }
    }

    fn push_front(&mut self, i: usize) {
        self.nodes[i].prev = NIL;
        self.nodes[i].next = self.head;
        if self.head != NIL { self.nodes[self.head].prev = i; }
        self.head = i;
        if self.tail == NIL { self.tail = i; }
    }

    fn get(&mut self, key: i32) -> i32 {
        match self.index.get(&key).copied() {
            Some(i) => {
                self.unlink(i);
                self.push_front(i);
                self.nodes[i].value
            }
            None => -1,
        }
    }

    fn put(&mut self, key: i32, value: i32) {
        if let Some(&i) = self.index.get(&key) {
            self.nodes[i].value = value;
            self.unlink(i);
            self.push_front(i);
            return;
        }
        let i = if self.nodes.len() < self.capacity {
            self.nodes.push(Node { key, value, prev: NIL, next: NIL });
            self.nodes.len() - 1
        } else {
            let i = self.tail;
            self.unlink(i);
            self.index.remove(&self.nodes[i].key);
            self.nodes[i].key = key;
            self.nodes[i].value = value;
            i
        };
        self.index.insert(key, i);
        self.push_front(i);
    }
}
