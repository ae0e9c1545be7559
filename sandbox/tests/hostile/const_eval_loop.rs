// expect: compile_error
// why: An endless compile-time computation is stopped by the compile time limit.

// rustc would normally give up on long const evaluation with a deny-by-default
// lint; allowing it lets the evaluation run forever.
#![allow(long_running_const_eval)]

const fn spin(mut x: u64) -> u64 {
    // x starts odd and stays odd (adding 2 wraps modulo 2^64, an even number),
    // so the loop never ends.
    while x % 2 == 1 {
        x = x.wrapping_add(2);
    }
    x
}

const NEVER: u64 = spin(1);

fn main() {
    println!("{NEVER}");
}
