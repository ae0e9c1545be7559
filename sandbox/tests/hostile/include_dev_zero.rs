// expect: compile_error
// why: Including an endless file makes the compiler read forever; the jail's memory or time limit stops it.

// /dev/zero reports a size of 0 and never ends, so rustc keeps growing its
// buffer until it runs out of heap or time.
static ZEROS: &[u8] = include_bytes!("/dev/zero");

fn main() {
    println!("{}", ZEROS.len());
}
