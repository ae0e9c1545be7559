/**
 * @param {number} n
 * @param {number[][]} links
 * @return {number[]}
 */
var clustersAfterEachLink = function(n, links) {
    const parent = new Int32Array(n);
    const size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x) => {
        let root = x;
        while (parent[root] !== root) root = parent[root];
        while (parent[x] !== root) { const next = parent[x]; parent[x] = root; x = next; }
        return root;
    };
    let clusters = n;
    const counts = [];
    for (const [x, y] of links) {
        let a = find(x), b = find(y);
        if (a !== b) {
            if (size[a] < size[b]) [a, b] = [b, a];
            parent[b] = a;
            size[a] += size[b];
            clusters--;
        }
        counts.push(clusters);
    }
    return counts;
};
