// expect: runtime_error
// why: A panic (which aborts on wasm) is a runtime error, not a sandbox failure.

fn main() {
    panic!("boom");
}
