// expect: compile_error
// why: The compile jail mounts no /proc, so the environment of bubblewrap's init (once the server's own, DATABASE_URL included) cannot be read at compile time (issue 11).

fn main() {
    print!("{}", include_str!("/proc/1/environ").replace('\0', "\n"));
}
