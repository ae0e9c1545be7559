use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let n: usize = s.trim().parse().unwrap();
    let mut x: u64 = 42;
    let mut values: Vec<i64> = Vec::with_capacity(n);
    for _ in 0..n { x = (x * 1103515245 + 12345) % 2147483648; values.push(x as i64); }
    values.sort_unstable();
    let mut checksum: i64 = 0;
    for (i, v) in values.iter().enumerate() { checksum = (checksum + v * (i as i64 % 7)) % 1000000007; }
    println!("{checksum}");
}
