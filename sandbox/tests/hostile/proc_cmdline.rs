// expect: compile_error
// why: Nor can the jail's command line (host paths) come back through a compile error (issue 11).

#[path = "/proc/1/cmdline"]
mod cmdline;

fn main() {
    print!("{}", include_str!("/proc/self/mountinfo"));
}
