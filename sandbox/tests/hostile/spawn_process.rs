// expect: ok
// stdout: blocked
// why: A run cannot start host processes.

use std::process::Command;

fn main() {
    match Command::new("/bin/sh").arg("-c").arg("echo spawned").spawn() {
        Ok(mut child) => {
            let _ = child.wait();
            println!("spawned");
        }
        Err(_) => println!("blocked"),
    }
}
