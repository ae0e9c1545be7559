use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let n: usize = s.trim().parse().unwrap();
    let mut x: u64 = 42;
    let mut text = || -> Vec<u8> {
        (0..n).map(|_| { x = (x * 1103515245 + 12345) % 2147483648; b"abcd"[((x >> 16) % 4) as usize] }).collect()
    };
    let a = text();
    let b = text();
    let mut previous = vec![0u32; n + 1];
    let mut current = vec![0u32; n + 1];
    for i in 1..=n {
        current[0] = 0;
        for j in 1..=n {
            current[j] = if a[i - 1] == b[j - 1] { previous[j - 1] + 1 } else { previous[j].max(current[j - 1]) };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    println!("{}", previous[n]);
}
