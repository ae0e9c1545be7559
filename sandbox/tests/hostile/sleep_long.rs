// expect: time_limit
// why: std::thread::sleep in Rust is a clock wait like any other: charged, never blocking (issue 11).

fn main() {
    std::thread::sleep(std::time::Duration::from_secs(30));
    println!("woke up");
}
