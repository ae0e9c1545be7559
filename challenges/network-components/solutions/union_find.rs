impl Solution {
    pub fn clusters_after_each_link(n: i32, links: Vec<Vec<i32>>) -> Vec<i32> {
        let n = n as usize;
        let mut parent: Vec<usize> = (0..n).collect();
        let mut rank = vec![0u8; n];
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            // Path halving: every other node on the way points to its grandparent.
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut clusters = n as i32;
        let mut counts = Vec::with_capacity(links.len());
        for link in &links {
            let a = find(&mut parent, link[0] as usize);
            let b = find(&mut parent, link[1] as usize);
            if a != b {
                // Union by rank.
                if rank[a] < rank[b] {
                    parent[a] = b;
                } else {
                    parent[b] = a;
                    if rank[a] == rank[b] {
                        rank[a] += 1;
                    }
                }
                clusters -= 1;
            }
            counts.push(clusters);
        }
        counts
    }
}
