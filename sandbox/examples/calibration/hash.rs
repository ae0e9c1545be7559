use std::collections::HashSet;
use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let n: u64 = s.trim().parse().unwrap();
    let mut x: u64 = 42;
    let mut seen = HashSet::new();
    let (mut repeats, mut pairs) = (0u64, 0u64);
    for _ in 0..n {
        x = (x * 1103515245 + 12345) % 2147483648;
        let v = (x % 1000000) as i64;
        if seen.contains(&v) { repeats += 1; }
        if seen.contains(&(1000000 - v)) { pairs += 1; }
        seen.insert(v);
    }
    println!("{repeats} {pairs}");
}
