use std::collections::HashMap;

// A trie with per-node counts and the three smallest names below each node.
#[derive(Default)]
struct Node {
    children: HashMap<u8, usize>,
    count: i32,
    end: bool,
    best: Vec<String>,
}

struct Autocomplete {
    nodes: Vec<Node>,
}

impl Autocomplete {
    fn new() -> Self {
        Autocomplete { nodes: vec![Node::default()] }
    }

    fn find(&self, prefix: &str) -> Option<usize> {
        let mut at = 0;
        for b in prefix.bytes() {
            at = *self.nodes[at].children.get(&b)?;
        }
        Some(at)
    }

    fn note(node: &mut Node, word: &str) {
        node.count += 1;
        let best = &mut node.best;
        if best.len() == 3 {
            if word >= best[2].as_str() {
                return;
            }
            best.pop();
        }
        let pos = best.partition_point(|w| w.as_str() < word);
        best.insert(pos, word.to_string());
    }

    fn insert(&mut self, word: String) {
        if let Some(at) = self.find(&word) {
            if self.nodes[at].end {
                return;
            }
        }
        let mut at = 0;
        Self::note(&mut self.nodes[0], &word);
        for b in word.bytes() {
            let next = match self.nodes[at].children.get(&b) {
                Some(&n) => n,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[at].children.insert(b, n);
                    n
                }
            };
            at = next;
            Self::note(&mut self.nodes[at], &word);
        }
        self.nodes[at].end = true;
    }

    fn count_prefix(&self, prefix: String) -> i32 {
        self.find(&prefix).map_or(0, |at| self.nodes[at].count)
    }

    fn top(&self, prefix: String) -> Vec<String> {
        self.find(&prefix).map_or(Vec::new(), |at| self.nodes[at].best.clone())
    }
}
