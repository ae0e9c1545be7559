// The whole (n + 1) x (m + 1) table, row-major in one Vec.
impl Solution {
    pub fn typo_distance(current: String, target: String) -> i32 {
        let a = current.as_bytes();
        let b = target.as_bytes();
        let (n, m) = (a.len(), b.len());
        let w = m + 1;
        let mut d = vec![0i32; (n + 1) * w];
        for j in 0..=m {
            d[j] = j as i32;
        }
        for i in 1..=n {
            d[i * w] = i as i32;
            for j in 1..=m {
                let mut best = d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]) as i32;
                best = best.min(d[(i - 1) * w + j] + 1);
                best = best.min(d[i * w + j - 1] + 1);
                if i >= 2 && j >= 2 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * w + j - 2] + 1);
                }
                d[i * w + j] = best;
            }
        }
        d[n * w + m]
    }
}
