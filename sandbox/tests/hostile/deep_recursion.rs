// expect: runtime_error
// why: Unbounded recursion overflows the stack and traps instead of hurting the host.

use std::hint::black_box;

fn dive(n: u64) -> u64 {
    // A frame the optimizer must keep: black_box forces the array into memory.
    let frame = black_box([n; 32]);
    // The base case is never reached in practice, but the compiler cannot know
    // that, so it neither warns nor turns the call into a loop.
    if black_box(n) == u64::MAX {
        return 0;
    }
    // The addition after the call keeps it from being a tail call.
    dive(black_box(n + 1)).wrapping_add(frame[(n % 32) as usize])
}

fn main() {
    println!("{}", dive(0));
}
