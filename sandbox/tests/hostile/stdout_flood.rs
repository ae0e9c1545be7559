// expect: output_limit
// why: Printing to stdout forever is cut off at the stdout cap and reported as output_limit.

fn main() {
    let line = "flood ".repeat(170);
    loop {
        // Once the cap is reached the write fails and println! panics; either
        // way the sandbox must report the overflow, not a crash or a timeout.
        println!("{line}");
    }
}
