// expect: output_limit
// why: Writing to stderr forever is cut off at the stderr cap and reported as output_limit.

fn main() {
    let line = "noise ".repeat(170);
    loop {
        eprintln!("{line}");
    }
}
