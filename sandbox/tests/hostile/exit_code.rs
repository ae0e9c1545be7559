// expect: runtime_error
// exit: 3
// why: A non-zero exit is a runtime error and its code is reported.

fn main() {
    println!("exiting with 3");
    std::process::exit(3);
}
