// expect: ok
// stdout: blocked
// why: No host file is visible to a run: opening /etc/passwd fails, so nothing leaks.

fn main() {
    match std::fs::read_to_string("/etc/passwd") {
        // Printed only if the file could really be read: that would be a leak.
        Ok(content) => print!("{content}"),
        Err(_) => println!("blocked"),
    }
}
