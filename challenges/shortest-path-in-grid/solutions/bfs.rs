use std::collections::VecDeque;

impl Solution {
    pub fn fewest_steps(floor: Vec<String>) -> i32 {
        let grid: Vec<&[u8]> = floor.iter().map(|row| row.as_bytes()).collect();
        let (rows, cols) = (grid.len(), grid[0].len());
        let mut dist = vec![-1i32; rows * cols];
        let mut queue = VecDeque::new();
        let mut target = usize::MAX;
        for r in 0..rows {
            for c in 0..cols {
                match grid[r][c] {
                    b'S' => {
                        dist[r * cols + c] = 0;
                        queue.push_back((r, c));
                    }
                    b'T' => target = r * cols + c,
                    _ => {}
                }
            }
        }
        while let Some((r, c)) = queue.pop_front() {
            let here = dist[r * cols + c];
            if r * cols + c == target {
                return here;
            }
            let mut visit = |nr: usize, nc: usize| {
                if grid[nr][nc] != b'#' && dist[nr * cols + nc] < 0 {
                    dist[nr * cols + nc] = here + 1;
                    queue.push_back((nr, nc));
                }
            };
            if r > 0 { visit(r - 1, c); }
            if r + 1 < rows { visit(r + 1, c); }
            if c > 0 { visit(r, c - 1); }
            if c + 1 < cols { visit(r, c + 1); }
        }
        -1
    }
}
