// expect: compile_error
// why: The compiler jail has no /etc, so source cannot pull host files in at compile time.

// The path is absolute: include_str! reads it while compiling, on the host
// side of the sandbox, which is why the jail must not expose it.
const S: &str = include_str!("/etc/passwd");

fn main() {
    print!("{S}");
}
