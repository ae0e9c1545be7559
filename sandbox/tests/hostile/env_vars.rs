// expect: ok
// stdout: 0
// why: The host's environment variables are not passed to a run.

fn main() {
    println!("{}", std::env::vars_os().count());
}
