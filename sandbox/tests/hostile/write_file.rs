// expect: ok
// stdout: blocked
// why: A run cannot create files anywhere, neither by absolute nor by relative path.

use std::fs::File;
use std::io::Write;

fn main() {
    let mut created = Vec::new();
    for path in ["/tmp/pwned", "./pwned", "pwned", "/pwned"] {
        if let Ok(mut f) = File::create(path) {
            let _ = f.write_all(b"pwned\n");
            created.push(path);
        }
    }
    if created.is_empty() {
        println!("blocked");
    } else {
        println!("created {}", created.join(" "));
    }
}
