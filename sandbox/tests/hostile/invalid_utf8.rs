// expect: ok
// why: Output that is not valid UTF-8 is passed through byte for byte (0xff 0xfe 'A' '\n').

use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    out.write_all(&[0xff, 0xfe, 0x41, 0x0a]).unwrap();
    out.flush().unwrap();
}
