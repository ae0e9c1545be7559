// expect: time_limit
// why: A loop that never ends and does no I/O is stopped by the wall-clock or instruction limit.

use std::hint::black_box;
use std::io::Read;

fn main() {
    // Seed from stdin so nothing about the loop is known at compile time.
    let mut input = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut input);
    let mut x: u64 = input.len() as u64 + 1;
    loop {
        // black_box hides the value from the optimizer: the loop cannot be
        // folded away or proven to have no effect.
        x = black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407));
    }
}
