// expect: ok
// stdout: blocked
// why: wasip1 has no threads: spawning one returns an error instead of escaping the single-threaded run.

use std::thread;

fn main() {
    match thread::Builder::new().spawn(|| 42) {
        Ok(handle) => println!("spawned {}", handle.join().unwrap_or(0)),
        Err(_) => println!("blocked"),
    }
}
