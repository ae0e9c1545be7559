// expect: memory_limit
// wall-ms: 5000
// why: Allocating and touching memory without bound ends as memory_limit once linear memory may grow no further.

use std::hint::black_box;

fn main() {
    let mut hoard: Vec<Vec<u8>> = Vec::new();
    let mut i: u8 = 0;
    loop {
        // 4 MiB filled with a non-zero byte, so every page is really written.
        i = i.wrapping_add(1) | 1;
        hoard.push(vec![i; 4 << 20]);
        // Let the hoard escape so the allocations cannot be optimized out.
        black_box(&mut hoard);
        // When the allocator cannot grow memory, Rust's allocation-failure
        // handler aborts (a trap), which the sandbox must report as memory_limit.
    }
}
