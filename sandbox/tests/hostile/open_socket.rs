// expect: ok
// stdout: blocked
// why: A run has no network: connecting to a local TCP port fails.

use std::net::TcpStream;

fn main() {
    match TcpStream::connect("127.0.0.1:80") {
        Ok(_) => println!("connected"),
        Err(_) => println!("blocked"),
    }
}
