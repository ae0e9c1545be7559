use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut lines = input.lines();
    let k: usize = lines.next().unwrap().trim().parse().unwrap();
    let mut streams: Vec<Vec<(u64, &str)>> = Vec::with_capacity(k);
    for _ in 0..k {
        let n: usize = lines.next().unwrap().trim().parse().unwrap();
        let stream = (0..n)
            .map(|_| {
                let line = lines.next().unwrap();
                let (stamp, message) = line.split_once(' ').unwrap();
                (stamp.parse().unwrap(), message)
            })
            .collect();
        streams.push(stream);
    }
    let mut heap = BinaryHeap::new();
    for (s, stream) in streams.iter().enumerate() {
        if let Some(&(stamp, _)) = stream.first() {
            heap.push(Reverse((stamp, s, 0usize)));
        }
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    while let Some(Reverse((stamp, s, i))) = heap.pop() {
        writeln!(out, "{stamp} {s} {}", streams[s][i].1).unwrap();
        if let Some(&(next, _)) = streams[s].get(i + 1) {
            heap.push(Reverse((next, s, i + 1)));
        }
    }
}
