impl Solution {
    pub fn merge_windows(windows: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        let mut sorted: Vec<(i32, i32)> = windows.iter().map(|w| (w[0], w[1])).collect();
        sorted.sort_unstable();
        let mut merged: Vec<Vec<i32>> = Vec::new();
        for (start, end) in sorted {
            match merged.last_mut() {
                Some(last) if start <= last[1] => last[1] = last[1].max(end),
                _ => merged.push(vec![start, end]),
            }
        }
        merged
    }
}
